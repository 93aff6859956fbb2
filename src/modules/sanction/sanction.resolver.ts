import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import type { RequestContext } from '../../context';
import { Authority } from '../authority/authority.entity';
import { Party } from '../party/party.union';
import { Sanction } from './sanction.entity';

export const SanctionConnection = ConnectionType(Sanction, 'Sanction');

@Resolver(() => Sanction)
export class SanctionResolver {
  @Query(() => Sanction, { nullable: true, description: 'A sanction by slug; null when unknown.' })
  sanction(@Arg('slug') slug: string, @Ctx() { services }: RequestContext) {
    return services.catalog.bySlug(Sanction, slug);
  }

  @Query(() => SanctionConnection)
  sanctions(@Args() args: ConnectionArgs, @Ctx() { services }: RequestContext) {
    return services.catalog.connection(Sanction, args);
  }

  @FieldResolver(() => Party)
  target(@Root() sanction: Sanction, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, sanction.targetId);
  }

  @FieldResolver(() => Authority)
  authority(@Root() sanction: Sanction, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, sanction.authorityId);
  }
}
