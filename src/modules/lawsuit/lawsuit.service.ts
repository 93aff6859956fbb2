import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
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
    if (filter?.party) {
      clauses.push(['id IN (SELECT lp.lawsuit_id FROM lawsuit_party lp JOIN party p ON p.id = lp.party_id WHERE p.slug = ?)', filter.party]);
    }
    return paginate(
      loaders.reader,
      Lawsuit,
      { conditions: clauses.map(([sql]) => sql), parameters: clauses.map(([, value]) => value) },
      page,
      loaders.longRead,
    );
  }

  /**
   * Cases a party is on, on the given side or either, each once, in filing order (undated
   * last), at most `first` of them. One window-function query per batch of parties, however
   * many parties and whatever `first` is.
   */
  ofParty(loaders: Loaders, partyId: number, role?: PartyRole | null, first?: number | null): Promise<Lawsuit[]> {
    const reader = loaders.reader;
    return loaders
      .custom<number, Lawsuit[]>(`Lawsuit.ofParty.${role ?? 'EITHER'}.${first ?? 'ALL'}`, async (partyIds) => {
        const rows = await reader.queryEntities(
          Lawsuit,
          `SELECT ranked.* FROM (
             SELECT l.*, m.party_id AS parent_key,
                    ROW_NUMBER() OVER (PARTITION BY m.party_id ORDER BY CASE WHEN l.filed IS NULL THEN 1 ELSE 0 END, l.filed, l.id) AS position
               FROM (SELECT DISTINCT party_id, lawsuit_id FROM lawsuit_party WHERE ${reader.inList('party_id')}${role ? ' AND role = ?' : ''}) m
               JOIN lawsuit l ON l.id = m.lawsuit_id
           ) ranked
           WHERE ranked.position <= ?
           ORDER BY ranked.parent_key, ranked.position`,
          [reader.listParameter(partyIds), ...(role ? [role] : []), first ?? Number.MAX_SAFE_INTEGER],
          'parent_key',
        );
        return manyInKeyOrder(partyIds, rows, ({ key }) => key).map((group) => group.map(({ entity }) => entity));
      })
      .load(partyId);
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
