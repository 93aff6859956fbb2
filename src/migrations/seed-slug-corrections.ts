import type { QueryRunner } from 'typeorm';

/**
 * Slugs of the seed report's facts that said more than the report (an order of two suits it
 * does not give, a decision "against" Huawei where it says only that the decision would hurt its
 * business). A database seeded before gets them renamed here, each old slug recorded as a former
 * identifier of its row, so links to it keep resolving and the corrected seed document finds its
 * rows again (it is matched by slug) instead of adding new ones. A database without those rows
 * (a fresh one, or one where they were renamed already) is left as it is.
 */
export const SEED_SLUG_CORRECTIONS: { table: string; from: string; to: string; reason: string }[] = [
  {
    table: 'lawsuit',
    from: 'huawei-v-verizon-patent-1',
    to: 'huawei-v-verizon-patent-suit-rkq',
    reason: 'the report gives no order of the two suits; "-1" suggested one (the suffix now has no meaning)',
  },
  {
    table: 'lawsuit',
    from: 'huawei-v-verizon-patent-2',
    to: 'huawei-v-verizon-patent-suit-wbt',
    reason: 'the report gives no order of the two suits; "-2" suggested one (the suffix now has no meaning)',
  },
  {
    table: 'regulatory_action',
    from: 'fcc-decision-against-huawei',
    to: 'regulatory-decision-challenged-by-huawei',
    reason: 'the report says the decision would hurt Huawei’s business, not that it was aimed at Huawei, nor who made it',
  },
];

export async function renameSeedSlugs(queryRunner: QueryRunner): Promise<void> {
  const postgres = queryRunner.connection.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  const recordedAt = new Date().toISOString();
  for (const { table, from, to, reason } of SEED_SLUG_CORRECTIONS) {
    const [row] = await queryRunner.query(`SELECT id FROM "${table}" WHERE slug = ${p(1)}`, [from]);
    const [taken] = await queryRunner.query(`SELECT id FROM "${table}" WHERE slug = ${p(1)}`, [to]);
    if (!row || taken) continue;
    await queryRunner.query(`UPDATE "${table}" SET slug = ${p(1)} WHERE id = ${p(2)}`, [to, row.id]);
    await queryRunner.query(
      `INSERT INTO former_identifier (table_name, former_slug, former_id, current_id, reason, recorded_at, recorded_by) VALUES (${p(1)}, ${p(2)}, NULL, ${p(3)}, ${p(4)}, ${p(5)}, 'migration')`,
      [table, from, row.id, reason, recordedAt],
    );
    // Statements whose value is the slug itself (a suit's `challenges`) name the row by its new one,
    // so the corrected document confirms them instead of adding a new value beside them.
    await queryRunner.query(`UPDATE field_statement SET value = ${p(1)} WHERE value = ${p(2)}`, [JSON.stringify(to), JSON.stringify(from)]);
  }
}

/** Back to the old slugs (the migration's `down`). */
export async function restoreSeedSlugs(queryRunner: QueryRunner): Promise<void> {
  const postgres = queryRunner.connection.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  for (const { table, from, to } of SEED_SLUG_CORRECTIONS) {
    const [taken] = await queryRunner.query(`SELECT id FROM "${table}" WHERE slug = ${p(1)}`, [from]);
    if (taken) continue;
    await queryRunner.query(`UPDATE "${table}" SET slug = ${p(1)} WHERE slug = ${p(2)}`, [from, to]);
    await queryRunner.query(`UPDATE field_statement SET value = ${p(1)} WHERE value = ${p(2)}`, [JSON.stringify(from), JSON.stringify(to)]);
  }
}
