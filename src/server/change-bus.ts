import pg from 'pg';
import type { SqlReader } from '../common/database/sql-reader';
import type { Database } from '../database';
import type { Logger } from '../logger';
import { CHANGE_CHANNEL } from '../modules/change/change-recorder';
import type { ChangeHub } from '../modules/change/change-hub';
import type { ChangeService } from '../modules/change/changes.service';

/** Changes read per statement when catching up. */
const BATCH = 500;
/** How long after losing its LISTEN connection the bus reconnects. */
const RECONNECT_MS = 1000;

/**
 * Feeds the hub every new change once, in id order, read from the primary after the last one it
 * delivered. What wakes it: on PostgreSQL a NOTIFY on `change_event` (sent by every instance's
 * writes at commit; the payload, the newest id, only says there is something to read), on SQLite
 * a commit of this process, and, while anyone subscribes, a poll every CHANGES_POLL_MS for another
 * process's writes (`npm run import`). After a lost LISTEN connection it reconnects and reads what
 * it missed: nothing between is skipped, as the rows are read by id.
 */
export class ChangeBus {
  private lastId = 0;
  private reading: Promise<void> | null = null;
  private again = false;
  private client: pg.Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly onCommit = () => this.wake();
  /** Called at every wake, whether or not anyone subscribes (the webhook worker: deliveries go out without waiting for its poll). */
  readonly woken = new Set<() => void>();

  constructor(
    private readonly database: Database,
    private readonly reader: SqlReader,
    private readonly changes: ChangeService,
    private readonly hub: ChangeHub,
    private readonly options: { pollMs: number; logger: Logger },
  ) {}

  async start(): Promise<void> {
    this.lastId = await this.changes.newestId(this.reader);
    const postgres = this.database.reader.options.type === 'postgres';
    if (postgres) await this.listen();
    else {
      this.database.committed.add(this.onCommit);
      this.hub.onActive = (active) => {
        if (active && !this.poll) this.poll = setInterval(() => this.wake(), this.options.pollMs).unref();
        else if (!active && this.poll) {
          clearInterval(this.poll);
          this.poll = null;
        }
      };
    }
  }

  /** PostgreSQL: a connection of its own (a pooled one cannot hold LISTEN), reconnected when lost. */
  private async listen(): Promise<void> {
    const options = this.database.reader.options as { url?: string; replication?: { master: { url: string } } };
    const url = options.replication?.master.url ?? options.url!;
    const client = new pg.Client({ connectionString: url, application_name: 'conflict-explorer-listen' });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.options.logger.warn({ err: error?.message }, 'change feed: LISTEN connection lost; reconnecting');
      this.reconnect = setTimeout(() => void this.listen().catch(() => lost()), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.wake());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    this.wake(); // what was written while it was not listening
  }

  /** Reads and delivers what is new; a wake while reading reads again after. */
  wake(): void {
    if (this.stopped) return;
    for (const listener of this.woken) listener();
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.catchUp()
      .catch((error: Error) => this.options.logger.warn({ err: error.message }, 'change feed: reading new changes failed; retrying at the next wake'))
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      if (this.hub.subscribers === 0) {
        // Nobody listens: skip to the newest, so a subscriber arriving later gets only what follows.
        this.lastId = Math.max(this.lastId, await this.changes.newestId(this.reader));
        return;
      }
      const rows = await this.changes.page(this.reader, { afterId: this.lastId }, BATCH);
      for (const row of rows) {
        this.lastId = row.id;
        this.hub.publish(row);
      }
      if (rows.length < BATCH) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.database.committed.delete(this.onCommit);
    if (this.poll) clearInterval(this.poll);
    if (this.reconnect) clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    await this.reading;
    this.hub.close();
  }
}
