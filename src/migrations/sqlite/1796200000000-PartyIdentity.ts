import { MigrationInterface, QueryRunner } from 'typeorm';
import { renameSeedSlugs, restoreSeedSlugs } from '../seed-slug-corrections';

/** Former identifiers (slugs and ids that keep resolving), editors' decisions about parties (merged, not the same), and the seed's corrected slugs. */

export class PartyIdentity1796200000000 implements MigrationInterface {
  name = 'PartyIdentity1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "former_identifier" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "table_name" varchar(64) NOT NULL, "former_slug" varchar, "former_id" integer, "current_id" integer NOT NULL, "reason" text NOT NULL, "recorded_at" varchar(24) NOT NULL, "recorded_by" varchar(100) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_former_identifier_current" ON "former_identifier" ("table_name", "current_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_former_identifier_id" ON "former_identifier" ("table_name", "former_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_former_identifier_slug" ON "former_identifier" ("table_name", "former_slug") `);
    await queryRunner.query(
      `CREATE TABLE "party_decision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(16) NOT NULL, "party_id" integer NOT NULL, "other_party_id" integer, "absorbed_slug" varchar, "absorbed_name" varchar, "absorbed_id" integer, "reason" text NOT NULL, "decided_by" varchar(100) NOT NULL, "decided_at" varchar(24) NOT NULL, CONSTRAINT "FK_b706434089fa8823db310a541b8" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a9a8c3029a04f64d4772d5454cf" FOREIGN KEY ("other_party_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b706434089fa8823db310a541b" ON "party_decision" ("party_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9a8c3029a04f64d4772d5454c" ON "party_decision" ("other_party_id") `);
    await renameSeedSlugs(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await restoreSeedSlugs(queryRunner);
    await queryRunner.query(`DROP INDEX "IDX_a9a8c3029a04f64d4772d5454c"`);
    await queryRunner.query(`DROP INDEX "IDX_b706434089fa8823db310a541b"`);
    await queryRunner.query(`DROP TABLE "party_decision"`);
    await queryRunner.query(`DROP INDEX "IDX_former_identifier_slug"`);
    await queryRunner.query(`DROP INDEX "IDX_former_identifier_id"`);
    await queryRunner.query(`DROP INDEX "IDX_former_identifier_current"`);
    await queryRunner.query(`DROP TABLE "former_identifier"`);
  }
}
