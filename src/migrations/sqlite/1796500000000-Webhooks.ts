import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks (an endpoint, its filter, secret, state and cursor in the change feed) and their delivery log. */

export class Webhooks1796500000000 implements MigrationInterface {
  name = 'Webhooks1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "url" varchar(2048) NOT NULL, "filter" text NOT NULL, "secret" varchar(100) NOT NULL, "status" varchar(16) NOT NULL, "disabled_reason" text, "consecutive_failures" integer NOT NULL, "change_cursor" integer NOT NULL, "created_at" varchar(24) NOT NULL, "created_by" varchar(100) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "webhook_id" integer NOT NULL, "idempotency_key" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL, "change_count" integer NOT NULL, "payload" text NOT NULL, "created_at" varchar(24) NOT NULL, "next_attempt_at" varchar(24), "locked_until" varchar(24), "last_attempt_at" varchar(24), "delivered_at" varchar(24), "last_error" text, "response_status" integer, CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d" FOREIGN KEY ("webhook_id") REFERENCES "webhook" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2efc55b50d44c81ba5ca172997" ON "webhook_delivery" ("idempotency_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_68fd3a7ad4e5504350f64a3472" ON "webhook_delivery" ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_2859f7b4119005b77385e54e8d" ON "webhook_delivery" ("webhook_id", "status", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2859f7b4119005b77385e54e8d"`);
    await queryRunner.query(`DROP INDEX "IDX_68fd3a7ad4e5504350f64a3472"`);
    await queryRunner.query(`DROP INDEX "IDX_2efc55b50d44c81ba5ca172997"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
  }
}
