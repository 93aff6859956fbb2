import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

interface SqliteStatement {
  all(...values: unknown[]): unknown[];
}
interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
}

/**
 * The read path of the loaders, and the one place that knows the SQL dialects apart.
 * SQLite: cached better-sqlite3 prepared statements, a key list bound as one JSON parameter
 * (`IN (SELECT value FROM json_each(?))`), so one statement serves every batch size.
 * PostgreSQL: `= ANY($1)` with an array parameter, through TypeORM's pool.
 * Every statement is reported to TypeORM's logger, so statement counts stay observable.
 */
export class SqlReader {
  private readonly sqlite: SqliteHandle | null;
  private readonly statements = new Map<string, SqliteStatement>();
  private readonly mappers = new Map<EntityMetadata, RowMapper>();

  constructor(private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3' ? (dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection : null;
  }

  /** SQL for "column is one of the keys in the list parameter at this `?`". */
  inList(column: string): string {
    return this.sqlite ? `${column} IN (SELECT value FROM json_each(?))` : `${column} = ANY(?)`;
  }

  /** A list of keys as the one parameter `inList` expects. */
  listParameter(keys: readonly (number | string)[]): unknown {
    return this.sqlite ? JSON.stringify(keys) : [...keys];
  }

  /** Runs SQL written with `?` placeholders. */
  async query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    if (this.dataSource.options.logging) this.dataSource.logger.logQuery(sql, parameters);
    if (this.sqlite) {
      let statement = this.statements.get(sql);
      if (!statement) {
        statement = this.sqlite.prepare(sql);
        this.statements.set(sql, statement);
      }
      return statement.all(...parameters) as T[];
    }
    let n = 0;
    return this.dataSource.query(sql.replace(/\?/g, () => `$${++n}`), parameters);
  }

  /** Entities of a type whose `property` is one of the keys, in id order. */
  async whereIn<T extends ObjectLiteral>(entity: EntityTarget<T>, property: string, keys: readonly (number | string)[]): Promise<T[]> {
    const metadata = this.dataSource.getMetadata(entity);
    const mapper = this.mapperFor(metadata);
    const column = metadata.findColumnWithPropertyName(property)?.databaseName;
    if (!column) throw new Error(`${metadata.name} has no column for property ${property}`);
    const discriminator = metadata.discriminatorColumn && metadata.parentEntityMetadata
      ? ` AND "${metadata.discriminatorColumn.databaseName}" = '${metadata.discriminatorValue}'`
      : '';
    const rows = await this.query<Record<string, unknown>>(
      `SELECT * FROM "${metadata.tableName}" WHERE ${this.inList(`"${column}"`)}${discriminator} ORDER BY id`,
      [this.listParameter(keys)],
    );
    return rows.map((row) => mapper.map(row) as T);
  }

  /**
   * Runs SQL whose rows are `entity` rows plus extra columns (e.g. the parent key of a batched
   * window query); each result has the mapped entity and the raw row.
   */
  async queryEntities<T extends ObjectLiteral>(entity: EntityTarget<T>, sql: string, parameters: unknown[]): Promise<{ entity: T; row: Record<string, unknown> }[]> {
    const mapper = this.mapperFor(this.dataSource.getMetadata(entity));
    const rows = await this.query<Record<string, unknown>>(sql, parameters);
    return rows.map((row) => ({ entity: mapper.map(row) as T, row }));
  }

  private mapperFor(metadata: EntityMetadata): RowMapper {
    let mapper = this.mappers.get(metadata);
    if (!mapper) {
      mapper = new RowMapper(metadata);
      this.mappers.set(metadata, mapper);
    }
    return mapper;
  }
}

/** Turns a raw row into an entity instance the way TypeORM would (transformers, simple-json), minus its overhead. */
class RowMapper {
  private readonly byDiscriminator = new Map<string, { prototype: object; columns: ColumnMapping[] }>();
  private readonly own: { prototype: object; columns: ColumnMapping[] };

  constructor(private readonly metadata: EntityMetadata) {
    this.own = RowMapper.shape(metadata);
    // Single-table inheritance: a party row becomes a Company, Person or Authority.
    for (const child of metadata.childEntityMetadatas) this.byDiscriminator.set(String(child.discriminatorValue), RowMapper.shape(child));
  }

  map(row: Record<string, unknown>): object {
    const discriminator = this.metadata.discriminatorColumn ? String(row[this.metadata.discriminatorColumn.databaseName]) : undefined;
    const shape = (discriminator !== undefined && this.byDiscriminator.get(discriminator)) || this.own;
    const entity = Object.create(shape.prototype) as Record<string, unknown>;
    for (const { property, column, convert } of shape.columns) {
      const value = row[column];
      entity[property] = convert && value != null ? convert(value) : value ?? null;
    }
    return entity;
  }

  private static shape(metadata: EntityMetadata) {
    const columns: ColumnMapping[] = metadata.columns
      .filter((column) => !column.isDiscriminator && !column.isVirtual)
      .map((column) => {
        const transformer = Array.isArray(column.transformer) ? undefined : column.transformer;
        const convert = transformer
          ? (value: unknown) => transformer.from(value)
          : column.type === 'simple-json'
            ? (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)
            : column.type === 'boolean'
              ? (value: unknown) => Boolean(value)
              : undefined;
        return { property: column.propertyName, column: column.databaseName, convert };
      });
    return { prototype: (metadata.target as { prototype: object }).prototype, columns };
  }
}

interface ColumnMapping {
  property: string;
  column: string;
  convert?: (value: unknown) => unknown;
}
