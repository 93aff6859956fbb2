import type { EntityManager, QueryRunner } from 'typeorm';
import type { Database, HeldTransaction } from '../../database';
import { deferredReader, transactionReader } from '../database/transaction-reader';
import type { SqlReader } from '../database/sql-reader';
import { RequestTimeoutError } from '../errors';

/**
 * One write transaction for a whole mutation operation: all or nothing per request.
 *
 * The first field that writes opens it (taking the write lock); the operation's other fields
 * (graphql-js runs mutation fields one after another) write in the same transaction, and the
 * answer's fields read through it, so they see what the operation wrote. It commits only when
 * the whole operation succeeded — before the answer is sent (`willSendResponse`) — and otherwise
 * rolls back; the answer then has `data: null`, the errors that caused it, and for every field
 * whose write was undone an error with code MUTATION_ROLLED_BACK. It never outlives the request's
 * deadline: when the request times out the transaction is rolled back at once, and any query the
 * abandoned work still sends through it fails.
 */
export class MutationSession {
  private held: HeldTransaction | null = null;
  private opening: Promise<EntityManager> | null = null;
  private abandoned = false;
  private reader: SqlReader | null = null;
  /** Response keys of the root fields whose writes succeeded, in order. */
  readonly applied: string[] = [];
  /** The root field being resolved (set by the plugin). */
  currentField: string | null = null;
  private readonly onAbort = () => void this.abandon();

  constructor(
    private readonly database: Database,
    private readonly signal: AbortSignal,
    private readonly timeoutMs: number,
  ) {
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Runs one field's write in the operation's transaction (opening it first). */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const field = this.currentField;
    const manager = await this.open();
    const result = await work(manager);
    if (field !== null) this.applied.push(field);
    return result;
  }

  /** The reader for the answer's fields: through the transaction once open, else `fallback` (the primary). */
  answerReader(fallback: SqlReader): SqlReader {
    return deferredReader(() => this.reader, fallback);
  }

  private open(): Promise<EntityManager> {
    this.opening ??= (async () => {
      if (this.signal.aborted) throw new RequestTimeoutError(this.timeoutMs);
      let held: HeldTransaction;
      try {
        held = await this.database.begin(this.signal);
      } catch (error) {
        throw this.signal.aborted ? new RequestTimeoutError(this.timeoutMs) : error;
      }
      this.held = held;
      if (this.abandoned) {
        await held.rollback();
        throw new RequestTimeoutError(this.timeoutMs);
      }
      this.reader = transactionReader(this.database, held.runner);
      return guardedManager(held.runner, () => (this.abandoned ? new RequestTimeoutError(this.timeoutMs) : null));
    })();
    return this.opening;
  }

  /** The deadline passed: roll back now; whatever the abandoned work still sends fails. */
  private async abandon(): Promise<void> {
    this.abandoned = true;
    this.reader = null;
    await this.held?.rollback().catch(() => undefined);
  }

  /**
   * Ends the transaction: commits when `succeeded` (and the deadline has not passed), else rolls
   * back. Returns whether it committed, or the error that stopped the commit.
   */
  async finish(succeeded: boolean): Promise<{ committed: boolean; error?: unknown }> {
    this.signal.removeEventListener('abort', this.onAbort);
    await this.opening?.catch(() => undefined);
    const held = this.held;
    this.reader = null;
    if (!held) return { committed: false };
    if (!succeeded || this.abandoned || this.signal.aborted) {
      await held.rollback().catch(() => undefined);
      return { committed: false };
    }
    try {
      await held.commit();
      return { committed: true };
    } catch (error) {
      return { committed: false, error };
    }
  }
}

/**
 * An EntityManager on the transaction's QueryRunner whose every query first asks `refused()`:
 * once the transaction is abandoned, nothing more is sent through it (on SQLite the runner is
 * shared, and a query after the rollback would otherwise run, and commit, on its own).
 */
function guardedManager(runner: QueryRunner, refused: () => Error | null): EntityManager {
  const guarded = Object.create(runner, {
    query: {
      value: (...args: Parameters<QueryRunner['query']>) => {
        const error = refused();
        return error ? Promise.reject(error) : runner.query(...args);
      },
    },
  }) as QueryRunner;
  return runner.connection.createEntityManager(guarded);
}
