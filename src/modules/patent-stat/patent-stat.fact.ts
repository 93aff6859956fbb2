import type { FactType } from '../../common/facts/fact-type';
import { PatentStat } from './patent-stat.entity';
import { patentStatWrites } from './patent-stat.writes';

export const patentStatFact = {
  typeName: 'PatentStat',
  entity: PatentStat,
  table: 'patent_stat',
  asserts: ['holder', 'scope', 'count', 'qualifier', 'asOf'],
  participants: [{ role: 'HOLDER', column: 'holder_id' }],
  partyField: { name: 'patentStats', load: (loaders, id) => loaders.manyBy(PatentStat, 'holderId').load(id) },
  writes: patentStatWrites,
} satisfies FactType;
