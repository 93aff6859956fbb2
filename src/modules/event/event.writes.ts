import { citations, fuzzyDate, line, optional, partySlugs, quotes, slug, type Shape } from '../../common/validation/rules';
import type { FactWrites, PartyReference, WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import type { EventDoc } from '../source-import/source-document';
import { EventParticipant } from './event-participant.entity';
import { Event } from './event.entity';
import type { RecordEventInput } from './event.input';

const fields: Shape = { slug, title: line(300), date: optional(fuzzyDate), location: optional(line(300)), participants: partySlugs(1) };
const parties = (e: Pick<EventDoc, 'participants'>, path: string): PartyReference[] =>
  Array.isArray(e.participants) ? e.participants.map((party, i) => ({ path: `${path ? `${path}.` : ''}participants[${i}]`, slug: party })) : [];

async function writeEvent(writer: FactWriter, e: Omit<EventDoc, 'quotes'>): Promise<Event> {
  const row = await writer.upsert(Event, { slug: e.slug }, { title: e.title, date: date(e.date), location: e.location ?? null });
  await writer.replaceLinks(EventParticipant, { eventId: row.id }, e.participants.map((party) => ({ partyId: writer.party(party) })));
  return row;
}

export const eventWrites: FactWrites<EventDoc> = {
  documentKey: 'events',
  slugged: true,
  rules: { ...fields, quotes },
  parties,
  write: async (e, writer, scope) => {
    const row = await writeEvent(writer, e);
    await scope.cite(row, e.quotes);
    return row;
  },
};

export const recordEvent: WriteDeclaration<RecordEventInput, Event> = {
  action: 'recordEvent',
  rules: { ...fields, citations },
  check: async (input, checks) => {
    await checks.unused(Event, 'slug', input.slug, 'event');
    await checks.parties(parties(input, ''));
  },
  write: (input, writer) => writeEvent(writer, input as Omit<EventDoc, 'quotes'>),
  cited: (row) => row,
};
