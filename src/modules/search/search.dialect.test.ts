import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { MAX_SEARCH_WORDS, MIN_PREFIX_LENGTH, postgresSearch, queryWords, searchDialect, sqliteSearch } from './search.dialect';

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

  it('bind the match and the limit as the only two parameters, in that order', () => {
    for (const dialect of [sqliteSearch, postgresSearch]) {
      expect(dialect.searchSql.match(/\?/g)).toHaveLength(2);
      expect(dialect.searchSql.indexOf('?')).toBeLessThan(dialect.searchSql.indexOf('LIMIT ?'));
    }
  });

  it('are picked by database type', () => {
    const of = (type: string) => searchDialect({ options: { type } } as DataSource);
    expect(of('better-sqlite3')).toBe(sqliteSearch);
    expect(of('postgres')).toBe(postgresSearch);
    expect(of('mysql')).toBeNull();
  });
});
