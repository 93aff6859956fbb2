import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { ConflictEdge, ConflictNetwork, ConflictPath } from './conflict-network.type';
import { ConflictNetworkArgs, ConflictPathArgs, DEFAULT_NETWORK_DEPTH, NETWORK_DEPTH } from './network.args';
import { clampTo } from '../../common/bounds';
import { PRICES } from '../../common/prices';

@Resolver()
export class NetworkResolver {
  @Query(() => ConflictNetwork, {
    complexity: ({ args, childComplexity }) => PRICES.networkLevel * clampTo(NETWORK_DEPTH, args.depth, DEFAULT_NETWORK_DEPTH) + childComplexity,
    description:
      'The parties within `depth` links of a party and the links between them (lawsuits, charges, sanctions, regulatory actions, negotiations, affiliations, kinship, rankings).',
  })
  conflictNetwork(@Args() { center, depth }: ConflictNetworkArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.network.network(loaders, center, depth);
  }

  @Query(() => ConflictPath, {
    nullable: true,
    complexity: PRICES.path,
    description: 'The shortest chain of links between two parties, or null when none connects them.',
  })
  conflictPath(@Args() { from, to }: ConflictPathArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.network.path(loaders, from, to);
  }
}

@Resolver(() => ConflictEdge)
export class ConflictEdgeResolver {
  @FieldResolver({ nullable: true })
  fact(@Root() edge: ConflictEdge, @Ctx() { services, loaders }: RequestContext) {
    return services.network.fact(loaders, edge);
  }

  @FieldResolver()
  citations(@Root() edge: ConflictEdge, @Ctx() { services, loaders }: RequestContext) {
    return services.sources.citationsOf(loaders, { nodeType: edge.factType, id: edge.factId });
  }
}
