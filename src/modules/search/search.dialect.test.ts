import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import {
  MAX_SEARCH_WORDS,
  MIN_PREFIX_LENGTH,
  SEARCH_CANDIDATES,
  postgresSearch,
  queryWords,
  searchDialect,
  sqliteSearch,
  type SearchDialect,
} from './search.dialect';

describe('search dialects', () => {
  it('hand PostgreSQL the typed words alone, never query syntax', () => {
    expect(postgresSearch.matchExpression(`a & b | !c :* ' "`)).toBe('a b c');
    expect(postgresSearch.matchExpression(`meng' | 'x':* <-> (y)`)).toBe('meng x y');
    expect(postgresSearch.matchExpression('Huawei’s 5G')).toBe('huawei s 5g');
    // NFKC: a ligature or a full-width letter is the plain letters.
    expect(postgresSearch.matchExpression('ﬁnance ＺＴＥ')).toBe('finance zte');
    expect(postgresSearch.matchExpression('  ?! ')).toBeNull();
  });

  it('bound what one search can ask: distinct words only, at most 8, short ones as whole words', () => {
    expect(postgresSearch.matchExpression(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(MAX_SEARCH_WORDS);
    expect(postgresSearch.matchExpression('s S s s s s s s s s s s s s s s')).toBe('s');
    expect(sqliteSearch.matchExpression('s s s s s s s s s s s s s s s s')).toBe('"s"');
    expect(sqliteSearch.matchExpression('a bc huawei 5G')).toBe('"a" "bc" "huawei"* "5g"');
    expect(queryWords('x'.repeat(200) + ' y')).toEqual(['x'.repeat(200), 'y']);
    expect(MIN_PREFIX_LENGTH).toBe(3);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const match = postgresSearch.matchExpression(input);
        return match === null || /^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u.test(match);
      }),
    );
  });

  it('quote every SQLite word as a phrase (a prefix from three characters on)', () => {
    expect(sqliteSearch.matchExpression('"meng* OR NEAR(')).toBe('"meng"* "or" "near"*');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const match = sqliteSearch.matchExpression(input);
        return match === null || /^"[\p{L}\p{N}]+"\*?( "[\p{L}\p{N}]+"\*?)*$/u.test(match);
      }),
    );
  });

  it('search the whole words first, then (when a word is long enough) their prefixes, each tier over a bounded candidate list', () => {
    const parameters = (dialect: SearchDialect, text: string) => dialect.searchQueries(text, 7).map((query) => query.parameters);
    // SQLite binds the match twice: the candidates, and their ranking.
    expect(parameters(sqliteSearch, 'Huawei 5G')).toEqual([
      ['"huawei" "5g"', '"huawei" "5g"', 7],
      ['"huawei"* "5g"', '"huawei"* "5g"', 7],
    ]);
    expect(parameters(postgresSearch, 'Huawei 5G')).toEqual([
      ['huawei 5g', 7],
      ['huawei 5g', 7],
    ]);
    // No word long enough to be a prefix: one tier.
    expect(parameters(sqliteSearch, '5G')).toEqual([['"5g"', '"5g"', 7]]);
    expect(parameters(postgresSearch, '5G')).toEqual([['5g', 7]]);
    for (const dialect of [sqliteSearch, postgresSearch]) {
      expect(dialect.searchQueries(' ?! ', 7)).toEqual([]);
      for (const { sql, parameters } of dialect.searchQueries('Huawei 5G', 7)) {
        expect(sql.match(/\?/g)).toHaveLength(parameters.length);
        expect(sql).toMatch(/LIMIT \?\)[\s\w]* ORDER BY rank, key$/);
        expect(sql).toContain(`LIMIT ${SEARCH_CANDIDATES}`);
      }
    }
    const [exact, prefix] = postgresSearch.searchQueries('Huawei 5G', 7);
    expect(exact.sql).not.toContain(':*');
    expect(prefix.sql).toContain(':*');
  });

  it('are picked by database type', () => {
    const of = (type: string) => searchDialect({ options: { type } } as DataSource);
    expect(of('better-sqlite3')).toBe(sqliteSearch);
    expect(of('postgres')).toBe(postgresSearch);
    expect(of('mysql')).toBeNull();
  });
});
