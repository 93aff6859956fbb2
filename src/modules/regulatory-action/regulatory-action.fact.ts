import type { FactType } from '../../common/facts/fact-type';
import { regulatoryActionCues } from './regulatory-action.cues';
import { RegulatoryAction } from './regulatory-action.entity';
import { regulatoryActionWrites } from './regulatory-action.writes';

export const regulatoryActionFact = {
  typeName: 'RegulatoryAction',
  entity: RegulatoryAction,
  table: 'regulatory_action',
  asserts: ['authority', 'subject', 'description', 'date'],
  participants: [
    { role: 'AUTHORITY', column: 'authority_id' },
    { role: 'SUBJECT', column: 'subject_id' },
  ],
  edges: [{ from: 'AUTHORITY', to: 'SUBJECT', kind: 'REGULATED', label: (f) => `${f}.description`, since: 'date', adversarial: true }],
  timeline: { date: 'date', kind: 'REGULATORY_ACTION', title: (f) => `${f}.description` },
  search: { code: 5, name: () => `''`, body: (r) => `${r}.description`, quote: () => `''` },
  partyField: {
    name: 'regulatoryActions',
    description: 'Regulatory actions whose subject it is.',
    load: (loaders, id) => loaders.manyBy(RegulatoryAction, 'subjectId').load(id),
  },
  writes: regulatoryActionWrites,
  cues: regulatoryActionCues,
} satisfies FactType;
