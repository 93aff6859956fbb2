import { fuzzyDate, line, optional, partySlugs, pathOf, slug, described } from '../../common/validation/rules';
import { sluggedFact } from '../../common/writes/cited-fact';
import { date } from '../../common/writes/fact-writer';
import { EventParticipant } from './event-participant.entity';
import { Event } from './event.entity';

/** An event's fields: a document's `events[i]` and `recordEvent`'s input. */
export const eventFields = {
  slug,
  title: line(300),
  date: optional(fuzzyDate),
  location: optional(line(300)),
  participants: described(partySlugs(1), 'Slugs of the parties that took part, at least one.'),
};

const event = sluggedFact({
  documentKey: 'events',
  action: 'recordEvent',
  entity: Event,
  what: 'event',
  fields: eventFields,
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
