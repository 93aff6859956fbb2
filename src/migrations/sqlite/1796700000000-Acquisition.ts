import { MigrationInterface, QueryRunner } from 'typeorm';
import { RowCountsAndSearchIndex1795670500000 } from '../1795670500000-RowCountsAndSearchIndex';

/** Acquisitions (a fact type: buyer, target, announced, status), and their search triggers. */

export class Acquisition1796700000000 implements MigrationInterface {
  name = 'Acquisition1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "acquisition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar NOT NULL, "buyer_id" integer NOT NULL, "target_id" integer NOT NULL, "announced" varchar(24), "status" varchar(16) NOT NULL, CONSTRAINT "UQ_6fdba9a7a97438223b28f4ba3bc" UNIQUE ("slug"), CONSTRAINT "FK_918495a473c0924325fa8311bd4" FOREIGN KEY ("buyer_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_525601568d20784172834d9db73" FOREIGN KEY ("target_id") REFERENCES "party" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_918495a473c0924325fa8311bd" ON "acquisition" ("buyer_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_525601568d20784172834d9db7" ON "acquisition" ("target_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_994d622fa37384d3a0aecade13" ON "acquisition" ("announced") `);
    await new RowCountsAndSearchIndex1795670500000().up(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "acquisition"`);
  }
}
