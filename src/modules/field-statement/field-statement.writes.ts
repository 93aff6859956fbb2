import type { EntityMetadata } from 'typeorm';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import type { Problem } from '../../common/validation/rules';
import type { CitedRow } from '../../common/writes/declarations';
import type { FactWriter } from '../../common/writes/fact-writer';
import { Attribution, Basis } from '../../common/citation/attribution.enums';
import { FactAttribution } from '../attribution/fact-attribution.entity';
import { Source } from '../../common/citation/source.entity';
import { currentOf } from './current-value';
import { FieldStatement } from '../../common/citation/field-statement.entity';
import { StatementRank } from '../../common/citation/field-statement.enums';

/** The subject type of a statement's citations (the quotes that state it), as it was before statements held values. */
export const STATEMENT_NODE_TYPE = 'FieldProvenance';

/** One field's statement as a write carries it: from one source. */
export interface StatementEntry {
  field: string;
  basis: Basis;
  quotes: string[];
  note: string | null;
  /** null: an editor's own statement (a merge's aliases), from no source. */
  sourceId: number | null;
  rank?: StatementRank | null;
  /** For a statement from no source: the date it is known since (the day it is made). */
  knownSince?: string;
}

/** A value as a statement holds it: JSON text, dates in their notation. */
export function encodeValue(value: unknown): string {
  return JSON.stringify(value instanceof FuzzyDate ? value.format() : (value ?? null));
}

/** The metadata of a subject's rows: its entity when given (a fact of the registry), else the entity named like its type. */
function metadataOf(writer: FactWriter, row: CitedRow, entity: Function | null | undefined): EntityMetadata {
  return writer.manager.connection.getMetadata(entity ?? row.nodeType);
}

/** The column of a subject's row that holds a field (null: the field is links or a relation, not a column). */
function columnOf(metadata: EntityMetadata, field: string) {
  const column = metadata.findColumnWithPropertyName(field);
  return column && !column.isPrimary && !column.relationMetadata ? column : null;
}

/** A statement's value as the row's column holds it. */
function decodeValue(metadata: EntityMetadata, field: string, value: string): unknown {
  const decoded = JSON.parse(value) as unknown;
  const column = columnOf(metadata, field)!;
  return typeof decoded === 'string' && column.transformer ? FuzzyDate.parse(decoded) : decoded;
}

const sameValue = (a: unknown, b: unknown) => encodeValue(a) === encodeValue(b);

/** The publication date (ISO prefix) of each source a write cites, looked up once per write. */
const knownSince = new WeakMap<FactWriter, Map<number, string>>();
export async function publishedOn(writer: FactWriter, sourceId: number): Promise<string> {
  let dates = knownSince.get(writer);
  if (!dates) knownSince.set(writer, (dates = new Map()));
  let date = dates.get(sourceId);
  if (date === undefined) {
    const source = await writer.manager.getRepository(Source).findOne({ where: { id: sourceId }, select: { id: true, publishedOn: true } });
    date = source!.publishedOn.iso;
    dates.set(sourceId, date);
  }
  return date;
}

/**
 * Stores a write's statements about one subject and keeps its row on the current values.
 *
 * Each entry is matched by (field, source, value): the same value from the same source is
 * confirmed (its basis, quotes and note brought up to date), a new value added. A source's other
 * values for the field are deprecated (the source was re-read: they stay, as history); other
 * sources' statements are never touched. With `replaceSource`, a document restates all of a
 * fact: its source's statements of fields it no longer states are deprecated too. Then every
 * touched field's row column is set to its current statement's value (current-value.ts), so a
 * re-imported older report does not overwrite what a later one said.
 *
 * `given` holds the values of fields that are not columns (a suit's `plaintiffs`), as the input
 * names them. Returns each entry's statement, for its quotes to be cited.
 */
export async function writeStatements(
  writer: FactWriter,
  row: CitedRow,
  entries: StatementEntry[],
  given: Record<string, unknown>,
  { replaceSource, entity: entityClass }: { replaceSource?: number; entity?: Function | null } = {},
): Promise<FieldStatement[]> {
  const metadata = metadataOf(writer, row, entityClass);
  const subject = { subjectType: row.nodeType, subjectId: row.id };
  const repository = writer.manager.getRepository(FieldStatement);
  const entity = (await writer.manager.getRepository(metadata.target).findOneBy({ id: row.id })) as Record<string, unknown> | null;
  if (!entity) return [];
  const voice = await writer.manager.getRepository(FactAttribution).findOneBy(subject);
  const claimed =
    voice && voice.attribution !== Attribution.REPORTED
      ? { attribution: voice.attribution as string, claimedById: voice.claimedById, claimant: voice.claimant }
      : { attribution: null, claimedById: null, claimant: null };
  let stored = await repository.findBy(subject);
  const written: FieldStatement[] = [];
  const touched = new Set<string>();
  for (const entry of entries) {
    const value = encodeValue(columnOf(metadata, entry.field) ? entity[entry.field] : given[entry.field]);
    const since = entry.sourceId === null ? entry.knownSince! : await publishedOn(writer, entry.sourceId);
    const match = stored.find((s) => s.field === entry.field && s.sourceId === entry.sourceId && s.value === value);
    const values = { basis: entry.basis, quotes: entry.quotes, note: entry.note, ...claimed, knownSince: since };
    const rank = entry.rank ?? (match && match.rank !== StatementRank.DEPRECATED ? match.rank : StatementRank.NORMAL);
    const statement = match
      ? await writer.upsert(FieldStatement, { id: match.id }, { ...values, rank })
      : await writer.upsert(
          FieldStatement,
          { ...subject, field: entry.field, sourceId: entry.sourceId, value },
          { ...values, rank, recordedAt: writer.recordedAt, recordedBy: writer.recordedBy },
        );
    written.push(statement);
    touched.add(entry.field);
    for (const other of stored) {
      if (other.field === entry.field && other.sourceId === entry.sourceId && other.value !== value && other.rank !== StatementRank.DEPRECATED) {
        await writer.upsert(FieldStatement, { id: other.id }, { rank: StatementRank.DEPRECATED });
      }
    }
  }
  if (replaceSource !== undefined) {
    for (const other of stored) {
      if (other.sourceId === replaceSource && !touched.has(other.field) && other.rank !== StatementRank.DEPRECATED) {
        await writer.upsert(FieldStatement, { id: other.id }, { rank: StatementRank.DEPRECATED });
        touched.add(other.field);
      }
    }
  }
  stored = await repository.findBy(subject);
  const current: Record<string, unknown> = {};
  for (const field of touched) {
    if (!columnOf(metadata, field)) continue;
    const chosen = currentOf(stored.filter((s) => s.field === field));
    if (chosen) {
      const value = decodeValue(metadata, field, chosen.value);
      if (!sameValue(entity[field], value)) current[field] = value;
    }
  }
  if (Object.keys(current).length) await writer.upsert(metadata.target as new () => { id: number }, { id: row.id }, current);
  return written;
}

/**
 * Updates never lie: a write that changed a field of a stored row (by its own write or by the
 * current-value rule) must carry that field's statement, else the change is refused and nothing
 * of the write is kept. `stated` are the fields the write gives statements for; `path` prefixes
 * each problem's path.
 */
export async function unstatedChanges(
  writer: FactWriter,
  row: CitedRow,
  asserts: readonly string[],
  stated: ReadonlySet<string>,
  path: string,
  entityClass?: Function | null,
): Promise<Problem[]> {
  const metadata = metadataOf(writer, row, entityClass);
  const before = writer.originals.get(`${metadata.tableName}:${row.id}`);
  if (!before) return [];
  const changed = asserts.filter((field) => !stated.has(field) && field in before && columnOf(metadata, field));
  if (!changed.length) return [];
  const entity = (await writer.manager.getRepository(metadata.target).findOneBy({ id: row.id })) as Record<string, unknown>;
  return changed
    .filter((field) => !sameValue(before[field], entity[field]))
    .map((field) => ({
      path: path ? `${path}.${field}` : field,
      message: `changes the stored value (${encodeValue(before[field])} → ${encodeValue(entity[field])}): give its statement in provenance (STATED with quotes of the cited source, or INFERRED with a note), so the earlier one stays as history`,
    }));
}
