import { DateBound, DatePrecision, FuzzyDate } from './fuzzy-date';

describe('FuzzyDate', () => {
  it.each([
    ['2019-12', { iso: '2019-12', precision: DatePrecision.MONTH, approximate: false, bound: null }],
    ['2019-02~', { iso: '2019-02', precision: DatePrecision.MONTH, approximate: true, bound: null }],
    ['2019', { iso: '2019', precision: DatePrecision.YEAR, approximate: false, bound: null }],
    ['2020-02-06', { iso: '2020-02-06', precision: DatePrecision.DAY, approximate: false, bound: null }],
    ['<2019-02~', { iso: '2019-02', precision: DatePrecision.MONTH, approximate: true, bound: DateBound.BEFORE }],
    ['>2018', { iso: '2018', precision: DatePrecision.YEAR, approximate: false, bound: DateBound.AFTER }],
    ['<=2020-02-06', { iso: '2020-02-06', precision: DatePrecision.DAY, approximate: false, bound: DateBound.ON_OR_BEFORE }],
    ['>=2019~', { iso: '2019', precision: DatePrecision.YEAR, approximate: true, bound: DateBound.ON_OR_AFTER }],
  ])('parses %s and formats it back', (text, expected) => {
    const date = FuzzyDate.parse(text);
    expect({ ...date }).toEqual(expected);
    expect(date.format()).toBe(text);
  });

  it.each(['2019-13', '2019-02-30', '19-02', 'December', '2019-2', '~2019', '', '=<2019', '<<2019', '=2019'])('rejects %p with a message naming it', (text) => {
    expect(() => FuzzyDate.parse(text)).toThrow(`"${text}"`);
  });
});
