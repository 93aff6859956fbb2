import type { ClassType } from 'type-graphql';
import { MissingRecordError } from '../../common/errors';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import type { SqlReader } from '../../common/database/sql-reader';
import { adversariesSql } from '../../common/facts/fact-sql';
import { factTypes } from '../../facts';
import type { PartyLinkEntity } from './party-link.entity';
import { PartyEntity } from './party.entity';

/** A link row (a case's side, an event's participant…) with the party it names. */
export interface LinkedParty<J extends PartyLinkEntity> {
  link: J;
  party: PartyEntity;
}

/** A party a stored fact refers to, as the byId loader gave it; missing, it is a broken reference. */
function partyOrFailure(party: PartyEntity | null | Error, id: number): PartyEntity | Error {
  return party ?? new MissingRecordError('Party', id);
}

export class PartyService {
  /** A party that a stored fact refers to; its absence is a broken reference, not a client error. */
  async required(loaders: Loaders, id: number): Promise<PartyEntity> {
    const party = await loaders.byId(PartyEntity).load(id);
    if (!party) throw new MissingRecordError('Party', id);
    return party;
  }

  async many(loaders: Loaders, ids: number[]): Promise<PartyEntity[]> {
    const parties = await loaders.byId(PartyEntity).loadMany(ids);
    return parties.map((party, i) => {
      const found = partyOrFailure(party, ids[i]);
      if (found instanceof Error) throw found;
      return found;
    });
  }

  /**
   * The parties that a fact's link rows name (a case's sides, an event's participants, a
   * negotiation's parties), in link order. One loader per link type and request: per batch of
   * facts, one statement for their links and one batched lookup of all their parties — so a page
   * of cases costs one promise per case, not one per party of each side. A link to a missing party
   * fails only its own fact, as a broken reference.
   */
  linked<J extends PartyLinkEntity>(loaders: Loaders, link: ClassType<J>, factKey: keyof J & string, factId: number): Promise<LinkedParty<J>[]> {
    return loaders
      .keyed<number, LinkedParty<J>[]>(link, 'linked parties', () => async (factIds) => {
        const links = await loaders.reader.whereIn(link, factKey, factIds);
        const partyIds = [...new Set(links.map((row) => row.partyId))];
        const found = await loaders.byId(PartyEntity).loadMany(partyIds);
        const byId = new Map(partyIds.map((id, i) => [id, partyOrFailure(found[i], id)]));
        return manyInKeyOrder(factIds, links, (row) => row[factKey] as number).map((rows) => {
          const linked: LinkedParty<J>[] = [];
          for (const row of rows) {
            const party = byId.get(row.partyId)!;
            if (party instanceof Error) return party as never;
            linked.push({ link: row, party });
          }
          return linked;
        });
      })
      .load(factId);
  }

  /** Everyone on the other side of a case, sanction or regulatory action, once each, by name. */
  async adversaries(loaders: Loaders, partyId: number): Promise<PartyEntity[]> {
    const adversaryIds = await loaders
      .custom<number, number[]>('Party.adversaries', async (ids) => {
        const { sql, lists } = adversariesSql(factTypes, (column) => loaders.reader.inList(column));
        const list = loaders.reader.listParameter(ids);
        const rows = await loaders.reader.query<{ party_id: number; adversary_id: number }>(
          sql,
          Array.from({ length: lists }, () => list),
        );
        return manyInKeyOrder(ids, rows, (row) => Number(row.party_id)).map((pairs) => [...new Set(pairs.map((pair) => Number(pair.adversary_id)))]);
      })
      .load(partyId);
    const adversaries = await this.many(loaders, adversaryIds);
    return adversaries.sort((a, b) => a.name.localeCompare(b.name));
  }
}
