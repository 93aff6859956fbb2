import fc from 'fast-check';
import { MAX_TEXT_LENGTH, extractNamesAndDates } from './extract';
import { type KnownParty, PartyIndex } from './party-linking';

const PARTIES: KnownParty[] = [
  { slug: 'huawei', name: 'Huawei Technologies', aliases: ['Huawei'], kind: 'COMPANY' },
  { slug: 'verizon', name: 'Verizon Communications', aliases: ['Verizon'], kind: 'COMPANY' },
  { slug: 'meng-wanzhou', name: 'Meng Wanzhou', aliases: ['Meng'], kind: 'PERSON' },
  { slug: 'fcc', name: 'Federal Communications Commission', aliases: ['FCC'], kind: 'AUTHORITY' },
];

const FRAGMENTS = [
  'Huawei',
  'Huawei’s',
  'Huawei Technologies Co., Ltd.',
  'Verizon',
  'Meng Wanzhou',
  'the FCC',
  'Jane Smith',
  'Acme Widgets Inc.',
  'Deutsche Bank AG',
  'a year ago',
  'over a year ago',
  'in December',
  'last year',
  'on Monday',
  'in 2018',
  'on Jan. 28',
  'said',
  'sued',
  'the',
  'apple',
  'Apple',
  'and',
  ',',
  '.',
  '“',
  '”',
  '—',
  '\n\n',
  'US',
  'Canada',
  '80 000',
  'İstanbul',
  '😀',
];

describe('extractNamesAndDates', () => {
  it('returns names and dates of one report, deterministically', () => {
    const text = 'Huawei sued Verizon Communications on Monday, a year after Meng Wanzhou met Jane Smith in December.';
    const first = extractNamesAndDates(text, { published: '2020-02-06', parties: PARTIES });
    expect(first.mentions.map((m) => [m.name, m.link.party?.slug ?? m.link.proposed])).toEqual([
      ['Huawei', 'huawei'],
      ['Verizon Communications', 'verizon'],
      ['Meng Wanzhou', 'meng-wanzhou'],
      ['Jane Smith', 'PERSON'],
    ]);
    expect(first.dates.map((d) => [d.phrase, d.date.format()])).toEqual([
      ['on Monday', '2020-02-03'],
      ['in December', '2019-12'],
    ]);
    // Another store read in between changes nothing (compromise keeps no names of ours).
    extractNamesAndDates('Jane Smith of Zyx Corp.', {
      published: '2020-02-06',
      parties: [{ slug: 'jane', name: 'Jane Smith', aliases: ['Smith'], kind: 'COMPANY' }],
    });
    expect(extractNamesAndDates(text, { published: '2020-02-06', parties: new PartyIndex(PARTIES) })).toEqual(first);
  });

  it('every span is verbatim, for any text made of names, dates and noise', () => {
    const index = new PartyIndex(PARTIES);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), fc.constantFrom(' ', '', '  '), (words, gap) => {
        const text = words.join(gap);
        const { mentions, dates } = extractNamesAndDates(text, { published: '2021-03-01', parties: index });
        for (const mention of mentions) {
          expect(text.slice(mention.spans[0].start, mention.spans[0].end)).toBe(mention.name);
          for (const span of mention.spans) expect(text.slice(span.start, span.end).toLowerCase()).toBe(mention.name.toLowerCase());
        }
        for (const date of dates) expect(text.slice(date.start, date.end)).toBe(date.phrase);
      }),
      { numRuns: 150, seed: 26 },
    );
  });

  it('refuses a text over the limit instead of reading part of it', () => {
    expect(() => extractNamesAndDates('a'.repeat(MAX_TEXT_LENGTH + 1), { published: '2020-02-06', parties: [] })).toThrow(RangeError);
  });
});
