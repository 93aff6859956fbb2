import { ofKind, stated, type CueMatch, type CueProposal, type FactCues } from '../../common/facts/cues';

const NOUNS: Record<string, string> = { arrest: 'Arrest', detain: 'Detention', raid: 'Raid', meet: 'Meeting', release: 'Release', notify: 'Notice' };

const CALENDAR = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\b/;

/** An event of the parties named: its title from the cue word, its place from "in X" after it. */
function eventOf(match: CueMatch, noun: string): CueProposal | null {
  // A notice involves its sender and its addressee; an arrest, the people arrested.
  const people = match.trigger === 'notify' ? [] : ofKind(match.parties, 'PERSON');
  const everyone = match.trigger === 'notify' ? [...match.before.slice(-1), ...match.parties] : match.parties;
  const participants = (people.length ? people : everyone).filter((party, i, all) => all.findIndex((p) => p.slug === party.slug) === i);
  if (!participants.length) return null;
  const words = stated(match.quote.slice(match.at), /\bin ((?:[A-Z][\w-]+)(?:,? (?:[A-Z][\w-]+))*)/)?.replace(/^in /, '');
  // "in May", "in December 2018" is a date, not a place.
  const place = words && !CALENDAR.test(words) ? words : undefined;
  const fields: Record<string, unknown> = {
    title: `${noun}${noun.endsWith(' on') ? '' : ' of'} ${participants.map((p) => p.name).join(', ')}`,
    participants: participants.map((p) => p.slug),
    location: place ?? null,
  };
  const stating: Record<string, string> = {};
  if (place) stating.location = place;
  if (participants.every((p) => match.quote.includes(p.name)))
    stating.participants = match.quote.slice(participants[0].start, participants[0].start + participants[0].name.length);
  const notes: Record<string, string> = {};
  if (!stating.participants) notes.participants = 'a participant is referred to, not named, in the sentence';
  if (match.date) {
    fields.date = match.date.value;
    if (match.date.stated) stating.date = match.date.phrase;
    else notes.date = match.date.note;
  }
  return { title: String(fields.title), fields, stated: stating, notes, roles: { PARTICIPANT: participants.map((p) => p.slug) } };
}

/** Arrests, detentions, raids, releases and meetings of the parties named. */
export const eventCues: FactCues = {
  cues: [
    {
      name: 'event.arrest',
      verbs: ['arrest', 'detain', 'raid', 'release', 'notify'],
      propose: (match) => eventOf(match, NOUNS[match.trigger] ?? 'Arrest'),
    },
    {
      name: 'event.arrest-noun',
      words: /\b(?:arrest|detention|raid)\b/i,
      propose: (match) => eventOf(match, match.trigger === 'detention' ? 'Detention' : match.trigger === 'raid' ? 'Raid' : 'Arrest'),
    },
    { name: 'event.meeting', verbs: ['meet'], propose: (match) => eventOf(match, 'Meeting') },
    {
      // "A Canadian judge ruled in May that her extradition case could go ahead": a court's ruling on the parties named.
      name: 'event.ruling',
      verbs: ['rule'],
      propose: (match) => (/\b(?:court|tribunal|judge|justices?)\b/i.test(match.quote.slice(0, match.at)) ? eventOf(match, 'Ruling on') : null),
    },
  ],
};
