import type { FactType } from '../../common/facts/fact-type';
import { Acquisition } from './acquisition.entity';
import { acquisitionWrites } from './acquisition.writes';

export const acquisitionFact = {
  typeName: 'Acquisition',
  entity: Acquisition,
  table: 'acquisition',
  asserts: ['buyer', 'target', 'announced', 'status'],
  participants: [
    { role: 'BUYER', column: 'buyer_id' },
    { role: 'TARGET', column: 'target_id' },
  ],
  edges: [
    {
      from: 'BUYER',
      to: 'TARGET',
      kind: 'ACQUIRED',
      declares: { ACQUIRED: 'from bought (a stake in) to.' },
      label: (f) => `'acquisition (' || ${f}.status || ')'`,
      since: 'announced',
    },
  ],
  timeline: {
    date: 'announced',
    kind: 'ACQUISITION_ANNOUNCED',
    declares: { ACQUISITION_ANNOUNCED: 'A party announced it is buying another.' },
    title: (f) => `'Acquisition: ' || ${f}.slug`,
  },
  search: { code: 13, name: (r) => `${r}.slug`, body: (r) => `${r}.status`, quote: () => `''` },
  partyField: {
    name: 'acquisitions',
    description: 'Acquisitions it made (as buyer).',
    load: (loaders, id) => loaders.manyBy(Acquisition, 'buyerId').load(id),
  },
  writes: acquisitionWrites,
} satisfies FactType;
