import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Node } from './node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when it does not exist.' })
  node(@Arg('id', () => ID) id: string, @Ctx() { services, loaders, viewer }: RequestContext) {
    return services.nodes.byGlobalId(loaders, id, viewer);
  }
}
