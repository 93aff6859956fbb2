/**
 * `npm run bench:draft`: how long the drafting engine's first layers (names and dates) take on a
 * 2,000-word report, with the seed's 11 parties and with 10,000 parties in the store, and what they
 * find in the seed report (party recall and precision against the seed document). Writes its section
 * of bench/results/draft.md. Medians of 21 interleaved rounds after 3 warm-up rounds, in one process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findDatePhrases } from '../src/modules/draft/date-phrases';
import { extractNamesAndDates } from '../src/modules/draft/extract';
import { findMentions } from '../src/modules/draft/mentions';
import { type KnownParty, PartyIndex, legalCore } from '../src/modules/draft/party-linking';
import { writeResultsSection } from './results-file';

const root = path.resolve(__dirname, '..', '..');
const seed = JSON.parse(readFileSync(path.join(root, 'seeds/2020-02-06-huawei-verizon.json'), 'utf8')) as {
  source: { text: string; publishedOn: string };
  parties: { type: KnownParty['kind']; slug: string; name: string; aliases?: string[] }[];
};
const PARTIES: KnownParty[] = seed.parties.map((p) => ({ slug: p.slug, name: p.name, aliases: p.aliases ?? [], kind: p.type }));

// A follow-up written for this benchmark, so the long text is not only the seed repeated.
const FOLLOW_UP = `Huawei Technologies Co., Ltd. and Verizon Communications Inc. said on Monday they had settled two patent
suits filed in Texas last year. The terms were not disclosed. Jane Smith, a spokeswoman for Verizon, said the carrier was
pleased. The Federal Trade Commission declined to comment. Separately, the European Commission fined Qualcomm Inc. in
December over payments it made to Apple two years ago. Meng Wanzhou's extradition hearing in Vancouver resumed on Jan. 28,
over a year after her arrest; her lawyers at Peck and Company said the case was political. Ren Zhengfei told reporters in
Shenzhen last month that Huawei would keep licensing its patents. Deutsche Bank AG analyst Robert Brown said the
settlement removed a risk for both companies.`;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** 2,000 words: the seed report and the follow-up, alternating, cut at the 2,000th word. */
function reportOf(count: number): string {
  const out: string[] = [];
  const parts = [seed.source.text, FOLLOW_UP];
  for (let i = 0; out.length < count; i++) out.push(...words(parts[i % 2]));
  return out.slice(0, count).join(' ');
}

/** 10,000 made-up companies and people (deterministic), plus the seed's. */
function bigStore(): KnownParty[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'da', 'po', 'qu', 'ri', 'fe', 'go', 'hu'];
  const name = (i: number, parts: number) => {
    let s = '';
    for (let k = 0; k < parts; k++) s += syllables[(i >> (k * 4)) & 15];
    return s[0].toUpperCase() + s.slice(1);
  };
  const parties: KnownParty[] = [...PARTIES];
  for (let i = 0; i < 10_000; i++) {
    if (i % 3 === 0) parties.push({ slug: `p-${i}`, name: `${name(i, 2)} ${name(i * 7 + 3, 3)}`, aliases: [], kind: 'PERSON' });
    else parties.push({ slug: `c-${i}`, name: `${name(i, 4)} Holdings`, aliases: [name(i, 4)], kind: 'COMPANY' });
  }
  return parties;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Timing {
  median: number;
  min: number;
  max: number;
  cpu: number;
}

/**
 * Runs each case once per round, the cases interleaved, so a busy spell of the shared machine falls
 * on all of them alike. Wall time and this process's CPU time (user + system) per run.
 */
function timeSideBySide(cases: (() => unknown)[], rounds = 21, warmup = 3): Timing[] {
  for (let i = 0; i < warmup; i++) for (const run of cases) run();
  const wall = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    cases.forEach((run, i) => {
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      run();
      wall[i].push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpuStart);
      cpu[i].push((used.user + used.system) / 1000);
    });
  }
  return cases.map((_, i) => ({ median: median(wall[i]), min: Math.min(...wall[i]), max: Math.max(...wall[i]), cpu: median(cpu[i]) }));
}

/** Party recall and precision of the seed report: a found name counts when it is a seed party's name or alias (legal forms aside). */
function score(parties: KnownParty[] | PartyIndex) {
  const { mentions } = extractNamesAndDates(seed.source.text, { published: seed.source.publishedOn, parties });
  const goldByCore = new Map<string, string>();
  for (const party of PARTIES) for (const name of [party.name, ...party.aliases]) goldByCore.set(legalCore(name), party.slug);
  const named = new Set(PARTIES.filter((p) => [p.name, ...p.aliases].some((n) => seed.source.text.includes(n))).map((p) => p.slug));
  const foundParties = new Set<string>();
  let correct = 0;
  let linkedRight = 0;
  for (const mention of mentions) {
    const gold = goldByCore.get(legalCore(mention.name));
    if (gold) {
      correct++;
      foundParties.add(gold);
      if (mention.link.party?.slug === gold) linkedRight++;
    }
  }
  return { mentions: mentions.length, correct, linkedRight, recall: foundParties.size / named.size, named: named.size, found: foundParties.size };
}

function main() {
  const text = reportOf(2000);
  const published = seed.source.publishedOn;
  const small = new PartyIndex(PARTIES);
  const big = new PartyIndex(bigStore());
  const store = bigStore();
  const [smallRun, bigRun, indexRun, namesRun, datesRun] = timeSideBySide([
    () => extractNamesAndDates(text, { published, parties: small }),
    () => extractNamesAndDates(text, { published, parties: big }),
    () => new PartyIndex(store),
    () => findMentions(text, small),
    () => findDatePhrases(text, published),
  ]);
  const result = extractNamesAndDates(text, { published, parties: small });
  const withStore = score(PARTIES);
  const alone = score([]);

  const ms = (n: number) => n.toFixed(1);
  const section = `
## Names and dates of a 2,000-word report (${new Date().toISOString().slice(0, 10)}, Node ${process.version})

Text: the seed report and a follow-up written for this benchmark, alternating, cut at 2,000 words (${text.length} characters);
it yields ${result.mentions.length} names and ${result.dates.length} date phrases. 21 rounds after 3 warm-up rounds, one process, the
cases interleaved in each round (a machine of 2 cores shared with other work: the CPU time is the steadier figure).

| case | median wall time | min | max | median CPU time |
|---|---|---|---|---|
| names and dates, the seed's 11 parties | ${ms(smallRun.median)} ms | ${ms(smallRun.min)} ms | ${ms(smallRun.max)} ms | ${ms(smallRun.cpu)} ms |
| names and dates, 10,011 parties | ${ms(bigRun.median)} ms | ${ms(bigRun.min)} ms | ${ms(bigRun.max)} ms | ${ms(bigRun.cpu)} ms |
| of which names (compromise, linking), 11 parties | ${ms(namesRun.median)} ms | ${ms(namesRun.min)} ms | ${ms(namesRun.max)} ms | ${ms(namesRun.cpu)} ms |
| of which dates (chrono-node) | ${ms(datesRun.median)} ms | ${ms(datesRun.min)} ms | ${ms(datesRun.max)} ms | ${ms(datesRun.cpu)} ms |
| building the index of 10,011 parties (once per store) | ${ms(indexRun.median)} ms | ${ms(indexRun.min)} ms | ${ms(indexRun.max)} ms | ${ms(indexRun.cpu)} ms |

Parties of the seed report (the ${withStore.named} of its document that its text names):

| store | names found | of them the seed's parties | parties recalled | recall | precision | linked right |
|---|---|---|---|---|---|---|
| the seed's parties (their names as the lexicon) | ${withStore.mentions} | ${withStore.correct} | ${withStore.found} / ${withStore.named} | ${Math.round((100 * withStore.found) / withStore.named)}% | ${Math.round((100 * withStore.correct) / withStore.mentions)}% | ${withStore.linkedRight} / ${withStore.correct} |
| empty (compromise's own lists) | ${alone.mentions} | ${alone.correct} | ${alone.found} / ${alone.named} | ${Math.round((100 * alone.found) / alone.named)}% | ${Math.round((100 * alone.correct) / Math.max(1, alone.mentions))}% | (nothing to link) |
`;
  console.log(section);
  console.log(result.mentions.map((m) => `${m.name} ${m.kind} ${m.link.party?.slug ?? 'new'}`).join('; '));
  writeResultsSection(
    path.join(root, 'bench/results/draft.md'),
    'draft-extract',
    section,
    '# Drafting: measurements\n\nGenerated by `npm run bench:draft` (bench/draft-extract.ts).',
  );
}

main();
