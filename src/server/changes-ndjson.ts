import type http from 'node:http';
import type { GraphQLError } from 'graphql';
import type { SqlReader } from '../common/database/sql-reader';
import { encodeChangeCursor, decodeChangeCursor } from '../modules/change/change-cursor';
import type { ChangeEvent } from '../modules/change/change-event.entity';
import type { ChangeService } from '../modules/change/changes.service';

/** Rows read per statement while streaming. */
const PAGE = 500;

/** A change as one line of the feed: the GraphQL `Change` type's fields. */
export function changeJson(change: ChangeEvent) {
  return {
    cursor: encodeChangeCursor(change.id),
    at: change.at,
    kind: change.kind,
    subjectType: change.subjectType,
    subject: change.subjectGlobalId,
    field: change.field,
    value: change.value,
    rank: change.rank,
    source: change.source,
    actor: change.actor,
    action: change.action,
    parties: change.parties,
    disputes: change.disputes,
  };
}

export interface NdjsonOptions {
  reader: SqlReader;
  changes: ChangeService;
  /** Changes per answer at most (CHANGES_NDJSON_MAX). */
  max: number;
  /** A client's mistake, answered as the server answers any: status and GraphQL-shaped body. */
  refuse: (res: http.ServerResponse, status: number, error: GraphQLError) => void;
}

/**
 * `GET /changes.ndjson?since=CURSOR`: the changes after the cursor (from the first without one),
 * one JSON object per line, oldest first, at most `max` per answer. The answer's `X-Next-Since`
 * header, sent before the body, is the cursor to ask with next (the last change's, or `since`
 * itself when nothing changed: the body is then empty) and `X-More: true` says more are waiting.
 * Streamed a page at a time, waiting for the socket to drain, so a slow reader holds one page.
 */
export async function serveChangesNdjson(req: http.IncomingMessage, res: http.ServerResponse, { reader, changes, max, refuse }: NdjsonOptions): Promise<void> {
  const query = new URLSearchParams(req.url?.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
  const since = query.get('since');
  let afterId: number;
  try {
    afterId = since === null || since === '' ? 0 : decodeChangeCursor(since, 'since');
  } catch (error) {
    return refuse(res, 400, error as GraphQLError);
  }
  // The bound of this answer, found first so its next cursor can lead the body: the max-th change after the cursor, or the newest.
  const [bound] = await reader.query<{ id: number }>('SELECT id FROM change_event WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?', [afterId, max - 1]);
  const newest = bound ? Number(bound.id) : await changes.newestId(reader);
  const upTo = Math.max(afterId, newest);
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-next-since': encodeChangeCursor(upTo),
    'x-more': String(Boolean(bound) && !!(await reader.query('SELECT 1 AS one FROM change_event WHERE id > ? LIMIT 1', [upTo])).length),
  });
  let from = afterId;
  while (from < upTo && !res.destroyed) {
    const rows = await changes.between(reader, from, upTo, PAGE);
    if (!rows.length) break;
    const text = rows.map((row) => JSON.stringify(changeJson(row))).join('\n') + '\n';
    from = rows[rows.length - 1].id;
    if (!res.write(text)) await new Promise<void>((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
  }
  res.end();
}
