import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';

/** A statement as node-postgres takes it. */
export interface PostgresStatement {
  text: string;
  values: unknown[];
  rowMode?: 'array';
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

/**
 * Sends a reader's PostgreSQL statements straight to node-postgres: to the pool of the primary or
 * of a replica (chosen as TypeORM chooses it, at random), or to an open transaction's connection.
 * TypeORM's query runner does the same with more work per statement (a runner object, its
 * subscribers' before/after-query events, a result wrapper, the list of connected runners), which
 * showed up in the front-end page's profile; and rows can be asked for as arrays here, which saves
 * building an object per row only to read it back by column. Every statement is still reported to
 * TypeORM's logger, as the runner would, so statement counts stay observable.
 */
export class PostgresStatements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replication: ReplicationMode,
    /** A transaction's runner: its statements must run on its connection, which it holds. */
    private readonly transaction: QueryRunner | null = null,
  ) {}

  /** The transaction's statements, one after the other: its one connection takes one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  run(statement: PostgresStatement): Promise<PostgresResult> {
    if (!this.transaction) return this.send(statement);
    const result = this.queue.then(() => this.send(statement));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async send(statement: PostgresStatement): Promise<PostgresResult> {
    this.dataSource.logger.logQuery(statement.text, statement.values);
    return (await this.target()).query(statement);
  }

  private async target(): Promise<Queryable> {
    if (this.transaction) return (await this.transaction.connect()) as Queryable;
    const { master, slaves } = this.dataSource.driver as unknown as PostgresPools;
    if (this.replication === 'slave' && slaves.length) return slaves[Math.floor(Math.random() * slaves.length)];
    return master;
  }
}
