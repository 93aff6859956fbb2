import type { SqlReader } from '../database/sql-reader';

/** Any cited object: its GraphQL type name and id, as a citation names its subject. */
export interface CitedSubject {
  nodeType: string;
  id: number;
}

/** The loader key of a cited subject. */
export const subjectKey = (subject: CitedSubject) => `${subject.nodeType}:${subject.id}`;

/**
 * Rows about cited subjects (citations, attributions, provenance) for a batch of subject keys of
 * any mix of types, in one statement: the ids are grouped by type.
 */
export function rowsBySubject<T extends { subjectType: string; subjectId: number }>(
  reader: SqlReader,
  entity: new () => T,
  keys: readonly string[],
): Promise<T[]> {
  const idsByType = new Map<string, number[]>();
  for (const key of keys) {
    const [type, id] = key.split(':');
    idsByType.set(type, [...(idsByType.get(type) ?? []), Number(id)]);
  }
  const groups = [...idsByType];
  const condition = groups.map(() => `("subject_type" = ? AND ${reader.inList('"subject_id"')})`).join(' OR ');
  return reader.select(
    entity,
    [`(${condition})`],
    groups.flatMap(([type, ids]) => [type, reader.listParameter(ids)]),
    'ORDER BY id',
  );
}

/** The key a row about a subject belongs to. */
export const rowSubjectKey = (row: { subjectType: string; subjectId: number }) => `${row.subjectType}:${row.subjectId}`;
