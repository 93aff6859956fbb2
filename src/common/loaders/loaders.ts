import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { RequestTimeoutError } from '../errors';
import { manyInKeyOrder, oneInKeyOrder } from './key-order';

/**
 * The DataLoaders of one request (never shared between requests, so nothing cached outlives
 * it). Each loader is created on first use and batches every key asked for in one tick into
 * a single `IN (...)` query.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    /** Aborted when the request times out: no further batch is then loaded. */
    private readonly signal?: AbortSignal,
    private readonly timeoutMs = 10_000,
  ) {}

  /** A loader with its own batch function, memoised under `name` for this request. */
  custom<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, string>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      const guarded: DataLoader.BatchLoadFn<K, V> = (keys) => {
        if (this.signal?.aborted) return Promise.reject(new RequestTimeoutError(this.timeoutMs));
        return batch(keys);
      };
      loader = new DataLoader<K, V, string>(guarded, { maxBatchSize: 500, ...options }) as DataLoader<K, V>;
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Rows by primary key; null where no row has the key (or the row is of another subtype). */
  byId<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    const repository = this.dataSource.getRepository(entity);
    return this.custom<number, T | null>(`${repository.metadata.name}.byId`, async (ids) => {
      const rows = await repository.findBy({ id: In(ids as number[]) } as never);
      return oneInKeyOrder(ids, rows, (row) => row.id);
    });
  }

  /** For each key, the rows whose `column` holds it, in insertion (id) order. */
  manyBy<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>, column: keyof T & string): DataLoader<number, T[]> {
    const repository = this.dataSource.getRepository(entity);
    return this.custom<number, T[]>(`${repository.metadata.name}.by.${column}`, async (keys) => {
      const rows = await repository.find({ where: { [column]: In(keys as number[]) } as never, order: { id: 'ASC' } as never });
      return manyInKeyOrder(keys, rows, (row) => row[column] as number);
    });
  }
}
