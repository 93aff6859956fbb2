import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth';
import { SqlReader } from '../../common/database/sql-reader';
import { UnauthenticatedError } from '../../common/errors';
import { ApiKey } from './api-key.entity';
import type { Role } from '../../common/role.enum';

const KEY_PREFIX = 'ce_';

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Creating, listing, revoking and checking API keys. */
export class ApiKeyService {
  /**
   * @param primary where keys are checked: the primary, so a key works as soon as it is created
   * and stops as soon as it is revoked, whatever a replica has replayed.
   */
  constructor(
    dataSource: DataSource,
    private readonly primary: SqlReader = new SqlReader(dataSource, 'master'),
  ) {}

  /** A new key: 256 random bits. Returns the key itself (never stored) and its row. */
  async create(manager: EntityManager, name: string, role: Role, costBudget: number | null = null): Promise<{ key: string; apiKey: ApiKey }> {
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    const repository = manager.getRepository(ApiKey);
    const apiKey = await repository.save(
      repository.create({ name, role, prefix: key.slice(0, 10), hash: hashKey(key), createdAt: new Date().toISOString(), revokedAt: null, costBudget }),
    );
    return { key, apiKey };
  }

  /** Every key in id order, through the given reader (a request's; by default the primary). */
  list(reader: SqlReader = this.primary): Promise<ApiKey[]> {
    return reader.select(ApiKey, [], [], 'ORDER BY id');
  }

  /** Revokes the key with this database id or prefix; null when there is none. */
  async revoke(manager: EntityManager, idOrPrefix: number | string): Promise<ApiKey | null> {
    const repository = manager.getRepository(ApiKey);
    const apiKey = typeof idOrPrefix === 'number' ? await repository.findOneBy({ id: idOrPrefix }) : await repository.findOneBy({ prefix: idOrPrefix });
    if (!apiKey) return null;
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date().toISOString();
      await repository.save(apiKey);
    }
    return apiKey;
  }

  /** The caller of a request: null without an Authorization header; UNAUTHENTICATED for a bad or revoked key. */
  async viewerFor(authorization: string | undefined): Promise<Viewer | null> {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('The Authorization header must be `Bearer KEY`', 401);
    // From the primary (one indexed lookup per authenticated request).
    const [apiKey] = await this.primary.select(ApiKey, [`"${this.primary.columnOf(ApiKey, 'hash')}" = ?`], [hashKey(match[1])]);
    if (!apiKey) throw new UnauthenticatedError('Unknown API key', 401);
    if (apiKey.revokedAt) throw new UnauthenticatedError('This API key was revoked', 401);
    return { keyId: apiKey.id, name: apiKey.name, role: apiKey.role, budget: apiKey.costBudget ?? null };
  }
}
