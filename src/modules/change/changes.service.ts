import { BadUserInputError, echo } from '../../common/errors';
import type { SqlReader } from '../../common/database/sql-reader';
import type { Loaders } from '../../common/loaders/loaders';
import type { Connection } from '../../common/pagination/connection.type';
import { toConnection } from '../../common/pagination/paginate';
import { decodeChangeCursor, encodeChangeCursor } from './change-cursor';
import { ChangeEvent } from './change-event.entity';
import type { ChangesArgs } from './changes.args';

/** Where a page of the feed starts and what it is filtered on (ids resolved from slugs). */
export interface ChangeQuery {
  /** Changes with a greater id. */
  afterId: number;
  partyId?: number | null;
  disputeId?: number | null;
}

/** A party or dispute slug that names nothing: the client's mistake, named. */
export class UnknownFilterError extends BadUserInputError {
  constructor(argument: 'party' | 'dispute', slug: string) {
    super(`no ${argument} has the slug ${echo(slug)}`, { argument });
  }
}

/**
 * The change feed, oldest first. A page is a walk along an index in id order: the primary key,
 * or (party, change) / (dispute, change) when filtered, so page 1,000 costs what page 1 does.
 */
export class ChangeService {
  /** `changes(since, party, dispute, first, after)`: after the later of `since` and `after`. */
  async connection(loaders: Loaders, args: ChangesArgs): Promise<Connection<ChangeEvent>> {
    const { reader, longRead } = loaders;
    const query = await this.resolve(reader, args);
    const rows = await this.page(reader, query, args.first + 1);
    const { conditions, parameters } = this.filter(query.partyId, query.disputeId);
    return toConnection(
      rows,
      args,
      (node) => encodeChangeCursor(node.id),
      () => reader.count(ChangeEvent, conditions, parameters, longRead),
    );
  }

  /** The query a client's arguments ask for: cursors decoded, slugs looked up (BAD_USER_INPUT when wrong). */
  async resolve(
    reader: SqlReader,
    { since, after, party, dispute }: { since?: string | null; after?: string | null; party?: string | null; dispute?: string | null },
  ): Promise<ChangeQuery> {
    const afterId = Math.max(since != null ? decodeChangeCursor(since, 'since') : 0, after != null ? decodeChangeCursor(after, 'after') : 0);
    return {
      afterId,
      partyId: party != null ? await this.idOf(reader, 'party', party) : null,
      disputeId: dispute != null ? await this.idOf(reader, 'dispute', dispute) : null,
    };
  }

  async idOf(reader: SqlReader, table: 'party' | 'dispute', slug: string): Promise<number> {
    const [row] = await reader.query<{ id: number }>(`SELECT id FROM ${table} WHERE slug = ?`, [slug]);
    if (!row) throw new UnknownFilterError(table, slug);
    return Number(row.id);
  }

  /** Up to `limit` changes after `afterId` matching the filters, in id order. */
  page(reader: SqlReader, { afterId, partyId, disputeId }: ChangeQuery, limit: number): Promise<ChangeEvent[]> {
    const conditions = ['id > ?'];
    const parameters: unknown[] = [afterId];
    // The first filter walks its own index from the cursor, LIMITed; a second one is checked on those rows.
    if (partyId != null) {
      conditions.push(
        disputeId != null
          ? 'id IN (SELECT change_id FROM change_party WHERE party_id = ? AND change_id > ?)'
          : 'id IN (SELECT change_id FROM change_party WHERE party_id = ? AND change_id > ? ORDER BY change_id LIMIT ?)',
      );
      parameters.push(partyId, afterId, ...(disputeId != null ? [] : [limit]));
    }
    if (disputeId != null) {
      conditions.push(
        partyId != null
          ? 'EXISTS (SELECT 1 FROM change_dispute d WHERE d.change_id = change_event.id AND d.dispute_id = ?)'
          : 'id IN (SELECT change_id FROM change_dispute WHERE dispute_id = ? AND change_id > ? ORDER BY change_id LIMIT ?)',
      );
      parameters.push(disputeId, ...(partyId != null ? [] : [afterId, limit]));
    }
    return reader.select(ChangeEvent, conditions, [...parameters, limit], 'ORDER BY id LIMIT ?');
  }

  /** The changes with these ids (a notification's range), in id order. */
  between(reader: SqlReader, afterId: number, upTo: number, limit: number): Promise<ChangeEvent[]> {
    return reader.select(ChangeEvent, ['id > ?', 'id <= ?'], [afterId, upTo, limit], 'ORDER BY id LIMIT ?');
  }

  /** The newest change's id (0 when there is none). */
  async newestId(reader: SqlReader): Promise<number> {
    const [row] = await reader.query<{ id: number | null }>('SELECT MAX(id) AS id FROM change_event', []);
    return Number(row?.id ?? 0);
  }

  private filter(partyId?: number | null, disputeId?: number | null) {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (partyId != null) {
      conditions.push('id IN (SELECT change_id FROM change_party WHERE party_id = ?)');
      parameters.push(partyId);
    }
    if (disputeId != null) {
      conditions.push('id IN (SELECT change_id FROM change_dispute WHERE dispute_id = ?)');
      parameters.push(disputeId);
    }
    return { conditions, parameters };
  }
}
