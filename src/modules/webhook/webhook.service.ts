import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SqlReader } from '../../common/database/sql-reader';
import { BadUserInputError, echo } from '../../common/errors';
import type { ConnectionArgs } from '../../common/pagination/connection.args';
import { toConnection } from '../../common/pagination/paginate';
import type { Connection } from '../../common/pagination/connection.type';
import { InvalidCursorError } from '../../common/errors';
import { checkWebhookUrl, WebhookAddressError, type AddressPolicy } from './address-policy';
import { Webhook, WebhookDelivery, WebhookDeliveryStatus, WebhookFilter, WebhookStatus } from './webhook.entity';
import { newWebhookSecret } from './webhook-signature';
import { ChangeKind } from '../change/change-kind.enum';

/** Webhooks one store may have: each costs the worker a read per poll. */
export const MAX_WEBHOOKS = 100;
/** Entries per filter list, and characters per entry. */
export const MAX_FILTER_ENTRIES = 50;
const FILTER_ENTRY = /^[A-Za-z0-9_-]{1,100}$/;

export interface WebhookFilterValues {
  parties?: string[] | null;
  disputes?: string[] | null;
  kinds?: string[] | null;
  types?: string[] | null;
}

/** Creating, listing and removing webhooks, and their delivery logs. */
export class WebhookService {
  constructor(private readonly policy: AddressPolicy) {}

  /** The URL and filter checked, every problem at once (BAD_USER_INPUT with `invalidArguments`). */
  check(url: string, filter: WebhookFilterValues | null | undefined): WebhookFilter {
    const problems: { field: string; problems: string[] }[] = [];
    try {
      checkWebhookUrl(url, this.policy);
    } catch (error) {
      if (!(error instanceof WebhookAddressError)) throw error;
      problems.push({ field: 'url', problems: [error.message] });
    }
    const checked = new WebhookFilter();
    for (const key of ['parties', 'disputes', 'kinds', 'types'] as const) {
      const list = filter?.[key] ?? [];
      const bad = list.filter((entry) => !FILTER_ENTRY.test(entry) || (key === 'kinds' && !Object.hasOwn(ChangeKind, entry)));
      if (list.length > MAX_FILTER_ENTRIES) problems.push({ field: `filter.${key}`, problems: [`at most ${MAX_FILTER_ENTRIES} entries`] });
      if (bad.length)
        problems.push({
          field: `filter.${key}`,
          problems: bad
            .slice(0, 3)
            .map((entry) =>
              key === 'kinds' ? `${echo(entry)} is not a change kind (${Object.keys(ChangeKind).join(', ')})` : `${echo(entry)} is not a slug or type name`,
            ),
        });
      checked[key] = [...new Set(list)];
    }
    if (problems.length) {
      throw new BadUserInputError(`invalid webhook: ${problems.map((p) => `${p.field}: ${p.problems.join('; ')}`).join('; ')}`, { invalidArguments: problems });
    }
    return checked;
  }

  /**
   * Stores a new webhook; it is sent the changes made from now on (its cursor starts at the newest
   * change). Returns its secret, which is shown only this once.
   */
  async create(manager: EntityManager, url: string, filter: WebhookFilter, createdBy: string): Promise<{ secret: string; webhook: Webhook }> {
    const [{ n }] = await manager.query(`SELECT COUNT(*) AS n FROM webhook`);
    if (Number(n) >= MAX_WEBHOOKS) throw new BadUserInputError(`a store has at most ${MAX_WEBHOOKS} webhooks: delete one first`, { code: 'BAD_USER_INPUT' });
    const [{ newest }] = await manager.query(`SELECT COALESCE(MAX(id), 0) AS newest FROM change_event`);
    const secret = newWebhookSecret();
    const webhook = await manager.getRepository(Webhook).save(
      manager.create(Webhook, {
        url,
        filter,
        secret,
        status: WebhookStatus.ACTIVE,
        disabledReason: null,
        consecutiveFailures: 0,
        changeCursor: Number(newest),
        createdAt: new Date().toISOString(),
        createdBy,
      }),
    );
    return { secret, webhook };
  }

  /** Removes a webhook and its delivery log; null when there is none. */
  async delete(manager: EntityManager, id: number): Promise<Webhook | null> {
    const webhook = await manager.findOne(Webhook, { where: { id } });
    if (!webhook) return null;
    await manager.delete(WebhookDelivery, { webhookId: id });
    await manager.delete(Webhook, { id });
    webhook.id = id;
    return webhook;
  }

  list(reader: SqlReader): Promise<Webhook[]> {
    return reader.select(Webhook, [], [], 'ORDER BY id');
  }

  async byId(reader: SqlReader, id: number): Promise<Webhook | null> {
    const [webhook] = await reader.select(Webhook, ['id = ?'], [id]);
    return webhook ?? null;
  }

  /** A webhook's deliveries, newest first (keyset on id), optionally of one status. */
  async deliveries(
    reader: SqlReader,
    webhookId: number,
    status: WebhookDeliveryStatus | null | undefined,
    { first, after }: ConnectionArgs,
  ): Promise<Connection<WebhookDelivery>> {
    const conditions = ['webhook_id = ?', ...(status ? ['status = ?'] : [])];
    const parameters: unknown[] = [webhookId, ...(status ? [status] : [])];
    const before = after != null ? decodeDeliveryCursor(after) : null;
    const rows = await reader.select(
      WebhookDelivery,
      before === null ? conditions : [...conditions, 'id < ?'],
      before === null ? [...parameters, first + 1] : [...parameters, before, first + 1],
      'ORDER BY id DESC LIMIT ?',
    );
    return toConnection(
      rows,
      { first, after },
      (d) => encodeDeliveryCursor(d.id),
      () => reader.count(WebhookDelivery, conditions, parameters),
    );
  }
}

const CURSOR_PREFIX = 'delivery:';
const encodeDeliveryCursor = (id: number) => Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64url');
function decodeDeliveryCursor(cursor: string): number {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^delivery:([1-9]\d{0,14})$/.exec(decoded);
  if (!match) throw new InvalidCursorError(cursor);
  return Number(match[1]);
}

/** A new delivery's key: sent as Idempotency-Key on each of its attempts. */
export const newIdempotencyKey = () => randomUUID();
