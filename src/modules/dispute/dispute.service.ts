import type { Loaders } from '../../common/loaders/loaders';
import type { NodeEntity } from '../../common/node/node.entity';
import type { ConnectionFilter } from '../../common/pagination/paginate';
import { paginate } from '../../common/pagination/paginate';
import { nodeEntities } from '../../entities';
import { partyBySlug } from '../party/party-lookup';
import { DisputeFact } from './dispute-fact.entity';
import { DisputeSide } from './dispute-side.entity';
import { Dispute } from './dispute.entity';
import type { DisputesArgs } from './dispute.args';

export class DisputeService {
  /** Disputes in slug order, of one party and/or one kind. */
  async connection(args: DisputesArgs, loaders: Loaders) {
    const reader = loaders.reader;
    const filter: ConnectionFilter = { conditions: [], parameters: [] };
    if (args.kind != null) {
      filter.conditions.push('kind = ?');
      filter.parameters.push(args.kind);
    }
    if (args.party != null) {
      const party = await partyBySlug(reader, args.party, 'party');
      filter.conditions.push('id IN (SELECT dispute_id FROM dispute_side WHERE party_id = ?)');
      filter.parameters.push(party.id);
    }
    return paginate(reader, Dispute, filter, args, loaders.longRead);
  }

  sides(loaders: Loaders, dispute: Dispute): Promise<DisputeSide[]> {
    return loaders.manyBy(DisputeSide, 'disputeId').load(dispute.id);
  }

  /** The facts of one type that a dispute groups, in the order they were added to it. */
  async facts<T extends NodeEntity>(loaders: Loaders, dispute: Dispute, typeName: string): Promise<T[]> {
    const members = await loaders.manyBy(DisputeFact, 'disputeId').load(dispute.id);
    const ids = members.filter((m) => m.factType === typeName).map((m) => m.factId);
    const facts = await loaders.byId<NodeEntity>(nodeEntities[typeName] as never).loadMany(ids);
    return facts.filter((f): f is T => !!f && !(f instanceof Error));
  }
}

/** The module's service: it holds no state, so there is one (not a per-app entry of src/services.ts). */
export const disputeService = new DisputeService();
