import {
  citations,
  fuzzyDate,
  line,
  list,
  object,
  oneOf,
  optional,
  pathOf,
  quotes,
  slug,
  type DocOf,
  type Problem,
  type Rule,
} from '../../common/validation/rules';
import type { EntityManager } from 'typeorm';
import { statusUpdate } from '../../common/writes/status-update';
import { factWrites, type PartyReference, type WriteDeclaration } from '../../common/writes/declarations';
import { invalidDocument } from '../../common/writes/write-checks';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import type { EntityClass, FactType } from '../../common/facts/fact-type';
import { DisputeFact } from './dispute-fact.entity';
import { DisputeSide } from './dispute-side.entity';
import { Dispute } from './dispute.entity';
import { DisputeKind, DisputeSideName, DisputeStatus } from './dispute.enums';
import type { RecordDisputeInput, UpdateDisputeStatusInput } from './dispute.input';
import { echo } from '../../common/errors';
import { formerSlugsIn } from '../../common/identity/former-slugs';

/**
 * The facts a dispute may group: the slugged facts of the registry, by type name. Set by
 * src/facts.ts once the registry exists (the registry lists this module's declaration too).
 */
let groupable = new Map<string, FactType>();
export function setGroupableFacts(facts: readonly FactType[]): void {
  groupable = new Map(facts.filter((fact) => fact.writes?.slugged && fact.typeName !== 'Dispute').map((fact) => [fact.typeName, fact]));
}

/** A fact type a dispute may group, by type name (undefined for any other). */
export const groupableFact = (typeName: string): FactType | undefined => groupable.get(typeName);

/** One of the groupable facts' type names (known once the registry exists). */
const groupableType: Rule<string> = (value, path, problems) => oneOf(Object.fromEntries([...groupable.keys()].map((k) => [k, k])))(value, path, problems);

const fields = {
  slug,
  title: line(300),
  kind: oneOf(DisputeKind),
  status: optional(oneOf(DisputeStatus)),
  started: optional(fuzzyDate),
  technologies: optional(list(line(300), { max: 50 })),
  sides: list(object({ party: slug, side: oneOf(DisputeSideName), label: optional(line(100)) }), {
    min: 2,
    max: 50,
    tooFew: 'must list at least one party on side A and one on side B',
  }),
  facts: optional(
    list(object({ type: groupableType, slug }), {
      max: 500,
    }),
  ),
};

const parties = (d: Pick<DisputeDoc, 'sides'>, path: string): PartyReference[] =>
  Array.isArray(d.sides) ? d.sides.map((side, i) => ({ path: pathOf(pathOf(pathOf(path, 'sides'), i), 'party'), slug: side?.party })) : [];

/** Both sides named, and no party on both. */
function sideProblems(d: Pick<DisputeDoc, 'sides'>, path: string): Problem[] {
  if (!Array.isArray(d.sides)) return [];
  const sides = new Set(d.sides.map((s) => s.side));
  const problems: Problem[] = [];
  if (!sides.has(DisputeSideName.A) || !sides.has(DisputeSideName.B))
    problems.push({ path: pathOf(path, 'sides'), message: 'must list at least one party on side A and one on side B' });
  const seen = new Set<string>();
  d.sides.forEach((s, i) => {
    if (seen.has(s.party)) problems.push({ path: pathOf(pathOf(pathOf(path, 'sides'), i), 'party'), message: `${echo(s.party)} is listed twice` });
    seen.add(s.party);
  });
  return problems;
}

/** Stores a dispute by slug with exactly these sides and facts (`factId` finds each fact's id). */
async function writeDispute(writer: FactWriter, d: Omit<DisputeDoc, 'quotes'>, factIds: number[][]): Promise<Dispute> {
  const row = await writer.upsert(
    Dispute,
    { slug: d.slug },
    {
      title: d.title,
      kind: d.kind as DisputeKind,
      status: (d.status ?? DisputeStatus.UNKNOWN) as DisputeStatus,
      started: date(d.started),
      technologies: d.technologies ?? [],
    },
  );
  await writer.replaceLinks(
    DisputeSide,
    { disputeId: row.id },
    d.sides.map((s) => ({ partyId: writer.party(s.party), side: s.side as DisputeSideName, label: s.label ?? null })),
    ['partyId', 'side', 'label'],
  );
  const members = (d.facts ?? []).map((f, i) => ({ factType: f.type, factId: factIds[i][0] }));
  await writer.replaceLinks(DisputeFact, { disputeId: row.id }, members, ['factType', 'factId']);
  return row;
}

/** The stored id of each fact a dispute names (by type and slug), or a problem for each unknown one. */
async function storedFactIds(
  manager: EntityManager,
  facts: { type: string; slug: string }[],
  path: string,
  known: (type: string, slug: string) => number | undefined,
): Promise<{ ids: number[][]; problems: Problem[] }> {
  const ids: number[][] = [];
  const problems: Problem[] = [];
  for (const [i, fact] of facts.entries()) {
    const declared = groupable.get(fact.type)!;
    const repository = manager.getRepository(declared.entity as EntityClass);
    let id = known(fact.type, fact.slug) ?? (await repository.findOneBy({ slug: fact.slug } as never))?.id;
    // A former slug (a renamed fact) names the fact it now is.
    id ??= (await formerSlugsIn(manager, repository.metadata.tableName, [fact.slug])).get(fact.slug);
    if (id === undefined) problems.push({ path: pathOf(pathOf(pathOf(path, 'facts'), i), 'slug'), message: `unknown ${fact.type} ${echo(fact.slug)}` });
    ids.push([id as number]);
  }
  return { ids, problems };
}

const disputeItem = { ...fields, quotes };
/** A dispute as a document lists it (`disputes[i]`); `recordDispute` takes the same without quotes. */
type DisputeDoc = DocOf<typeof disputeItem>;

export const disputeWrites = factWrites({
  documentKey: 'disputes',
  slugged: true,
  rules: disputeItem,
  parties,
  checkInDocument: (d, path) => sideProblems(d, path),
  write: async (d, writer, scope) => {
    const known = (type: string, slug: string) => scope.idOf(groupable.get(type)!.writes!.documentKey, slug);
    const { ids, problems } = await storedFactIds(writer.manager, d.facts ?? [], path(d), known);
    // A fact neither in the document nor stored: the whole import is rolled back with this problem.
    if (problems.length) throw invalidDocument(problems);
    const row = await writeDispute(writer, d, ids);
    await scope.cite(row, d.quotes);
    return row;
  },
});

/** The document path of a dispute, for problems found while writing (its slug names it). */
const path = (d: DisputeDoc) => `disputes[slug=${d.slug}]`;

export const recordDispute: WriteDeclaration<RecordDisputeInput, Dispute, number[][]> = {
  action: 'recordDispute',
  rules: { ...fields, citations },
  check: async (input, checks) => {
    await checks.unused(Dispute, 'slug', input.slug, 'dispute');
    for (const problem of sideProblems(input, '')) checks.report(problem.path, problem.message);
    await checks.parties(parties(input, ''));
    const { ids, problems } = await storedFactIds(checks.manager, input.facts ?? [], '', () => undefined);
    for (const problem of problems) checks.report(problem.path, problem.message);
    return ids;
  },
  write: (input, writer, ids) => writeDispute(writer, input, ids),
  cited: (row) => row,
};

/** A dispute's status, as a later source states it (its statement in `provenance`; the earlier one stays as history). */
export const updateDisputeStatus: WriteDeclaration<UpdateDisputeStatusInput, Dispute> = statusUpdate('updateDisputeStatus', Dispute, DisputeStatus, 'dispute');
