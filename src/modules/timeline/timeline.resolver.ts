import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { TimelineArgs } from './timeline.args';
import { TimelineConnection, TimelineEntry } from './timeline-entry.type';
import { DEFAULT_PAGE_SIZE } from '../../common/pagination/connection.args';
import { pagePrice, PRICES, withAsOf } from '../../common/prices';

@Resolver(() => TimelineEntry)
export class TimelineResolver {
  @Query(() => TimelineConnection, {
    complexity: withAsOf(pagePrice(PRICES.timeline, DEFAULT_PAGE_SIZE)),
    description:
      'Every dated fact (suits filed, sanctions, regulatory actions, negotiations, statements, events) in chronological order; fuzzy dates sort at the start of their period, a BEFORE bound just before it.',
  })
  timeline(@Args() args: TimelineArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.timeline.timeline(loaders, args);
  }

  @FieldResolver()
  fact(@Root() entry: TimelineEntry, @Ctx() { services, loaders }: RequestContext) {
    return services.timeline.fact(loaders, entry);
  }

  @FieldResolver()
  participants(@Root() entry: TimelineEntry, @Ctx() { services, loaders }: RequestContext) {
    return services.timeline.participants(loaders, entry);
  }

  @FieldResolver()
  citations(@Root() entry: TimelineEntry, @Ctx() { services, loaders }: RequestContext) {
    return services.sources.citationsOf(loaders, { nodeType: entry.factType, id: entry.factId });
  }
}
