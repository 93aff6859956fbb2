import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropRowCounts, installRowCounts } from '../common/database/row-counts';
import { searchDialect } from '../modules/search/search.dialect';

/**
 * The structures the database keeps for us beside the entity tables: trigger-kept row counts
 * and the full-text search index with its triggers. Their SQL lives with the code that reads
 * them (row-counts.ts, search.dialect.ts), one version per dialect; both builders are
 * idempotent, so a later migration that rebuilds a counted or indexed table (SQLite rebuilds
 * tables to alter columns, dropping their triggers) runs `up` again at its end.
 */
export class RowCountsAndSearchIndex1795670500000 implements MigrationInterface {
  name = 'RowCountsAndSearchIndex1795670500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await installRowCounts(queryRunner);
    await searchDialect(queryRunner.connection)?.ensureIndex(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await searchDialect(queryRunner.connection)?.dropIndex(queryRunner);
    await dropRowCounts(queryRunner);
  }
}
