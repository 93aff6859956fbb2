import type { ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import type { Loaders } from './loaders/loaders';
import type { ConnectionArgs } from './pagination/connection.args';
import { paginate } from './pagination/paginate';
import { bySlugOrFormer } from './identity/former-identifiers';

type Slugged = ObjectLiteral & { slug: string };

/**
 * Lookup by slug and paged listing, the same for every type that has a slug. Both read through
 * the request's reader (a replica for a query, the primary for a mutation's answer).
 */
export class CatalogService {
  /** The row with this slug, or the row a former slug of it now names (a renamed fact, a merged party). */
  bySlug<T extends Slugged & { id: number }>(loaders: Loaders, type: ClassType<T>, slug: string): Promise<T | null> {
    return bySlugOrFormer(loaders, type, slug);
  }

  connection<T extends Slugged>(loaders: Loaders, type: ClassType<T>, args: ConnectionArgs) {
    return paginate(loaders.reader, type, { conditions: [], parameters: [] }, args);
  }
}
