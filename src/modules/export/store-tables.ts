import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Citation } from '../../common/citation/citation.entity';
import { FieldStatement } from '../../common/citation/field-statement.entity';
import { Source } from '../../common/citation/source.entity';
import type { EntityClass } from '../../common/facts/fact-type';
import { factTypes } from '../../facts';
import { FactAttribution } from '../attribution/fact-attribution.entity';
import { Authority } from '../authority/authority.entity';
import { Company } from '../company/company.entity';
import { Person } from '../person/person.entity';

/** One type of the store's own export (`jsonl`, `csv`): a table, or one party type of the party table. */
export interface StoreTable {
  /** The type's name as the API names it (`Lawsuit`, `LawsuitParty`, `Company`, `FieldStatement`). */
  type: string;
  table: string;
  /** Narrows a shared table to the type (the party table's discriminator). */
  conditions: string[];
  /** Its columns, by the property names the code and the API use, in declaration order. */
  columns: { property: string; column: string; convert: (raw: unknown) => unknown }[];
  /** SQL (one `?`: a change id) for "a change after it touched this row" (`--since`). */
  changedSince: string;
}

/**
 * What the store-shaped exports contain, derived from the registry: the sources, each party type,
 * every fact type of src/facts.ts and its link rows, the citations, the says-who attributions and the
 * field statements. A fact type added to the registry is exported with no change here.
 */
export function storeTables(dataSource: DataSource): StoreTable[] {
  const classes: EntityClass[] = [
    Source,
    Company,
    Person,
    Authority,
    ...factTypes.flatMap((fact) => [fact.entity, ...(fact.linkEntities ?? [])]),
    Citation,
    FactAttribution,
    FieldStatement,
  ];
  return classes.map((entity) => tableOf(dataSource.getMetadata(entity), dataSource.options.type === 'better-sqlite3'));
}

/** Subjects of the changes after a change id, of one type (SQL with one `?`). */
const changedSubjects = (type: string) => `SELECT subject_id FROM change_event WHERE id > ? AND subject_type = '${type.replace(/'/g, "''")}'`;

/**
 * Which rows a change after a cursor touched: a party's or fact's own changes; a link row's fact's
 * (a case's parties come with the case); a citation's, statement's or attribution's subject's; a
 * source that a change's statement comes from.
 */
function changedSince(metadata: EntityMetadata, type: string): string {
  const table = `"${metadata.tableName}"`;
  if (metadata.target === Source) return `${table}.id IN (SELECT source_id FROM change_event WHERE id > ? AND source_id IS NOT NULL)`;
  if (metadata.findColumnWithPropertyName('subjectType') && metadata.findColumnWithPropertyName('subjectId'))
    return `EXISTS (SELECT 1 FROM change_event c WHERE c.id > ? AND c.subject_type = ${table}.subject_type AND c.subject_id = ${table}.subject_id)`;
  const owner = factTypes.find(
    (fact) => fact.linkEntities?.includes(metadata.target as EntityClass) && !Object.values(fact.linkNodes ?? {}).includes(metadata.target as EntityClass),
  );
  const link = owner && metadata.manyToOneRelations.find((relation) => relation.inverseEntityMetadata.target === owner.entity);
  if (owner && link) return `${table}.${link.joinColumns[0].databaseName} IN (${changedSubjects(owner.typeName)})`;
  return `${table}.id IN (${changedSubjects(type)})`;
}

function tableOf(metadata: EntityMetadata, sqlite: boolean): StoreTable {
  const discriminator = metadata.parentEntityMetadata ? metadata.discriminatorColumn : undefined;
  const columns = metadata.columns
    .filter((column) => !column.isDiscriminator && !column.isVirtual)
    .map((column) => ({ property: column.propertyName, column: column.databaseName, convert: converter(column, sqlite) }));
  const name = typeof metadata.target === 'function' ? metadata.target.name : metadata.name;
  const type = typeName(metadata, name);
  return {
    type,
    table: metadata.tableName,
    conditions: discriminator ? [`"${discriminator.databaseName}" = '${String(metadata.discriminatorValue)}'`] : [],
    columns,
    changedSince: changedSince(metadata, type),
  };
}

/** The API's name for a type: a class's GraphQL type where it differs from its class (`KinshipRecord` is `Kinship`). */
function typeName(metadata: EntityMetadata, className: string): string {
  const fact = factTypes.find((f) => f.entity === metadata.target);
  return fact?.typeName ?? className;
}

/** A stored value as the export gives it: JSON columns parsed, booleans as booleans, timestamps in ISO 8601, the rest as stored (dates in the FuzzyDate notation). */
function converter(column: ColumnMetadata, sqlite: boolean): (raw: unknown) => unknown {
  if (column.type === 'simple-json') return (raw) => (typeof raw === 'string' ? JSON.parse(raw) : raw);
  if (column.type === Boolean || column.type === 'boolean') return (raw) => (raw === null ? null : sqlite ? raw === 1 : Boolean(raw));
  return (raw) => (raw instanceof Date ? raw.toISOString() : raw === undefined ? null : raw);
}

/** One stored row as the export's object: `type`, then every column by property name. */
export function storeRow(table: StoreTable, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: table.type };
  for (const { property, column, convert } of table.columns) out[property] = convert(row[column]);
  return out;
}
