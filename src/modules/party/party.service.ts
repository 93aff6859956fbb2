import type { DataSource } from 'typeorm';
import { MissingRecordError } from '../../common/errors';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import { runSql } from '../../common/sql';
import { PartyEntity } from './party.entity';

/** Pairs (party, opponent): the other side of every case, sanction and regulatory action. */
const ADVERSARIES_SQL = `
  SELECT mine.party_id AS party_id, theirs.party_id AS adversary_id
    FROM lawsuit_party mine
    JOIN lawsuit_party theirs ON theirs.lawsuit_id = mine.lawsuit_id AND theirs.role <> mine.role
   WHERE mine.party_id IN (:...ids)
  UNION SELECT target_id, authority_id FROM sanction WHERE target_id IN (:...ids)
  UNION SELECT authority_id, target_id FROM sanction WHERE authority_id IN (:...ids)
  UNION SELECT subject_id, authority_id FROM regulatory_action WHERE subject_id IN (:...ids)
  UNION SELECT authority_id, subject_id FROM regulatory_action WHERE authority_id IN (:...ids) AND subject_id IS NOT NULL`;

export class PartyService {
  constructor(private readonly dataSource: DataSource) {}

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
        const rows = await runSql<{ party_id: number; adversary_id: number }>(this.dataSource, ADVERSARIES_SQL, { ids });
        return manyInKeyOrder(ids, rows, (row) => Number(row.party_id)).map((pairs) => [
          ...new Set(pairs.map((pair) => Number(pair.adversary_id))),
        ]);
      })
      .load(partyId);
    const adversaries = await this.many(loaders, adversaryIds);
    return adversaries.sort((a, b) => a.name.localeCompare(b.name));
  }
}
