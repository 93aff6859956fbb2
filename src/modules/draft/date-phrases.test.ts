import { DateBound, DatePrecision } from '../../common/fuzzy-date/fuzzy-date';
import { findDatePhrases, parsePublished } from './date-phrases';

// Published on Thursday 6 February 2020, like the seed report. Expected values worked out by hand.
const PUBLISHED = '2020-02-06';

function only(text: string, published = PUBLISHED) {
  const found = findDatePhrases(text, published);
  expect(found).toHaveLength(1);
  const [phrase] = found;
  expect(text.slice(phrase.start, phrase.end)).toBe(phrase.phrase);
  return { phrase: phrase.phrase, date: phrase.date.format(), precision: phrase.date.precision, bound: phrase.date.bound };
}

describe('date phrases against the publication date', () => {
  it('"a year ago": the same month a year back, approximate, month precision', () => {
    expect(only('Huawei said it had reached out to Verizon a year ago, notifying the carrier.')).toEqual({
      phrase: 'a year ago',
      date: '2019-02~',
      precision: DatePrecision.MONTH,
      bound: null,
    });
  });

  it('"over a year ago": before about that month, the qualifier kept in the phrase', () => {
    expect(only('the arrest of Meng Wanzhou in Vancouver, Canada over a year ago.')).toEqual({
      phrase: 'over a year ago',
      date: '<2019-02~',
      precision: DatePrecision.MONTH,
      bound: DateBound.BEFORE,
    });
    expect(only('It happened nearly two years ago.').date).toBe('>2018-02~');
  });

  it('"in December" in a February report is the previous December', () => {
    expect(only('Huawei sued the Federal Communications Commission in December, seeking to overturn it.')).toEqual({
      phrase: 'in December',
      date: '2019-12',
      precision: DatePrecision.MONTH,
      bound: null,
    });
    // In a December report, the month itself.
    expect(only('The court ruled in December.', '2020-12-20').date).toBe('2020-12');
    // Never a month after publication: chrono's nearest December to 20 November 2020 is December 2020.
    expect(only('The court ruled in December.', '2020-11-20').date).toBe('2019-12');
  });

  it('"last year" and "last month": the calendar period before the publication date', () => {
    expect(only('Huawei said last year that it will not weaponise its vast IP pool.')).toEqual({
      phrase: 'last year',
      date: '2019',
      precision: DatePrecision.YEAR,
      bound: null,
    });
    expect(only('The regulator fined the bank last month.')).toEqual({
      phrase: 'last month',
      date: '2020-01',
      precision: DatePrecision.MONTH,
      bound: null,
    });
    // January's "last month" crosses the year.
    expect(only('The regulator fined the bank last month.', '2020-01-15').date).toBe('2019-12');
  });

  it('a weekday is the latest one on or before the publication date', () => {
    // Thursday 6 February: Monday the 3rd.
    expect(only('The company said on Monday that talks had failed.')).toEqual({
      phrase: 'on Monday',
      date: '2020-02-03',
      precision: DatePrecision.DAY,
      bound: null,
    });
    // Saturday 8 February: chrono's nearest Monday is the 10th; the report means the 3rd.
    expect(only('Monday saw the filing.', '2020-02-08').date).toBe('2020-02-03');
  });

  it('"in 2018", "since 2015", "before March 2019": a stated year or month, bounded by its preposition', () => {
    expect(only('The two companies met in 2018 to discuss terms.')).toEqual({
      phrase: 'in 2018',
      date: '2018',
      precision: DatePrecision.YEAR,
      bound: null,
    });
    expect(only('They have been in talks since 2015.').date).toBe('>=2015');
    expect(only('The licence lapsed before March 2019.').date).toBe('<2019-03');
    // A bare number is not a year.
    expect(findDatePhrases('It holds 2018 patents.', PUBLISHED)).toEqual([]);
  });

  it('"on Jan. 28": a day, the year from the publication date', () => {
    expect(only('The suit was filed on Jan. 28 in Texas.')).toEqual({
      phrase: 'on Jan. 28',
      date: '2020-01-28',
      precision: DatePrecision.DAY,
      bound: null,
    });
    expect(only('The suit was filed on March 3, 2019.').date).toBe('2019-03-03');
  });

  it('"two weeks ago": a day, approximate', () => {
    expect(only('The regulator opened an inquiry two weeks ago.')).toEqual({
      phrase: 'two weeks ago',
      date: '2020-01-23~',
      precision: DatePrecision.DAY,
      bound: null,
    });
    expect(only('The regulator opened an inquiry three days ago.').date).toBe('2020-02-03');
  });

  it('finds every phrase of the seed report with its span, and nothing that is not a date', () => {
    const text =
      'date 2020-02-06 Huawei reached out to Verizon a year ago. Huawei sued the FCC in December. ' +
      'with more than 80 000 worldwide and 10 000 in the US alone. The arrest over a year ago. Huawei said last year that';
    const found = findDatePhrases(text, PUBLISHED);
    expect(found.map((d) => [d.phrase, d.date.format()])).toEqual([
      ['2020-02-06', '2020-02-06'],
      ['a year ago', '2019-02~'],
      ['in December', '2019-12'],
      ['over a year ago', '<2019-02~'],
      ['last year', '2019'],
    ]);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.phrase);
    expect(found[1].note).toBe('“a year ago”: 2019-02~, counted back from the publication date 2020-02-06');
  });

  it('leaves out durations counted from another event ("a year after", "two months later")', () => {
    expect(findDatePhrases('It settled a year after the suit, and paid two months later.', PUBLISHED)).toEqual([]);
  });

  it('rejects a publication date that is not a calendar date', () => {
    expect(() => parsePublished('2020-02-30')).toThrow(RangeError);
    expect(() => findDatePhrases('a year ago', '6 Feb 2020')).toThrow('published must be a calendar date');
  });
});
