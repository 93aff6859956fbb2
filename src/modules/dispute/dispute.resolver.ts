import { AS_OF_DESCRIPTION } from '../field-statement/as-of.args';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { Role } from '../../common/role.enum';
import { RecordDisputeInput, UpdateDisputeStatusInput } from './dispute.input';
import { recordDispute as recordDisputeWrite, updateDisputeStatus as updateDisputeStatusWrite } from './dispute.writes';
import { DEFAULT_PAGE_SIZE } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import { pageCost, pagePrice, pageSize, priced, PRICES, withAsOf } from '../../common/prices';
import type { RequestContext } from '../../context';
import { Event } from '../event/event.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { LicensingNegotiation } from '../negotiation/licensing-negotiation.entity';
import { Party } from '../party/party.union';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import { Sanction } from '../sanction/sanction.entity';
import { Statement } from '../statement/statement.entity';
import { TimelineConnection } from '../timeline/timeline-entry.type';
import { DisputeSide } from './dispute-side.entity';
import { DisputesArgs, DisputeTimelineArgs } from './dispute.args';
import { Dispute } from './dispute.entity';
import { disputeService } from './dispute.service';

export const DisputeConnection = ConnectionType(Dispute, 'Dispute');

@Resolver(() => Dispute)
export class DisputeResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Dispute, { description: 'Records a dispute: its two sides and the stored facts it groups, with the sources that describe it (editors).' })
  recordDispute(@Arg('input') input: RecordDisputeInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, recordDisputeWrite, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Dispute, {
    description: "Sets a dispute's status as a source states it, with that statement in `provenance` (the earlier one stays, see `history`) (editors).",
  })
  updateDisputeStatus(@Arg('input') input: UpdateDisputeStatusInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, updateDisputeStatusWrite, input);
  }

  @Query(() => Dispute, { nullable: true, complexity: withAsOf(), description: 'A dispute by slug; null when unknown.' })
  dispute(
    @Arg('slug') slug: string,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) _asOf: string | null,
    @Ctx() { services, loaders }: RequestContext,
  ) {
    return services.catalog.bySlug(loaders, Dispute, slug);
  }

  @Query(() => DisputeConnection, {
    description: 'Disputes, optionally of one party (either side) and of one kind.',
    complexity: withAsOf(
      priced(
        ({ args, once, perItem }) =>
          (args.party != null || args.kind != null ? PRICES.filter : 0) + pageCost(pageSize(args.first, DEFAULT_PAGE_SIZE), { once, perItem }),
      ),
    ),
  })
  disputes(@Args() args: DisputesArgs, @Ctx() { loaders }: RequestContext) {
    return disputeService.connection(args, loaders);
  }

  @FieldResolver(() => [DisputeSide], { description: 'Who is on each side.' })
  sides(@Root() dispute: Dispute, @Ctx() { loaders }: RequestContext) {
    return disputeService.sides(loaders, dispute);
  }

  @FieldResolver(() => [Lawsuit])
  lawsuits(@Root() dispute: Dispute, @Ctx() { loaders }: RequestContext) {
    return disputeService.facts(loaders, dispute, 'Lawsuit');
  }

  @FieldResolver(() => [LicensingNegotiation])
  negotiations(@Root() dispute: Dispute, @Ctx() { loaders }: RequestContext) {
    return disputeService.facts(loaders, dispute, 'LicensingNegotiation');
  }

  @FieldResolver(() => [Sanction])
  sanctions(@Root() dispute: Dispute, @Ctx() { loaders }: RequestContext) {
    return disputeService.facts(loaders, dispute, 'Sanction');
  }

  @FieldResolver(() => [RegulatoryAction])
  regulatoryActions(@Root() dispute: Dispute, @Ctx() { loaders }: RequestContext) {
    return disputeService.facts(loaders, dispute, 'RegulatoryAction');
  }

  @FieldResolver(() => [Event])
  events(@Root() dispute: Dispute, @Ctx() { loaders }: RequestContext) {
    return disputeService.facts(loaders, dispute, 'Event');
  }

  @FieldResolver(() => [Statement])
  statements(@Root() dispute: Dispute, @Ctx() { loaders }: RequestContext) {
    return disputeService.facts(loaders, dispute, 'Statement');
  }

  @FieldResolver(() => TimelineConnection, {
    complexity: pagePrice(PRICES.timeline, DEFAULT_PAGE_SIZE),
    description: 'The dated facts of the dispute, in chronological order (as the root `timeline`).',
  })
  timeline(@Root() dispute: Dispute, @Args() args: DisputeTimelineArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.timeline.timeline(loaders, args, { disputeId: dispute.id });
  }
}

@Resolver(() => DisputeSide)
export class DisputeSideResolver {
  @FieldResolver(() => Party)
  party(@Root() side: DisputeSide, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, side.partyId);
  }
}
