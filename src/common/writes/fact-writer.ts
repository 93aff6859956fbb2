import type { EntityManager, ObjectLiteral } from 'typeorm';
import { BadUserInputError, echo } from '../errors';
import { FuzzyDate } from '../fuzzy-date/fuzzy-date';
import { Citation } from '../citation/citation.entity';
import { formerSlugsIn } from '../identity/former-slugs';

export const date = (value: string | null | undefined) => (value == null ? null : FuzzyDate.parse(value));

/** A stored source that quotes are checked against and cited from. */
export interface CitedSource {
  id: number;
  text: string;
}

/** One row a write inserted, updated or deleted (the audit log stores these as its AuditChange). */
export interface RowChange {
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  table: string;
  rowId: number | null;
  values: Record<string, unknown>;
}

/**
 * Writes facts inside one transaction, matching each by its natural key, and records every
 * row it inserts, changes or removes (for the import report and the audit log). The writer of
 * the mutation runner: the mutations and the source-document importer store a fact through the
 * same declaration (`<module>/<name>.writes.ts`) and so the same way.
 */
export class FactWriter {
  /** Rows inserted or changed, by table. */
  readonly written: Record<string, number> = {};
  /** Every row written, for the audit log. */
  readonly changes: RowChange[] = [];
  /** Party ids by slug, for the parties this write has looked up or written. */
  readonly partyIds = new Map<string, number>();
  /** The values a stored row had before this write changed them, by `table:id` and property. */
  readonly originals = new Map<string, Record<string, unknown>>();
  /** When and by whom this write is made, as statements record it (the audit log's actor name). */
  readonly recordedAt = new Date().toISOString();
  recordedBy = 'import';

  constructor(readonly manager: EntityManager) {}

  party(slug: string): number {
    const id = this.partyIds.get(slug);
    if (id === undefined) throw new BadUserInputError(`unknown party ${echo(slug)}`);
    return id;
  }

  /** Finds the row by its natural key; inserts it, or updates the columns that differ. */
  async upsert<T extends ObjectLiteral & { id: number }>(type: new () => T, key: Partial<T>, values: Partial<T>): Promise<T> {
    const repository = this.manager.getRepository(type);
    const where = Object.fromEntries(Object.entries(key).map(([k, v]) => [k, v instanceof FuzzyDate ? v.format() : v]));
    const table = repository.metadata.tableName;
    let found = await repository.createQueryBuilder('row').where(where).getOne();
    if (!found && Object.keys(where).length === 1 && typeof where.slug === 'string') {
      // A document or input written against a former slug updates the row it now names.
      const current = (await formerSlugsIn(this.manager, table, [where.slug])).get(where.slug);
      if (current !== undefined) found = await repository.findOneBy({ id: current } as never);
    }
    if (!found) {
      const created = await repository.save(repository.create({ ...key, ...values } as T));
      this.count(table);
      this.changes.push({ op: 'INSERT', table, rowId: created.id, values: auditValues({ ...key, ...values }) });
      return created;
    }
    const changed = Object.entries(values).filter(([k, v]) => !sameValue(found[k], v));
    if (changed.length > 0) {
      const diff = Object.fromEntries(changed.map(([k, v]) => [k, { from: auditValue(found[k]), to: auditValue(v) }]));
      const originals = this.originals.get(`${table}:${found.id}`) ?? {};
      for (const [k] of changed) if (!(k in originals)) originals[k] = found[k];
      this.originals.set(`${table}:${found.id}`, originals);
      Object.assign(found, Object.fromEntries(changed));
      await repository.save(found);
      this.count(table);
      this.changes.push({ op: 'UPDATE', table, rowId: found.id, values: diff });
    }
    return found;
  }

  /** Makes the link rows of one fact exactly `wanted`, keeping rows that are already right (by the `compared` columns). */
  async replaceLinks<T extends ObjectLiteral & { id: number }>(
    type: new () => T,
    owner: Partial<T>,
    wanted: Partial<T>[],
    compared: (keyof T & string)[] = ['partyId', 'role'],
  ) {
    const repository = this.manager.getRepository(type);
    const current = await repository.findBy(owner as never);
    // Two rows are the same link when the compared columns are equal (absent counts as null).
    const signature = (row: Partial<T>) => JSON.stringify(compared.map((key) => row[key] ?? null));
    const wantedSet = new Set(wanted.map(signature));
    const currentSet = new Set(current.map(signature));
    const stale = current.filter((row) => !wantedSet.has(signature(row)));
    const missing = wanted.filter((row) => !currentSet.has(signature(row)));
    const table = repository.metadata.tableName;
    for (const row of stale) this.changes.push({ op: 'DELETE', table, rowId: row.id, values: auditValues(row) });
    if (stale.length) await repository.remove(stale);
    if (missing.length) {
      const saved = await repository.save(missing.map((row) => repository.create({ ...owner, ...row } as T)));
      for (const row of saved) this.changes.push({ op: 'INSERT', table, rowId: row.id, values: auditValues({ ...owner, ...row }) });
    }
    if (stale.length || missing.length) this.count(table, stale.length + missing.length);
  }

  /** Cites each quote of `source` for the subject, once (quotes must occur verbatim: checked before). */
  async cite(subject: { nodeType: string; id: number }, source: CitedSource, quotes: string[]) {
    const repository = this.manager.getRepository(Citation);
    for (const quote of quotes) {
      const key = { subjectType: subject.nodeType, subjectId: subject.id, sourceId: source.id, quote };
      if (await repository.existsBy(key)) continue;
      const result = await repository.insert({ ...key, offset: source.text.indexOf(quote) });
      this.count('citation');
      this.changes.push({ op: 'INSERT', table: 'citation', rowId: Number(result.identifiers[0]?.id ?? null) || null, values: auditValues(key) });
    }
  }

  count(table: string, n = 1) {
    this.written[table] = (this.written[table] ?? 0) + n;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof FuzzyDate || b instanceof FuzzyDate) {
    return (a instanceof FuzzyDate ? a.format() : a) === (b instanceof FuzzyDate ? b.format() : b);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

const AUDIT_TEXT_LIMIT = 500;

function auditValue(value: unknown): unknown {
  if (value instanceof FuzzyDate) return value.format();
  if (typeof value === 'string' && value.length > AUDIT_TEXT_LIMIT) return `${value.slice(0, AUDIT_TEXT_LIMIT)}… (${value.length} characters)`;
  return value ?? null;
}

function auditValues(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([, v]) => (v !== undefined && typeof v !== 'object') || v === null || Array.isArray(v) || v instanceof FuzzyDate)
      .map(([k, v]) => [k, auditValue(v)]),
  );
}
