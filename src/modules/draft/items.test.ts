import { cueSets } from './cue-registry';
import { draftReport, type DraftContent } from './draft';
import type { DraftItem, StoredFact } from './items';
import { type KnownParty, PartyIndex } from './party-linking';

const PARTIES: KnownParty[] = [
  { slug: 'huawei', name: 'Huawei Technologies', aliases: ['Huawei'], kind: 'COMPANY' },
  { slug: 'verizon', name: 'Verizon Communications', aliases: ['Verizon'], kind: 'COMPANY' },
  { slug: 'zte', name: 'ZTE Corporation', aliases: ['ZTE'], kind: 'COMPANY' },
  { slug: 'meng-wanzhou', name: 'Meng Wanzhou', aliases: ['Meng'], kind: 'PERSON' },
  { slug: 'fcc', name: 'Federal Communications Commission', aliases: ['FCC'], kind: 'AUTHORITY' },
  { slug: 'us-treasury', name: 'US Treasury', aliases: ['Treasury Department'], kind: 'AUTHORITY' },
  { slug: 'us-government', name: 'United States government', aliases: ['Washington', 'United States'], kind: 'AUTHORITY' },
];
const index = new PartyIndex(PARTIES);

function draft(text: string, stored: StoredFact[] = [], published = '2021-07-20'): DraftContent {
  const content = draftReport({ slug: 'report', title: 'A report', publisher: 'Test Wire', publishedOn: published, text }, { index, cueSets, stored });
  // Every quote is verbatim, always: the item's span and every quote of its entry.
  for (const item of content.items) {
    expect(text.slice(item.start, item.end)).toBe(item.quote);
    for (const quote of (item.entry.quotes as string[] | undefined) ?? []) expect(text).toContain(quote);
    for (const entry of Object.values((item.entry.provenance as Record<string, { quotes?: (string | { quote: string })[] }>) ?? {})) {
      for (const q of entry.quotes ?? []) expect(text).toContain(typeof q === 'string' ? q : q.quote);
    }
    for (const hedge of (item.entry.hedges as string[] | undefined) ?? []) expect(item.quote).toContain(hedge);
  }
  return content;
}

const ofCue = (content: DraftContent, cue: string): DraftItem[] => content.items.filter((item) => item.cue === cue);

describe('cases', () => {
  it('"sued": the subject is the plaintiff, the object the defendant, status FILED, the date from the phrase', () => {
    const [item] = ofCue(draft('Huawei sued the Federal Communications Commission in December over a ban.'), 'lawsuit.sued');
    expect(item.entry).toMatchObject({ plaintiffs: ['huawei'], defendants: ['fcc'], status: 'FILED', kind: 'REGULATORY_CHALLENGE', filed: '2020-12' });
    expect(item.entry.provenance).toMatchObject({ status: { basis: 'STATED', quotes: ['Huawei sued the'] }, filed: { basis: 'INFERRED' } });
  });

  it('"filed … against": two lawsuits make two items; a suit is its plaintiff’s allegation', () => {
    const items = ofCue(draft('Huawei has filed two patent infringement lawsuits against Verizon.'), 'lawsuit.filed');
    expect(items).toHaveLength(2);
    expect(items[0].entry).toMatchObject({
      kind: 'PATENT_INFRINGEMENT',
      plaintiffs: ['huawei'],
      defendants: ['verizon'],
      attribution: 'ALLEGED',
      claimedBy: 'huawei',
    });
    expect(items[0].entry.filed).toBe('<=2021-07-20');
    expect((items[0].entry.provenance as Record<string, { basis: string; note?: string }>).filed.note).toContain('has filed');
    expect(items[0].entry.slug).not.toBe(items[1].entry.slug);
  });

  it('a passive verb swaps the sides ("was sued by")', () => {
    const [item] = ofCue(draft('Verizon was sued by Huawei last year.'), 'lawsuit.sued');
    expect(item.entry).toMatchObject({ plaintiffs: ['huawei'], defendants: ['verizon'], filed: '2020' });
  });

  it('"both of the suits" settled, the store holding none: two settled suits', () => {
    const items = ofCue(draft('Huawei and Verizon have settled both of the patent suits.'), 'lawsuit.settled');
    expect(items.map((item) => item.entry.status)).toEqual(['SETTLED', 'SETTLED']);
  });

  it('"settled": a new suit between the two parties when the store has none', () => {
    const [item] = ofCue(draft('Huawei and Verizon have settled their patent dispute.'), 'lawsuit.settled');
    expect(item.kind).toBe('NEW');
    expect(item.entry).toMatchObject({ status: 'SETTLED', plaintiffs: ['huawei'], defendants: ['verizon'] });
  });

  it('"dismissed" needs a case in the sentence', () => {
    expect(ofCue(draft('A judge dismissed the lawsuit Huawei brought against Verizon.'), 'lawsuit.dismissed')[0].entry.status).toBe('DISMISSED');
    expect(ofCue(draft('Huawei dismissed Verizon’s offer.'), 'lawsuit.dismissed')).toHaveLength(0);
  });

  it('charges and extradition: the authority against the person, pending, alleged, hedged', () => {
    const content = draft('Meng is facing a potential extradition to the United States for fraud charges.');
    const [charges] = ofCue(content, 'lawsuit.charges');
    const [extradition] = ofCue(content, 'lawsuit.extradition');
    expect(charges.entry).toMatchObject({
      kind: 'CRIMINAL',
      status: 'PENDING',
      plaintiffs: ['us-government'],
      defendants: ['meng-wanzhou'],
      attribution: 'ALLEGED',
    });
    expect(extradition.entry).toMatchObject({ kind: 'EXTRADITION', defendants: ['meng-wanzhou'], hedges: ['potential'] });
  });
});

describe('updates of stored facts', () => {
  const stored: StoredFact[] = [
    {
      typeName: 'Lawsuit',
      slug: 'huawei-v-verizon-1',
      status: 'FILED',
      subject: 'PATENT_INFRINGEMENT',
      roles: { PLAINTIFF: ['huawei'], DEFENDANT: ['verizon'] },
    },
    {
      typeName: 'Lawsuit',
      slug: 'huawei-v-verizon-2',
      status: 'FILED',
      subject: 'PATENT_INFRINGEMENT',
      roles: { PLAINTIFF: ['huawei'], DEFENDANT: ['verizon'] },
    },
    { typeName: 'Lawsuit', slug: 'huawei-v-fcc', status: 'FILED', subject: 'REGULATORY_CHALLENGE', roles: { PLAINTIFF: ['huawei'], DEFENDANT: ['fcc'] } },
  ];

  it('a settlement of the stored suits is a new status statement on each, not a new suit', () => {
    const content = draft('Verizon and Huawei have settled both of the patent infringement suits, Verizon said.', stored);
    const updates = content.items.filter((item) => item.kind === 'UPDATE');
    expect(updates.map((u) => u.target)).toEqual([
      { slug: 'huawei-v-verizon-1', field: 'status', from: 'FILED', to: 'SETTLED' },
      { slug: 'huawei-v-verizon-2', field: 'status', from: 'FILED', to: 'SETTLED' },
    ]);
    expect(updates[0].entry).toMatchObject({
      slug: 'huawei-v-verizon-1',
      status: 'SETTLED',
      citations: [{ source: 'report', quote: content.items[0].quote }],
      provenance: [{ field: 'status', basis: 'STATED', quotes: [{ source: 'report', quote: 'Huawei have settled' }] }],
    });
    expect(content.document.lawsuits).toBeUndefined();
  });

  it('a different subject is not the same fact: an antitrust suit between them is new', () => {
    const content = draft('Huawei sued Verizon for antitrust violations.', stored);
    expect(content.items.filter((item) => item.typeName === 'Lawsuit').map((item) => item.kind)).toEqual(['NEW']);
  });

  it('the stored fact restated with no new status proposes nothing', () => {
    const sanctions: StoredFact[] = [
      { typeName: 'Sanction', slug: 's', status: 'IN_EFFECT', subject: null, roles: { AUTHORITY: ['us-government'], TARGET: ['huawei'] } },
    ];
    expect(draft('Huawei still suffers from sanctions from Washington.', sanctions).items.filter((i) => i.typeName === 'Sanction')).toEqual([]);
  });
});

describe('sanctions, regulators, licensing, events', () => {
  it('sanctions imposed: the authority and its target, IN_EFFECT, the date stated', () => {
    const [item] = ofCue(draft('The US Treasury imposed sanctions on ZTE on March 3, 2021.'), 'sanction.imposed');
    expect(item.entry).toMatchObject({ authority: 'us-treasury', target: 'zte', status: 'IN_EFFECT', imposed: '2021-03-03' });
    expect(item.entry.provenance).toMatchObject({ imposed: { basis: 'STATED', quotes: ['on March 3, 2021'] }, status: { basis: 'STATED' } });
  });

  it('sanctions named as background: status UNKNOWN, inferred', () => {
    const [item] = ofCue(draft('Huawei is struggling in the wake of crippling sanctions from Washington.'), 'sanction.named');
    expect(item.entry).toMatchObject({ authority: 'us-government', target: 'huawei', status: 'UNKNOWN' });
    expect((item.entry.provenance as Record<string, { basis: string }>).status.basis).toBe('INFERRED');
  });

  it('a regulator’s fine: the authority and the party fined', () => {
    const [item] = ofCue(draft('The FCC fined ZTE $5 million on Monday for breaking its rules.'), 'regulatory-action.fined');
    expect(item.entry).toMatchObject({ authority: 'fcc', subject: 'zte', date: '2021-07-19' });
  });

  it('licensing talks: every company named, the status from the words', () => {
    const failed = ofCue(draft('Talks between Huawei and Verizon on licensing terms failed.'), 'negotiation.licensing')[0];
    expect(failed.entry).toMatchObject({ parties: ['huawei', 'verizon'], status: 'FAILED' });
    const agreed = ofCue(draft('Huawei and ZTE signed a licensing agreement.'), 'negotiation.licensing')[0];
    expect(agreed.entry.status).toBe('CONCLUDED');
  });

  it('an arrest: the person, the place and the date', () => {
    const [item] = ofCue(draft('Canadian police arrested Meng Wanzhou in Vancouver, Canada over a year ago.'), 'event.arrest');
    expect(item.entry).toMatchObject({ participants: ['meng-wanzhou'], location: 'Vancouver, Canada', date: '<2020-07~' });
  });
});

describe('statements and attribution', () => {
  it('reported speech: "X said (that) …" is X’s claim; the reported clause is the text', () => {
    const [item] = ofCue(draft('Huawei said last year that it will not weaponise its patents.'), 'statement.said');
    expect(item.entry).toMatchObject({
      speaker: 'huawei',
      text: 'it will not weaponise its patents',
      date: '2020',
      attribution: 'CLAIMED',
      claimedBy: 'huawei',
    });
  });

  it('"…, the company said": the description refers to the sentence’s topic; the clause before it is the text', () => {
    const text = 'Huawei is a big patent holder. It has 10,000 US patents, the company said in a statement.';
    const [item] = ofCue(draft(text), 'statement.said');
    expect(item.entry).toMatchObject({ speaker: 'huawei', text: 'It has 10,000 US patents' });
    expect((item.entry.provenance as Record<string, { basis: string }>).speaker.basis).toBe('INFERRED');
  });

  it('a denial by a pronoun’s person', () => {
    const [item] = ofCue(draft('Meng Wanzhou was arrested. She denies any wrongdoing.'), 'statement.said');
    expect(item.entry).toMatchObject({ speaker: 'meng-wanzhou', attribution: 'CLAIMED', claimedBy: 'meng-wanzhou' });
  });

  it('"according to X" makes a fact X’s claim; "according to" a non-party names a claimant in words', () => {
    const [talks] = ofCue(draft('Huawei and ZTE are in licensing talks, according to Verizon.'), 'negotiation.licensing');
    expect(talks.entry).toMatchObject({ attribution: 'CLAIMED', claimedBy: 'verizon' });
    const [other] = ofCue(draft('Huawei and ZTE are in licensing talks, according to people familiar with the matter.'), 'negotiation.licensing');
    expect(other.entry).toMatchObject({ attribution: 'CLAIMED', claimant: 'people familiar with the matter' });
  });

  it('"alleged", "accused", "charges" make an allegation', () => {
    const [item] = ofCue(draft('The FCC fined ZTE, which it accused of lying.'), 'regulatory-action.fined');
    expect(item.entry.attribution).toBe('ALLEGED');
  });

  it('hedges are kept verbatim', () => {
    const [item] = ofCue(draft('Huawei reportedly sued Verizon after an apparent failure to agree.'), 'lawsuit.sued');
    expect(item.entry.hedges).toEqual(['reportedly', 'apparent']);
  });

  it('with no cue, no item', () => {
    expect(draft('Huawei makes phones. Verizon sells them.').items).toEqual([]);
  });
});
