import type { QueryRunner } from 'typeorm';

/**
 * Field provenance becomes field statements (written once for both dialects; each dialect's
 * migration creates the table, then calls these). Every provenance row becomes a NORMAL
 * statement, with the same id (its quotes' citations keep pointing at it), of the source its
 * quotes are cited from (else the source of its fact's first citation), known since that
 * source's publication date, holding the value the fact's row has now. Frozen here: the tables
 * and columns as they were when this migration was written.
 */

const TABLES: Record<string, string> = {
  Company: 'party',
  Person: 'party',
  Authority: 'party',
  Characterization: 'characterization',
  Affiliation: 'affiliation',
  Kinship: 'kinship',
  RegulatoryAction: 'regulatory_action',
  Lawsuit: 'lawsuit',
  Sanction: 'sanction',
  LicensingNegotiation: 'licensing_negotiation',
  PatentStat: 'patent_stat',
  Ranking: 'ranking',
  RankingEntry: 'ranking_entry',
  Statement: 'statement',
  Event: 'event',
  Dispute: 'dispute',
};
/** simple-json columns: their text is the JSON value already. */
const JSON_COLUMNS = new Set(['aliases', 'technologies', 'topics']);

/** Columns not named after their field. */
const COLUMNS: Record<string, string> = { 'Authority.kind': 'authority_kind' };
/** Fields held as link rows: their value is the parties' slugs, in the order they were linked. */
const LINKS: Record<string, { table: string; fact: string; role?: [string, string] }> = {
  'Lawsuit.plaintiffs': { table: 'lawsuit_party', fact: 'lawsuit_id', role: ['role', 'PLAINTIFF'] },
  'Lawsuit.defendants': { table: 'lawsuit_party', fact: 'lawsuit_id', role: ['role', 'DEFENDANT'] },
  'Event.participants': { table: 'event_participant', fact: 'event_id' },
  'LicensingNegotiation.parties': { table: 'negotiation_party', fact: 'negotiation_id' },
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const isoPrefix = (date: string | null) => /\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(date ?? '')?.[0] ?? null;

type ProvenanceRow = {
  id: number;
  subject_type: string;
  subject_id: number;
  field: string;
  basis: string;
  quotes: string;
  note: string | null;
  quoted_source: number | null;
  fact_source: number | null;
};

export async function provenanceToStatements(runner: QueryRunner): Promise<void> {
  const postgres = runner.connection.driver.options.type === 'postgres';
  const p = (i: number) => (postgres ? `$${i}` : '?');
  const rows: ProvenanceRow[] = await runner.query(
    `SELECT fp.id, fp.subject_type, fp.subject_id, fp.field, fp.basis, fp.quotes, fp.note,
      (SELECT c.source_id FROM citation c WHERE c.subject_type = 'FieldProvenance' AND c.subject_id = fp.id ORDER BY c.id LIMIT 1) AS quoted_source,
      (SELECT c.source_id FROM citation c WHERE c.subject_type = fp.subject_type AND c.subject_id = fp.subject_id ORDER BY c.id LIMIT 1) AS fact_source
     FROM field_provenance fp ORDER BY fp.id`,
  );
  if (!rows.length) return;
  const sources = new Map<number, string | null>(
    ((await runner.query('SELECT id, published_on FROM source')) as { id: number; published_on: string }[]).map((s) => [
      Number(s.id),
      isoPrefix(s.published_on),
    ]),
  );
  const slugs = async (table: string, ids: unknown[]) => {
    const wanted = [...new Set(ids.filter((id) => id != null).map(Number))];
    if (!wanted.length) return new Map<number, string>();
    const found: { id: number; slug: string }[] = await runner.query(
      `SELECT id, slug FROM ${table} WHERE id IN (${wanted.map((_, i) => p(i + 1)).join(', ')})`,
      wanted,
    );
    return new Map(found.map((r) => [Number(r.id), r.slug]));
  };
  const now = new Date().toISOString();
  for (const [type, table] of Object.entries(TABLES)) {
    const mine = rows.filter((r) => r.subject_type === type);
    if (!mine.length) continue;
    const ids = [...new Set(mine.map((r) => Number(r.subject_id)))];
    const subjects = new Map<number, Record<string, unknown>>(
      ((await runner.query(`SELECT * FROM ${table} WHERE id IN (${ids.map((_, i) => p(i + 1)).join(', ')})`, ids)) as Record<string, unknown>[]).map((r) => [
        Number(r.id),
        r,
      ]),
    );
    for (const row of mine) {
      const subject = subjects.get(Number(row.subject_id)) ?? {};
      const column = COLUMNS[`${type}.${row.field}`] ?? snake(row.field);
      const link = LINKS[`${type}.${row.field}`];
      let value: string;
      if (link) {
        const linked: { slug: string }[] = await runner.query(
          `SELECT p.slug FROM ${link.table} l JOIN party p ON p.id = l.party_id WHERE l.${link.fact} = ${p(1)}${link.role ? ` AND l.${link.role[0]} = '${link.role[1]}'` : ''} ORDER BY l.id`,
          [row.subject_id],
        );
        value = JSON.stringify(linked.map((l) => l.slug));
      } else if (type === 'Dispute' && row.field === 'sides') {
        const sides: { slug: string; side: string; label: string | null }[] = await runner.query(
          `SELECT p.slug, l.side, l.label FROM dispute_side l JOIN party p ON p.id = l.party_id WHERE l.dispute_id = ${p(1)} ORDER BY l.id`,
          [row.subject_id],
        );
        value = JSON.stringify(sides.map((side) => ({ party: side.slug, side: side.side, ...(side.label == null ? {} : { label: side.label }) })));
      } else if (column in subject)
        value = JSON_COLUMNS.has(row.field) && typeof subject[column] === 'string' ? (subject[column] as string) : JSON.stringify(subject[column] ?? null);
      else if (`${column}_id` in subject) {
        const names = await slugs(row.field === 'challenges' ? 'regulatory_action' : 'party', [subject[`${column}_id`]]);
        value = JSON.stringify(names.get(Number(subject[`${column}_id`])) ?? null);
      } else value = 'null'; // links (a suit's plaintiffs): not held on the row
      const sourceId = row.quoted_source ?? row.fact_source;
      const since = (sourceId != null ? sources.get(Number(sourceId)) : null) ?? now.slice(0, 10);
      await runner.query(
        `INSERT INTO field_statement (id, subject_type, subject_id, field, value, basis, quotes, note, attribution, claimed_by_id, claimant, source_id, known_since, recorded_at, recorded_by, rank)
         VALUES (${Array.from({ length: 16 }, (_, i) => p(i + 1)).join(', ')})`,
        [
          row.id,
          row.subject_type,
          row.subject_id,
          row.field,
          value,
          row.basis,
          row.quotes,
          row.note,
          null,
          null,
          null,
          sourceId,
          since,
          now,
          'migration',
          'NORMAL',
        ],
      );
    }
  }
  // Their voice: the fact's attribution, as the write path records it.
  await runner.query(
    `UPDATE field_statement SET attribution = (SELECT fa.attribution FROM fact_attribution fa WHERE fa.subject_type = field_statement.subject_type AND fa.subject_id = field_statement.subject_id AND fa.attribution <> 'REPORTED'),
       claimed_by_id = (SELECT fa.claimed_by_id FROM fact_attribution fa WHERE fa.subject_type = field_statement.subject_type AND fa.subject_id = field_statement.subject_id AND fa.attribution <> 'REPORTED'),
       claimant = (SELECT fa.claimant FROM fact_attribution fa WHERE fa.subject_type = field_statement.subject_type AND fa.subject_id = field_statement.subject_id AND fa.attribution <> 'REPORTED')`,
  );
  if (postgres) await runner.query(`SELECT setval(pg_get_serial_sequence('field_statement', 'id'), (SELECT MAX(id) FROM field_statement))`);
}

/** Back: each field's current statement becomes its provenance row (the latest non-deprecated one). */
export async function statementsToProvenance(runner: QueryRunner): Promise<void> {
  await runner.query(
    `INSERT INTO field_provenance (id, subject_type, subject_id, field, basis, quotes, note)
     SELECT s.id, s.subject_type, s.subject_id, s.field, s.basis, s.quotes, s.note FROM field_statement s
     WHERE s.rank <> 'DEPRECATED' AND NOT EXISTS (
       SELECT 1 FROM field_statement t WHERE t.subject_type = s.subject_type AND t.subject_id = s.subject_id AND t.field = s.field AND t.rank <> 'DEPRECATED'
         AND (t.known_since > s.known_since OR (t.known_since = s.known_since AND t.id > s.id)))`,
  );
}
