import { AS_OF_DESCRIPTION } from '../field-statement/as-of.args';
import { withAsOf } from '../../common/prices';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import type { RequestContext } from '../../context';
import { PartyFieldsResolver } from '../party/party-fields.resolver';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import { Sanction } from '../sanction/sanction.entity';
import { Authority } from './authority.entity';
import { Role } from '../../common/role.enum';
import { runMutation } from '../mutation/mutation-runner';
import { createAuthority, updateAuthority } from '../party/party.writes';
import { CreateAuthorityInput, UpdateAuthorityInput } from '../party/party.input';

export const AuthorityConnection = ConnectionType(Authority, 'Authority');

@Resolver(() => Authority)
export class AuthorityResolver extends PartyFieldsResolver(Authority) {
  @Authorized(Role.EDITOR)
  @Mutation(() => Authority, { description: 'Adds an authority, with the sources that state it (editors).' })
  createAuthority(@Arg('input') input: CreateAuthorityInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, createAuthority, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Authority, { description: 'Changes the given fields of an authority, with the sources that state the change (editors).' })
  updateAuthority(@Arg('input') input: UpdateAuthorityInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, updateAuthority, input);
  }

  @Query(() => Authority, { nullable: true, complexity: withAsOf(), description: 'A regulator, government, agency or court by slug; null when unknown.' })
  authority(
    @Arg('slug') slug: string,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) _asOf: string | null,
    @Ctx() { services, loaders }: RequestContext,
  ) {
    return services.catalog.bySlug(loaders, Authority, slug);
  }

  @Query(() => AuthorityConnection)
  authorities(@Args() args: ConnectionArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.catalog.connection(loaders, Authority, args);
  }

  @FieldResolver(() => [Sanction], { description: 'Sanctions it imposed.' })
  sanctionsImposed(@Root() authority: Authority, @Ctx() { loaders }: RequestContext) {
    return loaders.manyBy(Sanction, 'authorityId').load(authority.id);
  }

  @FieldResolver(() => [RegulatoryAction], { description: 'Regulatory actions it took.' })
  actions(@Root() authority: Authority, @Ctx() { loaders }: RequestContext) {
    return loaders.manyBy(RegulatoryAction, 'authorityId').load(authority.id);
  }
}
