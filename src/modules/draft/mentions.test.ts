import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findMentions } from './mentions';
import { type KnownParty, LinkRule, PartyIndex } from './party-linking';

interface SeedDocument {
  source: { text: string };
  parties: { type: KnownParty['kind']; slug: string; name: string; aliases?: string[] }[];
}
const seed = JSON.parse(readFileSync(path.join(__dirname, '../../../seeds/2020-02-06-huawei-verizon.json'), 'utf8')) as SeedDocument;
const PARTIES: KnownParty[] = seed.parties.map((p) => ({ slug: p.slug, name: p.name, aliases: p.aliases ?? [], kind: p.type }));
const TEXT = seed.source.text;

function spansHold(text: string, mentions: ReturnType<typeof findMentions>) {
  for (const mention of mentions) {
    expect(text.slice(mention.spans[0].start, mention.spans[0].end)).toBe(mention.name);
    for (const span of mention.spans) expect(text.slice(span.start, span.end).toLowerCase()).toBe(mention.name.toLowerCase());
  }
}

describe('mentions of the seed report, against the seed parties', () => {
  const mentions = findMentions(TEXT, new PartyIndex(PARTIES));

  it('finds every name the report writes, each with its exact spans, merged when repeated', () => {
    spansHold(TEXT, mentions);
    expect(mentions.map((m) => [m.name, m.spans.length, m.link.party?.slug ?? null, m.link.party?.rule ?? null])).toEqual([
      ['Huawei Technologies', 1, 'huawei', LinkRule.NAME],
      ['Verizon Communications', 1, 'verizon', LinkRule.NAME],
      ['Verizon', 2, 'verizon', LinkRule.ALIAS],
      // "Huawei patents", "Huawei’s" (possessive dropped), "Huawei sued", "Huawei is", "Shenzhen-based Huawei", "Huawei said".
      ['Huawei', 6, 'huawei', LinkRule.ALIAS],
      ['Washington', 1, 'us-government', LinkRule.ALIAS],
      ['Federal Communications Commission', 1, 'fcc', LinkRule.NAME],
      ['Meng Wanzhou', 1, 'meng-wanzhou', LinkRule.NAME],
      ['Meng', 1, 'meng-wanzhou', LinkRule.ALIAS],
      ['Ren Zhengfei', 1, 'ren-zhengfei', LinkRule.NAME],
      // "extradition to the US": the initials of the United States (government); "the US carrier" and "in the US" are not it.
      ['US', 1, 'us-government', LinkRule.ACRONYM],
      ['IBM', 1, 'ibm', LinkRule.NAME],
      ['Apple', 1, 'apple', LinkRule.NAME],
      ['Amazon', 1, 'amazon', LinkRule.NAME],
      ['US Patent and Trademark Office', 1, 'uspto', LinkRule.NAME],
      ['Qualcomm', 1, 'qualcomm', LinkRule.NAME],
    ]);
  });

  it('links every seed party the text names, with its kind', () => {
    const linked = new Set(mentions.map((m) => m.link.party?.slug));
    expect([...PARTIES.map((p) => p.slug)].filter((slug) => !linked.has(slug))).toEqual([]);
    for (const mention of mentions) expect(mention.kind).toBe(PARTIES.find((p) => p.slug === mention.link.party!.slug)!.kind);
  });
});

describe('mentions without the lexicon: what compromise finds on its own', () => {
  it('finds recurring proper nouns its lists lack (Huawei, Meng Wanzhou) and those listed with another (Apple, Qualcomm), and proposes all as new', () => {
    const mentions = findMentions(TEXT, new PartyIndex([]));
    spansHold(TEXT, mentions);
    expect(mentions.map((m) => [m.name, m.kind, m.link.proposed])).toEqual([
      ['Huawei Technologies', 'COMPANY', 'COMPANY'],
      ['Verizon Communications', 'COMPANY', 'COMPANY'],
      ['Verizon', 'COMPANY', 'COMPANY'],
      ['Huawei', 'COMPANY', 'COMPANY'],
      ['Federal Communications Commission', 'AUTHORITY', 'AUTHORITY'],
      // Proper nouns compromise does not tag as people: people by the words around them ("Meng Wanzhou, the
      // company's chief financial officer"; "founder Ren Zhengfei").
      ['Meng Wanzhou', 'PERSON', 'PERSON'],
      ['Ren Zhengfei', 'PERSON', 'PERSON'],
      ['IBM', 'COMPANY', 'COMPANY'],
      // Named once, but listed with another name ("IBM, Apple and Amazon", "Verizon and Qualcomm").
      ['Apple', 'COMPANY', 'COMPANY'],
      ['Amazon', 'COMPANY', 'COMPANY'],
      // An institution's name joined across "and", with the place before it.
      ['US Patent and Trademark Office', 'AUTHORITY', 'AUTHORITY'],
      ['Qualcomm', 'COMPANY', 'COMPANY'],
    ]);
  });
});

describe('a follow-up report with names the store does not know', () => {
  const text =
    'Huawei Technologies Co., Ltd. and Verizon settled their patent dispute on Monday. Jane Smith, a lawyer at ' +
    'Ellis LLP, said the Federal Trade Commission had not been involved. The European Commission fined Qualcom Inc. ' +
    'last month. Meng’s lawyers declined to comment, according to Sarah Johnson of Deutsche Bank AG.';
  const mentions = findMentions(text, new PartyIndex(PARTIES));

  it('links known parties by legal name, alias and similarity, and proposes new ones with a kind', () => {
    spansHold(text, mentions);
    expect(mentions.map((m) => [m.name, m.kind, m.link.party ? `${m.link.party.slug} ${m.link.party.rule}` : 'NEW'])).toEqual([
      ['Huawei Technologies Co., Ltd.', 'COMPANY', 'huawei LEGAL_NAME'],
      ['Verizon', 'COMPANY', 'verizon ALIAS'],
      ['Jane Smith', 'PERSON', 'NEW'],
      // compromise tags it a person; its legal form makes it a company.
      ['Ellis LLP', 'COMPANY', 'NEW'],
      ['Federal Trade Commission', 'AUTHORITY', 'NEW'],
      ['European Commission', 'AUTHORITY', 'NEW'],
      ['Qualcom Inc.', 'COMPANY', 'qualcomm SIMILAR'],
      ['Meng', 'PERSON', 'meng-wanzhou ALIAS'],
      ['Sarah Johnson', 'PERSON', 'NEW'],
      ['Deutsche Bank AG', 'COMPANY', 'NEW'],
    ]);
    // The FTC is offered the FCC as an alternative, under the threshold.
    expect(mentions[4].link.alternatives[0]).toMatchObject({ slug: 'fcc', rule: LinkRule.SIMILAR });
  });

  it('does not take a lower-case word or a common phrase for a name', () => {
    const none = findMentions('the apple fell; a major change in the chinese corporation.', new PartyIndex(PARTIES));
    expect(none).toEqual([]);
  });
});

describe('names run together by compromise', () => {
  it('are split before a known name', () => {
    const text = 'It said so. — (c) 2020 Bloomberg LP Huawei Technologies Co., Ltd. said so.';
    const mentions = findMentions(text, new PartyIndex(PARTIES));
    spansHold(text, mentions);
    expect(mentions.map((m) => [m.name, m.link.party?.slug ?? 'NEW'])).toEqual([
      ['Bloomberg LP', 'NEW'],
      ['Huawei Technologies Co., Ltd.', 'huawei'],
    ]);
  });
});

describe('legal forms after a known name', () => {
  it('belong to the name, and are never a name alone', () => {
    // compromise finds only "Co., Ltd." here; the known name takes its legal forms.
    const text = 'Copyright 2020 Bloomberg LP Huawei Technologies Co., Ltd. said so. Deutsche Bank AG.';
    const mentions = findMentions(text, new PartyIndex(PARTIES));
    spansHold(text, mentions);
    expect(mentions.map((m) => m.name)).toEqual(['Huawei Technologies Co., Ltd.', 'Deutsche Bank AG']);
  });
});

describe("compromise's process-wide lexicon", () => {
  it('is as it was after a text is read with the store names', () => {
    const nlp = require('compromise') as { world(): { model: { one: { lexicon: object; _multiCache: object } } } };
    const { lexicon, _multiCache } = nlp.world().model.one;
    const before = [Object.keys(lexicon).length, Object.keys(_multiCache).length];
    expect(lexicon).not.toHaveProperty('ren zhengfei');
    findMentions(TEXT, new PartyIndex(PARTIES));
    expect([Object.keys(lexicon).length, Object.keys(_multiCache).length]).toEqual(before);
    expect(lexicon).not.toHaveProperty('ren zhengfei');
    expect(lexicon).not.toHaveProperty('qualcomm');
  });
});
