import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, QueryRunner, ReplicationMode } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { expired, timeoutError, type LongReadOptions } from './long-read';
import { postgresLongRead } from './postgres-long-read';
import { PostgresStatements } from './postgres-statements';
import type { ReadPool } from './read-pool';
import { rowCountName } from './counted-rows';

interface SqliteStatement {
  all(...values: unknown[]): unknown[];
  raw(toggle: boolean): SqliteStatement;
  columns(): { name: string }[];
}
interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
}

/** Rows as arrays of values, with their column names: cheaper to read than one object per row. */
interface RowSet {
  columns: string[];
  rows: unknown[][];
}

/**
 * The read path of the loaders, and the one place that knows the SQL dialects apart.
 * SQLite: cached better-sqlite3 prepared statements, a key list bound as one JSON parameter
 * (`IN (SELECT value FROM json_each(?))`), so one statement serves every batch size; entity
 * rows are read as arrays (better-sqlite3 builds an object per row otherwise, which costs
 * about as much as the query).
 * PostgreSQL: `= ANY($1)` with an array parameter, through TypeORM's pools (`PostgresStatements`).
 * Long reads (`queryLong`: search, networks, timelines, filtered counts) can be stopped by the
 * request's deadline: on SQLite they run in the worker processes of a ReadPool, on PostgreSQL with
 * a statement_timeout and a cancel. Everything else stays on the main thread: the loaders' keyed
 * batches are fast, and sending their rows between processes would cost more than reading them.
 * Every statement is reported to TypeORM's logger once, so statement counts stay observable.
 */
export class SqlReader {
  private readonly sqlite: boolean;
  /** The connection the cached statements belong to; reopening the database replaces it. */
  private handle: SqliteHandle | null = null;
  private readonly statements = new Map<string, { objects: SqliteStatement; arrays: SqliteStatement; columns: string[] }>();
  private readonly mappers = new Map<EntityMetadata, RowMapper>();
  private readonly postgres: PostgresStatements | null;
  /** For tests: how many long reads were asked for (either dialect). */
  longReads = 0;

  /**
   * @param replication where PostgreSQL reads go when DATABASE_REPLICA_URLS lists replicas:
   * 'slave' (a replica: the server's reads), or 'master' (the primary: a mutation reading what
   * it just wrote, which a replica may not have yet).
   * @param pool SQLite's worker processes for long reads; without one (an in-memory database,
   * which they could not open) long reads run on the main thread like any other.
   * @param transaction PostgreSQL: an open transaction whose connection every read goes through
   * (a mutation's answer); the reader never releases it, the transaction ends it.
   */
  constructor(
    private readonly dataSource: DataSource,
    readonly replication: ReplicationMode = 'slave',
    private readonly pool: ReadPool | null = null,
    private readonly transaction: QueryRunner | null = null,
  ) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
    this.postgres = this.sqlite ? null : new PostgresStatements(dataSource, replication, transaction);
  }

  /** SQL for "column is one of the keys in the list parameter at this `?`". */
  inList(column: string): string {
    return this.sqlite ? `${column} IN (SELECT value FROM json_each(?))` : `${column} = ANY(?)`;
  }

  /**
   * A list of keys as the one parameter `inList` expects: JSON for SQLite's json_each; for
   * PostgreSQL, ids as the array's text form (`{1,2,3}`) in one join, where node-postgres would
   * build it from several strings per element (a page of nested lists sends hundreds of ids).
   */
  listParameter(keys: readonly (number | string)[]): unknown {
    if (this.sqlite) return JSON.stringify(keys);
    return keys.every(Number.isSafeInteger) ? `{${keys.join(',')}}` : [...keys];
  }

  /** Runs SQL written with `?` placeholders; rows as objects. */
  async query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    if (this.sqlite) {
      this.log(sql, parameters);
      return this.prepared(sql).objects.all(...parameters) as T[];
    }
    return this.postgresQuery(sql, parameters);
  }

  /**
   * Like `query`, for a statement that may run long: it is given up when `options.signal`
   * aborts or `options.deadline` passes, rejecting with RequestTimeoutError, and on SQLite it
   * runs off the main thread.
   */
  async queryLong<T>(sql: string, parameters: unknown[], options: LongReadOptions = {}): Promise<T[]> {
    this.longReads += 1;
    if (expired(options)) throw timeoutError(options);
    if (!this.sqlite) return postgresLongRead<T>(this.longReadRunner(), this.toPostgres(sql), parameters, options);
    if (!this.pool) return this.query<T>(sql, parameters);
    this.log(sql, parameters);
    return this.pool.run<T>(sql, parameters, options);
  }

  /**
   * Entities of a type whose `property` is one of the keys, in id order; `ordered: false` when the
   * caller maps them by key anyway (a lookup by a unique column): ordering by id can then make
   * SQLite walk a subtype's whole discriminator index in id order instead of looking the keys up
   * (a company by slug took 56 ms at 100,000 companies, 0.1 ms without the ORDER BY).
   */
  whereIn<T extends ObjectLiteral>(entity: EntityTarget<T>, property: string, keys: readonly (number | string)[], { ordered = true } = {}): Promise<T[]> {
    return this.select(entity, [this.inList(`"${this.columnOf(entity, property)}"`)], [this.listParameter(keys)], ordered ? 'ORDER BY id' : '');
  }

  /**
   * Entities of a type matching every condition (SQL with `?` placeholders), then `tail`
   * (ORDER BY / LIMIT). Subtypes of single-table inheritance get their discriminator added.
   */
  async select<T extends ObjectLiteral>(entity: EntityTarget<T>, conditions: string[], parameters: unknown[], tail = ''): Promise<T[]> {
    const metadata = this.dataSource.getMetadata(entity);
    const result = await this.rowSet(`SELECT * FROM "${metadata.tableName}"${this.where(metadata, conditions)} ${tail}`, parameters);
    return this.mapperFor(metadata).mapAll(result) as T[];
  }

  /**
   * How many rows of a type match every condition. Unfiltered: the trigger-kept count, one row by
   * key; filtered: a COUNT that may scan much of the table, so a long read (`options`).
   */
  async count(entity: EntityTarget<ObjectLiteral>, conditions: string[], parameters: unknown[], options: LongReadOptions = {}): Promise<number> {
    const metadata = this.dataSource.getMetadata(entity);
    const counted =
      conditions.length === 0
        ? rowCountName(
            metadata.tableName,
            metadata.parentEntityMetadata ? String(metadata.discriminatorValue) : undefined,
            (metadata.parentEntityMetadata ?? metadata).target as object,
          )
        : null;
    if (counted) {
      const [row] = await this.query<{ n: number }>('SELECT n FROM row_count WHERE name = ?', [counted]);
      return Number(row?.n ?? 0);
    }
    const [row] = await this.queryLong<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM "${metadata.tableName}"${this.where(metadata, conditions)}`,
      parameters,
      options,
    );
    return Number(row.n);
  }

  /** The table an entity's rows are in. */
  tableOf(entity: EntityTarget<ObjectLiteral>): string {
    return this.dataSource.getMetadata(entity).tableName;
  }

  /** The column name of an entity property. */
  columnOf(entity: EntityTarget<ObjectLiteral>, property: string): string {
    const metadata = this.dataSource.getMetadata(entity);
    const column = metadata.findColumnWithPropertyName(property)?.databaseName;
    if (!column) throw new Error(`${metadata.name} has no column for property ${property}`);
    return column;
  }

  private where(metadata: EntityMetadata, conditions: string[]): string {
    const all =
      metadata.discriminatorColumn && metadata.parentEntityMetadata
        ? [`"${metadata.discriminatorColumn.databaseName}" = '${metadata.discriminatorValue}'`, ...conditions]
        : conditions;
    return all.length ? ` WHERE ${all.join(' AND ')}` : '';
  }

  /**
   * Runs SQL whose rows are `entity` rows plus a `keyColumn` (e.g. the parent key of a batched
   * window query); each result has the mapped entity and that key.
   */
  async queryEntities<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    sql: string,
    parameters: unknown[],
    keyColumn: string,
  ): Promise<{ entity: T; key: number }[]> {
    const result = await this.rowSet(sql, parameters);
    const entities = this.mapperFor(this.dataSource.getMetadata(entity)).mapAll(result) as T[];
    const keyIndex = result.columns.indexOf(keyColumn);
    return entities.map((mapped, i) => ({ entity: mapped, key: Number(result.rows[i][keyIndex]) }));
  }

  private async rowSet(sql: string, parameters: unknown[]): Promise<RowSet> {
    if (this.sqlite) {
      this.log(sql, parameters);
      const statement = this.prepared(sql);
      return { columns: statement.columns, rows: statement.arrays.all(...parameters) as unknown[][] };
    }
    const { rows, fields } = await this.postgres!.run({ text: this.toPostgres(sql), values: parameters, rowMode: 'array' });
    return { columns: fields.map((field) => field.name), rows };
  }

  private prepared(sql: string) {
    const handle = (this.dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection;
    if (handle !== this.handle) {
      this.handle = handle;
      this.statements.clear();
    }
    let statement = this.statements.get(sql);
    if (!statement) {
      const objects = handle.prepare(sql);
      const arrays = handle.prepare(sql).raw(true);
      statement = { objects, arrays, columns: arrays.columns().map((c) => c.name) };
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private async postgresQuery(sql: string, parameters: unknown[]): Promise<any[]> {
    return (await this.postgres!.run({ text: this.toPostgres(sql), values: parameters })).rows;
  }

  /** A runner for one long read: the transaction's own (kept open: the transaction ends it), or one from the pool. */
  private longReadRunner(): QueryRunner {
    if (!this.transaction) return this.dataSource.createQueryRunner(this.replication);
    return Object.create(this.transaction, { release: { value: async () => undefined } }) as QueryRunner;
  }

  private toPostgres(sql: string): string {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  }

  /** better-sqlite3 statements bypass TypeORM, so they are reported here (PostgresStatements reports PostgreSQL's). */
  private log(sql: string, parameters: unknown[]) {
    if (this.sqlite && this.dataSource.options.logging) this.dataSource.logger.logQuery(sql, parameters);
  }

  private mapperFor(metadata: EntityMetadata): RowMapper {
    let mapper = this.mappers.get(metadata);
    if (!mapper) {
      mapper = new RowMapper(metadata, this.dataSource.driver);
      this.mappers.set(metadata, mapper);
    }
    return mapper;
  }
}

type Convert = (value: unknown) => unknown;

/** Read once: a global looked up in the per-row loop costs more than the check (in a vm context, as under Jest, much more). */
const isSafeInteger = Number.isSafeInteger;

/**
 * How a column's raw value becomes the entity's, decided once per column so the per-row loop
 * makes no call for plain values: AS_IS copies it; INTEGER copies a safe integer (what TypeORM's
 * parseInt would give) and converts anything else; CONVERT converts all but null; ALWAYS converts
 * null too (a transformer sees every value).
 */
const enum Hydration {
  AS_IS,
  INTEGER,
  CONVERT,
  ALWAYS,
}

interface ColumnPlan {
  hydration: Hydration;
  convert: Convert;
}

interface Shape {
  prototype: object;
  columns: ({ property: string; column: string } & ColumnPlan)[];
}

interface PlannedShape {
  prototype: object;
  fields: ({ index: number; property: string } & ColumnPlan)[];
}

/** How to read one entity type out of a row of given columns. */
interface Plan {
  discriminatorIndex: number;
  shapes: Map<string | undefined, PlannedShape>;
}

/**
 * Column types both drivers hand back exactly as TypeORM would hydrate them (no branch of
 * `prepareHydratedValue` touches them): their values are copied as they are.
 */
const AS_READ = new Set<unknown>([
  String,
  'varchar',
  'character varying',
  'text',
  'char',
  'character',
  'nvarchar',
  'integer',
  'int',
  'int4',
  'smallint',
  'bigint',
]);

/**
 * Turns raw rows into entity instances exactly as TypeORM's `find` does, minus its overhead: the
 * instance is of the entity's class (the subtype the discriminator names, for single-table
 * inheritance), and each value is what the driver's `prepareHydratedValue` makes of it (column
 * transformers, one or a list, even of null; simple-json; booleans; dates; simple-array…).
 * Plain text and integer columns are copied, and simple-json parsed, without that call, which is
 * what keeps mapping cheap; any other column kind goes through TypeORM's own hydration.
 * `sql-reader.test.ts` and `test/row-mapper.suite.ts` compare the result with `find`'s.
 */
class RowMapper {
  private readonly shapes = new Map<string | undefined, Shape>();
  private readonly plans = new Map<string, Plan>();

  constructor(
    private readonly metadata: EntityMetadata,
    driver: Driver,
  ) {
    this.shapes.set(undefined, RowMapper.shape(metadata, driver));
    // Single-table inheritance: a party row becomes a Company, Person or Authority.
    for (const child of metadata.childEntityMetadatas) this.shapes.set(String(child.discriminatorValue), RowMapper.shape(child, driver));
  }

  mapAll({ columns, rows }: RowSet): object[] {
    const plan = this.planFor(columns);
    return rows.map((values) => {
      const shape = (plan.discriminatorIndex >= 0 && plan.shapes.get(String(values[plan.discriminatorIndex]))) || plan.shapes.get(undefined)!;
      const entity = Object.create(shape.prototype) as Record<string, unknown>;
      for (const { index, property, hydration, convert } of shape.fields) {
        const value = values[index] ?? null;
        if (hydration === Hydration.AS_IS) entity[property] = value;
        else if (hydration === Hydration.INTEGER)
          entity[property] = typeof value === 'number' && isSafeInteger(value) ? value : value === null ? null : convert(value);
        else if (hydration === Hydration.ALWAYS || value !== null) entity[property] = convert(value);
        else entity[property] = null;
      }
      return entity;
    });
  }

  private planFor(columns: string[]): Plan {
    const signature = columns.join(',');
    let plan = this.plans.get(signature);
    if (!plan) {
      const shapes = new Map<string | undefined, PlannedShape>();
      for (const [discriminator, shape] of this.shapes) {
        const fields = shape.columns
          .map(({ property, column, hydration, convert }) => ({ index: columns.indexOf(column), property, hydration, convert }))
          .filter((f) => f.index >= 0);
        shapes.set(discriminator, { prototype: shape.prototype, fields });
      }
      plan = { discriminatorIndex: this.metadata.discriminatorColumn ? columns.indexOf(this.metadata.discriminatorColumn.databaseName) : -1, shapes };
      this.plans.set(signature, plan);
    }
    return plan;
  }

  private static shape(metadata: EntityMetadata, driver: Driver): Shape {
    // A row of the parent type itself has none of its subtypes' columns (as TypeORM reads it).
    const subtypes = new Set(metadata.childEntityMetadatas.map((child) => child.target));
    const columns = metadata.columns
      .filter((column) => !column.isDiscriminator && !column.isVirtual && !subtypes.has(column.target))
      .map((column) => ({ property: column.propertyName, column: column.databaseName, ...RowMapper.converter(column, driver) }));
    return { prototype: (metadata.target as { prototype: object }).prototype, columns };
  }

  /** How one column's raw value becomes the entity's value, as the driver's prepareHydratedValue makes it. */
  private static converter(column: ColumnMetadata, driver: Driver): ColumnPlan {
    const hydrate: Convert = (value) => driver.prepareHydratedValue(value, column);
    const { transformer } = column;
    if (transformer) {
      // A transformer sees every value, null included; of a list, the last one reads first
      // (ApplyValueTransformers). On a column the driver copies, that is all hydration does.
      if (!AS_READ.has(column.type)) return { hydration: Hydration.ALWAYS, convert: hydrate };
      const list = Array.isArray(transformer) ? [...transformer].reverse() : [transformer];
      return {
        hydration: Hydration.ALWAYS,
        convert: list.length === 1 ? (value) => list[0].from(value) : (value) => list.reduce((v, t) => t.from(v), value),
      };
    }
    if (AS_READ.has(column.type)) return { hydration: Hydration.AS_IS, convert: hydrate };
    // TypeORM parses numbers with parseInt: a safe integer is already what it would give.
    if (column.type === Number) return { hydration: Hydration.INTEGER, convert: hydrate };
    if (column.type === 'simple-json') return { hydration: Hydration.CONVERT, convert: (value) => (typeof value === 'string' ? JSON.parse(value) : value) };
    return { hydration: Hydration.CONVERT, convert: hydrate };
  }
}
