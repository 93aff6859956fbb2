import type { FactType } from '../../common/facts/fact-type';
import { DisputeFact } from './dispute-fact.entity';
import { DisputeSide } from './dispute-side.entity';
import { Dispute } from './dispute.entity';
import { disputeWrites } from './dispute.writes';

/**
 * A dispute groups facts; it makes no network link or timeline entry of its own (its facts do),
 * so the network and the timeline read the same with or without disputes.
 */
export const disputeFact = {
  typeName: 'Dispute',
  entity: Dispute,
  linkEntities: [DisputeSide, DisputeFact],
  table: 'dispute',
  asserts: ['kind', 'status', 'started', 'technologies', 'sides'],
  participants: [
    { role: 'A', link: { table: 'dispute_side', factColumn: 'dispute_id', roleColumn: 'side' }, roleValue: 'A', field: 'sides' },
    { role: 'B', link: { table: 'dispute_side', factColumn: 'dispute_id', roleColumn: 'side' }, roleValue: 'B', field: 'sides' },
  ],
  partyField: {
    name: 'disputes',
    description: 'Disputes it is a side of.',
    // In the order they were recorded, each once (a party can be on both sides).
    load: async (loaders, id) => {
      const sides = await loaders.manyBy(DisputeSide, 'partyId').load(id);
      const disputes = await loaders.byId(Dispute).loadMany([...new Set(sides.map((side) => side.disputeId))]);
      return disputes.filter((d): d is Dispute => d instanceof Dispute);
    },
  },
  writes: disputeWrites,
  // The title as body text: a search for a party's name finds the party before its disputes.
  search: { code: 12, name: () => `''`, body: (r) => `${r}.title`, quote: () => `''` },
} satisfies FactType;

/** SQL: the (fact_type, fact_id) pairs of one dispute (one `?`: the dispute's id). */
export const DISPUTE_FACTS_SQL = 'SELECT fact_type, fact_id FROM dispute_fact WHERE dispute_id = ?';
