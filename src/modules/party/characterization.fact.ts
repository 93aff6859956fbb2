import type { FactType } from '../../common/facts/fact-type';
import { partyTypeNameSql } from './party.search';
import { Characterization } from './characterization.entity';
import { characterizationWrites } from './characterization.writes';

export const characterizationFact = {
  typeName: 'Characterization',
  entity: Characterization,
  table: 'characterization',
  asserts: ['text', 'topics'],
  participants: [{ role: 'PARTY', column: 'party_id' }],
  search: {
    code: 2,
    // A characterization ("a leader in 5G") is found as the party it characterizes.
    type: (r) => `(SELECT ${partyTypeNameSql('p')} FROM party p WHERE p.id = ${r}.party_id)`,
    subjectId: (r) => `${r}.party_id`,
    name: () => `''`,
    body: (r, sql) => `${r}.text || ' ; ' || ${sql.jsonWords(`${r}.topics`)}`,
    quote: () => `''`,
  },
  partyField: {
    name: 'characterizations',
    description: 'How sources characterize it.',
    load: (loaders, id) => loaders.manyBy(Characterization, 'partyId').load(id),
  },
  writes: characterizationWrites,
} satisfies FactType;
