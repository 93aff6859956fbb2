import { citations, fuzzyDate, line, oneOf, optional, partySlugs, prose, quotes, slug, type Shape } from '../../common/validation/rules';
import type { FactWrites, PartyReference, WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import type { NegotiationDoc } from '../source-import/source-document';
import { LicensingNegotiation } from './licensing-negotiation.entity';
import { NegotiationParty } from './negotiation-party.entity';
import { NegotiationStatus } from './negotiation-status.enum';
import type { RecordNegotiationInput } from './negotiation.input';

const fields: Shape = { slug, subject: line(500), status: oneOf(NegotiationStatus), started: optional(fuzzyDate), summary: optional(prose(5000)), parties: partySlugs(2) };
const parties = (n: Pick<NegotiationDoc, 'parties'>, path: string): PartyReference[] =>
  Array.isArray(n.parties) ? n.parties.map((party, i) => ({ path: `${path ? `${path}.` : ''}parties[${i}]`, slug: party })) : [];

async function writeNegotiation(writer: FactWriter, n: Omit<NegotiationDoc, 'quotes'>): Promise<LicensingNegotiation> {
  const row = await writer.upsert(LicensingNegotiation, { slug: n.slug }, {
    subject: n.subject,
    status: n.status as NegotiationStatus,
    started: date(n.started),
    summary: n.summary ?? null,
  });
  await writer.replaceLinks(NegotiationParty, { negotiationId: row.id }, n.parties.map((party) => ({ partyId: writer.party(party) })));
  return row;
}

export const negotiationWrites: FactWrites<NegotiationDoc> = {
  documentKey: 'negotiations',
  slugged: true,
  rules: { ...fields, quotes },
  parties,
  write: async (n, writer, scope) => {
    const row = await writeNegotiation(writer, n);
    await scope.cite(row, n.quotes);
    return row;
  },
};

export const recordNegotiation: WriteDeclaration<RecordNegotiationInput, LicensingNegotiation> = {
  action: 'recordNegotiation',
  rules: { ...fields, citations },
  check: async (input, checks) => {
    await checks.unused(LicensingNegotiation, 'slug', input.slug, 'negotiation');
    await checks.parties(parties(input, ''));
  },
  write: (input, writer) => writeNegotiation(writer, input),
  cited: (row) => row,
};
