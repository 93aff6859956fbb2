import { ofKind, stated, type CueMatch, type CueProposal, type FactCues } from '../../common/facts/cues';

/** A regulator's decision: the authority named, the party it concerns, what it decided (the clause). */
function decisionOf(match: CueMatch, what: string, byVerb = true): CueProposal | null {
  // A verb's authority is its subject ("the Commission fined X"), or its agent when passive ("X was fined by the
  // Commission"); an authority elsewhere in the sentence did not decide ("a court ruled that X can be sent to the
  // United States"). A decision named as a noun is the authority's the sentence names.
  const authority = byVerb
    ? match.passive
      ? ofKind(match.after, 'AUTHORITY')[0]
      : ofKind(match.before, 'AUTHORITY').at(-1)
    : ofKind(match.parties, 'AUTHORITY')[0];
  if (!authority) return null;
  const named = (match.passive ? match.before : match.after).find((party) => party.slug !== authority.slug && party.kind !== 'AUTHORITY');
  // Not named after the verb: the sentence's other party ("Huawei sued the FCC, seeking to overturn a regulatory decision").
  const subject = named ?? match.parties.find((party) => party.slug !== authority.slug && party.kind !== 'AUTHORITY');
  const clause = stated(match.quote.slice(Math.max(0, match.at - 120)), new RegExp(`[^,;.]*${escape(match.triggerText)}[^;.]*`, 'i'))?.trim();
  const description = clause && clause.length >= 12 ? clause : match.quote;
  const fields: Record<string, unknown> = { authority: authority.slug, subject: subject?.slug ?? null, description };
  const stating: Record<string, string> = { description, authority: authority.name };
  if (named && match.quote.includes(named.name)) stating.subject = named.name;
  const notes: Record<string, string> = {};
  if (subject && !named) notes.subject = `${subject.name} is the other party of the sentence; that the decision concerns it is not said`;
  if (match.date) {
    fields.date = match.date.value;
    if (match.date.stated) stating.date = match.date.phrase;
    else notes.date = match.date.note;
  }
  return {
    title: `${authority.name} ${what}${subject ? ` ${subject.name}` : ''}`,
    fields,
    stated: stating,
    notes,
    roles: { AUTHORITY: [authority.slug], ...(subject ? { SUBJECT: [subject.slug] } : {}) },
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regulators' decisions: fines, bans, orders, approvals and blocks, and decisions named as such. */
export const regulatoryActionCues: FactCues = {
  cues: [
    { name: 'regulatory-action.fined', verbs: ['fine', 'penalize', 'penalise'], propose: (match) => decisionOf(match, 'fines') },
    { name: 'regulatory-action.banned', verbs: ['ban', 'bar', 'block', 'prohibit'], propose: (match) => decisionOf(match, 'bars') },
    { name: 'regulatory-action.ordered', verbs: ['order', 'rule', 'designate', 'approve', 'revoke'], propose: (match) => decisionOf(match, 'decides on') },
    {
      name: 'regulatory-action.decision',
      words: /\b(?:regulatory decision|fine of|penalty of|ruling|designation)\b/i,
      propose: (match) => decisionOf(match, 'decision on', false),
    },
  ],
};
