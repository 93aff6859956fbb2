import type { EntityManager } from 'typeorm';
import type { WebhookSettings } from '../../config';
import type { Database } from '../../database';
import type { Logger } from '../../logger';
import { encodeGlobalId } from '../../common/node/global-id';
import { systemResolver, type Resolver } from './address-policy';
import { sendDelivery, type AttemptResult } from './webhook-sender';
import { newIdempotencyKey } from './webhook.service';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';
import { WebhookDeliveryStatus, WebhookStatus, type WebhookFilter } from './webhook.entity';
import { encodeChangeCursor } from '../change/change-cursor';
import { ChangeEvent } from '../change/change-event.entity';
import { ChangeKind } from '../change/change-kind.enum';
import { CHANGE_CHANNEL } from '../change/change-recorder';

/** Changes one delivery carries at most. */
export const MAX_CHANGES_PER_DELIVERY = 100;
/** Changes read per webhook per poll (those its filter drops included). */
const CHANGES_READ = 500;
/** Deliveries deleted from the log per pass at most, so a pass is short however much is old. */
export const PRUNE_BATCH = 1000;
/** How often the log is looked at for deliveries past WEBHOOK_DELIVERY_RETENTION_DAYS (sooner while a full batch was deleted). */
const PRUNE_EVERY_MS = 60_000;

export interface WorkerOptions {
  resolve?: Resolver;
  /** Extra CA certificates for https receivers (tests). */
  ca?: string | Buffer;
  random?: () => number;
}

interface ChangeRow {
  id: number;
  at: string;
  kind: string;
  subject_type: string;
  subject_id: number;
  field: string | null;
  value: string | null;
  rank: string | null;
  source: string | null;
  actor: string;
  action: string;
  parties: string;
  disputes: string;
}

interface Claimed {
  id: number;
  webhook_id: number;
  idempotency_key: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Delivers the change feed to the webhooks, in the server process. Each poll it
 *
 * 1. hands every active webhook that has no delivery pending the changes after its cursor that
 *    its filter lets through, as one delivery of up to 100, advancing the cursor in the same
 *    transaction (so the delivery table holds at most one pending delivery per webhook however
 *    long an endpoint is down, and a restart loses nothing: the changes wait in the feed);
 * 2. claims due deliveries (marking them taken until the attempt's deadline, so another instance
 *    or a restart after a crash does not send them twice at once) and POSTs them, signed, with
 *    their Idempotency-Key;
 * 3. records each attempt: delivered; or failed, tried again after an exponential, jittered
 *    delay until WEBHOOK_MAX_ATTEMPTS; a webhook failing WEBHOOK_DISABLE_AFTER attempts in a row
 *    is disabled, with a change in the feed saying so.
 *
 * Every step that writes runs in the database's write transaction (the process's and the
 * database's write lock), so two instances on one PostgreSQL database never claim the same delivery.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  private readonly resolve: Resolver;
  private readonly random: () => number;
  /** For tests: attempts made by this worker. */
  attempts = 0;
  /** For tests: deliveries this worker deleted from the log. */
  pruned = 0;
  private again = false;
  private nextPruneAt = 0;

  constructor(
    private readonly database: Database,
    private readonly settings: WebhookSettings,
    private readonly logger: Logger,
    private readonly options: WorkerOptions = {},
  ) {
    this.resolve = options.resolve ?? systemResolver;
    this.random = options.random ?? Math.random;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.poll(), this.settings.pollMs).unref();
    void this.poll();
  }

  /** Stops polling, abandons attempts in flight (they are tried again after a restart, with the same key) and waits for the poll. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping.abort();
    await this.running;
  }

  /**
   * Changes may have been written (the change bus heard a NOTIFY or a commit): a poll now, or
   * one more right after the running one, so a delivery does not wait for the next poll.
   */
  wake(): void {
    if (this.stopping.signal.aborted) return;
    if (this.running) this.again = true;
    else void this.poll();
  }

  /** One poll (at most one at a time); errors are logged, never thrown. */
  poll(): Promise<void> {
    if (this.running || this.stopping.signal.aborted) return this.running ?? Promise.resolve();
    this.running = (async () => {
      try {
        if (!this.database.available) return;
        await this.enqueue();
        await this.deliverDue();
        if (Date.now() >= this.nextPruneAt) {
          const deleted = await this.prune();
          this.nextPruneAt = deleted === PRUNE_BATCH ? 0 : Date.now() + PRUNE_EVERY_MS;
        }
      } catch (error) {
        this.logger.error({ err: error }, 'webhook worker: poll failed');
      } finally {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      }
    })();
    return this.running;
  }

  /**
   * Deletes up to PRUNE_BATCH delivered or given-up deliveries created before the retention
   * period, oldest first (pending ones stay whatever their age); returns how many. A read finds
   * whether there is any first, so a log with nothing old costs no write transaction.
   */
  async prune(now = Date.now()): Promise<number> {
    const cutoff = iso(now - this.settings.retentionMs);
    const old = `status <> '${WebhookDeliveryStatus.PENDING}' AND created_at < '${cutoff}'`;
    const any = await this.database.reader.query(`SELECT 1 FROM webhook_delivery WHERE ${old} LIMIT 1`);
    if (any.length === 0) return 0;
    const deleted = await this.database.write(async (manager) => {
      const rows: { id: number }[] = await manager.query(`SELECT id FROM webhook_delivery WHERE ${old} ORDER BY id LIMIT ${PRUNE_BATCH}`);
      if (rows.length) await manager.query(`DELETE FROM webhook_delivery WHERE id IN (${rows.map((r) => Number(r.id)).join(',')})`);
      return rows.length;
    });
    this.pruned += deleted;
    return deleted;
  }

  /** Step 1: new deliveries from the changes after each webhook's cursor. */
  private async enqueue(): Promise<void> {
    const reader = this.database.reader;
    // Without a webhook waiting for changes (the common case) a poll costs this one read.
    const waiting: { id: number; change_cursor: number }[] = await reader.query(
      `SELECT id, change_cursor FROM webhook w WHERE w.status = '${WebhookStatus.ACTIVE}'
         AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.status = '${WebhookDeliveryStatus.PENDING}') ORDER BY id`,
    );
    if (waiting.length === 0) return;
    const [{ newest }] = await reader.query(`SELECT COALESCE(MAX(id), 0) AS newest FROM change_event`);
    for (const { id, change_cursor } of waiting) {
      if (Number(change_cursor) < Number(newest)) await this.database.write((manager) => this.enqueueFor(manager, Number(id)));
    }
  }

  private async enqueueFor(manager: EntityManager, webhookId: number): Promise<void> {
    // Read again under the write lock: another instance may have handed these changes out meanwhile.
    const [webhook] = await manager.query(`SELECT id, filter, change_cursor, status FROM webhook WHERE id = ${webhookId}`);
    if (!webhook || webhook.status !== WebhookStatus.ACTIVE) return;
    const pending = await manager.query(
      `SELECT 1 FROM webhook_delivery WHERE webhook_id = ${webhookId} AND status = '${WebhookDeliveryStatus.PENDING}' LIMIT 1`,
    );
    if (pending.length) return;
    const changes: ChangeRow[] = await manager.query(
      `SELECT id, at, kind, subject_type, subject_id, field, value, rank, source, actor, action, parties, disputes FROM change_event WHERE id > ${Number(webhook.change_cursor)} ORDER BY id LIMIT ${CHANGES_READ}`,
    );
    if (changes.length === 0) return;
    const filter: WebhookFilter = typeof webhook.filter === 'string' ? JSON.parse(webhook.filter) : webhook.filter;
    const matching: ChangeRow[] = [];
    let cursor = Number(webhook.change_cursor);
    for (const change of changes) {
      cursor = Number(change.id);
      if (matches(filter, change)) matching.push(change);
      if (matching.length === MAX_CHANGES_PER_DELIVERY) break;
    }
    await manager.query(`UPDATE webhook SET change_cursor = ${cursor} WHERE id = ${webhookId}`);
    if (matching.length === 0) return;
    const key = newIdempotencyKey();
    const now = iso(Date.now());
    const payload = JSON.stringify({
      webhook: encodeGlobalId('Webhook', webhookId),
      delivery: key,
      cursor: encodeChangeCursor(Number(matching.at(-1)!.id)),
      changes: matching.map(changePayload),
    });
    await manager
      .createQueryBuilder()
      .insert()
      .into('webhook_delivery')
      .values({
        webhookId,
        idempotencyKey: key,
        status: WebhookDeliveryStatus.PENDING,
        attempts: 0,
        changeCount: matching.length,
        payload,
        createdAt: now,
        nextAttemptAt: now,
        lockedUntil: null,
        lastAttemptAt: null,
        deliveredAt: null,
        lastError: null,
        responseStatus: null,
      })
      .execute();
  }

  /** Steps 2 and 3: claim what is due, send it, record the outcome. */
  private async deliverDue(): Promise<void> {
    const now = Date.now();
    // Nothing due (the common case): no write transaction, no lock.
    const due = await this.database.reader.query(
      `SELECT 1 FROM webhook_delivery WHERE status = '${WebhookDeliveryStatus.PENDING}' AND next_attempt_at <= '${iso(now)}' LIMIT 1`,
    );
    if (due.length === 0) return;
    const claimed = await this.database.write(async (manager) => {
      const due: Claimed[] = await manager.query(
        `SELECT d.id, d.webhook_id, d.idempotency_key, d.payload, d.attempts, w.url, w.secret FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
          WHERE d.status = '${WebhookDeliveryStatus.PENDING}' AND w.status = '${WebhookStatus.ACTIVE}' AND d.next_attempt_at <= '${iso(now)}'
            AND (d.locked_until IS NULL OR d.locked_until <= '${iso(now)}')
          ORDER BY d.next_attempt_at, d.id LIMIT ${this.settings.concurrency}`,
      );
      // Held for longer than an attempt can take; a crash mid-attempt leaves it to be tried again after that.
      const until = iso(now + this.settings.timeoutMs + 5000);
      for (const d of due) {
        await manager.query(
          `UPDATE webhook_delivery SET locked_until = '${until}', attempts = attempts + 1, last_attempt_at = '${iso(now)}' WHERE id = ${Number(d.id)}`,
        );
      }
      return due.map((d) => ({ ...d, id: Number(d.id), webhook_id: Number(d.webhook_id), attempts: Number(d.attempts) + 1 }));
    });
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
  }

  private async attempt(delivery: Claimed): Promise<void> {
    let url: URL;
    let result: AttemptResult;
    try {
      url = new URL(delivery.url);
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'conflict-explorer-webhooks/1',
        'idempotency-key': delivery.idempotency_key,
        [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(delivery.secret, delivery.payload, Math.floor(Date.now() / 1000)),
      };
      this.attempts += 1;
      result = await sendDelivery(url, headers, delivery.payload, {
        policy: { allowHttp: this.settings.allowHttp, allowedNetworks: this.settings.allowedNetworks },
        resolve: this.resolve,
        timeoutMs: this.settings.timeoutMs,
        ca: this.options.ca,
        signal: this.stopping.signal,
      });
    } catch (error) {
      result = { ok: false, status: null, error: (error as Error).message };
    }
    if (this.stopping.signal.aborted && !result.ok && result.status === null) {
      // Shutting down: the attempt did not happen as far as the receiver is concerned; leave it for the next start.
      await this.database
        .write((manager) => manager.query(`UPDATE webhook_delivery SET locked_until = NULL, attempts = attempts - 1 WHERE id = ${delivery.id}`))
        .catch(() => undefined);
      return;
    }
    await this.database.write((manager) => this.record(manager, delivery, result));
  }

  private async record(manager: EntityManager, delivery: Claimed, result: AttemptResult): Promise<void> {
    const now = Date.now();
    if (result.ok) {
      await manager.query(
        `UPDATE webhook_delivery SET status = '${WebhookDeliveryStatus.DELIVERED}', delivered_at = '${iso(now)}', next_attempt_at = NULL, locked_until = NULL, response_status = ${result.status}, last_error = NULL WHERE id = ${delivery.id}`,
      );
      await manager.query(`UPDATE webhook SET consecutive_failures = 0 WHERE id = ${delivery.webhook_id}`);
      return;
    }
    const exhausted = delivery.attempts >= this.settings.maxAttempts;
    const next = exhausted ? null : iso(now + this.backoff(delivery.attempts));
    await manager
      .createQueryBuilder()
      .update('webhook_delivery')
      .set({
        status: exhausted ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING,
        nextAttemptAt: next,
        lockedUntil: null,
        responseStatus: result.status,
        lastError: (result.error ?? 'failed').slice(0, 1000),
      })
      .where('id = :id', { id: delivery.id })
      .execute();
    await manager.query(`UPDATE webhook SET consecutive_failures = consecutive_failures + 1 WHERE id = ${delivery.webhook_id}`);
    const [webhook] = await manager.query(`SELECT status, consecutive_failures FROM webhook WHERE id = ${delivery.webhook_id}`);
    if (webhook && webhook.status === WebhookStatus.ACTIVE && Number(webhook.consecutive_failures) >= this.settings.disableAfter) {
      await this.disable(
        manager,
        delivery.webhook_id,
        `${Number(webhook.consecutive_failures)} attempts failed in a row; the last: ${result.error}`.slice(0, 1000),
      );
    }
  }

  /** Disables a webhook, gives up its pending delivery, and says so in the change feed. */
  private async disable(manager: EntityManager, webhookId: number, reason: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update('webhook')
      .set({ status: WebhookStatus.DISABLED, disabledReason: reason })
      .where('id = :id', { id: webhookId })
      .execute();
    await manager
      .createQueryBuilder()
      .update('webhook_delivery')
      .set({ status: WebhookDeliveryStatus.FAILED, nextAttemptAt: null, lockedUntil: null })
      .where('webhook_id = :id AND status = :pending', { id: webhookId, pending: WebhookDeliveryStatus.PENDING })
      .execute();
    await manager
      .createQueryBuilder()
      .insert()
      .into(ChangeEvent)
      .values({
        at: iso(Date.now()),
        kind: ChangeKind.UPDATED,
        subjectType: 'Webhook',
        subjectId: webhookId,
        field: 'status',
        statementId: null,
        value: JSON.stringify(WebhookStatus.DISABLED),
        rank: null,
        sourceId: null,
        source: null,
        actor: 'webhook-worker',
        action: 'disableWebhook',
        parties: [],
        disputes: [],
      })
      .execute();
    // As every write does: listeners on other instances read the feed after their last change.
    if (manager.connection.options.type === 'postgres') {
      const [{ newest }] = await manager.query(`SELECT MAX(id) AS newest FROM change_event`);
      await manager.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, String(newest)]);
    }
    this.logger.warn({ webhook: webhookId, reason }, 'webhook disabled');
  }

  /** The delay before attempt n+1: base × 2^(n-1), at most the maximum, with "equal jitter" (half fixed, half random). */
  private backoff(attempts: number): number {
    const delay = Math.min(this.settings.backoffMaxMs, this.settings.backoffMs * 2 ** Math.min(attempts - 1, 40));
    return Math.round(delay / 2 + (this.random() * delay) / 2);
  }
}

function matches(filter: WebhookFilter, change: ChangeRow): boolean {
  const touches = (wanted: string[] | undefined, raw: string) => {
    if (!wanted?.length) return true;
    const list: string[] = typeof raw === 'string' ? JSON.parse(raw) : raw;
    return list.some((slug) => wanted.includes(slug));
  };
  if (filter.kinds?.length && !filter.kinds.includes(change.kind)) return false;
  if (filter.types?.length && !filter.types.includes(change.subject_type)) return false;
  return touches(filter.parties, change.parties) && touches(filter.disputes, change.disputes);
}

function changePayload(change: ChangeRow) {
  return {
    cursor: encodeChangeCursor(Number(change.id)),
    at: change.at,
    kind: change.kind,
    subject: encodeGlobalId(change.subject_type, Number(change.subject_id)),
    subjectType: change.subject_type,
    field: change.field,
    value: parseValue(change.value),
    rank: change.rank,
    source: change.source,
    actor: change.actor,
    action: change.action,
    parties: typeof change.parties === 'string' ? JSON.parse(change.parties) : change.parties,
    disputes: typeof change.disputes === 'string' ? JSON.parse(change.disputes) : change.disputes,
  };
}

/** A statement's value as JSON; text that is not JSON as it is (one bad row must not stop a webhook for good). */
function parseValue(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
