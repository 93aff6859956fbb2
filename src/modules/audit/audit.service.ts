import type { Loaders } from '../../common/loaders/loaders';
import type { ConnectionArgs } from '../../common/pagination/connection.args';
import type { Connection } from '../../common/pagination/connection.type';
import { decodeCursor, encodeCursor, toConnection } from '../../common/pagination/paginate';
import { InvalidCursorError } from '../../common/errors';
import { AuditEntry } from './audit-entry.entity';

export { actorOf, appendAudit, type Actor } from './audit-log';

export class AuditService {
  /**
   * Newest first, through the request's reader; cursors are opaque (the entry's position). The
   * count is a long read (no kept count for this table), bounded by the request's deadline.
   */
  async connection(loaders: Loaders, { first, after }: ConnectionArgs): Promise<Connection<AuditEntry>> {
    const { reader, longRead } = loaders;
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (after != null) {
      const before = Number(decodeCursor(after));
      if (!Number.isInteger(before)) throw new InvalidCursorError(after);
      conditions.push('id < ?');
      parameters.push(before);
    }
    const page = await reader.select(AuditEntry, conditions, [...parameters, first + 1], 'ORDER BY id DESC LIMIT ?');
    return toConnection(
      page,
      { first, after },
      (node) => encodeCursor(String(node.id)),
      () => reader.count(AuditEntry, [], [], longRead),
    );
  }
}
