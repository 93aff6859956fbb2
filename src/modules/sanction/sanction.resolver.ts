import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { recordSanction as recordSanctionWrite } from './sanction.writes';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import type { RequestContext } from '../../context';
import { Authority } from '../authority/authority.entity';
import { Party } from '../party/party.union';
import { Sanction } from './sanction.entity';
import { Role } from '../../common/role.enum';
import { RecordSanctionInput } from './sanction.input';

export const SanctionConnection = ConnectionType(Sanction, 'Sanction');

@Resolver(() => Sanction)
export class SanctionResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Sanction, { description: 'Records a sanction, with the sources that report it (editors).' })
  recordSanction(@Arg('input', () => RecordSanctionInput) input: RecordSanctionInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, recordSanctionWrite, input);
  }

  @Query(() => Sanction, { nullable: true, description: 'A sanction by slug; null when unknown.' })
  sanction(@Arg('slug') slug: string, @Ctx() { services, loaders }: RequestContext) {
    return services.catalog.bySlug(loaders, Sanction, slug);
  }

  @Query(() => SanctionConnection)
  sanctions(@Args() args: ConnectionArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.catalog.connection(loaders, Sanction, args);
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
