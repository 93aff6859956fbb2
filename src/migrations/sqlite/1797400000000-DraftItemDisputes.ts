import { MigrationInterface, QueryRunner } from 'typeorm';

/** The disputes a drafted new fact is proposed to join (slug, title, why), for review. */
export class DraftItemDisputes1797400000000 implements MigrationInterface {
  name = 'DraftItemDisputes1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "draft_item" ADD COLUMN "disputes" text NOT NULL DEFAULT ('[]')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "draft_item" DROP COLUMN "disputes"`);
  }
}
