import { StatementRank } from '../../common/citation/field-statement.enums';

/**
 * The one rule that picks a field's current value from its statements, and what follows from
 * it (history, disagreements, what was known on a date). Pure: the write path uses it to keep
 * the fact's row denormalized, the read path to answer `provenance`, `history`, `disagreements`
 * and as-of reads, so both always agree.
 *
 * The rule: among the field's statements that are not DEPRECATED, a PREFERRED one if there is
 * any, else the latest published (its source's publication date, `knownSince`); ties go to the
 * latest recorded, then to the latest stored.
 */
export interface RankedStatement {
  id: number;
  field: string;
  value: string;
  rank: StatementRank;
  knownSince: string;
  recordedAt: string;
}

/** Oldest first: by publication, then by recording, then by id. */
export function byKnownSince(a: RankedStatement, b: RankedStatement): number {
  return compare(a.knownSince, b.knownSince) || compare(a.recordedAt, b.recordedAt) || a.id - b.id;
}
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The current statement of one field's statements (null: none counts). */
export function currentOf<T extends RankedStatement>(statements: readonly T[]): T | null {
  let best: T | null = null;
  for (const s of statements) {
    if (s.rank === StatementRank.DEPRECATED) continue;
    if (!best) best = s;
    else if ((s.rank === StatementRank.PREFERRED) !== (best.rank === StatementRank.PREFERRED)) best = s.rank === StatementRank.PREFERRED ? s : best;
    else if (byKnownSince(s, best) > 0) best = s;
  }
  return best;
}

/** A subject's statements grouped by field, fields in the order they were first stated (by id). */
export function byField<T extends RankedStatement>(statements: readonly T[]): Map<string, T[]> {
  const fields = new Map<string, T[]>();
  for (const s of [...statements].sort((a, b) => a.id - b.id)) {
    const list = fields.get(s.field);
    if (list) list.push(s);
    else fields.set(s.field, [s]);
  }
  return fields;
}

/** The current statement of every field of a subject, in field order. */
export function currentStatements<T extends RankedStatement>(statements: readonly T[]): T[] {
  return [...byField(statements).values()].map(currentOf).filter((s): s is T => s !== null);
}

/** A field's statements, oldest first (deprecated ones included: they are history too). */
export function historyOf<T extends RankedStatement>(statements: readonly T[], field: string): T[] {
  return statements.filter((s) => s.field === field).sort(byKnownSince);
}

/**
 * Fields whose current, non-deprecated statements give different values. For a field that
 * changes over time (`varying`: a status) only the statements of its latest publication date
 * count: an earlier status is history, not a disagreement. For any other field (a count as of
 * a date, a filing date) every non-deprecated statement counts.
 */
export function disagreementsOf<T extends RankedStatement>(statements: readonly T[], varying: ReadonlySet<string>): { field: string; statements: T[] }[] {
  const found: { field: string; statements: T[] }[] = [];
  for (const [field, list] of byField(statements)) {
    let live = list.filter((s) => s.rank !== StatementRank.DEPRECATED);
    if (varying.has(field) && live.length > 0) {
      const latest = live.reduce((max, s) => (s.knownSince > max ? s.knownSince : max), live[0].knownSince);
      live = live.filter((s) => s.knownSince === latest);
    }
    if (new Set(live.map((s) => s.value)).size > 1) found.push({ field, statements: live.sort(byKnownSince) });
  }
  return found;
}

/**
 * The latest `knownSince` an as-of date admits: every publication date that may fall on or
 * before it (`2020-06` admits all of June 2020, and a source dated only `2020-06`).
 */
export function asOfBound(iso: string): string {
  return iso.length === 10 ? iso : `${iso}-99`;
}

/** The statements already published on an as-of bound (see asOfBound). */
export function knownBy<T extends RankedStatement>(statements: readonly T[], bound: string | null): T[] {
  return bound === null ? [...statements] : statements.filter((s) => s.knownSince <= bound);
}
