import { performance } from 'node:perf_hooks';
import type { SqlReader } from '../../common/database/sql-reader';
import { IdentityService } from '../identity/identity.service';
import { decodeGlobalId, encodeGlobalId } from '../../common/node/global-id';
import { BadUserInputError, RequestTimeoutError, echo } from '../../common/errors';
import type { Problem } from '../../common/validation/rules';
import { check, line, list, object, optional } from '../../common/validation/rules';
import type { WriteDeclaration } from '../../common/writes/declarations';
import type { FactWriter } from '../../common/writes/fact-writer';
import { invalidArguments } from '../../common/writes/write-checks';
import { DEFAULT_DRAFT_DEADLINE_MS } from '../../config';
import { factTypes } from '../../facts';
import type { FactType, Participant } from '../../common/facts/fact-type';
import { sourceRules } from '../source/source.writes';
import { Source } from '../../common/citation/source.entity';
import type { AddSourceInput } from '../source/source.input';
import { cueSets } from './cue-registry';
import { draftReport, type DraftContent } from './draft';
import { Draft, DraftDispute, DraftItem, DraftItemKind, DraftItemStatus, DraftMention, DraftStatus, MentionDecision } from './draft.entity';
import type { StoredFact } from './items';
import { slugify } from './items';
import { PartyIndex, type KnownParty, type PartyKind } from './party-linking';
import { addSource } from '../source/source.writes';
import { loadDraftingLibraries } from './extract';
import { disputesJoined, disputesOfParties, subjectFieldOf, type FactParties } from '../dispute/dispute-membership';

/** The most stored facts of one type compared with a report's proposals (those naming the report's parties). */
export const MAX_STORED_FACTS = 500;
/** The most items one acceptDraftItems or rejectDraftItems names. */
export const MAX_ITEMS_PER_DECISION = 200;

/** What the drafting service reads the store through (`?` placeholders, an IN list as one parameter). */
type DraftReader = SqlReader;

// One index of the store's parties, rebuilt when the parties change (their count, latest id, or a
// write recorded in the audit log): building it for 10,000 parties takes ~0.2 s (bench/results/draft.md).
let cachedIndex: { key: string; index: PartyIndex } | null = null;

async function partyIndex(reader: DraftReader): Promise<PartyIndex> {
  const [stamp] = await reader.query<{ n: number; m: number | null; a: number | null; d: number | null }>(
    'SELECT COUNT(*) AS n, MAX(id) AS m, (SELECT MAX(id) FROM audit_entry) AS a, (SELECT MAX(id) FROM party_decision) AS d FROM party',
    [],
  );
  const key = `${stamp.n}:${stamp.m}:${stamp.a}:${stamp.d}`;
  if (cachedIndex?.key === key) return cachedIndex.index;
  const rows = await reader.query<{ slug: string; name: string; aliases: string; party_type: PartyKind }>(
    'SELECT slug, name, aliases, party_type FROM party ORDER BY id',
    [],
  );
  const parties: KnownParty[] = rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    aliases: JSON.parse(row.aliases ?? '[]') as string[],
    kind: row.party_type,
  }));
  // Editors' "not the same" decisions: such a pair is never offered as each other's alternative.
  const notSame = await new IdentityService().notSamePairs(reader);
  cachedIndex = { key, index: new PartyIndex(parties, { notSame }) };
  return cachedIndex.index;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The stored facts of every type with a status update that name any of `slugs`: read generically
 * from each FactType's participants (a column of the fact's row, or its link rows), at most
 * MAX_STORED_FACTS per type.
 */
export async function storedFactsNaming(reader: DraftReader, slugs: readonly string[]): Promise<StoredFact[]> {
  if (!slugs.length) return [];
  const partyRows = await reader.query<{ id: number; slug: string }>(`SELECT id, slug FROM party WHERE ${reader.inList('slug')}`, [
    reader.listParameter(slugs),
  ]);
  const ids = partyRows.map((row) => Number(row.id));
  if (!ids.length) return [];
  const out: StoredFact[] = [];
  for (const fact of factTypes) {
    const cues = fact.cues;
    if (!cues?.statusUpdate || !cues.statusField) continue;
    out.push(...(await factsOfType(reader, fact, snake(cues.statusField), cues.subjectColumn ?? null, ids)));
  }
  return out;
}

async function factsOfType(reader: DraftReader, fact: FactType, statusColumn: string, subjectColumn: string | null, ids: number[]): Promise<StoredFact[]> {
  const columnRoles = fact.participants.filter((p): p is Extract<Participant, { column: string }> => 'column' in p);
  const linkRoles = fact.participants.filter((p): p is Extract<Participant, { link: unknown }> => 'link' in p);
  const naming = [
    ...columnRoles.map((p) => reader.inList(`f.${p.column}`)),
    ...[...new Set(linkRoles.map((p) => p.link.table))].map((table) => {
      const link = linkRoles.find((p) => p.link.table === table)!.link;
      return `f.id IN (SELECT ${link.factColumn} FROM ${table} WHERE ${reader.inList(link.partyColumn ?? 'party_id')})`;
    }),
  ];
  const select = [
    'f.id AS id',
    'f.slug AS slug',
    `f.${statusColumn} AS status`,
    subjectColumn ? `f.${subjectColumn} AS subject` : 'NULL AS subject',
    ...columnRoles.map((p, i) => `(SELECT slug FROM party WHERE id = f.${p.column}) AS role_${i}`),
  ];
  const rows = await reader.query<Record<string, string | number | null>>(
    `SELECT ${select.join(', ')} FROM ${fact.table} f WHERE ${naming.join(' OR ')} ORDER BY f.id LIMIT ${MAX_STORED_FACTS}`,
    naming.map(() => reader.listParameter(ids)),
  );
  const facts = new Map<number, StoredFact>();
  for (const row of rows) {
    const roles: Record<string, string[]> = {};
    columnRoles.forEach((p, i) => {
      if (row[`role_${i}`] != null) (roles[p.role] ??= []).push(String(row[`role_${i}`]));
    });
    facts.set(Number(row.id), {
      typeName: fact.typeName,
      slug: String(row.slug),
      status: row.status == null ? null : String(row.status),
      subject: row.subject == null ? null : String(row.subject),
      roles,
    });
  }
  for (const table of [...new Set(linkRoles.map((p) => p.link.table))]) {
    if (!facts.size) break;
    const link = linkRoles.find((p) => p.link.table === table)!.link;
    const links = await reader.query<{ fact: number; slug: string; role: string | null }>(
      `SELECT l.${link.factColumn} AS fact, p.slug AS slug, ${link.roleColumn ? `l.${link.roleColumn}` : 'NULL'} AS role FROM ${table} l JOIN party p ON p.id = l.${link.partyColumn ?? 'party_id'} WHERE ${reader.inList(`l.${link.factColumn}`)} ORDER BY l.id`,
      [reader.listParameter([...facts.keys()])],
    );
    for (const row of links) {
      const stored = facts.get(Number(row.fact));
      const participant = linkRoles.find((p) => p.link.table === table && (p.roleValue === undefined || p.roleValue === row.role));
      if (stored && participant) (stored.roles[participant.role] ??= []).push(row.slug);
    }
  }
  return [...facts.values()];
}

/** Slugs of `candidates` already taken in the table of the fact type listed under `documentKey`. */
async function takenSlugs(reader: DraftReader, byKey: Map<string, string[]>): Promise<Map<string, Set<string>>> {
  const taken = new Map<string, Set<string>>();
  for (const [documentKey, slugs] of byKey) {
    const fact = factTypes.find((f) => f.writes?.documentKey === documentKey);
    if (!fact || !slugs.length) continue;
    const rows = await reader.query<{ slug: string }>(`SELECT slug FROM ${fact.table} WHERE ${reader.inList('slug')}`, [reader.listParameter(slugs)]);
    if (rows.length) taken.set(documentKey, new Set(rows.map((row) => row.slug)));
  }
  return taken;
}

/**
 * Reads a report against the store: its parties, the stored facts that name them, and the engine's
 * proposals, within DRAFT_DEADLINE_MS (and the request's own deadline). New items' slugs avoid
 * those taken in the store (a second pass when the first proposes a taken one).
 */
export async function extractDraft(
  reader: DraftReader,
  input: AddSourceInput,
  signal?: AbortSignal,
  deadlineMs = DEFAULT_DRAFT_DEADLINE_MS,
): Promise<{ content: DraftContent; ms: number }> {
  // The source's own rules first (its text at most 90,000 characters): nothing is read that could not be stored.
  const problems = check(object(sourceRules), input);
  if (problems.length) throw invalidArguments(problems);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.publishedOn)) {
    throw invalidArguments([{ path: 'publishedOn', message: 'a draft needs the day of publication, YYYY-MM-DD: "a year ago" and "on Monday" count from it' }]);
  }
  // The parsers' one-time load is not this text's work: it is done before the deadline's clock starts.
  loadDraftingLibraries();
  const started = performance.now();
  const checkDeadline = () => {
    if (signal?.aborted || performance.now() - started > deadlineMs) throw new RequestTimeoutError(deadlineMs);
  };
  const index = await partyIndex(reader);
  checkDeadline();
  const source = { slug: input.slug, title: input.title, publisher: input.publisher, publishedOn: input.publishedOn, url: input.url ?? null, text: input.text };
  // The linked names decide which stored facts can be the same as a proposal: read those only.
  const names = draftReport(source, { index, cueSets, stored: [], checkDeadline });
  const linked = [...new Set(names.mentions.flatMap((m) => (m.link.party ? [m.link.party.slug] : [])))];
  const stored = await storedFactsNaming(reader, linked);
  checkDeadline();
  let content = draftReport(source, { index, cueSets, stored, checkDeadline });
  const bySlug = new Map<string, string[]>();
  for (const item of content.items) if (item.kind === 'NEW') bySlug.set(item.documentKey, [...(bySlug.get(item.documentKey) ?? []), String(item.entry.slug)]);
  const taken = await takenSlugs(reader, bySlug);
  if (taken.size) content = draftReport(source, { index, cueSets, stored, checkDeadline, takenSlugs: (key) => taken.get(key) ?? new Set() });
  const disputes = await disputesOfParties(reader, linked);
  for (const item of content.items)
    if (item.kind === 'NEW') item.disputes = disputesJoined(factPartiesOf(item.typeName, item.documentKey, item.entry), disputes);
  return { content, ms: Math.round(performance.now() - started) };
}

/** Stores the source (as addSource does) and the draft: its items and mentions, every item PENDING. */
export const storeDraft: WriteDeclaration<{ input: AddSourceInput; content: DraftContent; ms: number }, Draft> = {
  action: 'draftSource',
  rules: null,
  check: async ({ input }, checks) => {
    const problems = check(object(sourceRules), input);
    for (const problem of problems) checks.report(problem.path, problem.message);
    await checks.unused(Source, 'slug', input.slug, 'source');
  },
  write: async ({ input, content, ms }, writer) => {
    const source = await addSource.write(input, writer, undefined);
    const draft = await writer.upsert(
      Draft,
      { sourceId: source.id },
      {
        status: content.items.length ? DraftStatus.OPEN : DraftStatus.REVIEWED,
        createdAt: new Date().toISOString(),
        createdBy: writer.recordedBy,
        source: { slug: input.slug, title: input.title, publisher: input.publisher, publishedOn: input.publishedOn, url: input.url ?? null },
        dates: content.dates.map((d) => ({ phrase: d.phrase, start: d.start, end: d.end, date: d.date.format(), note: d.note })),
        extractionMs: ms,
      },
    );
    for (const mention of content.mentions) {
      await writer.upsert(
        DraftMention,
        { draftId: draft.id, key: mention.key },
        {
          name: mention.name.slice(0, 300),
          spans: mention.spans,
          kind: mention.kind,
          slug: mention.slug,
          linked: mention.link.party ? { slug: mention.link.party.slug, rule: mention.link.party.rule, score: mention.link.party.score } : null,
          alternatives: mention.link.alternatives.map((a) => ({ slug: a.slug, rule: a.rule, score: a.score })),
          decision: MentionDecision.SUGGESTED,
        },
      );
    }
    for (const item of content.items) {
      await writer.upsert(
        DraftItem,
        { draftId: draft.id, key: item.key },
        {
          kind: item.kind === 'NEW' ? DraftItemKind.NEW : DraftItemKind.UPDATE,
          status: DraftItemStatus.PENDING,
          typeName: item.typeName,
          documentKey: item.documentKey,
          cue: item.cue,
          quote: item.quote,
          start: item.start,
          end: item.end,
          entry: item.entry,
          targetSlug: item.target?.slug ?? null,
          targetStatus: item.target?.from ?? null,
          disputes: item.disputes ?? [],
          reason: null,
          decidedBy: null,
          decidedAt: null,
        },
      );
    }
    return draft;
  },
  audit: (draft) => ({ subject: draft.globalId }),
};

/** A draft by its global ID, or a BAD_USER_INPUT error naming the argument. */
export function draftIdOf(id: string, argument = 'draft'): number {
  const decoded = decodeGlobalId(id);
  if (decoded.type !== 'Draft') throw new BadUserInputError(`${echo(id)} is not the ID of a draft`, { argument });
  return decoded.id;
}

export function mentionIdOf(id: string): number {
  const decoded = decodeGlobalId(id);
  if (decoded.type !== 'DraftMention') throw new BadUserInputError(`${echo(id)} is not the ID of a draft's mention`, { argument: 'mention' });
  return decoded.id;
}

/** The fact type whose document items are listed under `documentKey`. */
export const factOfKey = (documentKey: string) => factTypes.find((f) => f.writes?.documentKey === documentKey);

/** A NEW entry as the dispute membership rule reads it: its parties in its roles (not who claims it), its subject. */
export function factPartiesOf(typeName: string, documentKey: string, entry: Record<string, unknown>): FactParties {
  const writes = factOfKey(documentKey)?.writes;
  const parties = writes ? writes.parties(entry, '').flatMap((ref) => (typeof ref.slug === 'string' ? [ref.slug] : [])) : [];
  const field = subjectFieldOf(typeName);
  const subject = field && typeof entry[field] === 'string' ? (entry[field] as string) : null;
  return { typeName, parties, subject };
}

/** Sets `value` at a document path (`plaintiffs[0]`, `target`). */
function setAtPath(entry: Record<string, unknown>, path: string, value: string): void {
  const steps = path.split(/\.|\[(\d+)\]/).filter((step) => step !== undefined && step !== '');
  let at: any = entry;
  for (const step of steps.slice(0, -1)) at = at?.[/^\d+$/.test(step) ? Number(step) : step];
  const last = steps[steps.length - 1];
  if (at && last !== undefined) at[/^\d+$/.test(last) ? Number(last) : last] = value;
}

/** Every party slug a document entry names (its FactWrites' `parties`, and who claims it), with the path. */
export function partyReferences(documentKey: string, entry: Record<string, unknown>): { path: string; slug: string }[] {
  const fact = factOfKey(documentKey);
  const refs = fact?.writes
    ? fact.writes.parties(entry, '').flatMap((ref) => (typeof ref.slug === 'string' ? [{ path: ref.path.replace(/^\./, ''), slug: ref.slug }] : []))
    : [];
  if (typeof entry.claimedBy === 'string') refs.push({ path: 'claimedBy', slug: entry.claimedBy });
  return refs;
}

/** An entry with every reference to party `from` made a reference to `to` (a relinked mention). */
export function relinked(documentKey: string, entry: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const copy = structuredClone(entry);
  for (const ref of partyReferences(documentKey, entry)) if (ref.slug === from) setAtPath(copy, ref.path, to);
  return copy;
}

/** The input of an editor's decision on items of a draft. */
export interface Decision {
  draft: number;
  items: string[];
  status: DraftItemStatus.ACCEPTED | DraftItemStatus.REJECTED;
  reason?: string | null;
  /** Accepted items' entries as written (the editor's corrections applied). */
  entries?: Map<string, Record<string, unknown>>;
  /** Accepted items whose disputes an editor changed: the disputes they joined. */
  disputes?: Map<string, DraftDispute[]>;
}

/** The rules of a decision's arguments (the draft's ID is decoded before). */
export const decisionRules = {
  items: list(line(16), { min: 1, max: MAX_ITEMS_PER_DECISION }),
  reason: optional(line(1000)),
};

/** Records the editor's decision on the items; the draft is REVIEWED once no item is pending. */
export const decideItems: WriteDeclaration<Decision, Draft, { draft: Draft; items: DraftItem[] }> = {
  action: 'decideDraftItems',
  rules: null,
  check: async (input, checks) => {
    const loaded = await loadDecision(checks.manager, input);
    for (const problem of loaded.problems) checks.report(problem.path, problem.message);
    return loaded;
  },
  write: async (input, writer, { draft, items }) => {
    const now = new Date().toISOString();
    for (const item of items) {
      await writer.upsert(
        DraftItem,
        { id: item.id },
        {
          status: input.status,
          reason: input.reason ?? null,
          decidedBy: writer.recordedBy,
          decidedAt: now,
          ...(input.entries?.has(item.key) ? { entry: input.entries.get(item.key)! } : {}),
          ...(input.disputes?.has(item.key) ? { disputes: input.disputes.get(item.key)! } : {}),
        },
      );
    }
    const pending = await writer.manager.getRepository(DraftItem).countBy({ draftId: draft.id, status: DraftItemStatus.PENDING });
    return writer.upsert(Draft, { id: draft.id }, { status: pending ? DraftStatus.OPEN : DraftStatus.REVIEWED });
  },
  audit: (draft) => ({ subject: draft.globalId }),
};

type Manager = FactWriter['manager'];

/** The draft and the named items, with a problem for each unknown or already decided item. */
export async function loadDecision(
  manager: Manager,
  input: { draft: number; items: string[] },
): Promise<{ draft: Draft; items: DraftItem[]; problems: Problem[] }> {
  const draft = await manager.getRepository(Draft).findOneBy({ id: input.draft });
  if (!draft) throw new BadUserInputError(`unknown draft ${encodeGlobalId('Draft', input.draft)}`, { argument: 'draft' });
  const rows = await manager.getRepository(DraftItem).findBy({ draftId: draft.id });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const problems: Problem[] = [];
  const items: DraftItem[] = [];
  const seen = new Set<string>();
  input.items.forEach((key, i) => {
    const item = byKey.get(key);
    if (!item) problems.push({ path: `items[${i}]`, message: `the draft has no item ${echo(key)}` });
    else if (seen.has(key)) problems.push({ path: `items[${i}]`, message: `${echo(key)} is named twice` });
    else if (item.status !== DraftItemStatus.PENDING) problems.push({ path: `items[${i}]`, message: `${echo(key)} is already ${item.status}` });
    else items.push(item);
    seen.add(key);
  });
  return { draft, items, problems };
}

/** Makes the new parties' slugs of a draft unique against the store (a mention made NEW by an editor). */
export function proposedSlug(name: string, taken: ReadonlySet<string>): string {
  const root = slugify(name);
  let candidate = root;
  for (let n = 2; taken.has(candidate); n++) candidate = `${root}-${n}`;
  return candidate;
}
