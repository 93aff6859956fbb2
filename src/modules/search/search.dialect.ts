import type { DataSource } from 'typeorm';
import type { SqlRunner } from '../../common/sql';

/**
 * Everything dialect-specific about full-text search is in this file. SQLite: an FTS5 table
 * `search_index` with three weighted columns (names, body text, citation quotes), kept current
 * by triggers on every indexed table, so the importer, the mutations and any other writer keep
 * it in sync without knowing it exists. PostgreSQL (a later issue) gets its own `SearchDialect`
 * here (tsvector columns + GIN index, ts_rank, ts_headline).
 */

/** One indexed table: what text goes in which column, and which GraphQL type a row is. */
interface IndexedTable {
  table: string;
  /** Unique per table, < 16: search rowid = id * 16 + code, so a trigger finds a row's entry by rowid. */
  code: number;
  /** SQL for the GraphQL type name of a row (`r` is the row: NEW., OLD. or the table alias). */
  type: (r: string) => string;
  /** SQL for the subject id (the row that a hit leads to). */
  subjectId: (r: string) => string;
  name: (r: string) => string;
  body: (r: string) => string;
  quote: (r: string) => string;
}

const text = (expr: string) => `COALESCE(${expr}, '')`;
/** A simple-json string array as space-separated text. */
const jsonWords = (expr: string) => `COALESCE((SELECT group_concat(value, ' ; ') FROM json_each(${expr})), '')`;
const literal = (value: string) => () => `'${value}'`;
const id = (r: string) => `${r}.id`;
const none = () => `''`;

const TABLES: IndexedTable[] = [
  {
    table: 'party',
    code: 1,
    type: (r) => `CASE ${r}.party_type WHEN 'COMPANY' THEN 'Company' WHEN 'PERSON' THEN 'Person' ELSE 'Authority' END`,
    subjectId: id,
    name: (r) => `${r}.name || ' ; ' || ${jsonWords(`${r}.aliases`)} || ' ; ' || ${r}.slug`,
    body: (r) => text(`${r}.description`),
    quote: none,
  },
  {
    table: 'characterization',
    code: 2,
    // A characterization ("a leader in 5G") is found as the party it characterizes.
    type: (r) => `(SELECT CASE p.party_type WHEN 'COMPANY' THEN 'Company' WHEN 'PERSON' THEN 'Person' ELSE 'Authority' END FROM party p WHERE p.id = ${r}.party_id)`,
    subjectId: (r) => `${r}.party_id`,
    name: none,
    body: (r) => `${r}.text || ' ; ' || ${jsonWords(`${r}.topics`)}`,
    quote: none,
  },
  {
    table: 'lawsuit',
    code: 3,
    type: literal('Lawsuit'),
    subjectId: id,
    name: (r) => `${r}.title`,
    body: (r) => `${text(`${r}.summary`)} || ' ; ' || ${text(`${r}.venue`)} || ' ; ' || ${jsonWords(`${r}.technologies`)}`,
    quote: none,
  },
  { table: 'sanction', code: 4, type: literal('Sanction'), subjectId: id, name: none, body: (r) => `${r}.description`, quote: none },
  { table: 'regulatory_action', code: 5, type: literal('RegulatoryAction'), subjectId: id, name: none, body: (r) => `${r}.description`, quote: none },
  {
    table: 'licensing_negotiation',
    code: 6,
    type: literal('LicensingNegotiation'),
    subjectId: id,
    name: (r) => `${r}.subject`,
    body: (r) => text(`${r}.summary`),
    quote: none,
  },
  { table: 'statement', code: 7, type: literal('Statement'), subjectId: id, name: none, body: (r) => `${r}.text`, quote: none },
  { table: 'event', code: 8, type: literal('Event'), subjectId: id, name: (r) => `${r}.title`, body: (r) => text(`${r}.location`), quote: none },
  { table: 'ranking', code: 9, type: literal('Ranking'), subjectId: id, name: (r) => `${r}.name`, body: (r) => text(`${r}.basis`), quote: none },
  { table: 'affiliation', code: 10, type: literal('Affiliation'), subjectId: id, name: none, body: (r) => `${r}.role`, quote: none },
  {
    table: 'source',
    code: 11,
    type: literal('Source'),
    subjectId: id,
    name: (r) => `${r}.title`,
    body: (r) => text(`${r}.publisher`),
    quote: none,
  },
  // A quote is found as the fact it cites.
  { table: 'citation', code: 15, type: (r) => `${r}.subject_type`, subjectId: (r) => `${r}.subject_id`, name: none, body: none, quote: (r) => `${r}.quote` },
];

export interface SearchRow {
  subject_type: string;
  subject_id: number;
  snippet: string;
  rank: number;
}

export interface SearchDialect {
  /** Creates the index (and fills it from existing rows) when it is missing, in the caller's transaction. */
  ensureIndex(runner: SqlRunner): Promise<void>;
  /**
   * Drops the index and its triggers, for a bulk load that then calls `ensureIndex` once: filling
   * it in one pass is several times faster than a trigger per inserted row.
   */
  dropIndex(runner: SqlRunner): Promise<void>;
  /** SQL (with `?` for the match expression and the limit) returning `SearchRow`s, best first. */
  readonly searchSql: string;
  /** The engine's query for what a person typed; null when it holds no searchable word. */
  matchExpression(input: string): string | null;
}

export const HIGHLIGHT_START = '<mark>';
export const HIGHLIGHT_END = '</mark>';

const rowid = (t: IndexedTable, r: string) => `${r}.id * 16 + ${t.code}`;
const values = (t: IndexedTable, r: string) => `${rowid(t, r)}, ${t.name(r)}, ${t.body(r)}, ${t.quote(r)}, ${t.type(r)}, ${t.subjectId(r)}`;
const COLUMNS = 'rowid, name, body, quote, subject_type, subject_id';

export const sqliteSearch: SearchDialect = {
  async ensureIndex(runner) {
    // Only the tables this schema has (a database created by an older version may lack one).
    const existing = new Set((await runner.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r: { name: string }) => r.name));
    const tables = TABLES.filter((t) => existing.has(t.table));
    const fresh = !existing.has('search_index');
    const statements: string[] = [];
    if (fresh) {
      statements.push(
        `CREATE VIRTUAL TABLE search_index USING fts5(name, body, quote, subject_type UNINDEXED, subject_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`,
      );
      for (const t of tables) statements.push(`INSERT INTO search_index (${COLUMNS}) SELECT ${values(t, t.table)} FROM ${t.table}`);
    }
    for (const t of tables) {
      statements.push(
        `CREATE TRIGGER IF NOT EXISTS search_${t.table}_ai AFTER INSERT ON ${t.table} BEGIN INSERT INTO search_index (${COLUMNS}) VALUES (${values(t, 'NEW')}); END`,
        `CREATE TRIGGER IF NOT EXISTS search_${t.table}_ad AFTER DELETE ON ${t.table} BEGIN DELETE FROM search_index WHERE rowid = ${rowid(t, 'OLD')}; END`,
        `CREATE TRIGGER IF NOT EXISTS search_${t.table}_au AFTER UPDATE ON ${t.table} BEGIN DELETE FROM search_index WHERE rowid = ${rowid(t, 'OLD')}; INSERT INTO search_index (${COLUMNS}) VALUES (${values(t, 'NEW')}); END`,
      );
    }
    for (const sql of statements) await runner.query(sql);
  },

  async dropIndex(runner) {
    for (const t of TABLES) {
      for (const suffix of ['ai', 'ad', 'au']) await runner.query(`DROP TRIGGER IF EXISTS search_${t.table}_${suffix}`);
    }
    await runner.query('DROP TABLE IF EXISTS search_index');
  },

  // bm25 weights: a match in a name counts 10 times, in body text 3 times, a quote once.
  searchSql: `SELECT subject_type, subject_id, snippet(search_index, -1, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 16) AS snippet,
                     bm25(search_index, 10.0, 3.0, 1.0) AS rank
                FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,

  matchExpression(input) {
    // Every word must match, each as a prefix: "meng" finds Meng, "parent contr" parental controls.
    const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.length) return null;
    return words.slice(0, 16).map((w) => `"${w}"*`).join(' ');
  },
};

export function searchDialect(dataSource: DataSource): SearchDialect | null {
  return dataSource.options.type === 'better-sqlite3' ? sqliteSearch : null;
}
