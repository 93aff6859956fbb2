import { MigrationInterface, QueryRunner } from 'typeorm';
import { RowCountsAndSearchIndex1795670500000 } from '../1795670500000-RowCountsAndSearchIndex';

/** Disputes, and who says each fact (attribution, hedges, field provenance). */

export class SaysWho1795975969479 implements MigrationInterface {
  name = 'SaysWho1795975969479';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "field_provenance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "field" varchar(64) NOT NULL, "basis" varchar(16) NOT NULL, "quotes" text NOT NULL, "note" text, CONSTRAINT "UQ_5a1b488bb434be5a0d52c9a078a" UNIQUE ("subject_type", "subject_id", "field"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ea62359a21704a52163f644431" ON "field_provenance" ("subject_type", "subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "dispute" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "title" varchar NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "started" varchar(24), CONSTRAINT "UQ_4e8ad61488311a045aa3901560e" UNIQUE ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7c52afec321a60f9e41e0a40f6" ON "dispute" ("kind", "slug") `);
    await queryRunner.query(
      `CREATE TABLE "dispute_fact" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "dispute_id" integer NOT NULL, "fact_type" varchar(32) NOT NULL, "fact_id" integer NOT NULL, CONSTRAINT "UQ_a0870eeb0a595d283eb6f31ab3f" UNIQUE ("dispute_id", "fact_type", "fact_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c69122133eb8d2029eb65e7df3" ON "dispute_fact" ("fact_type", "fact_id") `);
    await queryRunner.query(
      `CREATE TABLE "dispute_side" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "dispute_id" integer NOT NULL, "side" varchar(1) NOT NULL, "label" varchar, CONSTRAINT "UQ_ace15558fe566871d6a81b8c713" UNIQUE ("dispute_id", "party_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dfe5b8774114feca482f7860d0" ON "dispute_side" ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "fact_attribution" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "attribution" varchar(16) NOT NULL, "claimed_by_id" integer, "hedges" text NOT NULL, CONSTRAINT "UQ_f5f8c8548db5b6f6f88e30aa64b" UNIQUE ("subject_type", "subject_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a158a32cbe1edcb012c732b8cc" ON "fact_attribution" ("claimed_by_id") `);
    await queryRunner.query(`DROP INDEX "IDX_c69122133eb8d2029eb65e7df3"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_dispute_fact" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "dispute_id" integer NOT NULL, "fact_type" varchar(32) NOT NULL, "fact_id" integer NOT NULL, CONSTRAINT "UQ_a0870eeb0a595d283eb6f31ab3f" UNIQUE ("dispute_id", "fact_type", "fact_id"), CONSTRAINT "FK_34c7880c7cd5cfacf273ee8d3b8" FOREIGN KEY ("dispute_id") REFERENCES "dispute" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_dispute_fact"("id", "dispute_id", "fact_type", "fact_id") SELECT "id", "dispute_id", "fact_type", "fact_id" FROM "dispute_fact"`,
    );
    await queryRunner.query(`DROP TABLE "dispute_fact"`);
    await queryRunner.query(`ALTER TABLE "temporary_dispute_fact" RENAME TO "dispute_fact"`);
    await queryRunner.query(`CREATE INDEX "IDX_c69122133eb8d2029eb65e7df3" ON "dispute_fact" ("fact_type", "fact_id") `);
    await queryRunner.query(`DROP INDEX "IDX_dfe5b8774114feca482f7860d0"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_dispute_side" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "dispute_id" integer NOT NULL, "side" varchar(1) NOT NULL, "label" varchar, CONSTRAINT "UQ_ace15558fe566871d6a81b8c713" UNIQUE ("dispute_id", "party_id"), CONSTRAINT "FK_dfe5b8774114feca482f7860d0b" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c1ef29f47d4083fd5a35a02b317" FOREIGN KEY ("dispute_id") REFERENCES "dispute" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_dispute_side"("id", "party_id", "dispute_id", "side", "label") SELECT "id", "party_id", "dispute_id", "side", "label" FROM "dispute_side"`,
    );
    await queryRunner.query(`DROP TABLE "dispute_side"`);
    await queryRunner.query(`ALTER TABLE "temporary_dispute_side" RENAME TO "dispute_side"`);
    await queryRunner.query(`CREATE INDEX "IDX_dfe5b8774114feca482f7860d0" ON "dispute_side" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_a158a32cbe1edcb012c732b8cc"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_fact_attribution" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "attribution" varchar(16) NOT NULL, "claimed_by_id" integer, "hedges" text NOT NULL, CONSTRAINT "UQ_f5f8c8548db5b6f6f88e30aa64b" UNIQUE ("subject_type", "subject_id"), CONSTRAINT "FK_a158a32cbe1edcb012c732b8ccb" FOREIGN KEY ("claimed_by_id") REFERENCES "party" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_fact_attribution"("id", "subject_type", "subject_id", "attribution", "claimed_by_id", "hedges") SELECT "id", "subject_type", "subject_id", "attribution", "claimed_by_id", "hedges" FROM "fact_attribution"`,
    );
    await queryRunner.query(`DROP TABLE "fact_attribution"`);
    await queryRunner.query(`ALTER TABLE "temporary_fact_attribution" RENAME TO "fact_attribution"`);
    await queryRunner.query(`CREATE INDEX "IDX_a158a32cbe1edcb012c732b8cc" ON "fact_attribution" ("claimed_by_id") `);
    // Disputes are counted and searched: their triggers, as for the first tables.
    await new RowCountsAndSearchIndex1795670500000().up(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_a158a32cbe1edcb012c732b8cc"`);
    await queryRunner.query(`ALTER TABLE "fact_attribution" RENAME TO "temporary_fact_attribution"`);
    await queryRunner.query(
      `CREATE TABLE "fact_attribution" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "attribution" varchar(16) NOT NULL, "claimed_by_id" integer, "hedges" text NOT NULL, CONSTRAINT "UQ_f5f8c8548db5b6f6f88e30aa64b" UNIQUE ("subject_type", "subject_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "fact_attribution"("id", "subject_type", "subject_id", "attribution", "claimed_by_id", "hedges") SELECT "id", "subject_type", "subject_id", "attribution", "claimed_by_id", "hedges" FROM "temporary_fact_attribution"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_fact_attribution"`);
    await queryRunner.query(`CREATE INDEX "IDX_a158a32cbe1edcb012c732b8cc" ON "fact_attribution" ("claimed_by_id") `);
    await queryRunner.query(`DROP INDEX "IDX_dfe5b8774114feca482f7860d0"`);
    await queryRunner.query(`ALTER TABLE "dispute_side" RENAME TO "temporary_dispute_side"`);
    await queryRunner.query(
      `CREATE TABLE "dispute_side" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "party_id" integer NOT NULL, "dispute_id" integer NOT NULL, "side" varchar(1) NOT NULL, "label" varchar, CONSTRAINT "UQ_ace15558fe566871d6a81b8c713" UNIQUE ("dispute_id", "party_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "dispute_side"("id", "party_id", "dispute_id", "side", "label") SELECT "id", "party_id", "dispute_id", "side", "label" FROM "temporary_dispute_side"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_dispute_side"`);
    await queryRunner.query(`CREATE INDEX "IDX_dfe5b8774114feca482f7860d0" ON "dispute_side" ("party_id") `);
    await queryRunner.query(`DROP INDEX "IDX_c69122133eb8d2029eb65e7df3"`);
    await queryRunner.query(`ALTER TABLE "dispute_fact" RENAME TO "temporary_dispute_fact"`);
    await queryRunner.query(
      `CREATE TABLE "dispute_fact" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "dispute_id" integer NOT NULL, "fact_type" varchar(32) NOT NULL, "fact_id" integer NOT NULL, CONSTRAINT "UQ_a0870eeb0a595d283eb6f31ab3f" UNIQUE ("dispute_id", "fact_type", "fact_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "dispute_fact"("id", "dispute_id", "fact_type", "fact_id") SELECT "id", "dispute_id", "fact_type", "fact_id" FROM "temporary_dispute_fact"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_dispute_fact"`);
    await queryRunner.query(`CREATE INDEX "IDX_c69122133eb8d2029eb65e7df3" ON "dispute_fact" ("fact_type", "fact_id") `);
    await queryRunner.query(`DROP INDEX "IDX_a158a32cbe1edcb012c732b8cc"`);
    await queryRunner.query(`DROP TABLE "fact_attribution"`);
    await queryRunner.query(`DROP INDEX "IDX_dfe5b8774114feca482f7860d0"`);
    await queryRunner.query(`DROP TABLE "dispute_side"`);
    await queryRunner.query(`DROP INDEX "IDX_c69122133eb8d2029eb65e7df3"`);
    await queryRunner.query(`DROP TABLE "dispute_fact"`);
    await queryRunner.query(`DROP INDEX "IDX_7c52afec321a60f9e41e0a40f6"`);
    await queryRunner.query(`DROP TABLE "dispute"`);
    await queryRunner.query(`DROP INDEX "IDX_ea62359a21704a52163f644431"`);
    await queryRunner.query(`DROP TABLE "field_provenance"`);
  }
}
