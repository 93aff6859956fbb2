import type { FactType } from '../../common/facts/fact-type';
import { Affiliation } from './affiliation.entity';
import { affiliationWrites } from './affiliation.writes';

export const affiliationFact = {
  typeName: 'Affiliation',
  entity: Affiliation,
  table: 'affiliation',
  asserts: ['person', 'organization', 'role', 'since'],
  participants: [
    { role: 'PERSON', column: 'person_id' },
    { role: 'ORGANIZATION', column: 'organization_id' },
  ],
  edges: [{ from: 'PERSON', to: 'ORGANIZATION', kind: 'AFFILIATED_WITH', label: (f) => `${f}.role`, since: 'since' }],
  search: { code: 10, name: () => `''`, body: (r) => `${r}.role`, quote: () => `''` },
  writes: affiliationWrites,
} satisfies FactType;
