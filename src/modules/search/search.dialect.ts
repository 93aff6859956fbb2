import type { DataSource } from 'typeorm';
import type { SearchDeclaration, SqlFunctions } from '../../common/facts/fact-type';
import { existingTables, postgresTriggerNames, type SqlRunner } from '../../common/sql';
import { searchedTables } from '../../facts';

/**
 * Everything dialect-specific about full-text search is in this file. Both dialects keep a table
 * `search_index` with three weighted columns (names, body text, citation quotes), kept current
 * by triggers on every indexed table, so the importer, the mutations and any other writer keep
 * it in sync without knowing it exists. SQLite: an FTS5 table, bm25, snippet(). PostgreSQL: a
 * plain table with a generated tsvector column and a GIN index, ts_rank_cd, ts_headline.
 */

type IndexedTable = SearchDeclaration;
/** Every indexed table, each declared in its own module. */
const TABLES = searchedTables;

export interface SearchRow {
  subject_type: string;
  subject_id: number;
  snippet: string;
  rank: number;
}

export interface SearchQuery {
  sql: string;
  parameters: unknown[];
}

export interface SearchDialect {
  /** Creates the index (and fills it from existing rows) when it is missing, in the caller's transaction. */
  ensureIndex(runner: SqlRunner): Promise<void>;
  /**
   * Drops the index and its triggers, for a bulk load that then calls `ensureIndex` once: filling
   * it in one pass is several times faster than a trigger per inserted row.
   */
  dropIndex(runner: SqlRunner): Promise<void>;
  /**
   * The statements returning `SearchRow`s for what a person typed, best first, at most `limit`
   * each: one per tier, the entries matching every word whole first, then (when a word is long
   * enough to be a prefix) those matching as prefixes. Each ranks a bounded candidate list (see
   * `SEARCH_CANDIDATES`). Empty when it holds no searchable word.
   */
  searchQueries(input: string, limit: number): SearchQuery[];
  /**
   * The match parameter for what a person typed (SQLite: an FTS5 query; PostgreSQL: the words, which
   * the SQL turns into a tsquery); `exact` leaves out the prefix matching. Null when it holds no searchable word.
   */
  matchExpression(input: string, exact?: boolean): string | null;
}

export const HIGHLIGHT_START = '<mark>';
export const HIGHLIGHT_END = '</mark>';

/** At most this many distinct words are searched for; the rest of the text is ignored. */
export const MAX_SEARCH_WORDS = 8;
/**
 * A word this long or longer also matches as the start of a longer word ("meng" finds Meng,
 * "parent contr" parental controls); a shorter one only as a whole word: the prefix "s" matches
 * a large part of any index, and each such word cost ~0.4 s on 100,000 companies.
 */
export const MIN_PREFIX_LENGTH = 3;

/**
 * How many matches of a tier are ranked. A common word is in tens of thousands of entries at a
 * million companies (a company name's first word: ~20,000), and ranking them all read every one
 * of them (bm25 or ts_rank_cd, and on SQLite a snippet each): 0.6–0.7 s. Each tier now ranks the
 * first this many matches in the index's own order (SQLite: by rowid, i.e. by id; PostgreSQL: by
 * where the row is stored, insertion order for the most part), so a search reads at most about
 * this many entries whatever the match count. The trade-off: when a tier has more matches than
 * this, its hits are the best of the oldest entries, not of all of them.
 */
export const SEARCH_CANDIDATES = 1000;

/** The distinct words of what a person typed, as both dialects match them (at most MAX_SEARCH_WORDS). */
export function queryWords(input: string): string[] {
  const words = (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.toLowerCase());
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

// ---------------------------------------------------------------------------------------------
// SQLite: FTS5

const sqliteFunctions: SqlFunctions = {
  jsonWords: (expr) => `COALESCE((SELECT group_concat(value, ' ; ') FROM json_each(${expr})), '')`,
};

const rowid = (t: IndexedTable, r: string) => `${r}.id * 16 + ${t.code}`;
const values = (t: IndexedTable, r: string) =>
  `${rowid(t, r)}, ${t.name(r, sqliteFunctions)}, ${t.body(r, sqliteFunctions)}, ${t.quote(r)}, ${t.type(r)}, ${t.subjectId(r)}`;
const COLUMNS = 'rowid, name, body, quote, subject_type, subject_id';

export const sqliteSearch: SearchDialect = {
  async ensureIndex(runner) {
    // Only the tables this schema has (at an earlier migration, or from an older version).
    const existing = await existingTables(runner);
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

  searchQueries(input, limit) {
    const exact = this.matchExpression(input, true);
    const prefix = this.matchExpression(input);
    if (!exact || !prefix) return [];
    // The prefix tier only when some word is long enough to be a prefix; otherwise it is the exact tier again.
    return (prefix === exact ? [exact] : [exact, prefix]).map((match) => ({ sql: SQLITE_TIER, parameters: [match, match, limit] }));
  },

  matchExpression(input, exact = false) {
    // Every word must match; long enough ones as a prefix too.
    const words = queryWords(input);
    if (!words.length) return null;
    return words.map((w) => (!exact && w.length >= MIN_PREFIX_LENGTH ? `"${w}"*` : `"${w}"`)).join(' ');
  },
};

/**
 * One tier: its first SEARCH_CANDIDATES matches by rowid (FTS5 reads them in that order and stops),
 * ranked. `rank MATCH` hands the bm25 weights to FTS5 so that it sorts by rank itself and snippet()
 * runs only for the rows kept (with bm25() in the select list SQLite computes every column, snippet
 * included, of every match before sorting). Ties go by rowid. bm25 weights: a match in a name
 * counts 10 times, in body text 3 times, a quote once.
 */
const SQLITE_TIER = `SELECT * FROM (
  SELECT rowid AS key, subject_type, subject_id, snippet(search_index, -1, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 16) AS snippet, rank
    FROM search_index
   WHERE search_index MATCH ? AND rank MATCH 'bm25(10.0, 3.0, 1.0)'
     AND rowid <= (SELECT max(rowid) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid LIMIT ${SEARCH_CANDIDATES}))
   ORDER BY rank LIMIT ?) ORDER BY rank, key`;

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a tsvector column with a GIN index

const postgresFunctions: SqlFunctions = {
  // simple-json columns are text on PostgreSQL.
  jsonWords: (expr) => `COALESCE((SELECT string_agg(value, ' ; ') FROM json_array_elements_text(${expr}::json)), '')`,
};

/**
 * `search_words(text)`: text as the index splits it into words. ASCII punctuation becomes a space,
 * so words split where SQLite's unicode61 tokenizer splits them (PostgreSQL's own parser keeps
 * "U.S", "2020-02-06" or "huawei.com" whole, which a prefix query for "s" or "02" would then miss).
 * In a UTF8 database diacritics are removed too (é → e, like unicode61's remove_diacritics), by
 * Unicode decomposition rather than the `unaccent` extension, which not every role may install.
 * Both the indexed text and the typed words go through it.
 */
function searchWordsFunction(utf8: boolean): string {
  const punctuation = String.raw`'[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+'`;
  const unaccented = utf8 ? String.raw`normalize(regexp_replace(normalize($1, NFD), '[\u0300-\u036f]+', '', 'g'), NFC)` : '$1';
  return `CREATE OR REPLACE FUNCTION search_words(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT regexp_replace(${unaccented}, ${punctuation}, ' ', 'g') $$`;
}

const weighted = (column: string, weight: string) => `setweight(to_tsvector('simple', search_words(COALESCE(${column}, ''))), '${weight}')`;

// `key` = id * 16 + code, as the rowid on SQLite: a trigger finds a row's entry by its key.
const CREATE_POSTGRES_INDEX = [
  `CREATE TABLE IF NOT EXISTS search_index (
     key bigint PRIMARY KEY,
     name text, body text, quote text,
     subject_type varchar(32) NOT NULL,
     subject_id integer NOT NULL,
     document tsvector NOT NULL GENERATED ALWAYS AS (${weighted('name', 'A')} || ${weighted('body', 'B')} || ${weighted('quote', 'C')}) STORED
   )`,
  'CREATE INDEX IF NOT EXISTS search_index_document ON search_index USING gin (document)',
];

const key = (t: IndexedTable, r: string) => `${r}.id::bigint * 16 + ${t.code}`;
const postgresValues = (t: IndexedTable, r: string) =>
  `${key(t, r)}, ${t.name(r, postgresFunctions)}, ${t.body(r, postgresFunctions)}, ${t.quote(r)}, ${t.type(r)}, ${t.subjectId(r)}`;
const POSTGRES_COLUMNS = 'key, name, body, quote, subject_type, subject_id';
/** The trigger on an indexed table and its function share one name. */
const syncName = (t: IndexedTable) => `search_index_${t.table}`;

/**
 * The tsquery `'word' & …` (with `prefix`, `'word':* & …`) for the words `matchExpression` returns, built in SQL from the
 * parameter: search_words has turned every ASCII punctuation character into a space, so nothing
 * that reaches the parameter can be read as tsquery syntax (quotes, &, |, !, :, *, parentheses).
 */
const tsQuery = (prefix: boolean) =>
  `to_tsquery('simple', (SELECT string_agg('''' || word || '''' ${prefix ? `|| CASE WHEN length(word) >= ${MIN_PREFIX_LENGTH} THEN ':*' ELSE '' END` : ''}, ' & ')
                          FROM regexp_split_to_table(search_words(?), '\\s+') AS word WHERE word <> ''))`;

/**
 * ts_rank_cd weights {D, C, B, A}: a name (A) counts 1, body text (B) 0.3, a quote (C) 0.1, the
 * ratios of SQLite's bm25 weights 10 / 3 / 1. Normalization 1 divides by 1 + log(length), so a
 * short text that matches beats a long one, as bm25's length normalization does. Of ts_rank and
 * ts_rank_cd with each normalization, this orders the seeded report's hits closest to SQLite's
 * (plain ts_rank put "Arrest of Meng Wanzhou" above her own entry for "wanzhou").
 */
const RANK_WEIGHTS = `'{0, 0.1, 0.3, 1}'`;
const HEADLINE_OPTIONS = `'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxFragments=1, MaxWords=16, MinWords=6, FragmentDelimiter=…'`;

export const postgresSearch: SearchDialect = {
  async ensureIndex(runner) {
    // Only the tables this schema has (at an earlier migration, or from an older version).
    const existing = await existingTables(runner);
    const tables = TABLES.filter((t) => existing.has(t.table));
    if (!existing.has('search_index')) {
      // search_words is only (re)defined with the table: documents already stored were split by it.
      const [{ encoding }] = await runner.query(`SELECT current_setting('server_encoding') AS encoding`);
      await runner.query(searchWordsFunction(encoding === 'UTF8'));
      for (const sql of CREATE_POSTGRES_INDEX) await runner.query(sql);
      for (const t of tables) await runner.query(`INSERT INTO search_index (${POSTGRES_COLUMNS}) SELECT ${postgresValues(t, t.table)} FROM "${t.table}"`);
    }
    // The functions are replaced every time (they hold the per-table SQL); the triggers calling them stay.
    const triggers = await postgresTriggerNames(runner);
    for (const t of tables) {
      await runner.query(
        `CREATE OR REPLACE FUNCTION ${syncName(t)}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP <> 'INSERT' THEN DELETE FROM search_index WHERE key = ${key(t, 'OLD')}; END IF;
           IF TG_OP <> 'DELETE' THEN INSERT INTO search_index (${POSTGRES_COLUMNS}) VALUES (${postgresValues(t, 'NEW')}); END IF;
           RETURN NULL;
         END $$`,
      );
      if (!triggers.has(syncName(t))) {
        await runner.query(`CREATE TRIGGER ${syncName(t)} AFTER INSERT OR UPDATE OR DELETE ON "${t.table}" FOR EACH ROW EXECUTE FUNCTION ${syncName(t)}()`);
      }
    }
  },

  async dropIndex(runner) {
    await runner.query('DROP TABLE IF EXISTS search_index');
    const existing = await existingTables(runner);
    for (const t of TABLES) {
      if (existing.has(t.table)) await runner.query(`DROP TRIGGER IF EXISTS ${syncName(t)} ON "${t.table}"`);
      await runner.query(`DROP FUNCTION IF EXISTS ${syncName(t)}()`);
    }
    await runner.query('DROP FUNCTION IF EXISTS search_words(text)');
  },

  searchQueries(input, limit) {
    const words = this.matchExpression(input);
    if (!words) return [];
    // The prefix tier only when some word is long enough to be a prefix; otherwise it is the exact tier again.
    const tiers = queryWords(input).some((word) => word.length >= MIN_PREFIX_LENGTH) ? [POSTGRES_EXACT_TIER, POSTGRES_PREFIX_TIER] : [POSTGRES_EXACT_TIER];
    return tiers.map((sql) => ({ sql, parameters: [words, limit] }));
  },

  matchExpression(input) {
    // The words alone, space-separated: the SQL makes each a prefix (in the prefix tier) and requires them all.
    const words = queryWords(input);
    return words.length ? words.join(' ') : null;
  },
};

/**
 * One tier: its first SEARCH_CANDIDATES matches
 * (the GIN index finds them all, the heap is read only until that many are found), ranked and cut,
 * so ts_headline (the costly part) runs only for the rows returned. rank is negated: lower is
 * better, as bm25's on SQLite. The headline shows the text as stored, so a word found through its
 * unaccented form ("Zürich" for "zurich") is not marked.
 */
const postgresTier = (prefix: boolean) =>
  `SELECT key, subject_type, subject_id,
          ts_headline('simple', concat_ws(' ; ', NULLIF(name, ''), NULLIF(body, ''), NULLIF(quote, '')), query, ${HEADLINE_OPTIONS}) AS snippet,
          rank
     FROM (SELECT key, subject_type, subject_id, name, body, quote, query, -ts_rank_cd(${RANK_WEIGHTS}, document, query, 1) AS rank
             FROM (SELECT search_index.*, query FROM search_index, ${tsQuery(prefix)} AS query
                    WHERE document @@ query LIMIT ${SEARCH_CANDIDATES}) AS candidates
            ORDER BY rank, key LIMIT ?) AS hits
    ORDER BY rank, key`;
const POSTGRES_EXACT_TIER = postgresTier(false);
const POSTGRES_PREFIX_TIER = postgresTier(true);

export function searchDialect(dataSource: DataSource): SearchDialect | null {
  switch (dataSource.options.type) {
    case 'better-sqlite3':
      return sqliteSearch;
    case 'postgres':
      return postgresSearch;
    default:
      return null;
  }
}
