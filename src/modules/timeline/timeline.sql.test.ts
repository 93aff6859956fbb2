import Database from 'better-sqlite3';
import { periodKey, sortKeySql } from './timeline.sql';

describe('timeline sort key of stored fuzzy dates', () => {
  const db = new Database(':memory:');
  const key = (stored: string) => (db.prepare(`SELECT ${sortKeySql('?')} AS k`.replace(/\?/g, '@d')).get({ d: stored }) as { k: string }).k;

  it('puts a period at its start, a BEFORE bound just before it and an AFTER bound just after', () => {
    expect(key('2019')).toBe('2019-01-011');
    expect(key('2019-12')).toBe('2019-12-011');
    expect(key('2019-02~')).toBe('2019-02-011');
    expect(key('<2019-02~')).toBe('2019-02-010');
    expect(key('>2019-02')).toBe('2019-02-012');
    expect(key('2019-02-15')).toBe('2019-02-151');
    expect(key('<=2020-02-06')).toBe('2020-02-060');
    expect(key('>=2019~')).toBe('2019-01-012');
    const stored = ['2019-02-15', '>2019-02', '2019', '<2019-02~', '2019-02~', '2018-12-31', '2020'];
    expect([...stored].sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual(['2018-12-31', '2019', '<2019-02~', '2019-02~', '>2019-02', '2019-02-15', '2020']);
  });

  it('turns from/to into inclusive bounds of the whole period', () => {
    expect(periodKey('2019', false)).toBe('2019-01-010');
    expect(periodKey('2019', true)).toBe('2019-12-313');
    expect(periodKey('2019-02', true)).toBe('2019-02-313');
    expect(periodKey('2019-02-15', true)).toBe('2019-02-153');
    for (const stored of ['2019', '<2019-12', '2019-12-31', '>2019-12']) {
      expect(key(stored) >= periodKey('2019', false) && key(stored) <= periodKey('2019', true)).toBe(true);
    }
    expect(key('2020') > periodKey('2019', true)).toBe(true);
  });
});
