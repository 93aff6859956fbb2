import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropDatedRowCounts, installRowCounts } from '../common/database/row-counts';
import { timelineIndexesSql, timelineIndexName } from '../common/facts/fact-sql';
import { factTypes } from '../facts';

/**
 * The whole graph's timeline read in order: an index on (sort key of the date, id) per dated fact
 * table, and the trigger-kept counts of dated rows (row-counts.ts). Both derived from the fact
 * registry; written once for both dialects.
 */
export class TimelineOrder1797500000000 implements MigrationInterface {
  name = 'TimelineOrder1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of timelineIndexesSql(factTypes)) await queryRunner.query(sql);
    await installRowCounts(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropDatedRowCounts(queryRunner);
    for (const { table } of factTypes.filter((fact) => fact.timeline)) await queryRunner.query(`DROP INDEX IF EXISTS "${timelineIndexName(table)}"`);
  }
}
