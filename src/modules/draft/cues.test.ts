import { cueSets } from './cue-registry';
import { draftReport } from './draft';
import { type KnownParty, PartyIndex } from './party-linking';

/**
 * Every cue of every fact type, one sentence each: the cue fires, with the type, status and parties it
 * is for. The table is checked against the registry, so a cue added to a fact type without a case here
 * fails the last test. Sentences written for this test (not the evaluation's reports).
 */
const PARTIES: KnownParty[] = [
  { slug: 'orbit', name: 'Orbit Devices', aliases: ['Orbit'], kind: 'COMPANY' },
  { slug: 'tessel', name: 'Tessel Networks', aliases: ['Tessel'], kind: 'COMPANY' },
  { slug: 'acme', name: 'Acme Radio', aliases: [], kind: 'COMPANY' },
  { slug: 'jun-park', name: 'Jun Park', aliases: ['Park'], kind: 'PERSON' },
  { slug: 'trade-ministry', name: 'Trade Ministry', aliases: [], kind: 'AUTHORITY' },
  { slug: 'us-government', name: 'United States government', aliases: ['United States', 'Washington'], kind: 'AUTHORITY' },
  { slug: 'competition-office', name: 'Competition Office', aliases: [], kind: 'AUTHORITY' },
];
const index = new PartyIndex(PARTIES);

/** cue name → a sentence, and what its item holds. */
const CASES: [string, string, Record<string, unknown>][] = [
  ['lawsuit.sued', 'Orbit sued Tessel in March over its modem patents.', { plaintiffs: ['orbit'], defendants: ['tessel'], status: 'FILED', filed: '2022-03' }],
  ['lawsuit.filed', 'Orbit filed a lawsuit against Tessel last year.', { plaintiffs: ['orbit'], defendants: ['tessel'], status: 'FILED', filed: '2021' }],
  [
    'lawsuit.charged',
    'The Trade Ministry charged Jun Park with fraud.',
    { plaintiffs: ['trade-ministry'], defendants: ['jun-park'], kind: 'CRIMINAL', status: 'PENDING' },
  ],
  [
    'lawsuit.charges',
    'Jun Park faces bribery charges brought by the United States.',
    { plaintiffs: ['us-government'], defendants: ['jun-park'], kind: 'CRIMINAL', status: 'PENDING', attribution: 'ALLEGED' },
  ],
  [
    'lawsuit.extradition',
    'Jun Park fought extradition to the United States.',
    { plaintiffs: ['us-government'], defendants: ['jun-park'], kind: 'EXTRADITION' },
  ],
  [
    'lawsuit.challenged',
    'Orbit challenged the Competition Office in court over the fine.',
    { plaintiffs: ['orbit'], defendants: ['competition-office'], status: 'FILED' },
  ],
  ['lawsuit.decided', 'A judge upheld the claims Orbit made against Tessel.', { plaintiffs: ['orbit'], defendants: ['tessel'], status: 'DECIDED' }],
  ['lawsuit.settled', 'Orbit and Tessel settled their dispute on Monday.', { status: 'SETTLED', plaintiffs: ['orbit'], defendants: ['tessel'] }],
  ['lawsuit.dismissed', 'A court dismissed the lawsuit Orbit brought against Tessel.', { status: 'DISMISSED', plaintiffs: ['orbit'], defendants: ['tessel'] }],
  ['lawsuit.withdrawn', 'Orbit withdrew its lawsuit against Tessel.', { status: 'WITHDRAWN', plaintiffs: ['orbit'], defendants: ['tessel'] }],
  ['sanction.imposed', 'The Trade Ministry imposed sanctions on Acme Radio.', { authority: 'trade-ministry', target: 'acme', status: 'IN_EFFECT' }],
  ['sanction.lifted', 'The Trade Ministry lifted its sanctions on Acme Radio.', { authority: 'trade-ministry', target: 'acme', status: 'LIFTED' }],
  ['sanction.proposed', 'The Trade Ministry threatened sanctions against Acme Radio.', { authority: 'trade-ministry', target: 'acme', status: 'PROPOSED' }],
  ['sanction.named', 'Acme Radio struggles under sanctions from Washington.', { authority: 'us-government', target: 'acme', status: 'UNKNOWN' }],
  ['regulatory-action.fined', 'The Competition Office fined Orbit on Tuesday.', { authority: 'competition-office', subject: 'orbit' }],
  ['regulatory-action.banned', 'The Competition Office banned Orbit from public tenders.', { authority: 'competition-office', subject: 'orbit' }],
  ['regulatory-action.ordered', 'The Competition Office ordered Orbit to sell its radio unit.', { authority: 'competition-office', subject: 'orbit' }],
  ['regulatory-action.decision', 'Orbit criticised a ruling of the Competition Office.', { authority: 'competition-office', subject: 'orbit' }],
  ['negotiation.licensing', 'Orbit and Tessel are in licensing talks since March.', { parties: ['orbit', 'tessel'], status: 'ONGOING', started: '>=2022-03' }],
  [
    'statement.said',
    'Tessel said the patents were invalid.',
    { speaker: 'tessel', text: 'the patents were invalid', attribution: 'CLAIMED', claimedBy: 'tessel' },
  ],
  [
    'statement.according-to',
    'The patents are invalid, according to Tessel.',
    { speaker: 'tessel', text: 'The patents are invalid', attribution: 'CLAIMED', claimedBy: 'tessel' },
  ],
  ['event.arrest', 'Police arrested Jun Park in Seoul on Friday.', { participants: ['jun-park'], location: 'Seoul', date: '2022-06-10' }],
  ['event.arrest-noun', 'The arrest of Jun Park shocked Orbit.', { participants: ['jun-park'] }],
  ['event.meeting', 'Jun Park met Tessel executives in Geneva.', { participants: ['jun-park'], location: 'Geneva' }],
  ['event.ruling', 'A judge ruled in May that Jun Park could leave.', { participants: ['jun-park'], date: '2022-05' }],
];

// A Saturday: "on Friday" is the day before, "in May" this year's May.
const PUBLISHED = '2022-06-11';

describe('every cue of every fact type', () => {
  it.each(CASES)('%s', (cue, text, expected) => {
    const content = draftReport({ slug: 'cues', title: 'Cues', publisher: 'Test Wire', publishedOn: PUBLISHED, text }, { index, cueSets, stored: [] });
    const item = content.items.find((i) => i.cue === cue);
    expect(item).toBeDefined();
    expect(item!.entry).toMatchObject(expected);
    expect(text.slice(item!.start, item!.end)).toBe(item!.quote);
  });

  it('the table covers every cue the registry declares', () => {
    const declared = cueSets.flatMap((set) => set.cues.cues.map((cue) => cue.name)).sort();
    expect(CASES.map(([cue]) => cue).sort()).toEqual(declared);
  });
});
