import { MigrationInterface, QueryRunner } from 'typeorm';
import { provenanceToStatements, statementsToProvenance } from '../field-statements-conversion';

/** Field provenance becomes field statements: every value a statement of a dated source, with history; a dispute's technologies. */

export class FieldStatements1796100000001 implements MigrationInterface {
  name = 'FieldStatements1796100000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "field_statement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "field" varchar(64) NOT NULL, "value" text NOT NULL, "basis" varchar(16) NOT NULL, "quotes" text NOT NULL, "note" text, "attribution" varchar(16), "claimed_by_id" integer, "claimant" varchar(200), "source_id" integer, "known_since" varchar(10) NOT NULL, "recorded_at" varchar(24) NOT NULL, "recorded_by" varchar(100) NOT NULL, "rank" varchar(16) NOT NULL, CONSTRAINT "FK_b20ab3a34b84379a530f799d128" FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_78e5d23f5b9922ace1b4a2812a" ON "field_statement" ("claimed_by_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b20ab3a34b84379a530f799d12" ON "field_statement" ("source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_918403359a5a63157e7732a491" ON "field_statement" ("subject_type", "subject_id", "field") `);
    // A claimant described in words, when it is not a stored party (an analysis of filings).
    await queryRunner.query(`ALTER TABLE "fact_attribution" ADD COLUMN "claimant" varchar(200)`);
    await provenanceToStatements(queryRunner);
    // What a dispute is about (a patent dispute's technologies), as its source lists them.
    // Added in place: rebuilding the table would drop its row-count and search triggers.
    await queryRunner.query(`ALTER TABLE "dispute" ADD COLUMN "technologies" text NOT NULL DEFAULT ('[]')`);
    await queryRunner.query(`DROP INDEX "IDX_ea62359a21704a52163f644431"`);
    await queryRunner.query(`DROP TABLE "field_provenance"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "field_provenance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(32) NOT NULL, "subject_id" integer NOT NULL, "field" varchar(64) NOT NULL, "basis" varchar(16) NOT NULL, "quotes" text NOT NULL, "note" text, CONSTRAINT "UQ_5a1b488bb434be5a0d52c9a078a" UNIQUE ("subject_type", "subject_id", "field"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ea62359a21704a52163f644431" ON "field_provenance" ("subject_type", "subject_id") `);
    await statementsToProvenance(queryRunner);
    await queryRunner.query(`ALTER TABLE "fact_attribution" DROP COLUMN "claimant"`);
    await queryRunner.query(`ALTER TABLE "dispute" DROP COLUMN "technologies"`);
    await queryRunner.query(`DROP INDEX "IDX_918403359a5a63157e7732a491"`);
    await queryRunner.query(`DROP INDEX "IDX_b20ab3a34b84379a530f799d12"`);
    await queryRunner.query(`DROP INDEX "IDX_78e5d23f5b9922ace1b4a2812a"`);
    await queryRunner.query(`DROP TABLE "field_statement"`);
  }
}
