import { stated, type CueMatch, type CueProposal, type FactCues } from '../../common/facts/cues';
import { statusUpdate } from '../../common/writes/status-update';
import { LicensingNegotiation } from './licensing-negotiation.entity';
import { NegotiationStatus } from './negotiation-status.enum';

const STATUS_WORDS: [RegExp, NegotiationStatus][] = [
  [/\b(?:fail\w*|collapsed|broke down|breakdown|could not agree|no agreement)\b/i, NegotiationStatus.FAILED],
  [/\b(?:agreed|signed|reached (?:a|an) [\w\s-]*(?:agreement|deal)|concluded|struck (?:a|an) [\w\s-]*deal)\b/i, NegotiationStatus.CONCLUDED],
  [/\b(?:discuss\w*|negotiat\w*|in talks|talks)\b/i, NegotiationStatus.ONGOING],
];

/** Licensing talks between every company named: their status from the words around "licensing". */
function talksOf(match: CueMatch): CueProposal | null {
  // Companies license patents; a person or a government named in the sentence is not a side of the talks.
  const parties = match.parties.filter((party) => party.kind === 'COMPANY').filter((party, i, all) => all.findIndex((p) => p.slug === party.slug) === i);
  if (parties.length < 2) return null;
  const subject = stated(match.quote, /\blicens\w*[^,;.]*/i)?.trim() ?? match.triggerText;
  let status = NegotiationStatus.UNKNOWN;
  let statusWords: string | undefined;
  for (const [pattern, value] of STATUS_WORDS) {
    statusWords = stated(match.quote, pattern);
    if (statusWords) {
      status = value;
      break;
    }
  }
  const stating: Record<string, string> = { subject, summary: match.quote };
  if (statusWords) stating.status = statusWords;
  const notes: Record<string, string> = {
    parties: 'the companies named in the sentence about licensing; the report does not list who negotiated',
  };
  if (!statusWords) notes.status = 'UNKNOWN: the sentence does not say how the talks stand';
  const fields: Record<string, unknown> = { subject: subject.slice(0, 500), status, summary: match.quote, parties: parties.map((p) => p.slug) };
  if (match.date && /^>=?/.test(match.date.value)) {
    // "in talks since March": they started then, or after.
    fields.started = match.date.value;
    if (match.date.stated) stating.started = match.date.phrase;
    else notes.started = match.date.note;
  } else if (match.date) {
    fields.started = `<=${match.date.value.replace(/^[<>]=?/, '').replace(/~$/, '')}`;
    notes.started = `the talks were under way by ${match.date.note}`;
  }
  return {
    title: `${parties.map((p) => p.name).join(', ')} licensing`,
    fields,
    stated: stating,
    notes,
    roles: { PARTY: parties.map((p) => p.slug) },
  };
}

/** Licensing talks: agreed, failed or under way. */
export const negotiationCues: FactCues = {
  statusField: 'status',
  statusStages: [[NegotiationStatus.ONGOING], [NegotiationStatus.FAILED, NegotiationStatus.CONCLUDED]],
  statusUpdate: statusUpdate('updateNegotiationStatus', LicensingNegotiation, NegotiationStatus, 'negotiation'),
  vagueStatuses: [NegotiationStatus.UNKNOWN],
  cues: [{ name: 'negotiation.licensing', words: /\blicens(?:ing|e|es)\b(?:\s+(?:terms|talks|deal|agreement|negotiations|of))?/i, propose: talksOf }],
};
