import type { ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import type { Loaders } from './loaders/loaders';
import type { ConnectionArgs } from './pagination/connection.args';
import { paginate } from './pagination/paginate';

type Slugged = ObjectLiteral & { slug: string };

/**
 * Lookup by slug and paged listing, the same for every type that has a slug. Both read through
 * the request's reader (a replica for a query, the primary for a mutation's answer).
 */
export class CatalogService {
  bySlug<T extends Slugged>(loaders: Loaders, type: ClassType<T>, slug: string): Promise<T | null> {
    return loaders.oneBy<T, string>(type, 'slug').load(slug);
  }

  connection<T extends Slugged>(loaders: Loaders, type: ClassType<T>, args: ConnectionArgs) {
    return paginate(loaders.reader, type, { conditions: [], parameters: [] }, args);
  }
}
