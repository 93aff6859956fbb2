import type { ClassType } from 'type-graphql';
import type { DataSource, ObjectLiteral } from 'typeorm';
import type { ConnectionArgs } from './pagination/connection.args';
import { paginate } from './pagination/paginate';

type Slugged = ObjectLiteral & { slug: string };

/** Lookup by slug and paged listing, the same for every type that has a slug. */
export class CatalogService {
  constructor(private readonly dataSource: DataSource) {}

  bySlug<T extends Slugged>(type: ClassType<T>, slug: string): Promise<T | null> {
    return this.dataSource.getRepository(type).findOneBy({ slug } as never);
  }

  connection<T extends Slugged>(type: ClassType<T>, alias: string, args: ConnectionArgs) {
    return paginate(this.dataSource.getRepository(type).createQueryBuilder(alias), args);
  }
}
