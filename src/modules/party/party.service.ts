import { MissingRecordError } from '../../common/errors';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import type { SqlReader } from '../../common/database/sql-reader';
import { adversariesSql } from '../../common/facts/fact-sql';
import { factTypes } from '../../facts';
import { PartyEntity } from './party.entity';

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
      if (party instanceof Error) throw party;
      if (!party) throw new MissingRecordError('Party', ids[i]);
      return party;
    });
  }

  /** Everyone on the other side of a case, sanction or regulatory action, once each, by name. */
  async adversaries(loaders: Loaders, partyId: number): Promise<PartyEntity[]> {
    const adversaryIds = await loaders
      .custom<number, number[]>('Party.adversaries', async (ids) => {
        const { sql, lists } = adversariesSql(factTypes, (column) => loaders.reader.inList(column));
        const list = loaders.reader.listParameter(ids);
        const rows = await loaders.reader.query<{ party_id: number; adversary_id: number }>(sql, Array.from({ length: lists }, () => list));
        return manyInKeyOrder(ids, rows, (row) => Number(row.party_id)).map((pairs) => [
          ...new Set(pairs.map((pair) => Number(pair.adversary_id))),
        ]);
      })
      .load(partyId);
    const adversaries = await this.many(loaders, adversaryIds);
    return adversaries.sort((a, b) => a.name.localeCompare(b.name));
  }
}
