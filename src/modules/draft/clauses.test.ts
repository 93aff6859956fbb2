import { cueSets } from './cue-registry';
import { draftReport, type DraftContent } from './draft';
import { findMentions } from './mentions';
import type { DraftItem, StoredFact } from './items';
import { type KnownParty, PartyIndex } from './party-linking';

/**
 * The general rules of reading a sentence: who speaks (past an appositive), which clause a date and an
 * allegation belong to, parties described rather than named, one fact told with two status verbs, and
 * names the tagger misses. Sentences written for this test.
 */
const PARTIES: KnownParty[] = [
  { slug: 'orbit', name: 'Orbit Devices', aliases: ['Orbit'], kind: 'COMPANY' },
  { slug: 'tessel', name: 'Tessel Networks', aliases: ['Tessel'], kind: 'COMPANY' },
  { slug: 'lin-hao', name: 'Lin Hao', aliases: ['Lin'], kind: 'PERSON' },
  { slug: 'competition-office', name: 'Competition Office', aliases: [], kind: 'AUTHORITY' },
  { slug: 'us-government', name: 'United States government', aliases: ['United States'], kind: 'AUTHORITY' },
];
const index = new PartyIndex(PARTIES);
const PUBLISHED = '2022-06-11';

function draft(text: string, stored: StoredFact[] = [], parties = index): DraftContent {
  const content = draftReport({ slug: 'r', title: 'R', publisher: 'Test Wire', publishedOn: PUBLISHED, text }, { index: parties, cueSets, stored });
  for (const item of content.items) expect(text.slice(item.start, item.end)).toBe(item.quote);
  return content;
}
const of = (content: DraftContent, typeName: string): DraftItem[] => content.items.filter((item) => item.typeName === typeName);

describe('speakers and what they said', () => {
  it('the subject before an appositive or relative clause speaks; the clause’s own date is not the saying’s', () => {
    const content = draft('Lin Hao, who was arrested in Vancouver in 2019, has said he is innocent.');
    const [statement] = of(content, 'Statement');
    expect(statement.entry).toMatchObject({ speaker: 'lin-hao', text: 'he is innocent', date: `<=${PUBLISHED}`, attribution: 'CLAIMED' });
    // The arrest is told by the report, not claimed by the speaker; its date is the relative clause's.
    const [arrest] = of(content, 'Event');
    expect(arrest.entry).toMatchObject({ participants: ['lin-hao'], date: '2019', attribution: 'REPORTED' });
  });

  it('a date inside what was said is not the date of the statement', () => {
    const [statement] = of(draft('Orbit said in a statement that it had fired Lin in 2018.'), 'Statement');
    expect(statement.entry).toMatchObject({ speaker: 'orbit', date: `<=${PUBLISHED}` });
    const [dated] = of(draft('Orbit on Monday denied that it had paid Lin.'), 'Statement');
    expect(dated.entry).toMatchObject({ speaker: 'orbit', date: '2022-06-06' });
  });

  it('a denial keeps its own clause, however short', () => {
    const [statement] = of(draft('Lin, who was arrested in May, denies the charges.'), 'Statement');
    expect(statement.entry.text).toBe('denies the charges');
  });
});

describe('parties described, not named', () => {
  it('"the two companies" are the last two companies named, and speak for neither alone', () => {
    const content = draft('Orbit sued Tessel in 2020. The two companies told the court they had reached a licensing agreement.');
    const [talks] = of(content, 'LicensingNegotiation');
    expect(talks.entry).toMatchObject({ parties: ['orbit', 'tessel'], status: 'CONCLUDED', attribution: 'CLAIMED', claimant: 'The two companies' });
  });

  it('"the company" and "the regulator" refer to the parties named before', () => {
    const stored: StoredFact[] = [
      { typeName: 'Lawsuit', slug: 'orbit-v-office', status: 'FILED', subject: null, roles: { PLAINTIFF: ['orbit'], DEFENDANT: ['competition-office'] } },
    ];
    const content = draft('Orbit sued the Competition Office in 2021. The company will appeal a ruling that upheld the regulator’s decision.', stored);
    const updates = content.items.filter((item) => item.kind === 'UPDATE' && item.quote.startsWith('The company'));
    expect(updates.map((item) => item.target)).toEqual([{ slug: 'orbit-v-office', field: 'status', from: 'FILED', to: 'DECIDED' }]);
  });

  it('a name that reads like a description ("the Federal … Commission") is the name, not a description of another party', () => {
    const known = new PartyIndex([...PARTIES, { slug: 'fcc', name: 'Federal Communications Commission', aliases: [], kind: 'AUTHORITY' }]);
    const text = 'The United States government acted. Orbit sued the Federal Communications Commission, seeking to overturn its decision.';
    const [suit] = of(draft(text, [], known), 'Lawsuit');
    // Not DECIDED either: "seeking to overturn" is an aim.
    expect(suit.entry).toMatchObject({ plaintiffs: ['orbit'], defendants: ['fcc'], status: 'FILED' });
  });

  it('a case of which only the defendant is named updates the stored case, and is no new case', () => {
    const stored: StoredFact[] = [
      {
        typeName: 'Lawsuit',
        slug: 'lin-extradition',
        status: 'PENDING',
        subject: 'EXTRADITION',
        roles: { PLAINTIFF: ['us-government'], DEFENDANT: ['lin-hao'] },
      },
    ];
    const text = 'Lin Hao was detained in March. A judge ruled that her extradition case could go ahead.';
    expect(
      draft(text, stored)
        .items.filter((item) => item.kind === 'UPDATE')
        .map((item) => item.target?.slug),
    ).toEqual(['lin-extradition']);
    expect(of(draft(text), 'Lawsuit')).toEqual([]);
  });
});

describe('one fact, two status verbs', () => {
  it('a case filed and then withdrawn in one sentence is one item: withdrawn, filed when the first clause says', () => {
    const cases = of(draft('Orbit challenged the Competition Office in court in April, but withdrew the case last month.'), 'Lawsuit');
    expect(cases).toHaveLength(1);
    expect(cases[0].entry).toMatchObject({ status: 'WITHDRAWN', plaintiffs: ['orbit'], defendants: ['competition-office'], filed: '2022-04' });
  });

  it('a suit dismissed that one party brought against the other: dismissed, the sides from "brought … against"', () => {
    const cases = of(draft('A judge dismissed a patent lawsuit that Tessel brought against Orbit.'), 'Lawsuit');
    expect(cases).toHaveLength(1);
    expect(cases[0].entry).toMatchObject({ status: 'DISMISSED', plaintiffs: ['tessel'], defendants: ['orbit'], kind: 'PATENT_INFRINGEMENT' });
  });

  it('an authority elsewhere in the sentence did not make a decision whose verb has another subject', () => {
    const content = draft('A court in London ruled on Friday that Lin Hao can be sent to the United States.');
    expect(of(content, 'RegulatoryAction')).toEqual([]);
  });
});

describe('names the tagger misses', () => {
  const empty = new PartyIndex([]);
  const names = (text: string) => findMentions(text, empty).map((m) => [m.name, m.kind, m.spans.length]);

  it('a name at the start of a sentence, found where the tagger found it elsewhere', () => {
    expect(names('Zentrix on Monday denied the report. Shares of Zentrix fell.')).toEqual([['Zentrix', 'COMPANY', 2]]);
  });

  it('a name listed with another is kept though written once; a sentence-initial name and the word after it are one name', () => {
    const found = names('Zentrix Systems said on Monday it had joined IBM, Quorva and Lintel in the group. Zentrix said more would follow.');
    expect(found).toContainEqual(['Quorva', 'COMPANY', 1]);
    expect(found).toContainEqual(['Lintel', 'COMPANY', 1]);
    expect(found.map(([name]) => name)).toContain('Zentrix Systems');
    expect(found.map(([name]) => name)).not.toContain('Systems');
  });

  it('an institution joined across "of" and "and"', () => {
    expect(names('The Ministry of Trade and Industry fined Norvald Shipping. Norvald Shipping said it would pay.')).toEqual([
      ['Ministry of Trade and Industry', 'AUTHORITY', 1],
      ['Norvald Shipping', 'COMPANY', 2],
    ]);
  });

  it('a person by a title, role or "who"; a one-word "person" with none of them is a company', () => {
    const found = names('Norvald chief executive Wei Tanaka resigned. Wei Tanaka, who led Norvald, joined Ericsson. Ericsson declined to comment.');
    expect(found).toContainEqual(['Wei Tanaka', 'PERSON', 2]);
    expect(found).toContainEqual(['Ericsson', 'COMPANY', 2]);
  });

  it('a place that acts is an authority; a place where something happens is no party; a list is no party', () => {
    const found = names('The United States charged Norvald Shipping in Canada. Norvald Shipping was added to the Entity List.');
    expect(found).toContainEqual(['United States', 'AUTHORITY', 1]);
    expect(found.map(([name]) => name)).not.toContain('Canada');
    expect(found.map(([name]) => name)).not.toContain('Entity List');
  });
});
