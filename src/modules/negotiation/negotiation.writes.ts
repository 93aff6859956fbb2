import { fuzzyDate, line, oneOf, optional, partySlugs, pathOf, prose, slug, described } from '../../common/validation/rules';
import { sluggedFact } from '../../common/writes/cited-fact';
import { date } from '../../common/writes/fact-writer';
import { LicensingNegotiation } from './licensing-negotiation.entity';
import { NegotiationParty } from './negotiation-party.entity';
import { NegotiationStatus } from './negotiation-status.enum';

/** A negotiation's fields: a document's `negotiations[i]` and `recordNegotiation`'s input. */
export const negotiationFields = {
  slug,
  subject: described(line(500), 'What is being licensed.'),
  status: oneOf(NegotiationStatus),
  started: optional(fuzzyDate),
  summary: optional(prose(5000)),
  parties: described(partySlugs(2), 'Slugs of the parties, at least two.'),
};

const negotiation = sluggedFact({
  documentKey: 'negotiations',
  action: 'recordNegotiation',
  entity: LicensingNegotiation,
  what: 'negotiation',
  fields: negotiationFields,
  parties: (n, path) => (Array.isArray(n.parties) ? n.parties.map((party, i) => ({ path: pathOf(pathOf(path, 'parties'), i), slug: party })) : []),
  write: async (writer, n) => {
    const row = await writer.upsert(
      LicensingNegotiation,
      { slug: n.slug },
      {
        subject: n.subject,
        status: n.status as NegotiationStatus,
        started: date(n.started),
        summary: n.summary ?? null,
      },
    );
    await writer.replaceLinks(
      NegotiationParty,
      { negotiationId: row.id },
      n.parties.map((party: string) => ({ partyId: writer.party(party) })),
    );
    return row;
  },
});

export const negotiationWrites = negotiation.document;
export const recordNegotiation = negotiation.mutation;
