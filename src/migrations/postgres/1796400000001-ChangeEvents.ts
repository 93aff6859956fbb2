import { MigrationInterface, QueryRunner } from 'typeorm';

/** The change feed: one row per change an accepted write made, and the parties and disputes each touches. */

export class ChangeEvents1796400000001 implements MigrationInterface {
  name = 'ChangeEvents1796400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "change_event" ("id" SERIAL NOT NULL, "at" character varying(24) NOT NULL, "kind" character varying(24) NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" integer NOT NULL, "field" character varying(64), "statement_id" integer, "value" text, "rank" character varying(16), "source_id" integer, "source" character varying, "actor" character varying(100) NOT NULL, "action" character varying(64) NOT NULL, "parties" text NOT NULL, "disputes" text NOT NULL, CONSTRAINT "PK_0ec064be863f2541f0d6f8fb94c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "change_party" ("change_id" integer NOT NULL, "party_id" integer NOT NULL, CONSTRAINT "PK_b0cb0f01f74562dbab1b27536b4" PRIMARY KEY ("change_id", "party_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b0cb0f01f74562dbab1b27536b" ON "change_party" ("party_id", "change_id") `);
    await queryRunner.query(
      `CREATE TABLE "change_dispute" ("change_id" integer NOT NULL, "dispute_id" integer NOT NULL, CONSTRAINT "PK_f455a508fa20928da90b6588f4d" PRIMARY KEY ("change_id", "dispute_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f455a508fa20928da90b6588f4" ON "change_dispute" ("dispute_id", "change_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_f455a508fa20928da90b6588f4"`);
    await queryRunner.query(`DROP TABLE "change_dispute"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0cb0f01f74562dbab1b27536b"`);
    await queryRunner.query(`DROP TABLE "change_party"`);
    await queryRunner.query(`DROP TABLE "change_event"`);
  }
}
