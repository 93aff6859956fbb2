import { asOfOf } from '../field-statement/as-of';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { InvalidCursorError } from '../../common/errors';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import type { NodeEntity } from '../../common/node/node.entity';
import type { Connection } from '../../common/pagination/connection.type';
import { toConnection } from '../../common/pagination/paginate';
import { nodeEntities } from '../../entities';
import { partyBySlug } from '../party/party-lookup';
import { PartyEntity } from '../party/party.entity';
import type { ConnectionArgs } from '../../common/pagination/connection.args';
import { DISPUTE_FACTS_SQL } from '../dispute/dispute.fact';
import type { TimelineArgs } from './timeline.args';
import { TimelineEntry, type TimelineEntryKind, type TimelineFactType } from './timeline-entry.type';
import { DATED_FACTS, DISPUTE_DATED_FACTS, PARTY_DATED_FACTS, periodKey, sortKeySql } from './timeline.sql';
import { factParticipantsByIdSql, timelineCountSql, timelinePageSql, type TimelineBounds } from '../../common/facts/fact-sql';
import { datedRowCountName } from '../../common/database/counted-rows';
import { factTypes } from '../../facts';

interface Row {
  fact_type: TimelineFactType;
  fact_id: number;
  date: string;
  kind: TimelineEntryKind;
  title: string;
  sort_key: string;
}

const CURSOR_PREFIX = 'timeline:';

function encodeCursor(entry: { sortKey: string; factType: string; factId: number }): string {
  return Buffer.from(`${CURSOR_PREFIX}${entry.sortKey}|${entry.factType}|${entry.factId}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string, number] {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^timeline:([0-9-]{10}[0-3])\|([A-Za-z]+)\|(\d{1,15})$/.exec(decoded);
  if (!match) throw new InvalidCursorError(cursor);
  return [match[1], match[2], Number(match[3])];
}

function toEntry(row: Row): TimelineEntry {
  const entry = new TimelineEntry();
  entry.date = FuzzyDate.parse(row.date);
  entry.kind = row.kind;
  entry.title = row.title;
  entry.factType = row.fact_type;
  entry.factId = Number(row.fact_id);
  entry.sortKey = row.sort_key;
  return entry;
}

/** The row_count names of every dated fact table's dated rows. */
const DATED_COUNTS = factTypes.filter((fact) => fact.timeline).map(({ table }) => datedRowCountName(table));

/** What a timeline is narrowed to besides its arguments: the facts of one dispute. */
export interface TimelineScope {
  disputeId?: number;
}

/** Every dated fact in chronological order, for one party or the whole graph. */
export class TimelineService {
  /**
   * A party's or a dispute's timeline: its page and COUNT read that party's or dispute's facts,
   * through the request's reader as long reads, bounded by its deadline.
   */
  async timeline(loaders: Loaders, args: Partial<TimelineArgs> & ConnectionArgs, scope: TimelineScope = {}): Promise<Connection<TimelineEntry>> {
    const { reader, longRead } = loaders;
    if (args.party == null && scope.disputeId == null) return this.wholeGraph(loaders, args);
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    // A party's or a dispute's timeline reads only its facts, each select through an index.
    let dated = DATED_FACTS;
    const datedParameters: unknown[] = [];
    if (args.party != null) {
      const party = await partyBySlug(reader, args.party, 'party');
      dated = PARTY_DATED_FACTS.sql;
      for (let i = 0; i < PARTY_DATED_FACTS.parameters; i++) datedParameters.push(party.id);
      if (scope.disputeId != null) {
        conditions.push(`(f.fact_type, f.fact_id) IN (${DISPUTE_FACTS_SQL})`);
        parameters.push(scope.disputeId);
      }
    } else if (scope.disputeId != null) {
      dated = DISPUTE_DATED_FACTS.sql;
      for (let i = 0; i < DISPUTE_DATED_FACTS.parameters; i++) datedParameters.push(scope.disputeId);
    }
    if (args.from != null) {
      conditions.push('f.sort_key >= ?');
      parameters.push(periodKey(FuzzyDate.parse(args.from).iso, false));
    }
    if (args.to != null) {
      conditions.push('f.sort_key <= ?');
      parameters.push(periodKey(FuzzyDate.parse(args.to).iso, true));
    }
    const asOf = asOfOf(reader);
    if (asOf !== null) {
      // As of a date: only facts a source had stated by then (see field-statement/as-of.ts).
      conditions.push(
        'EXISTS (SELECT 1 FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_type = f.fact_type AND c.subject_id = f.fact_id AND s.published_on <= ?)',
      );
      parameters.push(asOf);
    }
    const base = `SELECT * FROM (SELECT d.*, ${sortKeySql('d.date')} AS sort_key FROM (${dated}) d) f`;
    const where = (extra: string[]) => (extra.length ? ` WHERE ${extra.join(' AND ')}` : '');
    const pageConditions = [...conditions];
    const pageParameters = [...parameters];
    if (args.after != null) {
      const [key, type, id] = decodeCursor(args.after);
      pageConditions.push('(f.sort_key > ? OR (f.sort_key = ? AND (f.fact_type > ? OR (f.fact_type = ? AND f.fact_id > ?))))');
      pageParameters.push(key, key, type, type, id);
    }
    const rows = await reader.queryLong<Row>(
      `${base}${where(pageConditions)} ORDER BY f.sort_key, f.fact_type, f.fact_id LIMIT ?`,
      [...datedParameters, ...pageParameters, args.first + 1],
      longRead,
    );
    return toConnection(rows.map(toEntry), args, encodeCursor, () =>
      reader
        .queryLong<{ n: number }>(`SELECT COUNT(*) AS n FROM (${base}${where(conditions)}) c`, [...datedParameters, ...parameters], longRead)
        .then(([r]) => Number(r.n)),
    );
  }

  /**
   * The whole graph's timeline: a merge of each dated table's page read through its timeline
   * index (timelinePageSql), so a page reads about `first` rows per fact type however many facts
   * are dated. Its count: the trigger-kept counts of dated rows when unbounded; bounded by
   * from/to (or as of a date), a COUNT over the index ranges, a long read.
   */
  private async wholeGraph(loaders: Loaders, args: Partial<TimelineArgs> & ConnectionArgs): Promise<Connection<TimelineEntry>> {
    const { reader, longRead } = loaders;
    const bounds: TimelineBounds = {};
    if (args.from != null) bounds.from = periodKey(FuzzyDate.parse(args.from).iso, false);
    if (args.to != null) bounds.to = periodKey(FuzzyDate.parse(args.to).iso, true);
    const asOf = asOfOf(reader);
    if (asOf !== null) {
      // As of a date: only facts a source had stated by then (see field-statement/as-of.ts).
      bounds.extra = (type) => ({
        sql: `EXISTS (SELECT 1 FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_type = ${type} AND c.subject_id = f.id AND s.published_on <= ?)`,
        parameters: [asOf],
      });
    }
    const counted = bounds.from == null && bounds.to == null && !bounds.extra;
    if (args.after != null) {
      const [key, type, id] = decodeCursor(args.after);
      bounds.after = { key, type, id };
    }
    const page = timelinePageSql(factTypes, bounds, args.first + 1);
    // As of a date, each table is read in order until enough of its facts were stated by then: a walk
    // that may go far through an index when few were, hence a long read.
    const rows = bounds.extra ? await reader.queryLong<Row>(page.sql, page.parameters, longRead) : await reader.query<Row>(page.sql, page.parameters);
    return toConnection(rows.map(toEntry), args, encodeCursor, async () => {
      if (counted) {
        const [row] = await reader.query<{ n: number | string | null }>(`SELECT SUM(n) AS n FROM row_count WHERE ${reader.inList('name')}`, [
          reader.listParameter(DATED_COUNTS),
        ]);
        return Number(row?.n ?? 0);
      }
      const count = timelineCountSql(factTypes, { ...bounds, after: undefined });
      const [row] = await reader.queryLong<{ n: number | string }>(count.sql, count.parameters, longRead);
      return Number(row.n);
    });
  }

  /** The fact an entry is about. */
  async fact(loaders: Loaders, entry: TimelineEntry): Promise<NodeEntity> {
    const fact = await loaders.byId<NodeEntity>(nodeEntities[entry.factType]).load(entry.factId);
    if (!fact) throw new Error(`${entry.factType} ${entry.factId} not found`);
    return fact;
  }

  /** Everyone a fact involves, one query per batch of entries. */
  async participants(loaders: Loaders, entry: TimelineEntry): Promise<PartyEntity[]> {
    const ids = await loaders
      .custom<string, number[]>('Timeline.participants', async (keys) => {
        const { reader } = loaders;
        const { sql, types } = factParticipantsByIdSql(factTypes, (column) => reader.inList(column));
        const idsOf = new Map<string, number[]>();
        for (const key of keys) {
          const [type, id] = key.split(':');
          const list = idsOf.get(type) ?? [];
          list.push(Number(id));
          idsOf.set(type, list);
        }
        const rows = await reader.query<{ fact_type: string; fact_id: number; party_id: number }>(
          `SELECT DISTINCT fact_type, fact_id, party_id FROM (${sql}) p ORDER BY party_id`,
          types.map((type) => reader.listParameter(idsOf.get(type) ?? [])),
        );
        return manyInKeyOrder(keys, rows, (row) => `${row.fact_type}:${row.fact_id}`).map((list) => list.map((row) => Number(row.party_id)));
      })
      .load(`${entry.factType}:${entry.factId}`);
    const parties = await loaders.byId(PartyEntity).loadMany(ids);
    return parties.filter((p): p is PartyEntity => !!p && !(p instanceof Error));
  }
}
