import { factsViaLinks } from '../../common/loaders/via-links';
import type { FactType } from '../../common/facts/fact-type';
import { negotiationCues } from './negotiation.cues';
import { LicensingNegotiation } from './licensing-negotiation.entity';
import { NegotiationParty } from './negotiation-party.entity';
import { negotiationWrites } from './negotiation.writes';

export const negotiationFact = {
  typeName: 'LicensingNegotiation',
  entity: LicensingNegotiation,
  linkEntities: [NegotiationParty],
  table: 'licensing_negotiation',
  asserts: ['subject', 'status', 'started', 'summary', 'parties'],
  participants: [{ role: 'PARTY', link: { table: 'negotiation_party', factColumn: 'negotiation_id' }, field: 'parties' }],
  edges: [{ from: 'PARTY', to: 'PARTY', kind: 'NEGOTIATED_WITH', label: (f) => `${f}.subject`, since: 'started' }],
  timeline: { date: 'started', kind: 'NEGOTIATION_STARTED', title: (f) => `${f}.subject` },
  search: { code: 6, name: (r) => `${r}.subject`, body: (r) => `COALESCE(${r}.summary, '')`, quote: () => `''` },
  partyField: { name: 'negotiations', load: (loaders, id) => factsViaLinks(loaders, NegotiationParty, 'negotiationId', LicensingNegotiation, id) },
  writes: negotiationWrites,
  cues: negotiationCues,
} satisfies FactType;
