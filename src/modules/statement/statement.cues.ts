import type { CueMatch, CueProposal, FactCues } from '../../common/facts/cues';

/** A sentence's words in the speaker's voice: what they said, denied or confirmed. */
function statementOf(match: CueMatch): CueProposal | null {
  const speaker = match.speaker;
  if (!speaker) return null;
  const text = match.reported && match.reported.length >= 12 ? match.reported : match.quote;
  const fields: Record<string, unknown> = { speaker: speaker.slug, text };
  const stating: Record<string, string> = { text };
  if (match.quote.includes(speaker.name)) stating.speaker = speaker.name;
  const notes: Record<string, string> = {};
  if (!stating.speaker) notes.speaker = `“${speaker.name}” in the sentence refers to ${speaker.slug}, named before it`;
  // A date inside what was said dates the words' subject, not the saying ("said it had fired him in 2018");
  // a denial's clause holds its speaker and the day ("Huawei on Wednesday denied …").
  const at = match.reported ? match.quote.indexOf(match.reported) : -1;
  const date =
    match.date &&
    at >= 0 &&
    match.date.at >= at &&
    match.date.at < at + match.reported!.length &&
    !(match.date.at < match.at && at + match.reported!.length > match.at)
      ? null
      : match.date;
  if (date) {
    fields.date = date.value;
    if (date.stated) stating.date = date.phrase;
    else notes.date = date.note;
  } else {
    fields.date = `<=${match.published}`;
    notes.date = `the report does not say when; “${match.triggerText}”, in a report dated ${match.published}`;
  }
  return { title: `${speaker.name}: ${text.slice(0, 60)}`, fields, stated: stating, notes, roles: { SPEAKER: [speaker.slug] }, claimedBy: speaker.slug };
}

/** Statements in direct or reported speech, denials and confirmations, with their speaker. */
export const statementCues: FactCues = {
  cues: [
    {
      name: 'statement.said',
      verbs: ['say', 'state', 'tell', 'announce', 'deny', 'confirm', 'insist', 'claim', 'reject', 'argue', 'warn', 'maintain', 'dispute'],
      propose: statementOf,
    },
    { name: 'statement.according-to', words: /\baccording to\b/i, propose: statementOf },
  ],
};
