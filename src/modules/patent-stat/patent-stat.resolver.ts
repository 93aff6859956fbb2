import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { PatentStat } from './patent-stat.entity';

@Resolver(() => PatentStat)
export class PatentStatResolver {
  @FieldResolver(() => Party, { description: 'Who holds the patents.' })
  holder(@Root() stat: PatentStat, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, stat.holderId);
  }
}
