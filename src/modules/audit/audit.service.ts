import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth';
import type { Loaders } from '../../common/loaders/loaders';
import type { ConnectionArgs } from '../../common/pagination/connection.args';
import type { Connection } from '../../common/pagination/connection.type';
import { decodeCursor, encodeCursor, toConnection } from '../../common/pagination/paginate';
import { InvalidCursorError } from '../../common/errors';
import type { Role } from '../api-key/role.enum';
import { AuditEntry, type AuditChange } from './audit-entry.entity';

/** Who made a write: an API key's holder, or a command run on the server (`cli:import`, `seed`). */
export interface Actor {
  name: string;
  keyId: number | null;
  role: Role | null;
}

export function actorOf(viewer: Viewer): Actor {
  return { name: viewer.name, keyId: viewer.keyId, role: viewer.role };
}

/** Appends one entry, inside the caller's transaction, so it is written exactly when the change is. */
export async function appendAudit(
  manager: EntityManager,
  actor: Actor,
  entry: { action: string; subject: string | null; changes: AuditChange[] },
): Promise<AuditEntry> {
  const repository = manager.getRepository(AuditEntry);
  return repository.save(
    repository.create({ at: new Date().toISOString(), actor: actor.name, actorKeyId: actor.keyId, role: actor.role, ...entry }),
  );
}

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
    return toConnection(page, { first, after }, (node) => encodeCursor(String(node.id)), () => reader.count(AuditEntry, [], [], longRead));
  }
}
