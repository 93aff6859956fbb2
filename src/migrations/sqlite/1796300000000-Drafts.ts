import { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts: a report's proposed facts and names, awaiting an editor's review (editors only until accepted). */
export class Drafts1796300000000 implements MigrationInterface {
  name = 'Drafts1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "draft" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "source_id" integer NOT NULL, "status" varchar(16) NOT NULL, "created_at" varchar(32) NOT NULL, "created_by" varchar(100) NOT NULL, "source" text NOT NULL, "dates" text NOT NULL, "extraction_ms" integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_74c8e31077f1472ad84ddcf3f5" ON "draft" ("source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0b885bfc84573a75c54620e5d1" ON "draft" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "draft_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "draft_id" integer NOT NULL, "key" varchar(16) NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "type_name" varchar(64) NOT NULL, "document_key" varchar(64) NOT NULL, "cue" varchar(64) NOT NULL, "quote" text NOT NULL, "start" integer NOT NULL, "end" integer NOT NULL, "entry" text NOT NULL, "target_slug" varchar(100), "target_status" varchar(32), "reason" text, "decided_by" varchar(100), "decided_at" varchar(32))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_922175ec05df890b37f23b794d" ON "draft_item" ("draft_id", "key") `);
    await queryRunner.query(
      `CREATE TABLE "draft_mention" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "draft_id" integer NOT NULL, "key" varchar(16) NOT NULL, "name" varchar(300) NOT NULL, "spans" text NOT NULL, "kind" varchar(16) NOT NULL, "slug" varchar(100) NOT NULL, "linked" text, "alternatives" text NOT NULL, "decision" varchar(16) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe492671867baee57cacc1f516" ON "draft_mention" ("draft_id", "key") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_fe492671867baee57cacc1f516"`);
    await queryRunner.query(`DROP TABLE "draft_mention"`);
    await queryRunner.query(`DROP INDEX "IDX_922175ec05df890b37f23b794d"`);
    await queryRunner.query(`DROP TABLE "draft_item"`);
    await queryRunner.query(`DROP INDEX "IDX_0b885bfc84573a75c54620e5d1"`);
    await queryRunner.query(`DROP INDEX "IDX_74c8e31077f1472ad84ddcf3f5"`);
    await queryRunner.query(`DROP TABLE "draft"`);
  }
}
