import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { postgresSearch, searchDialect, sqliteSearch } from './search.dialect';

describe('search dialects', () => {
  it('hand PostgreSQL the typed words alone, never query syntax', () => {
    expect(postgresSearch.matchExpression(`a & b | !c :* ' "`)).toBe('a b c');
    expect(postgresSearch.matchExpression(`meng' | 'x':* <-> (y)`)).toBe('meng x y');
    expect(postgresSearch.matchExpression('Huawei’s 5G')).toBe('Huawei s 5G');
    // NFKC: a ligature or a full-width letter is the plain letters.
    expect(postgresSearch.matchExpression('ﬁnance ＺＴＥ')).toBe('finance ZTE');
    expect(postgresSearch.matchExpression('  ?! ')).toBeNull();
    expect(postgresSearch.matchExpression(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(16);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const match = postgresSearch.matchExpression(input);
        return match === null || /^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u.test(match);
      }),
    );
  });

  it('quote every SQLite word as a phrase prefix', () => {
    expect(sqliteSearch.matchExpression('"meng* OR NEAR(')).toBe('"meng"* "OR"* "NEAR"*');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const match = sqliteSearch.matchExpression(input);
        return match === null || /^"[\p{L}\p{N}]+"\*( "[\p{L}\p{N}]+"\*)*$/u.test(match);
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
