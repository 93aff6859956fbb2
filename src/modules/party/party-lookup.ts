import { BadUserInputError, echo } from '../../common/errors';
import type { SqlReader } from '../../common/database/sql-reader';
import { PartyEntity } from './party.entity';
import { currentIdOfSlug } from '../../common/identity/former-identifiers';

/** The party an argument names by slug; an unknown slug is the client's error, naming the argument. */
export async function partyBySlug(reader: SqlReader, slug: string, argument: string): Promise<PartyEntity> {
  let [party] = await reader.select(PartyEntity, ['slug = ?'], [slug]);
  if (!party) {
    // A former slug (a renamed or merged-away party) names the party it now is.
    const current = await currentIdOfSlug(reader, 'party', slug);
    if (current !== null) [party] = await reader.select(PartyEntity, ['id = ?'], [current]);
  }
  if (!party) throw new BadUserInputError(`${argument}: there is no company, person or authority with slug ${echo(slug)}`, { argument });
  return party;
}
