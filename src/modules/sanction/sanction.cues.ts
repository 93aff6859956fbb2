import { ofKind, stated, type CueMatch, type CueProposal, type FactCues } from '../../common/facts/cues';
import { statusUpdate } from '../../common/writes/status-update';
import { SanctionStatus } from './sanction-status.enum';
import { Sanction } from './sanction.entity';

/** A sanction: the authority that imposes it and its target, the status its verb gives. */
function sanctionOf(match: CueMatch, status: SanctionStatus): CueProposal | null {
  const authorities = ofKind(match.parties, 'AUTHORITY');
  // "sanctions from Washington", "the Treasury imposed sanctions on ZTE": the authority is named, the target is the other party.
  const authority = authorities[0];
  const target = (match.passive ? match.before : match.after).find((party) => party.kind !== 'AUTHORITY') ?? match.parties.find((p) => p.kind !== 'AUTHORITY');
  if (!authority || !target) return null;
  const description = stated(match.quote, /[^,;.]*\bsanctions?\b[^,;.]*/i)?.trim() ?? match.quote;
  const fields: Record<string, unknown> = { target: target.slug, authority: authority.slug, description, status };
  const stating: Record<string, string> = { description, authority: authority.name };
  if (match.quote.includes(target.name) && target.start >= 0) stating.target = target.name;
  const notes: Record<string, string> = {};
  if (status !== SanctionStatus.UNKNOWN) stating.status = match.triggerText;
  else notes.status = 'UNKNOWN: the report mentions the sanctions without saying whether they are in effect';
  if (match.date) {
    fields.imposed = match.date.value;
    if (match.date.stated) stating.imposed = match.date.phrase;
    else notes.imposed = match.date.note;
  }
  return {
    title: `${authority.name} sanctions on ${target.name}`,
    fields,
    stated: stating,
    notes,
    roles: { AUTHORITY: [authority.slug], TARGET: [target.slug] },
  };
}

/** Sanctions imposed, lifted or threatened, and sanctions named as background ("crippling sanctions from Washington"). */
export const sanctionCues: FactCues = {
  statusField: 'status',
  statusStages: [[SanctionStatus.PROPOSED], [SanctionStatus.IN_EFFECT], [SanctionStatus.LIFTED]],
  statusUpdate: statusUpdate('updateSanctionStatus', Sanction, SanctionStatus, 'sanction'),
  vagueStatuses: [SanctionStatus.UNKNOWN],
  cues: [
    {
      name: 'sanction.imposed',
      verbs: ['impose', 'sanction', 'blacklist', 'slap'],
      // compromise may read the noun "sanctions" as a verb: only a verb form of it counts.
      propose: (match) => (/^sanctions?$/i.test(match.triggerText) ? null : sanctionOf(match, SanctionStatus.IN_EFFECT)),
    },
    {
      name: 'sanction.lifted',
      verbs: ['lift', 'ease', 'remove'],
      propose: (match) => (/\bsanction/i.test(match.quote) ? sanctionOf(match, SanctionStatus.LIFTED) : null),
    },
    {
      name: 'sanction.proposed',
      verbs: ['threaten', 'propose', 'consider'],
      propose: (match) => (/\bsanction/i.test(match.quote) ? sanctionOf(match, SanctionStatus.PROPOSED) : null),
    },
    { name: 'sanction.named', words: /\bsanctions\b/i, propose: (match) => sanctionOf(match, SanctionStatus.UNKNOWN) },
  ],
};
