import { runSql } from '../../common/sql';
import type { FactWriter } from '../../common/writes/fact-writer';
import { Basis } from '../../common/citation/attribution.enums';
import { currentOf } from '../field-statement/current-value';
import { FieldStatement } from '../../common/citation/field-statement.entity';
import { writeStatements } from '../field-statement/field-statement.writes';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { CaseStatus } from '../lawsuit/lawsuit.enums';
import { Dispute } from './dispute.entity';
import { DisputeStatus } from './dispute.enums';

/** Statuses that end a case: a dispute all of whose suits have one of them is over. */
const ENDED: ReadonlySet<string> = new Set([CaseStatus.SETTLED, CaseStatus.DISMISSED, CaseStatus.WITHDRAWN]);

/**
 * Disputes follow their facts: after a write that touched lawsuits, each dispute grouping one
 * of them whose every suit is settled, dismissed or withdrawn gets an INFERRED statement that it
 * is RESOLVED, whose note names the suits, from the latest source that ended one of them (so it
 * is known since then). It becomes the dispute's status by the current-value rule, unless a
 * PREFERRED or later statement says otherwise: a status stated outright always counts.
 */
export async function deriveDisputeStatuses(writer: FactWriter): Promise<void> {
  const suits = [...new Set(writer.changes.filter((c) => c.table === 'lawsuit' && c.rowId != null).map((c) => Number(c.rowId)))];
  for (let i = 0; i < suits.length; i += 500) {
    // Only disputes not yet resolved, none of whose suits is still open, in one query per 500 suits.
    const candidates = await runSql<{ id: number }>(
      writer.manager,
      `SELECT d.id FROM dispute d WHERE d.status <> 'RESOLVED'
        AND EXISTS (SELECT 1 FROM dispute_fact f WHERE f.dispute_id = d.id AND f.fact_type = 'Lawsuit' AND f.fact_id IN (:...suits))
        AND NOT EXISTS (SELECT 1 FROM dispute_fact g JOIN lawsuit l ON l.id = g.fact_id WHERE g.dispute_id = d.id AND g.fact_type = 'Lawsuit' AND l.status NOT IN (:...ended))`,
      { suits: suits.slice(i, i + 500), ended: [...ENDED] },
    );
    for (const { id } of candidates) await resolve(writer, Number(id));
  }
}

async function resolve(writer: FactWriter, disputeId: number): Promise<void> {
  const members = await runSql<{ id: number; slug: string; status: string }>(
    writer.manager,
    `SELECT l.id, l.slug, l.status FROM lawsuit l JOIN dispute_fact f ON f.fact_type = 'Lawsuit' AND f.fact_id = l.id WHERE f.dispute_id = :disputeId ORDER BY l.slug`,
    { disputeId },
  );
  // Dated by the latest source that stated a suit's current (ended) status.
  const statements = await writer.manager
    .getRepository(FieldStatement)
    .findBy(members.map((m) => ({ subjectType: 'Lawsuit', subjectId: Number(m.id), field: 'status' })));
  const ends = members.map((m) => currentOf(statements.filter((s) => s.subjectId === Number(m.id)))).filter((s): s is FieldStatement => s?.sourceId != null);
  if (!ends.length) return;
  const latest = ends.reduce((a, b) => (b.knownSince > a.knownSince ? b : a));
  const dispute = await writer.manager.getRepository(Dispute).findOneByOrFail({ id: disputeId });
  const note = `every suit of it has ended: ${members.map((m) => `${m.slug} ${m.status}`).join(', ')}`;
  // The row takes the value to state it; the rule then keeps it, or a PREFERRED or later statement's.
  await writer.upsert(Dispute, { id: dispute.id }, { status: DisputeStatus.RESOLVED });
  await writeStatements(
    writer,
    { nodeType: 'Dispute', id: dispute.id },
    [{ field: 'status', basis: Basis.INFERRED, quotes: [], note, sourceId: latest.sourceId! }],
    {},
    { entity: Dispute },
  );
}
