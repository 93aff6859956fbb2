import { Arg, Args, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DEFAULT_PAGE_SIZE } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import { pageCost, pageSize, priced, PRICES } from '../../common/prices';
import type { RequestContext } from '../../context';
import { ChangeEvent } from './change-event.entity';
import { ChangesArgs } from './changes.args';
import { changeStream, DisputeChange, PartyChange } from './change-subscriptions';
import { Dispute } from '../dispute/dispute.entity';

export const ChangeConnection = ConnectionType(ChangeEvent, 'Change', { countPrice: PRICES.filter });

@Resolver(() => ChangeEvent)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    complexity: priced(
      ({ args, once, perItem }) =>
        (args.party != null || args.dispute != null ? PRICES.filter : 0) + pageCost(pageSize(args.first, DEFAULT_PAGE_SIZE), { once, perItem }),
    ),
    description:
      'Every change accepted writes made, oldest first: statements added or deprecated, facts created, updated or removed. Resume with `since` (or `after`) set to the last cursor seen; cursors stay valid across restarts and instances.',
  })
  changes(@Args() args: ChangesArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.changes.connection(loaders, args);
  }

  @Subscription(() => ChangeEvent, {
    name: 'changes',
    subscribe: ({ context, args }) => changeStream(context as RequestContext, args as { party?: string | null; dispute?: string | null }),
    description: 'Each change as it is accepted, optionally only those touching a party or a dispute (by slug). Over graphql-ws at /graphql (docs/changes.md).',
  })
  liveChanges(
    @Root() change: ChangeEvent,
    @Arg('party', () => String, { nullable: true }) _party: string | null,
    @Arg('dispute', () => String, { nullable: true }) _dispute: string | null,
  ): ChangeEvent {
    return change;
  }

  @Subscription(() => DisputeChange, {
    subscribe: ({ context, args }) => changeStream(context as RequestContext, { dispute: (args as { slug: string }).slug }),
    description: 'Each change that touches the dispute (its status, its facts, its sides), with the dispute as it is after it.',
  })
  disputeChanged(@Root() change: ChangeEvent, @Arg('slug') slug: string, @Ctx() { services, loaders }: RequestContext): DisputeChange {
    return { change, dispute: services.catalog.bySlug(loaders, Dispute, slug) };
  }

  @Subscription(() => PartyChange, {
    subscribe: ({ context, args }) => changeStream(context as RequestContext, { party: (args as { slug: string }).slug }),
    description: 'Each change that touches the party (its fields, or a fact it is part of), with the party as it is after it.',
  })
  async partyChanged(@Root() change: ChangeEvent, @Arg('slug') slug: string, @Ctx() { services, loaders }: RequestContext): Promise<PartyChange> {
    const id = await services.changes.idOf(loaders.reader, 'party', slug).catch(() => null);
    return { change, party: id === null ? Promise.resolve(null) : services.parties.required(loaders, id) };
  }
}
