import type { Loaders } from '../../common/loaders/loaders';
import { paginate } from '../../common/pagination/paginate';
import type { PartyEntity } from '../party/party.entity';
import type { PartyService } from '../party/party.service';
import { LawsuitParty } from './lawsuit-party.entity';
import { Lawsuit } from './lawsuit.entity';
import { PartyRole } from './lawsuit.enums';
import type { LawsuitsArgs } from './lawsuits.args';

export class LawsuitService {
  /** Through the request's reader; a filtered `totalCount` is bounded by its deadline. */
  connection(loaders: Loaders, { filter, ...page }: LawsuitsArgs) {
    const clauses: [string, unknown][] = [];
    if (filter?.kind) clauses.push(['kind = ?', filter.kind]);
    if (filter?.status) clauses.push(['status = ?', filter.status]);
    const parameters = clauses.map(([, value]) => value);
    const conditions = clauses.map(([sql]) => sql);
    if (filter?.party) {
      // By today's slug, or a former one (a renamed or merged-away party).
      conditions.push(
        `id IN (SELECT lp.lawsuit_id FROM lawsuit_party lp WHERE lp.party_id IN (SELECT id FROM party WHERE slug = ? UNION ALL SELECT current_id FROM former_identifier WHERE table_name = 'party' AND former_slug = ?))`,
      );
      parameters.push(filter.party, filter.party);
    }
    return paginate(loaders.reader, Lawsuit, { conditions, parameters }, page, loaders.longRead);
  }

  /** The parties on one side of a case. */
  async sideOf(loaders: Loaders, parties: PartyService, lawsuitId: number, role: PartyRole): Promise<PartyEntity[]> {
    const side: PartyEntity[] = [];
    for (const { link, party } of await parties.linked(loaders, LawsuitParty, 'lawsuitId', lawsuitId)) if (link.role === role) side.push(party);
    return side;
  }
}

/** The module's service: it holds no state, so there is one (not a per-app entry of src/services.ts). */
export const lawsuitService = new LawsuitService();
