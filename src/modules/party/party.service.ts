import { MissingRecordError } from '../../common/errors';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import type { SqlReader } from '../../common/database/sql-reader';
import { PartyEntity } from './party.entity';

/** Pairs (party, opponent): the other side of every case, sanction and regulatory action. */
function adversariesSql(reader: SqlReader): string {
  return `
  SELECT mine.party_id AS party_id, theirs.party_id AS adversary_id
    FROM lawsuit_party mine
    JOIN lawsuit_party theirs ON theirs.lawsuit_id = mine.lawsuit_id AND theirs.role <> mine.role
   WHERE ${reader.inList('mine.party_id')}
  UNION SELECT target_id, authority_id FROM sanction WHERE ${reader.inList('target_id')}
  UNION SELECT authority_id, target_id FROM sanction WHERE ${reader.inList('authority_id')}
  UNION SELECT subject_id, authority_id FROM regulatory_action WHERE ${reader.inList('subject_id')}
  UNION SELECT authority_id, subject_id FROM regulatory_action WHERE ${reader.inList('authority_id')} AND subject_id IS NOT NULL`;
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
      if (party instanceof Error) throw party;
      if (!party) throw new MissingRecordError('Party', ids[i]);
      return party;
    });
  }

  /** Everyone on the other side of a case, sanction or regulatory action, once each, by name. */
  async adversaries(loaders: Loaders, partyId: number): Promise<PartyEntity[]> {
    const adversaryIds = await loaders
      .custom<number, number[]>('Party.adversaries', async (ids) => {
        const list = loaders.reader.listParameter(ids);
        const rows = await loaders.reader.query<{ party_id: number; adversary_id: number }>(adversariesSql(loaders.reader), [list, list, list, list, list]);
        return manyInKeyOrder(ids, rows, (row) => Number(row.party_id)).map((pairs) => [
          ...new Set(pairs.map((pair) => Number(pair.adversary_id))),
        ]);
      })
      .load(partyId);
    const adversaries = await this.many(loaders, adversaryIds);
    return adversaries.sort((a, b) => a.name.localeCompare(b.name));
  }
}
