import type { ClassType } from 'type-graphql';
import type { DataSource, ObjectLiteral } from 'typeorm';
import type { ConnectionArgs } from './pagination/connection.args';
import { paginate } from './pagination/paginate';
import type { SqlReader } from './database/sql-reader';

type Slugged = ObjectLiteral & { slug: string };

/** Lookup by slug and paged listing, the same for every type that has a slug. */
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: SqlReader,
  ) {}

  bySlug<T extends Slugged>(type: ClassType<T>, slug: string): Promise<T | null> {
    return this.dataSource.getRepository(type).findOneBy({ slug } as never);
  }

  connection<T extends Slugged>(type: ClassType<T>, args: ConnectionArgs) {
    return paginate(this.reader, type, { conditions: [], parameters: [] }, args);
  }
}
