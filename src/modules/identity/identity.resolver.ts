import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../common/role.enum';
import { runMutation } from '../mutation/mutation-runner';
import { Node } from '../../common/node/node.interface';
import { partyBySlug } from '../party/party-lookup';
import { Party } from '../party/party.union';
import { AddPartyAliasInput, ChangeSlugInput, MarkNotSamePartyInput, MergePartiesInput, RemovePartyAliasInput } from './identity.input';
import { addPartyAlias, changeSlug, markNotSameParty, mergeParties, removePartyAlias } from './identity.writes';
import { PartyDecision } from './party-decision.entity';

@Resolver(() => PartyDecision)
export class PartyDecisionResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => PartyDecision, {
    description:
      'Merges two records of one party (editors): every fact link of `absorb` moves to `keep`, its names become aliases, its slug and ID resolve to `keep`; the decision is kept. All in one transaction, audited.',
  })
  mergeParties(@Arg('input') input: MergePartiesInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, mergeParties, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => PartyDecision, {
    description: 'Records that two parties are not the same (editors): linking names to parties will not suggest the pair again.',
  })
  markNotSameParty(@Arg('input') input: MarkNotSamePartyInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, markNotSameParty, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Party, {
    description: 'Adds a name of a party, with where it is used (editors): a new statement of its `aliases`, the earlier ones kept as history.',
  })
  addPartyAlias(@Arg('input') input: AddPartyAliasInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, addPartyAlias, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Party, {
    description: 'Removes a name that is not the party’s (editors), with why: a new statement of its `aliases`, the earlier ones kept as history.',
  })
  removePartyAlias(@Arg('input') input: RemovePartyAliasInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, removePartyAlias, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Node, { description: 'Gives a party or a fact a new slug (editors); the old slug keeps resolving to it.' })
  changeSlug(@Arg('input') input: ChangeSlugInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, changeSlug, input);
  }

  @Query(() => [PartyDecision], { description: 'Editors’ decisions about a party’s identity (merges into it, parties it is not), oldest first.' })
  async partyDecisions(@Arg('party') slug: string, @Ctx() { services, loaders }: RequestContext) {
    const party = await partyBySlug(loaders.reader, slug, 'party');
    return services.identity.decisionsOf(loaders.reader, party.id);
  }

  @FieldResolver(() => Party, { description: 'MERGED: the party kept; NOT_SAME: one of the two.' })
  party(@Root() decision: PartyDecision, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, decision.partyId);
  }

  @FieldResolver(() => Party, { nullable: true, description: 'NOT_SAME: the other party; null for MERGED (the absorbed record is gone: see `absorbedSlug`).' })
  otherParty(@Root() decision: PartyDecision, @Ctx() { services, loaders }: RequestContext) {
    return decision.otherPartyId == null ? null : services.parties.required(loaders, decision.otherPartyId);
  }
}
