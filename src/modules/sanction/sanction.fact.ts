import type { FactType } from '../../common/facts/fact-type';
import { sanctionCues } from './sanction.cues';
import { Sanction } from './sanction.entity';
import { sanctionWrites } from './sanction.writes';

export const sanctionFact = {
  typeName: 'Sanction',
  entity: Sanction,
  table: 'sanction',
  asserts: ['target', 'authority', 'description', 'imposed', 'status'],
  participants: [
    { role: 'AUTHORITY', column: 'authority_id' },
    { role: 'TARGET', column: 'target_id' },
  ],
  edges: [{ from: 'AUTHORITY', to: 'TARGET', kind: 'SANCTIONED', label: (f) => `${f}.description`, since: 'imposed', adversarial: true }],
  timeline: { date: 'imposed', kind: 'SANCTION_IMPOSED', title: (f) => `${f}.description` },
  search: { code: 4, name: () => `''`, body: (r) => `${r}.description`, quote: () => `''` },
  partyField: { name: 'sanctions', description: 'Sanctions targeting it.', load: (loaders, id) => loaders.manyBy(Sanction, 'targetId').load(id) },
  writes: sanctionWrites,
  cues: sanctionCues,
} satisfies FactType;
