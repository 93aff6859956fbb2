import { fuzzyDate, line, optional, partySlugs, pathOf, slug } from '../../common/validation/rules';
import { sluggedFact } from '../../common/writes/cited-fact';
import { date } from '../../common/writes/fact-writer';
import { EventParticipant } from './event-participant.entity';
import { Event } from './event.entity';

const event = sluggedFact({
  documentKey: 'events',
  action: 'recordEvent',
  entity: Event,
  what: 'event',
  fields: { slug, title: line(300), date: optional(fuzzyDate), location: optional(line(300)), participants: partySlugs(1) },
  parties: (e, path) =>
    Array.isArray(e.participants) ? e.participants.map((party, i) => ({ path: pathOf(pathOf(path, 'participants'), i), slug: party })) : [],
  write: async (writer, e) => {
    const row = await writer.upsert(Event, { slug: e.slug }, { title: e.title, date: date(e.date), location: e.location ?? null });
    await writer.replaceLinks(
      EventParticipant,
      { eventId: row.id },
      e.participants.map((party: string) => ({ partyId: writer.party(party) })),
    );
    return row;
  },
});

export const eventWrites = event.document;
export const recordEvent = event.mutation;
