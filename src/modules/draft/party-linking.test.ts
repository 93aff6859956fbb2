import { LINK_THRESHOLD, LinkRule, PartyIndex, type KnownParty, legalCore, normalise, similarity } from './party-linking';

const PARTIES: KnownParty[] = [
  { slug: 'huawei', name: 'Huawei Technologies', aliases: ['Huawei'], kind: 'COMPANY' },
  { slug: 'verizon', name: 'Verizon Communications', aliases: ['Verizon'], kind: 'COMPANY' },
  { slug: 'qualcomm', name: 'Qualcomm', aliases: [], kind: 'COMPANY' },
  { slug: 'fcc', name: 'Federal Communications Commission', aliases: ['FCC'], kind: 'AUTHORITY' },
  { slug: 'ftc', name: 'Federal Trade Commission', aliases: [], kind: 'AUTHORITY' },
  { slug: 'meng-wanzhou', name: 'Meng Wanzhou', aliases: ['Meng'], kind: 'PERSON' },
];
const index = new PartyIndex(PARTIES);

describe('normalised names', () => {
  it('drops case, punctuation, possessives, a leading "the" and trailing legal forms', () => {
    expect(normalise('The Huawei’s')).toBe('huawei');
    expect(normalise('AT&T Inc.')).toBe('at and t inc');
    expect(legalCore('Huawei Technologies Co., Ltd.')).toBe('huawei technologies');
    expect(legalCore('Verizon Communications Inc.')).toBe('verizon');
    expect(legalCore('Deutsche Telekom AG')).toBe('deutsche telekom');
    // Never down to nothing.
    expect(legalCore('Communications')).toBe('communications');
  });

  it('similarity is 1 - Levenshtein distance / longer length', () => {
    expect(similarity('qualcom', 'qualcomm')).toBeCloseTo(7 / 8);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', '')).toBe(1);
  });
});

describe('linking a name to a known party', () => {
  it('by its exact name', () => {
    expect(index.link('Huawei Technologies', 'COMPANY').party).toEqual({ slug: 'huawei', kind: 'COMPANY', rule: LinkRule.NAME, score: 1 });
  });

  it('by an alias, any case', () => {
    expect(index.link('HUAWEI', 'COMPANY').party).toEqual({ slug: 'huawei', kind: 'COMPANY', rule: LinkRule.ALIAS, score: 1 });
    expect(index.link('Meng', 'PERSON').party?.slug).toBe('meng-wanzhou');
  });

  it('by its legal name with the legal forms stripped', () => {
    for (const name of ['Huawei Technologies Co.', 'Huawei Technologies Co., Ltd.', 'Huawei Inc.']) {
      expect(index.link(name, 'COMPANY').party).toEqual({ slug: 'huawei', kind: 'COMPANY', rule: LinkRule.LEGAL_NAME, score: 0.95 });
    }
    expect(index.link('Verizon Communications Inc.', 'COMPANY').party?.slug).toBe('verizon');
  });

  it('by an acronym of its name, capitals only', () => {
    const ftc = index.link('FTC', 'AUTHORITY');
    expect(ftc.party).toEqual({ slug: 'ftc', kind: 'AUTHORITY', rule: LinkRule.ACRONYM, score: 0.9 });
    // "Ftc" is not written as an acronym.
    expect(index.link('Ftc', 'AUTHORITY').party).toBeNull();
  });

  it('by similarity above the threshold, with the score', () => {
    const link = index.link('Qualcom Inc.', 'COMPANY');
    expect(link.party).toEqual({ slug: 'qualcomm', kind: 'COMPANY', rule: LinkRule.SIMILAR, score: 0.875 });
    expect(link.party!.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  it('proposes a new party of the guessed kind when nothing scores enough, with up to three alternatives', () => {
    const link = index.link('Federal Maritime Commission', 'AUTHORITY');
    expect(link.party).toBeNull();
    expect(link.proposed).toBe('AUTHORITY');
    // "federal maritime commission" (27 characters) to "federal trade commission": maritime → trade is
    // 6 edits (drop m, a→t, keep r, i→a, t→d, drop i and m, keep e), 1 - 6/27 = 0.778; to "federal
    // communications commission" (33) 10 edits, 1 - 10/33 = 0.697. Both under the threshold.
    expect(link.alternatives).toEqual([
      { slug: 'ftc', kind: 'AUTHORITY', rule: LinkRule.SIMILAR, score: 0.778 },
      { slug: 'fcc', kind: 'AUTHORITY', rule: LinkRule.SIMILAR, score: 0.697 },
    ]);
    const nothing = index.link('Nokia', 'COMPANY');
    expect(nothing).toEqual({ party: null, alternatives: [], proposed: 'COMPANY' });
  });

  it('keeps the other close parties as alternatives of a link, at most three', () => {
    const many = new PartyIndex(
      ['Acme One', 'Acme Two', 'Acme Ten', 'Acme Tin', 'Acme Tan'].map((name, i) => ({ slug: `acme-${i}`, name, aliases: [], kind: 'COMPANY' as const })),
    );
    const link = many.link('Acme Ten', 'COMPANY');
    expect(link.party?.slug).toBe('acme-2');
    expect(link.alternatives.map((a) => [a.slug, a.score])).toEqual([
      ['acme-3', 0.875],
      ['acme-4', 0.875],
      ['acme-1', 0.75],
    ]);
  });

  it('no two different parties of the seed come within the link threshold of each other', () => {
    const seed = require('../../../seeds/2020-02-06-huawei-verizon.json') as { parties: { slug: string; name: string; aliases?: string[] }[] };
    const names = seed.parties.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((name) => ({ slug: p.slug, core: legalCore(name) })));
    let closest = 0;
    for (const a of names) for (const b of names) if (a.slug !== b.slug) closest = Math.max(closest, similarity(a.core, b.core));
    expect(closest).toBeLessThan(LINK_THRESHOLD);
  });
});

describe('editors’ "not the same" decisions', () => {
  const parties: KnownParty[] = [
    { slug: 'fcc', name: 'Federal Communications Commission', aliases: ['FCC'], kind: 'AUTHORITY' },
    { slug: 'ftc', name: 'Federal Trade Commission', aliases: ['FTC'], kind: 'AUTHORITY' },
  ];

  it('a party decided not to be the linked one is not offered as its alternative', () => {
    expect(new PartyIndex(parties).link('Federal Communications Commission', 'AUTHORITY').alternatives.map((a) => a.slug)).toEqual(['ftc']);
    const decided = new PartyIndex(parties, { notSame: [{ party: 'ftc', other: 'fcc' }] });
    expect(decided.link('Federal Communications Commission', 'AUTHORITY')).toMatchObject({ party: { slug: 'fcc' }, alternatives: [] });
  });
});
