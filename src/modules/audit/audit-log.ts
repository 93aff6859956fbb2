import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth';
import type { Role } from '../../common/role.enum';
import type { AuditChange, AuditEntry } from './audit-entry.entity';

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
  // By entity name: this module is loaded by every write path, and loading the entity class here
  // would change where type-graphql registers AuditEntry (the order of schema/schema.graphql).
  const repository = manager.getRepository<AuditEntry>('AuditEntry');
  return repository.save(repository.create({ at: new Date().toISOString(), actor: actor.name, actorKeyId: actor.keyId, role: actor.role, ...entry }));
}
