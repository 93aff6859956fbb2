import { MigrationInterface, QueryRunner } from 'typeorm';
import { RowCountsAndSearchIndex1795670500000 } from '../1795670500000-RowCountsAndSearchIndex';

/** Disputes, and who says each fact (attribution, hedges, field provenance). */

export class SaysWho1795975974227 implements MigrationInterface {
  name = 'SaysWho1795975974227';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "field_provenance" ("id" SERIAL NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" integer NOT NULL, "field" character varying(64) NOT NULL, "basis" character varying(16) NOT NULL, "quotes" text NOT NULL, "note" text, CONSTRAINT "UQ_5a1b488bb434be5a0d52c9a078a" UNIQUE ("subject_type", "subject_id", "field"), CONSTRAINT "PK_558a62d5a900d6683db3f37837c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ea62359a21704a52163f644431" ON "field_provenance"  ("subject_type", "subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "dispute" ("id" SERIAL NOT NULL, "slug" character varying NOT NULL, "title" character varying NOT NULL, "kind" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "started" character varying(24), CONSTRAINT "UQ_4e8ad61488311a045aa3901560e" UNIQUE ("slug"), CONSTRAINT "PK_e2f1f4741f2094ce789b0a7c5b3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7c52afec321a60f9e41e0a40f6" ON "dispute"  ("kind", "slug") `);
    await queryRunner.query(
      `CREATE TABLE "dispute_fact" ("id" SERIAL NOT NULL, "dispute_id" integer NOT NULL, "fact_type" character varying(32) NOT NULL, "fact_id" integer NOT NULL, CONSTRAINT "UQ_a0870eeb0a595d283eb6f31ab3f" UNIQUE ("dispute_id", "fact_type", "fact_id"), CONSTRAINT "PK_b4316cd3bd36f5f1b7e2ec983d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c69122133eb8d2029eb65e7df3" ON "dispute_fact"  ("fact_type", "fact_id") `);
    await queryRunner.query(
      `CREATE TABLE "dispute_side" ("id" SERIAL NOT NULL, "party_id" integer NOT NULL, "dispute_id" integer NOT NULL, "side" character varying(1) NOT NULL, "label" character varying, CONSTRAINT "UQ_ace15558fe566871d6a81b8c713" UNIQUE ("dispute_id", "party_id"), CONSTRAINT "PK_3676b1de4ff66681f2db1c6f5db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dfe5b8774114feca482f7860d0" ON "dispute_side"  ("party_id") `);
    await queryRunner.query(
      `CREATE TABLE "fact_attribution" ("id" SERIAL NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" integer NOT NULL, "attribution" character varying(16) NOT NULL, "claimed_by_id" integer, "hedges" text NOT NULL, CONSTRAINT "UQ_f5f8c8548db5b6f6f88e30aa64b" UNIQUE ("subject_type", "subject_id"), CONSTRAINT "PK_e028a1aafa1d952af07c188e68d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a158a32cbe1edcb012c732b8cc" ON "fact_attribution"  ("claimed_by_id") `);
    await queryRunner.query(
      `ALTER TABLE "dispute_fact" ADD CONSTRAINT "FK_34c7880c7cd5cfacf273ee8d3b8" FOREIGN KEY ("dispute_id") REFERENCES "dispute"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispute_side" ADD CONSTRAINT "FK_dfe5b8774114feca482f7860d0b" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispute_side" ADD CONSTRAINT "FK_c1ef29f47d4083fd5a35a02b317" FOREIGN KEY ("dispute_id") REFERENCES "dispute"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fact_attribution" ADD CONSTRAINT "FK_a158a32cbe1edcb012c732b8ccb" FOREIGN KEY ("claimed_by_id") REFERENCES "party"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Disputes are counted and searched: their triggers, as for the first tables.
    await new RowCountsAndSearchIndex1795670500000().up(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fact_attribution" DROP CONSTRAINT "FK_a158a32cbe1edcb012c732b8ccb"`);
    await queryRunner.query(`ALTER TABLE "dispute_side" DROP CONSTRAINT "FK_c1ef29f47d4083fd5a35a02b317"`);
    await queryRunner.query(`ALTER TABLE "dispute_side" DROP CONSTRAINT "FK_dfe5b8774114feca482f7860d0b"`);
    await queryRunner.query(`ALTER TABLE "dispute_fact" DROP CONSTRAINT "FK_34c7880c7cd5cfacf273ee8d3b8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a158a32cbe1edcb012c732b8cc"`);
    await queryRunner.query(`DROP TABLE "fact_attribution"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dfe5b8774114feca482f7860d0"`);
    await queryRunner.query(`DROP TABLE "dispute_side"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c69122133eb8d2029eb65e7df3"`);
    await queryRunner.query(`DROP TABLE "dispute_fact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7c52afec321a60f9e41e0a40f6"`);
    await queryRunner.query(`DROP TABLE "dispute"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea62359a21704a52163f644431"`);
    await queryRunner.query(`DROP TABLE "field_provenance"`);
  }
}
