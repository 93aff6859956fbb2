import { Client, type ClientConfig } from 'pg';
import type { QueryRunner } from 'typeorm';
import { expired, timeLeft, timeoutError, type LongReadOptions } from './long-read';

/** The parts of a pooled pg client used here. */
interface PgClient {
  query(sql: string): Promise<unknown>;
  processID: number;
  connectionParameters: ClientConfig;
}

/** PostgreSQL's query_canceled: statement_timeout expired, or pg_cancel_backend stopped the statement. */
const QUERY_CANCELED = '57014';

/**
 * Runs one read on a connection of TypeORM's pool (the runner's replica or primary) so that it
 * stops at the request's deadline or when its signal aborts; it then rejects with
 * RequestTimeoutError.
 *
 * The deadline is the server's own `statement_timeout`, set on the held connection for this
 * statement and reset afterwards: the server stops the work itself, even if this process is
 * busy or gone (the pg client's `query_timeout` only stops waiting, and the statement would run
 * on). An abort sends `pg_cancel_backend` from a second connection to the same server; that
 * connection is then not returned to the pool, since a cancel that lands late would stop
 * whatever the next user runs on it.
 */
export async function postgresLongRead<T>(runner: QueryRunner, sql: string, parameters: unknown[], options: LongReadOptions): Promise<T[]> {
  let cancelling: Promise<void> | null = null;
  let broken: Error | null = null;
  try {
    const client = (await runner.connect()) as PgClient;
    if (expired(options)) throw timeoutError(options);
    const limited = Number.isFinite(timeLeft(options));
    // Not through the runner, so that only the statement itself reaches TypeORM's logger.
    if (limited) await client.query(`SET statement_timeout = ${Math.max(1, Math.ceil(timeLeft(options)))}`);
    const cancel = () => {
      cancelling ??= cancelBackend(client);
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      if (expired(options)) throw timeoutError(options);
      return await runner.query(sql, parameters);
    } catch (error) {
      throw isQueryCanceled(error) ? timeoutError(options) : error;
    } finally {
      options.signal?.removeEventListener('abort', cancel);
      if (cancelling) {
        await cancelling;
        broken = new Error('a statement on this connection was cancelled');
      } else if (limited) {
        await client.query('RESET statement_timeout').catch((error: Error) => {
          broken = error;
        });
      }
    }
  } finally {
    if (broken) await (runner as unknown as { releasePostgresConnection(error: Error): Promise<void> }).releasePostgresConnection(broken);
    else await runner.release();
  }
}

/** Cancels what the client's backend is running, from a new connection with the same settings. */
async function cancelBackend(client: PgClient): Promise<void> {
  const canceller = new Client(client.connectionParameters);
  canceller.on('error', () => undefined);
  try {
    await canceller.connect();
    await canceller.query('SELECT pg_cancel_backend($1)', [client.processID]);
  } catch {
    // The statement still ends at its statement_timeout.
  } finally {
    await canceller.end().catch(() => undefined);
  }
}

function isQueryCanceled(error: unknown): boolean {
  const { code, driverError } = error as { code?: string; driverError?: { code?: string } };
  return code === QUERY_CANCELED || driverError?.code === QUERY_CANCELED;
}
