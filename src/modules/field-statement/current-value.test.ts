import { asOfBound, currentOf, disagreementsOf, historyOf, knownBy, type RankedStatement } from './current-value';
import { StatementRank } from '../../common/citation/field-statement.enums';

let next = 1;
const s = (value: string, knownSince: string, extra: Partial<RankedStatement> = {}): RankedStatement => ({
  id: next++,
  field: 'status',
  value,
  rank: StatementRank.NORMAL,
  knownSince,
  recordedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('the current-value rule', () => {
  it('picks the latest published, whatever the order they were recorded in', () => {
    const old = s('"FILED"', '2020-02-06', { recordedAt: '2026-02-01T00:00:00.000Z' });
    const late = s('"SETTLED"', '2021-07-20');
    expect(currentOf([late, old])).toBe(late);
    expect(currentOf([old, late])).toBe(late);
  });

  it('prefers a PREFERRED statement over a later one, and never picks a DEPRECATED one', () => {
    const preferred = s('"FILED"', '2020-02-06', { rank: StatementRank.PREFERRED });
    const late = s('"SETTLED"', '2021-07-20');
    expect(currentOf([preferred, late])).toBe(preferred);
    const deprecated = s('"DISMISSED"', '2022-01-01', { rank: StatementRank.DEPRECATED });
    expect(currentOf([late, deprecated])).toBe(late);
    expect(currentOf([deprecated])).toBeNull();
  });

  it('breaks a tie of publication dates by the latest recorded, then the latest stored', () => {
    const first = s('"A"', '2020-02-06', { recordedAt: '2026-01-02T00:00:00.000Z' });
    const second = s('"B"', '2020-02-06', { recordedAt: '2026-01-01T00:00:00.000Z' });
    expect(currentOf([first, second])).toBe(first);
    const same = s('"C"', '2020-02-06', { recordedAt: first.recordedAt });
    expect(currentOf([same, first])).toBe(same);
  });

  it('compares dates of different precision as their ISO prefixes', () => {
    const month = s('"A"', '2020-02');
    const day = s('"B"', '2020-02-06');
    expect(currentOf([day, month])).toBe(day);
    expect(knownBy([month, day], asOfBound('2020-02')).map((x) => x.value)).toEqual(['"A"', '"B"']);
    expect(knownBy([month, day], asOfBound('2020-01'))).toEqual([]);
    expect(knownBy([month, day], asOfBound('2020'))).toHaveLength(2);
  });

  it('lists a history oldest first, deprecated statements included', () => {
    const a = s('"FILED"', '2020-02-06');
    const b = s('"SETTLED"', '2021-07-20', { rank: StatementRank.DEPRECATED });
    expect(historyOf([b, a, s('1', '2019', { field: 'count' })], 'status')).toEqual([a, b]);
  });

  it('finds disagreements: any two live values of a fixed field, only same-date ones of a status', () => {
    const counts = [s('10000', '2020-02-06', { field: 'count' }), s('12000', '2020-03-01', { field: 'count' })];
    const statuses = [s('"FILED"', '2020-02-06'), s('"SETTLED"', '2021-07-20')];
    const varying = new Set(['status']);
    expect(disagreementsOf([...counts, ...statuses], varying).map((d) => d.field)).toEqual(['count']);
    const clash = s('"DISMISSED"', '2021-07-20');
    expect(disagreementsOf([...statuses, clash], varying)).toEqual([{ field: 'status', statements: [statuses[1], clash] }]);
    expect(disagreementsOf([counts[0], { ...counts[1], rank: StatementRank.DEPRECATED }], varying)).toEqual([]);
  });
});
