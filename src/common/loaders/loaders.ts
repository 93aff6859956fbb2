import DataLoader from 'dataloader';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { LongReadOptions } from '../database/long-read';
import type { SqlReader } from '../database/sql-reader';
import { RequestTimeoutError, ResultTooLargeError } from '../errors';
import type { RequestDeadline } from '../request-deadline';
import { manyInKeyOrder, oneInKeyOrder } from './key-order';

export interface LoaderOptions {
  /**
   * false turns batching off: one query per key, the N+1 behaviour of a naive server. Only the
   * benchmark's "loaders off" variant uses it.
   */
  batch?: boolean;
  /** The request's time limit: once it has passed, no further batch is loaded. */
  deadline?: RequestDeadline;
  timeoutMs?: number;
  /**
   * Rows one request may load through its loaders: nested lists asked for without `first` (all of
   * a party's lawsuits, and all of theirs…) are costed once each, so what they read is bounded here.
   */
  maxRows?: number;
}

/** The request's time limit as long reads take it; its signal is made only when one reads it (see RequestDeadline). */
class RequestLongRead implements LongReadOptions {
  constructor(
    private readonly limit: RequestDeadline | undefined,
    readonly timeoutMs: number,
    readonly deadline: number,
  ) {}

  get signal(): AbortSignal | undefined {
    return this.limit?.signal;
  }
}

/**
 * The DataLoaders of one request (never shared between requests, so nothing cached outlives
 * it). Each loader is created on first use and batches every key asked for in one tick into
 * a single `IN (...)` query.
 */
export class Loaders {
  /**
   * This request's loaders, by scope (an entity or link class, or a name) and then kind: found
   * without building a name string per call, which a page of nested lists makes thousands of.
   */
  private readonly loaders = new Map<unknown, Map<string, DataLoader<any, any>>>();
  /** Rows loaded so far by this request's batches. */
  rowsLoaded = 0;
  /** The request's deadline, for its long reads. */
  readonly longRead: LongReadOptions;

  constructor(
    private source: SqlReader,
    private readonly options: LoaderOptions = {},
  ) {
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.longRead = new RequestLongRead(options.deadline, timeoutMs, Date.now() + timeoutMs);
  }

  get reader(): SqlReader {
    return this.source;
  }

  /** Reads through another reader from now on (before any loader has run: a mutation's answer, see mutation-session.ts). */
  readFrom(reader: SqlReader): void {
    if (this.loaders.size) throw new Error('loaders already in use: the reader can only be chosen before the first load');
    this.source = reader;
  }

  /**
   * The request is over: its loaders, and with them every row their caches hold, are let go.
   *
   * Why this is not left to the context simply going out of scope: under HTTP load the context can
   * stay reachable for the young-generation collector after the answer is sent (through objects
   * that only a full collection finds dead; Apollo's gateway path was one, patched: docs/performance.md, "The
   * young generation and a finished request"). Every row a page loaded then survived two scavenges
   * and was copied into the old generation, where only full collections free it. `rowsLoaded` is
   * kept for the request's log line. A loader asked for afterwards (by work still running past the
   * request's time limit) starts empty, as it would in a new request.
   */
  release(): void {
    for (const byKind of this.loaders.values()) for (const loader of byKind.values()) loader.clearAll();
    this.loaders.clear();
  }

  /** A loader with its own batch function, memoised under `name` for this request. */
  custom<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    return this.keyed(name, '', () => batch);
  }

  /**
   * A loader memoised for this request under a scope (e.g. the entity or link class it reads) and
   * a kind; `batch` is called only to create it.
   */
  keyed<K, V>(scope: object | string, kind: string, batch: () => DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let byKind = this.loaders.get(scope);
    if (!byKind) this.loaders.set(scope, (byKind = new Map()));
    let loader = byKind.get(kind) as DataLoader<K, V> | undefined;
    if (!loader) byKind.set(kind, (loader = this.guarded(batch())));
    return loader;
  }

  /** A DataLoader over `batch` that stops at the request's deadline and counts the rows it loads against QUERY_MAX_ROWS. */
  private guarded<K, V>(batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    const { deadline, timeoutMs = 10_000, batch: batching = true, maxRows = Infinity } = this.options;
    const guarded: DataLoader.BatchLoadFn<K, V> = async (keys) => {
      if (deadline?.passed) throw new RequestTimeoutError(timeoutMs);
      if (this.rowsLoaded > maxRows) throw new ResultTooLargeError(maxRows);
      const values = await batch(keys);
      for (let i = 0; i < values.length; i++) this.rowsLoaded += Array.isArray(values[i]) ? (values[i] as unknown[]).length : values[i] == null ? 0 : 1;
      if (this.rowsLoaded > maxRows) throw new ResultTooLargeError(maxRows);
      return values;
    };
    return new DataLoader<K, V>(guarded, { maxBatchSize: 1000, batch: batching });
  }

  /** Rows by primary key; null where no row has the key (or the row is of another subtype). */
  byId<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    return this.keyed<number, T | null>(entity, 'byId', () => async (ids) => oneInKeyOrder(ids, await this.reader.whereIn(entity, 'id', ids), (row) => row.id));
  }

  /**
   * Rows by a unique column (a root lookup by slug): null where no row has the key, or the row is
   * of another subtype (a Company lookup never answers with a Person).
   */
  oneBy<T extends ObjectLiteral, K extends number | string>(entity: EntityTarget<T>, property: keyof T & string): DataLoader<K, T | null> {
    return this.keyed<K, T | null>(
      entity,
      `oneBy.${property}`,
      () => async (keys) => oneInKeyOrder(keys, await this.reader.whereIn(entity, property, keys, { ordered: false }), (row) => row[property] as K),
    );
  }

  /** For each key, the rows whose `property` holds it, in insertion (id) order. */
  manyBy<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>, property: keyof T & string): DataLoader<number, T[]> {
    return this.keyed<number, T[]>(
      entity,
      property,
      () => async (keys) => manyInKeyOrder(keys, await this.reader.whereIn(entity, property, keys), (row) => row[property] as number),
    );
  }
}
