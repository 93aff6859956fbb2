import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { MissingRecordError } from '../../common/errors';
import type { RequestContext } from '../../context';
import { Authority } from '../authority/authority.entity';
import { Party } from '../party/party.union';
import { RankingEntry } from './ranking-entry.entity';
import { Ranking } from './ranking.entity';

@Resolver(() => Ranking)
export class RankingResolver {
  @FieldResolver(() => [RankingEntry])
  entries(@Root() ranking: Ranking, @Ctx() { loaders }: RequestContext) {
    return loaders.manyBy(RankingEntry, 'rankingId').load(ranking.id);
  }

  @FieldResolver(() => Authority, { nullable: true, description: 'The authority whose records it was computed from.' })
  dataFrom(@Root() ranking: Ranking, @Ctx() { services, loaders }: RequestContext) {
    return ranking.dataFromId == null ? null : services.parties.required(loaders, ranking.dataFromId);
  }
}

@Resolver(() => RankingEntry)
export class RankingEntryResolver {
  @FieldResolver(() => Ranking)
  async ranking(@Root() entry: RankingEntry, @Ctx() { loaders }: RequestContext) {
    const ranking = await loaders.byId(Ranking).load(entry.rankingId);
    if (!ranking) throw new MissingRecordError('Ranking', entry.rankingId);
    return ranking;
  }

  @FieldResolver(() => Party)
  entity(@Root() entry: RankingEntry, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, entry.partyId);
  }
}
