import { BadUserInputError, echo } from '../../common/errors';
import type { Loaders } from '../../common/loaders/loaders';
import type { NodeEntity } from '../../common/node/node.entity';
import { nodeEntities, restrictedNodeTypes, type NodeTypeName } from '../../entities';
import type { SearchDialect, SearchRow } from './search.dialect';

export interface SearchHitValue {
  node: NodeEntity;
  snippet: string;
  score: number;
}

/** Ranked full-text search over names, aliases, descriptions, technologies and quotes. */
export class SearchService {
  constructor(private readonly dialect: SearchDialect | null) {}

  async search(loaders: Loaders, text: string, first: number): Promise<SearchHitValue[]> {
    if (!this.dialect) throw new Error('Full-text search is not available for this database yet');
    const tiers = this.dialect.searchQueries(text, first * 5 + 20);
    if (!tiers.length) throw new BadUserInputError(`${echo(text)} has no word to search for`, { argument: 'text' });
    // Several entries can lead to one object (its name and a quote citing it), and an entry found
    // by its whole words is found again by their prefixes: the first (best) one wins. A tier's
    // hits all come before the next tier's, so the next is only read when this one fell short.
    const best = new Map<string, SearchRow>();
    for (const tier of tiers) {
      if (best.size >= first) break;
      // A search for many short words can take seconds on a large store: a long read.
      const rows = await loaders.reader.queryLong<SearchRow>(tier.sql, tier.parameters, loaders.longRead);
      for (const row of rows) {
        const key = `${row.subject_type}:${row.subject_id}`;
        if (!best.has(key) && Object.hasOwn(nodeEntities, row.subject_type) && !restrictedNodeTypes[row.subject_type as NodeTypeName]) best.set(key, row);
      }
    }
    const picked = [...best.values()].slice(0, first);
    const nodes = await Promise.all(picked.map((row) => loaders.byId<NodeEntity>(nodeEntities[row.subject_type as NodeTypeName]).load(Number(row.subject_id))));
    // Tiers rank separately: a hit found by a prefix alone never scores above one before it, so the scores follow the order.
    let floor = Infinity;
    return picked.flatMap((row, i) => {
      floor = Math.min(floor, -Number(row.rank));
      return nodes[i] ? [{ node: nodes[i]!, snippet: row.snippet, score: floor }] : [];
    });
  }
}
