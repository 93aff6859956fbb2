import type { FactType } from '../../common/facts/fact-type';
import { KinshipRecord } from './kinship.entity';
import { kinshipWrites } from './kinship.writes';

export const kinshipFact = {
  typeName: 'Kinship',
  entity: KinshipRecord,
  table: 'kinship',
  asserts: ['person', 'relative', 'relation', 'inverseRelation'],
  // A family tie is seen from a person (Person.relatives), not loaded as a node of its own.
  isNode: false,
  participants: [
    { role: 'PERSON', column: 'person_id' },
    { role: 'RELATIVE', column: 'relative_id' },
  ],
  edges: [{ from: 'PERSON', to: 'RELATIVE', kind: 'RELATED_TO', label: (f) => `${f}.relation` }],
  writes: kinshipWrites,
} satisfies FactType;
