import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys with a query cost budget of their own (null: the server's default). */

export class KeyBudgets1796100000000 implements MigrationInterface {
  name = 'KeyBudgets1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A database adopted from before migrations was made from the entities as they are now: it may have the column already.
    if (await queryRunner.hasColumn('api_key', 'cost_budget')) return;
    await queryRunner.query(`ALTER TABLE "api_key" ADD COLUMN "cost_budget" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "cost_budget"`);
  }
}
