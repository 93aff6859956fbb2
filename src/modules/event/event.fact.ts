import { factsViaLinks } from '../../common/loaders/via-links';
import type { FactType } from '../../common/facts/fact-type';
import { eventCues } from './event.cues';
import { EventParticipant } from './event-participant.entity';
import { Event } from './event.entity';
import { eventWrites } from './event.writes';

export const eventFact = {
  typeName: 'Event',
  entity: Event,
  linkEntities: [EventParticipant],
  table: 'event',
  asserts: ['date', 'location', 'participants'],
  participants: [{ role: 'PARTICIPANT', link: { table: 'event_participant', factColumn: 'event_id' }, field: 'participants' }],
  timeline: { date: 'date', kind: 'EVENT', title: (f) => `${f}.title` },
  search: { code: 8, name: (r) => `${r}.title`, body: (r) => `COALESCE(${r}.location, '')`, quote: () => `''` },
  partyField: {
    name: 'events',
    description: 'Events it took part in.',
    load: (loaders, id) => factsViaLinks(loaders, EventParticipant, 'eventId', Event, id),
  },
  writes: eventWrites,
  cues: eventCues,
} satisfies FactType;
