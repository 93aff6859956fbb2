/**
 * Which tables have their rows counted by trigger (row-counts.ts installs them), so that the read
 * path answers the `totalCount` of an unfiltered connection with one lookup. Parties (by kind) and
 * sources always are; a fact's entity is when it is declared `@CountedRows()`. The mark is on the
 * entity, not in the fact registry, so the read path (SqlReader) does not depend on the registry:
 * the registry's declarations read through it.
 */
export interface CountedTable {
  table: string;
  /** The discriminator column counted by value (`party_type`: one count per kind of party). */
  by?: string;
  /** Count only the rows where this column is not null (a fact table's dated rows: `datedRowCountName`). */
  nonNull?: string;
}

/** The row_count name of a table's rows with a date (those on the timeline). */
export const datedRowCountName = (table: string) => `${table}:dated`;

/** Counted whatever the registry holds. */
export const CORE_COUNTED: readonly CountedTable[] = [{ table: 'party', by: 'party_type' }, { table: 'source' }];

const marked = new WeakSet<object>();

/** Class decorator of a fact's entity: its rows are counted (its FactType's table gets the triggers). */
export function CountedRows(): ClassDecorator {
  return (target) => {
    marked.add(target);
  };
}

/** Whether an entity class is declared `@CountedRows()`. */
export const hasCountedRows = (entity: object): boolean => marked.has(entity);

/**
 * The row_count name of an unfiltered count of `table` (of one discriminator value of it), or null
 * when its rows are not counted (or counted by a discriminator the count does not name).
 */
export function rowCountName(table: string, discriminator: string | undefined, entity: object): string | null {
  const core = CORE_COUNTED.find((c) => c.table === table);
  if (!core && !hasCountedRows(entity)) return null;
  if (Boolean(core?.by) !== (discriminator !== undefined)) return null;
  return discriminator === undefined ? table : `${table}:${discriminator}`;
}
