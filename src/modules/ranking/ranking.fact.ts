import type { FactType } from '../../common/facts/fact-type';
import { RankingEntry } from './ranking-entry.entity';
import { Ranking } from './ranking.entity';
import { rankingWrites } from './ranking.writes';

export const rankingFact = {
  typeName: 'Ranking',
  entity: Ranking,
  // Each entry is a node of its own, with its own citations.
  linkEntities: [RankingEntry],
  linkNodes: { RankingEntry },
  table: 'ranking',
  asserts: ['year', 'basis', 'dataFrom'],
  // Each entry's `party` is the GraphQL `entity`.
  nestedAsserts: { entries: ['party', 'position'] },
  participants: [
    { role: 'RANKED', link: { table: 'ranking_entry', factColumn: 'ranking_id' } },
    { role: 'DATA_FROM', column: 'data_from_id' },
  ],
  edges: [{ from: 'RANKED', to: 'RANKED', kind: 'RANKED_WITH', label: (f) => `${f}.name` }],
  search: { code: 9, name: (r) => `${r}.name`, body: (r) => `COALESCE(${r}.basis, '')`, quote: () => `''` },
  partyField: {
    name: 'rankings',
    description: 'Its places in rankings.',
    lists: RankingEntry,
    load: (loaders, id) => loaders.manyBy(RankingEntry, 'partyId').load(id),
  },
  writes: rankingWrites,
} satisfies FactType;
