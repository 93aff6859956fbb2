import type { DataSource } from 'typeorm';
import type { ConnectionArgs } from '../../common/pagination/connection.args';
import type { Connection } from '../../common/pagination/connection.type';
import { decodeCursor, encodeCursor, toConnection } from '../../common/pagination/paginate';
import { InvalidCursorError } from '../../common/errors';
import { AuditEntry } from './audit-entry.entity';

export { actorOf, appendAudit, type Actor } from './audit-log';

export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; cursors are opaque (the entry's position). */
  async connection({ first, after }: ConnectionArgs): Promise<Connection<AuditEntry>> {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry');
    const page = query.clone().orderBy('entry.id', 'DESC').limit(first + 1);
    if (after != null) {
      const before = Number(decodeCursor(after));
      if (!Number.isInteger(before)) throw new InvalidCursorError(after);
      page.andWhere('entry.id < :before', { before });
    }
    return toConnection(await page.getMany(), { first, after }, (node) => encodeCursor(String(node.id)), () => query.clone().getCount());
  }
}
