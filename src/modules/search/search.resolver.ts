import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { DEFAULT_SEARCH_HITS, SEARCH_HITS, SearchArgs } from './search.args';
import { SearchHit } from './search-hit.type';
import { pagePrice, PRICES, withAsOf } from '../../common/prices';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    complexity: withAsOf(pagePrice(PRICES.search, DEFAULT_SEARCH_HITS, SEARCH_HITS)),
    description: 'Ranked full-text search across names, aliases, descriptions, technologies and citation quotes of every type.',
  })
  search(@Args() { text, first }: SearchArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.search.search(loaders, text, first);
  }
}
