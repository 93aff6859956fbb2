import { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts: a report's proposed facts and names, awaiting an editor's review (editors only until accepted). */
export class Drafts1796300000001 implements MigrationInterface {
  name = 'Drafts1796300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "draft" ("id" SERIAL NOT NULL, "source_id" integer NOT NULL, "status" character varying(16) NOT NULL, "created_at" character varying(32) NOT NULL, "created_by" character varying(100) NOT NULL, "source" text NOT NULL, "dates" text NOT NULL, "extraction_ms" integer NOT NULL, CONSTRAINT "PK_0b2b03d3f2c998450423648bc65" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_74c8e31077f1472ad84ddcf3f5" ON "draft"  ("source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0b885bfc84573a75c54620e5d1" ON "draft"  ("status") `);
    await queryRunner.query(
      `CREATE TABLE "draft_item" ("id" SERIAL NOT NULL, "draft_id" integer NOT NULL, "key" character varying(16) NOT NULL, "kind" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "type_name" character varying(64) NOT NULL, "document_key" character varying(64) NOT NULL, "cue" character varying(64) NOT NULL, "quote" text NOT NULL, "start" integer NOT NULL, "end" integer NOT NULL, "entry" text NOT NULL, "target_slug" character varying(100), "target_status" character varying(32), "reason" text, "decided_by" character varying(100), "decided_at" character varying(32), CONSTRAINT "PK_cec9bb5bed08b5a738ca753f5ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_922175ec05df890b37f23b794d" ON "draft_item"  ("draft_id", "key") `);
    await queryRunner.query(
      `CREATE TABLE "draft_mention" ("id" SERIAL NOT NULL, "draft_id" integer NOT NULL, "key" character varying(16) NOT NULL, "name" character varying(300) NOT NULL, "spans" text NOT NULL, "kind" character varying(16) NOT NULL, "slug" character varying(100) NOT NULL, "linked" text, "alternatives" text NOT NULL, "decision" character varying(16) NOT NULL, CONSTRAINT "PK_92fd5c5d54a602478b21ef806f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe492671867baee57cacc1f516" ON "draft_mention"  ("draft_id", "key") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_fe492671867baee57cacc1f516"`);
    await queryRunner.query(`DROP TABLE "draft_mention"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_922175ec05df890b37f23b794d"`);
    await queryRunner.query(`DROP TABLE "draft_item"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0b885bfc84573a75c54620e5d1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_74c8e31077f1472ad84ddcf3f5"`);
    await queryRunner.query(`DROP TABLE "draft"`);
  }
}
