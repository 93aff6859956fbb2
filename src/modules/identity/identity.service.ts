import type { SqlReader } from '../../common/database/sql-reader';
import { PartyDecision, PartyDecisionKind } from './party-decision.entity';

/** Two parties an editor decided are not the same, by their slugs today. */
export interface NotSamePair {
  party: string;
  other: string;
}

/**
 * Editors' decisions about party identity, for whoever links names to parties (the drafting
 * step's party linking): a pair marked "not the same" is not to be suggested again. Read through
 * the given reader (the request's, or the primary's inside a write).
 */
export class IdentityService {
  /** Every pair marked not the same (a party merged since is named by the party that absorbed it). */
  async notSamePairs(reader: SqlReader): Promise<NotSamePair[]> {
    const rows = await reader.query<{ party: string; other: string }>(
      `SELECT p.slug AS party, o.slug AS other FROM party_decision d JOIN party p ON p.id = d.party_id JOIN party o ON o.id = d.other_party_id
        WHERE d.kind = 'NOT_SAME' AND d.party_id <> d.other_party_id ORDER BY d.id`,
      [],
    );
    return rows.map((row) => ({ party: row.party, other: row.other }));
  }

  /** Whether two parties (by slug, today's or former) were marked not the same, in either order. */
  async isNotSame(reader: SqlReader, a: string, b: string): Promise<boolean> {
    const id = `COALESCE((SELECT id FROM party WHERE slug = ?), (SELECT current_id FROM former_identifier WHERE table_name = 'party' AND former_slug = ?))`;
    const [row] = await reader.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM party_decision d WHERE d.kind = 'NOT_SAME'
        AND ((d.party_id = ${id} AND d.other_party_id = ${id}) OR (d.party_id = ${id} AND d.other_party_id = ${id}))`,
      [a, a, b, b, b, b, a, a],
    );
    return Number(row?.n ?? 0) > 0;
  }

  /** The decisions that name a party (as kept, absorbed or either side of "not the same"), oldest first. */
  decisionsOf(reader: SqlReader, partyId: number): Promise<PartyDecision[]> {
    return reader.select(PartyDecision, ['("party_id" = ? OR "other_party_id" = ?)'], [partyId, partyId], 'ORDER BY id');
  }
}

export { PartyDecisionKind };
