/**
 * `npm run draft:eval`: drafts reports whose correct document exists and scores the drafts against
 * it. The reports: the seed report (its document, seeds/2020-02-06-huawei-verizon.json, is the
 * gold; its text is read from that file's source.text) and the follow-ups and other conflicts in
 * bench/draft-eval/ (texts written for this evaluation, each with a hand-checked gold document).
 * Each is drafted twice: on an empty store, and on a store holding the seed (its parties and
 * facts). Appends a dated section to bench/results/draft.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cueSets } from '../src/modules/draft/cue-registry';
import { draftReport, type DraftContent } from '../src/modules/draft/draft';
import type { StoredFact } from '../src/modules/draft/items';
import { type KnownParty, PartyIndex, legalCore } from '../src/modules/draft/party-linking';
import { writeResultsSection } from './results-file';

const root = path.resolve(__dirname, '..', '..');
type Entry = Record<string, any>;
type Doc = Record<string, Entry[]> & { source?: any };

interface Gold {
  source: { slug: string; title: string; publisher: string; publishedOn: string };
  named: { slug: string; kind: string; names: string[] }[];
  document: Doc;
  updates: { type: string; slug: string; field: string; value: string; quotes: string[] }[];
}
/** The tuning set (the seed report and bench/draft-eval/*.txt, read while the rules were written) or the held-out set (bench/draft-eval/held-out/, written before any tuning and only scored). */
type Set = 'tuning' | 'held-out';
interface Report {
  name: string;
  set: Set;
  text: string;
  gold: Gold;
}

const seedDoc = JSON.parse(readFileSync(path.join(root, 'seeds/2020-02-06-huawei-verizon.json'), 'utf8')) as Doc & { source: any; parties: Entry[] };
const SEED_PARTIES: KnownParty[] = seedDoc.parties.map((p) => ({ slug: p.slug, name: p.name, aliases: p.aliases ?? [], kind: p.type }));

/** The parties each fact type names, by role: the document fields that hold them. */
const ROLE_FIELDS: Record<string, Record<string, string>> = {
  lawsuits: { PLAINTIFF: 'plaintiffs', DEFENDANT: 'defendants' },
  sanctions: { AUTHORITY: 'authority', TARGET: 'target' },
  regulatoryActions: { AUTHORITY: 'authority', SUBJECT: 'subject' },
  negotiations: { PARTY: 'parties' },
  statements: { SPEAKER: 'speaker' },
  events: { PARTICIPANT: 'participants' },
};
const DATE_FIELD: Record<string, string> = {
  lawsuits: 'filed',
  sanctions: 'imposed',
  regulatoryActions: 'date',
  negotiations: 'started',
  statements: 'date',
  events: 'date',
};
const TYPE_KEY: Record<string, string> = {
  Lawsuit: 'lawsuits',
  Sanction: 'sanctions',
  RegulatoryAction: 'regulatoryActions',
  LicensingNegotiation: 'negotiations',
  Statement: 'statements',
  Event: 'events',
};
const KEYS = Object.keys(ROLE_FIELDS);

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)]);
const rolesOf = (key: string, entry: Entry, map: (slug: string) => string = (s) => s): Record<string, string[]> =>
  Object.fromEntries(Object.entries(ROLE_FIELDS[key]).map(([role, field]) => [role, asList(entry[field]).map(map).sort()]));

/** The seed's facts as the store holds them, for the store with the seed loaded. */
const SEED_STORED: StoredFact[] = [
  ...seedDoc.lawsuits.map((l) => ({
    typeName: 'Lawsuit',
    slug: l.slug,
    status: l.status,
    subject: l.kind,
    roles: { PLAINTIFF: l.plaintiffs, DEFENDANT: l.defendants },
  })),
  ...seedDoc.sanctions.map((s) => ({
    typeName: 'Sanction',
    slug: s.slug,
    status: s.status,
    subject: null,
    roles: { AUTHORITY: [s.authority], TARGET: [s.target] },
  })),
  ...seedDoc.negotiations.map((n) => ({ typeName: 'LicensingNegotiation', slug: n.slug, status: n.status, subject: null, roles: { PARTY: n.parties } })),
];

function reports(): Report[] {
  const seedText: string = seedDoc.source.text;
  const named = SEED_PARTIES.filter((p) => [p.name, ...p.aliases].some((n) => seedText.includes(n))).map((p) => ({
    slug: p.slug,
    kind: p.kind,
    names: [p.name, ...p.aliases],
  }));
  const out: Report[] = [
    { name: 'seed report (2020-02-06)', set: 'tuning', text: seedText, gold: { source: seedDoc.source, named, document: seedDoc, updates: [] } },
  ];
  for (const [set, dir] of [
    ['tuning', path.join(root, 'bench/draft-eval')],
    ['held-out', path.join(root, 'bench/draft-eval/held-out')],
  ] as const) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.gold.json'))
      .sort()) {
      const name = file.replace(/\.gold\.json$/, '');
      out.push({ name, set, text: readFileSync(path.join(dir, `${name}.txt`), 'utf8'), gold: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) });
    }
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Every quote of the draft occurs verbatim in the text: an assertion (the run fails otherwise), not a score. */
function assertVerbatim(text: string, content: DraftContent): number {
  let checked = 0;
  const must = (quote: string, what: string) => {
    checked++;
    if (!text.includes(quote)) throw new Error(`${what} is not verbatim: ${JSON.stringify(quote)}`);
  };
  for (const item of content.items) {
    if (text.slice(item.start, item.end) !== item.quote) throw new Error(`item ${item.key}: its span is not its quote`);
    must(item.quote, `item ${item.key}`);
    for (const quote of asList(item.entry.quotes)) must(quote, `item ${item.key} quote`);
    for (const citation of (item.entry.citations as { quote: string }[] | undefined) ?? []) must(citation.quote, `item ${item.key} citation`);
    const provenance = item.entry.provenance as Record<string, { quotes?: unknown[] }> | { quotes?: unknown[] }[] | undefined;
    for (const entry of Object.values(provenance ?? {}))
      for (const q of entry.quotes ?? []) must(typeof q === 'string' ? q : (q as { quote: string }).quote, `item ${item.key} provenance`);
    for (const hedge of asList(item.entry.hedges)) must(hedge, `item ${item.key} hedge`);
  }
  for (const mention of content.mentions) for (const span of mention.spans) if (text.slice(span.start, span.end).length === 0) throw new Error('empty span');
  for (const party of content.document.parties) for (const quote of asList(party.quotes)) must(quote, `party ${String(party.slug)}`);
  return checked;
}

interface Score {
  named: number;
  found: number;
  mentions: number;
  correctMentions: number;
  storedNames: number;
  linkedRight: number;
  factsByType: Record<string, { gold: number; matched: number }>;
  items: number;
  itemsMatched: number;
  claims: number;
  claimsRight: number;
  dated: number;
  datesRight: number;
  quotes: number;
}

const overlaps = (text: string, a: string[], b: string[]) =>
  a.some((qa) => {
    const sa = text.indexOf(qa);
    return b.some((qb) => {
      const sb = text.indexOf(qb);
      return sa >= 0 && sb >= 0 && sa < sb + qb.length && sb < sa + qa.length;
    });
  });

function score(report: Report, content: DraftContent, stored: boolean): Score {
  const { text, gold } = report;
  const byName = new Map<string, string>();
  for (const party of gold.named) for (const name of party.names) byName.set(legalCore(name), party.slug);
  for (const party of SEED_PARTIES)
    for (const name of [party.name, ...party.aliases]) if (!byName.has(legalCore(name))) byName.set(legalCore(name), party.slug);
  const seedSlugs = new Set(SEED_PARTIES.map((p) => p.slug));
  // A draft's slug → the gold party it is (by the name it was found under).
  const toGold = new Map<string, string>();
  const found = new Set<string>();
  let correctMentions = 0;
  let storedNames = 0;
  let linkedRight = 0;
  for (const mention of content.mentions) {
    const goldSlug = byName.get(legalCore(mention.name));
    if (!goldSlug) continue;
    correctMentions++;
    found.add(goldSlug);
    if (!toGold.has(mention.slug)) toGold.set(mention.slug, goldSlug);
    if (stored && seedSlugs.has(goldSlug)) {
      storedNames++;
      if (mention.link.party?.slug === goldSlug) linkedRight++;
    }
  }
  const named = new Set(gold.named.map((p) => p.slug));
  const map = (slug: string) => toGold.get(slug) ?? `?${slug}`;

  // Gold facts: the document's new facts, and the updates of stored facts (with the stored fact's parties).
  const goldFacts: { key: string; roles: Record<string, string[]>; quotes: string[]; entry: Entry | null; update: { slug: string; value: string } | null }[] =
    [];
  for (const key of KEYS)
    for (const entry of gold.document[key] ?? []) goldFacts.push({ key, roles: rolesOf(key, entry), quotes: entry.quotes, entry, update: null });
  for (const update of gold.updates) {
    const key = TYPE_KEY[update.type];
    const storedFact = (seedDoc[key] ?? []).find((e) => e.slug === update.slug)!;
    goldFacts.push({ key, roles: rolesOf(key, storedFact), quotes: update.quotes, entry: null, update: { slug: update.slug, value: update.value } });
  }
  const used = new Set<number>();
  const s: Score = {
    named: named.size,
    found: [...found].filter((slug) => named.has(slug)).length,
    mentions: content.mentions.length,
    correctMentions,
    storedNames,
    linkedRight,
    factsByType: Object.fromEntries(KEYS.map((key) => [key, { gold: 0, matched: 0 }])),
    items: content.items.length,
    itemsMatched: 0,
    claims: 0,
    claimsRight: 0,
    dated: 0,
    datesRight: 0,
    quotes: assertVerbatim(text, content),
  };
  const sameRoles = (a: Record<string, string[]>, b: Record<string, string[]>) => JSON.stringify(a) === JSON.stringify(b);
  const sameParties = (a: Record<string, string[]>, b: Record<string, string[]>) =>
    JSON.stringify(Object.values(a).flat().sort()) === JSON.stringify(Object.values(b).flat().sort());
  for (const fact of goldFacts) {
    s.factsByType[fact.key].gold++;
    const index = content.items.findIndex((item, i) => {
      if (used.has(i) || item.documentKey !== fact.key) return false;
      if (item.kind === 'UPDATE')
        return item.target!.slug === (fact.update?.slug ?? fact.entry?.slug) && (!fact.update || item.target!.to === fact.update.value);
      const roles = rolesOf(fact.key, item.entry, map);
      if (fact.update) return sameParties(roles, fact.roles) && item.entry.status === fact.update.value;
      return sameRoles(roles, fact.roles) && overlaps(text, asList(item.entry.quotes), fact.quotes);
    });
    if (index < 0) continue;
    used.add(index);
    s.factsByType[fact.key].matched++;
    const item = content.items[index];
    if (!fact.entry || item.kind !== 'NEW') continue;
    if (fact.entry.attribution === 'CLAIMED' || fact.entry.attribution === 'ALLEGED') {
      s.claims++;
      const by = (e: Entry, m: (slug: string) => string) => (e.claimedBy ? m(e.claimedBy) : e.claimant ? 'claimant' : null);
      if (item.entry.attribution === fact.entry.attribution && by(item.entry, map) === by(fact.entry, (x) => x)) s.claimsRight++;
    }
    const field = DATE_FIELD[fact.key];
    if (fact.entry[field] != null) {
      s.dated++;
      if (item.entry[field] === fact.entry[field]) s.datesRight++;
    }
  }
  s.itemsMatched = used.size;
  return s;
}

/** A drafting engine: this build's, or an earlier build's (`--baseline DIR`, a checkout built with `npm run build`) for a side-by-side run. */
interface Engine {
  label: string;
  draftReport: typeof draftReport;
  cueSets: typeof cueSets;
  PartyIndex: typeof PartyIndex;
}

function draft(engine: Engine, report: Report, stored: boolean): DraftContent {
  const index = new engine.PartyIndex(stored ? SEED_PARTIES : []);
  const source = { ...report.gold.source, url: null, text: report.text, publishedOn: String(report.gold.source.publishedOn) };
  return engine.draftReport(source, { index, cueSets: engine.cueSets, stored: stored ? SEED_STORED : [] });
}

/** Median CPU time of drafting the report (the machine is shared: CPU time is steadier than wall time), per 1,000 words. */
function timePer1000Words(engine: Engine, report: Report, stored: boolean, rounds = 9): number {
  const index = new engine.PartyIndex(stored ? SEED_PARTIES : []);
  const source = { ...report.gold.source, url: null, text: report.text };
  const times: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const started = process.cpuUsage();
    engine.draftReport(source, { index, cueSets: engine.cueSets, stored: stored ? SEED_STORED : [] });
    const used = process.cpuUsage(started);
    if (i >= 2) times.push((used.user + used.system) / 1000);
  }
  return (median(times) * 1000) / wordsOf(report.text);
}

/**
 * A 2,000-word report (the reports' texts in turn, cut at the 2,000th word), drafted with the seed loaded by each
 * engine, the engines interleaved in every round: median wall and CPU ms per engine.
 */
function time2000(engines: Engine[], all: Report[], rounds = 9): { wall: number; cpu: number }[] {
  const words: string[] = [];
  for (let i = 0; words.length < 2000; i++) words.push(...all[i % all.length].text.split(/\s+/).filter(Boolean));
  const text = words.slice(0, 2000).join(' ');
  const source = { slug: 'long', title: 'long', publisher: 'bench', publishedOn: '2021-07-20', url: null, text };
  const indexes = engines.map((engine) => new engine.PartyIndex(SEED_PARTIES));
  const wall: number[][] = engines.map(() => []);
  const cpu: number[][] = engines.map(() => []);
  for (let i = 0; i < rounds + 2; i++) {
    engines.forEach((engine, e) => {
      const started = performance.now();
      const startedCpu = process.cpuUsage();
      engine.draftReport(source, { index: indexes[e], cueSets: engine.cueSets, stored: SEED_STORED });
      const used = process.cpuUsage(startedCpu);
      if (i >= 2) {
        wall[e].push(performance.now() - started);
        cpu[e].push((used.user + used.system) / 1000);
      }
    });
  }
  return engines.map((_, e) => ({ wall: median(wall[e]), cpu: median(cpu[e]) }));
}

const loadAverage = () => loadavg()[0].toFixed(1);

const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);

type Totals = Score & { words: number; ms: number };
const COUNTS = [
  'named',
  'found',
  'mentions',
  'correctMentions',
  'storedNames',
  'linkedRight',
  'items',
  'itemsMatched',
  'claims',
  'claimsRight',
  'dated',
  'datesRight',
  'quotes',
] as const;
const emptyTotals = (): Totals => ({
  named: 0,
  found: 0,
  mentions: 0,
  correctMentions: 0,
  storedNames: 0,
  linkedRight: 0,
  factsByType: Object.fromEntries(KEYS.map((key) => [key, { gold: 0, matched: 0 }])),
  items: 0,
  itemsMatched: 0,
  claims: 0,
  claimsRight: 0,
  dated: 0,
  datesRight: 0,
  quotes: 0,
  words: 0,
  ms: 0,
});
function add(total: Totals, s: Score, words: number, msPer1000: number): void {
  for (const k of COUNTS) total[k] += s[k];
  for (const key of KEYS) {
    total.factsByType[key].gold += s.factsByType[key].gold;
    total.factsByType[key].matched += s.factsByType[key].matched;
  }
  total.words += words;
  total.ms += (msPer1000 * words) / 1000;
}

/** The groups of reports the summary adds up: the held-out set apart from the set the rules were tuned on. */
const GROUPS: { name: string; has: (report: Report) => boolean }[] = [
  { name: 'tuning set, written reports', has: (r) => r.set === 'tuning' && !r.name.startsWith('seed') },
  { name: 'held-out set', has: (r) => r.set === 'held-out' },
  { name: 'all written reports', has: (r) => !r.name.startsWith('seed') },
  { name: 'all, the seed report included', has: () => true },
];

async function loadBaseline(dir: string): Promise<Engine> {
  const dist = path.resolve(dir, 'dist/src/modules/draft');
  const [d, c, p] = [require(path.join(dist, 'draft.js')), require(path.join(dist, 'cue-registry.js')), require(path.join(dist, 'party-linking.js'))];
  return { label: `before (${path.basename(path.resolve(dir))})`, draftReport: d.draftReport, cueSets: c.cueSets, PartyIndex: p.PartyIndex };
}

async function main() {
  const all = reports();
  const current: Engine = { label: 'after (this build)', draftReport, cueSets, PartyIndex };
  const at = process.argv.indexOf('--baseline');
  const engines = at >= 0 ? [await loadBaseline(process.argv[at + 1]), current] : [current];
  const rows: string[] = [];
  // Totals by engine, store and group.
  const totals = new Map<string, Totals>();
  const totalOf = (engine: Engine, store: string, group: string) => {
    const key = `${engine.label}|${store}|${group}`;
    if (!totals.has(key)) totals.set(key, emptyTotals());
    return totals.get(key)!;
  };
  let quotes = 0;
  for (const engine of engines) {
    for (const stored of [false, true]) {
      const label = stored ? 'seed loaded' : 'empty';
      for (const report of all) {
        const content = draft(engine, report, stored);
        const s = score(report, content, stored);
        quotes += s.quotes;
        const msPer1000 = timePer1000Words(engine, report, stored, engine === current ? 9 : 3);
        for (const group of GROUPS) if (group.has(report)) add(totalOf(engine, label, group.name), s, wordsOf(report.text), msPer1000);
        if (engine === current)
          rows.push(row(`${report.name}${stored && report.name.startsWith('seed') ? ' (circular)' : ''}`, `${report.set}, ${label}`, s, msPer1000));
      }
    }
  }
  const summary: string[] = [];
  for (const stored of ['seed loaded', 'empty'])
    for (const group of GROUPS)
      for (const engine of engines) {
        const t = totalOf(engine, stored, group.name);
        summary.push(row(`**${group.name}**`, `${stored}, ${engine.label}`, t, (t.ms * 1000) / t.words));
      }
  const long = time2000(engines, all);
  const date = new Date().toISOString().slice(0, 10);
  const count = (set: Set) => all.filter((r) => r.set === set).length;
  const header = `| reports | store | parties recall | precision | stored names linked right | facts found | lawsuits | sanctions | regulatory | negotiations | statements | events | items matching a fact | attribution right (claims, allegations) | dates right | CPU ms / 1,000 words |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`;
  const section = `## Evaluation of drafts (${date}, Node ${process.version})

\`npm run draft:eval\` (bench/draft-eval.ts): ${all.length} reports, each drafted on an empty store and on a store holding the seed
(its ${SEED_PARTIES.length} parties and its suits, sanctions and talks). Gold: the seed's own document; for the others, the
hand-checked documents in bench/draft-eval/*.gold.json (texts written for this evaluation). Two sets: the **tuning set**
(the seed report and the ${count('tuning') - 1} reports of bench/draft-eval/, read while the rules were written) and the **held-out set**
(the ${count('held-out')} reports of bench/draft-eval/held-out/, written and committed before the rules were tuned, and only scored since).
Facts: lawsuits, sanctions, regulatory actions, negotiations, statements and events; a fact is found when an item has its type, its
parties in the same roles and a quote overlapping the gold quote (an update: the same stored fact and value). Every quote of every
draft occurred verbatim in its text (${quotes} quotes checked; the run fails otherwise).${
    engines.length > 1
      ? `\n\n"before" is the build of ${engines[0].label.replace(/^before \((.*)\)$/, '$1')} (\`--baseline\`), "after" this one: both scored in this run on the same reports.`
      : ''
  }

A 2,000-word report (these texts in turn), drafted with the seed loaded, the engines interleaved in each round (9 rounds after 2
warm-up rounds, one process; the machine's 2 cores were shared with other work, load average ${loadAverage()}):

| engine | median wall time | median CPU time |
|---|---|---|
${engines.map((engine, e) => `| ${engine.label} | ${long[e].wall.toFixed(0)} ms | ${long[e].cpu.toFixed(0)} ms |`).join('\n')}

Summary by set:

${header}
${summary.join('\n')}

Each report, this build (the last column is the median CPU time per 1,000 words of each report; short reports carry
compromise's fixed cost per text):

${header}
${rows.join('\n')}

"circular": with the seed loaded, the seed report's names are the store's own (the lexicon is the answer key) and its facts are
the stored ones (found as updates of them); the figure says the engine does not break what it knows, not how well it reads.`;
  writeResultsSection(path.join(root, 'bench/results/draft.md'), `draft-eval-${date}`, section, '# Drafting: measurements');
  process.stdout.write(`${section}\n`);
}

function row(name: string, store: string, s: Score, msPer1000: number): string {
  const facts = Object.values(s.factsByType).reduce((a, f) => ({ gold: a.gold + f.gold, matched: a.matched + f.matched }), { gold: 0, matched: 0 });
  const byType = KEYS.map((key) => (s.factsByType[key].gold ? `${s.factsByType[key].matched}/${s.factsByType[key].gold}` : '–'));
  return `| ${name} | ${store} | ${s.found}/${s.named} (${pct(s.found, s.named)}) | ${pct(s.correctMentions, s.mentions)} (${s.correctMentions}/${s.mentions}) | ${
    s.storedNames ? `${s.linkedRight}/${s.storedNames} (${pct(s.linkedRight, s.storedNames)})` : '–'
  } | ${facts.matched}/${facts.gold} (${pct(facts.matched, facts.gold)}) | ${byType.join(' | ')} | ${s.itemsMatched}/${s.items} | ${s.claimsRight}/${s.claims} (${pct(
    s.claimsRight,
    s.claims,
  )}) | ${s.datesRight}/${s.dated} (${pct(s.datesRight, s.dated)}) | ${Number.isNaN(msPer1000) ? '' : msPer1000.toFixed(0)} |`;
}

main().catch((error) => {
  process.stderr.write(`${String(error?.stack ?? error)}\n`);
  process.exit(1);
});
