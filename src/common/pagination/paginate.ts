import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { LongReadOptions } from '../database/long-read';
import type { SqlReader } from '../database/sql-reader';
import { InvalidCursorError } from '../errors';
import type { ConnectionArgs } from './connection.args';
import type { Connection } from './connection.type';

const CURSOR_PREFIX = 'after:';

/** Cursors are opaque: base64url of the last row's sort key (a unique slug). */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(CURSOR_PREFIX + sortKey, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length === CURSOR_PREFIX.length) {
    throw new InvalidCursorError(cursor);
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

/** Conditions (SQL with `?` placeholders) that every node of a connection meets. */
export interface ConnectionFilter {
  conditions: string[];
  parameters: unknown[];
}

/**
 * Keyset pagination over a unique `slug` column: stable under inserts, and as fast on page
 * 1,000 as on page 1 (no OFFSET). A filtered `totalCount` is a long read, bounded by `longRead`.
 */
export async function paginate<T extends ObjectLiteral & { slug: string }>(
  reader: SqlReader,
  entity: EntityTarget<T>,
  { conditions, parameters }: ConnectionFilter,
  { first, after }: ConnectionArgs,
  longRead: LongReadOptions = {},
): Promise<Connection<T>> {
  const pageConditions = after != null ? [...conditions, 'slug > ?'] : conditions;
  const pageParameters = after != null ? [...parameters, decodeCursor(after)] : parameters;
  const rows = await reader.select(entity, pageConditions, [...pageParameters, first + 1], 'ORDER BY slug LIMIT ?');
  return toConnection(
    rows,
    { first, after },
    (node) => encodeCursor(node.slug),
    () => reader.count(entity, conditions, parameters, longRead),
  );
}

/**
 * A Relay connection from a page read with `first + 1` rows (the extra one says whether there is
 * a next page). `count` runs only when `totalCount` is asked for: a COUNT over a large table costs
 * more than the page itself.
 */
export function toConnection<T>(rows: T[], { first, after }: ConnectionArgs, cursorOf: (node: T) => string, count: () => Promise<number>): Connection<T> {
  const edges = rows.slice(0, first).map((node) => ({ cursor: cursorOf(node), node }));
  let totalCount: Promise<number> | undefined;
  return {
    edges,
    get totalCount() {
      return (totalCount ??= count());
    },
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
