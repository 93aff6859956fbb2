import { BadUserInputError, echo } from '../../common/errors';
import type { SqlReader } from '../../common/database/sql-reader';
import { PartyEntity } from './party.entity';

/** The party an argument names by slug; an unknown slug is the client's error, naming the argument. */
export async function partyBySlug(reader: SqlReader, slug: string, argument: string): Promise<PartyEntity> {
  const [party] = await reader.select(PartyEntity, ['slug = ?'], [slug]);
  if (!party) throw new BadUserInputError(`${argument}: there is no company, person or authority with slug ${echo(slug)}`, { argument });
  return party;
}
