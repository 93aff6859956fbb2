import type { EntityManager } from 'typeorm';
import type { SqlReader } from '../../common/database/sql-reader';
import { runSql } from '../../common/sql';
import type { EntityClass } from '../../common/facts/fact-type';
import { DisputeFact } from './dispute-fact.entity';
import { DisputeSide } from './dispute-side.entity';
import { Dispute } from './dispute.entity';
import { DisputeKind, DisputeSideName } from './dispute.enums';
import { groupableFact } from './dispute.writes';

/** The most stored disputes a drafted report's facts are compared with (those its parties are sides of). */
export const MAX_DISPUTES_COMPARED = 200;

/** A stored dispute as the membership rule reads it. */
export interface DisputeSides {
  slug: string;
  title: string;
  kind: string;
  status: string;
  /** Party slugs by side. */
  sides: Record<DisputeSideName, string[]>;
  /** The facts it groups, by type name. */
  members: { type: string }[];
}

/** A dispute a new fact is proposed to join, and why. */
export interface DisputeProposal {
  slug: string;
  title: string;
  why: string;
}

/** A new fact as the rule reads it: its type, its parties in its roles, its subject where its type has one. */
export interface FactParties {
  typeName: string;
  parties: readonly string[];
  subject: string | null;
}

/** The column (and entry field) of a fact type's subject, where its cues declare one (a suit's `kind`). */
export const subjectFieldOf = (typeName: string): string | null => groupableFact(typeName)?.cues?.subjectColumn ?? null;

/** The dispute kind a fact's subject names, when it names one (`PATENT_INFRINGEMENT` → PATENT, `CRIMINAL` → CRIMINAL; `CONTRACT`: none). */
export function kindNamedBy(subject: string | null): DisputeKind | null {
  if (subject == null) return null;
  return (
    ((Object.values(DisputeKind) as string[]).find(
      (kind) => kind !== DisputeKind.OTHER && (subject === kind || subject.startsWith(`${kind}_`)),
    ) as DisputeKind | null) ?? null
  );
}

/**
 * The disputes a new fact joins. A dispute may group it (its type is one of the registry's
 * groupable facts), and:
 * - sides: its parties (in its roles) include a party of each side — two opposing parties, not
 *   two of one side;
 * - kind: it is of what the dispute is about. The dispute groups facts of its type already (or
 *   no facts yet), and where the fact's subject names a dispute kind (a suit's kind
 *   PATENT_INFRINGEMENT names PATENT, CRIMINAL names CRIMINAL), it is the dispute's kind: a patent
 *   suit joins a patent dispute, a fraud case between the same sides does not; a contract or
 *   antitrust suit, which names no kind, joins by its sides.
 */
export function disputesJoined(fact: FactParties, disputes: readonly DisputeSides[]): DisputeProposal[] {
  if (!groupableFact(fact.typeName)) return [];
  const parties = new Set(fact.parties);
  const named = kindNamedBy(fact.subject);
  const out: DisputeProposal[] = [];
  for (const dispute of disputes) {
    const a = dispute.sides.A.filter((slug) => parties.has(slug));
    const b = dispute.sides.B.filter((slug) => parties.has(slug) && !a.includes(slug));
    if (!a.length || !b.length) continue;
    if (named && named !== dispute.kind) continue;
    if (dispute.members.length && !dispute.members.some((m) => m.type === fact.typeName)) continue;
    const what = dispute.members.length ? `which groups ${fact.typeName} facts` : 'which groups no facts yet';
    out.push({
      slug: dispute.slug,
      title: dispute.title,
      why: `${a.join(', ')} (side A) and ${b.join(', ')} (side B) of this ${dispute.kind} dispute, ${what}${dispute.status === 'RESOLVED' ? '; it is RESOLVED, and stays so unless a source says otherwise' : ''}`,
    });
  }
  return out;
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** The stored disputes any of these parties (slugs) is a side of, with their sides and facts (at most MAX_DISPUTES_COMPARED). */
export async function disputesOfParties(reader: SqlReader, slugs: readonly string[]): Promise<DisputeSides[]> {
  if (!slugs.length) return [];
  const rows = await reader.query<{ id: number; slug: string; title: string; kind: string; status: string }>(
    `SELECT id, slug, title, kind, status FROM dispute WHERE id IN (SELECT s.dispute_id FROM dispute_side s JOIN party p ON p.id = s.party_id WHERE ${reader.inList('p.slug')}) ORDER BY id LIMIT ${MAX_DISPUTES_COMPARED}`,
    [reader.listParameter(slugs)],
  );
  if (!rows.length) return [];
  const ids = rows.map((row) => Number(row.id));
  const sides = await reader.query<{ dispute: number; side: DisputeSideName; slug: string }>(
    `SELECT s.dispute_id AS dispute, s.side AS side, p.slug AS slug FROM dispute_side s JOIN party p ON p.id = s.party_id WHERE ${reader.inList('s.dispute_id')} ORDER BY s.id`,
    [reader.listParameter(ids)],
  );
  const members = await reader.query<{ dispute: number; type: string }>(
    `SELECT DISTINCT dispute_id AS dispute, fact_type AS type FROM dispute_fact WHERE ${reader.inList('dispute_id')}`,
    [reader.listParameter(ids)],
  );
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    status: row.status,
    sides: {
      A: sides.filter((s) => Number(s.dispute) === Number(row.id) && s.side === DisputeSideName.A).map((s) => s.slug),
      B: sides.filter((s) => Number(s.dispute) === Number(row.id) && s.side === DisputeSideName.B).map((s) => s.slug),
    },
    members: members.filter((m) => Number(m.dispute) === Number(row.id)).map((m) => ({ type: m.type })),
  }));
}

/**
 * A stored dispute as a source document's `disputes` entry: its stored fields, sides and facts
 * as they are, plus `joining` (facts of the same document), cited by `quotes`. Imported, it adds
 * the facts' membership rows and the citation and changes nothing else (the dispute's own
 * declaration validates and writes it, as any document's dispute). Null for an unknown slug.
 */
export async function joiningEntry(
  manager: EntityManager,
  slug: string,
  joining: readonly { type: string; slug: string }[],
  quotes: readonly string[],
): Promise<Record<string, unknown> | null> {
  const dispute = await manager.getRepository(Dispute).findOneBy({ slug });
  if (!dispute) return null;
  const sides = await manager.getRepository(DisputeSide).find({ where: { disputeId: dispute.id }, order: { id: 'ASC' } });
  const partySlugs = new Map<number, string>();
  if (sides.length) {
    const parties = await runSql<{ id: number; slug: string }>(manager, 'SELECT id, slug FROM party WHERE id IN (:...ids)', {
      ids: sides.map((s) => s.partyId),
    });
    for (const party of parties) partySlugs.set(Number(party.id), party.slug);
  }
  const members = await manager.getRepository(DisputeFact).find({ where: { disputeId: dispute.id }, order: { id: 'ASC' } });
  const facts: { type: string; slug: string }[] = [];
  for (const type of unique(members.map((m) => m.factType))) {
    const entity = groupableFact(type)?.entity as EntityClass | undefined;
    if (!entity) continue;
    const ids = members.filter((m) => m.factType === type).map((m) => m.factId);
    const rows = (await manager.getRepository(entity).findBy(ids.map((id) => ({ id })) as never)) as unknown as { id: number; slug: string }[];
    const bySlug = new Map(rows.map((row) => [Number(row.id), row.slug]));
    for (const m of members) if (m.factType === type && bySlug.has(m.factId)) facts.push({ type, slug: bySlug.get(m.factId)! });
  }
  // In the stored order (by type, then membership), the joining facts after: the link rows kept stay as they are.
  for (const fact of joining) if (!facts.some((f) => f.type === fact.type && f.slug === fact.slug)) facts.push({ ...fact });
  // Who says so, as stored: a document restates all of a fact, its attribution too (hedges must occur in the new report, or the acceptance is refused).
  const [said] = await runSql<{ attribution: string; claimant: string | null; hedges: string; claimed_by: string | null }>(
    manager,
    `SELECT a.attribution, a.claimant, a.hedges, p.slug AS claimed_by FROM fact_attribution a LEFT JOIN party p ON p.id = a.claimed_by_id WHERE a.subject_type = 'Dispute' AND a.subject_id = :id`,
    { id: dispute.id },
  );
  const saysWho = said
    ? {
        attribution: said.attribution,
        ...(said.claimed_by ? { claimedBy: said.claimed_by } : {}),
        ...(said.claimant ? { claimant: said.claimant } : {}),
        ...((JSON.parse(said.hedges ?? '[]') as string[]).length ? { hedges: JSON.parse(said.hedges) as string[] } : {}),
      }
    : {};
  return {
    ...saysWho,
    slug: dispute.slug,
    title: dispute.title,
    kind: dispute.kind,
    status: dispute.status,
    ...(dispute.started ? { started: dispute.started.format() } : {}),
    technologies: dispute.technologies,
    sides: sides.map((s) => ({ party: partySlugs.get(Number(s.partyId)), side: s.side, ...(s.label != null ? { label: s.label } : {}) })),
    facts,
    quotes: [...quotes],
  };
}
