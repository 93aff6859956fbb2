import { ofKind, stated, type CueMatch, type CueParty, type CueProposal, type FactCues } from '../../common/facts/cues';
import { CaseStatus, LawsuitKind } from './lawsuit.enums';
import { updateLawsuitStatus } from './lawsuit.writes';

/** What a case is about, from the words of its sentence. */
function kindOf(quote: string): { kind: LawsuitKind; words?: string } {
  const rules: [RegExp, LawsuitKind][] = [
    [/\bextradit\w*/i, LawsuitKind.EXTRADITION],
    [/\b(?:fraud|criminal|indict\w*|prosecut\w*|charges?)\b/i, LawsuitKind.CRIMINAL],
    [/\bpatent\w*(?: infringement)?/i, LawsuitKind.PATENT_INFRINGEMENT],
    [/\b(?:antitrust|competition|monopol\w*)\b/i, LawsuitKind.ANTITRUST],
    [/\b(?:overturn|regulatory decision|ban|blacklist\w*|rule|order)\b/i, LawsuitKind.REGULATORY_CHALLENGE],
    [/\b(?:contract|breach of contract)\b/i, LawsuitKind.CONTRACT],
  ];
  for (const [pattern, kind] of rules) {
    const words = stated(quote, pattern);
    if (words) return { kind, words };
  }
  return { kind: LawsuitKind.OTHER };
}

const title = (plaintiff: CueParty, defendant: CueParty, kind: LawsuitKind) =>
  kind === LawsuitKind.EXTRADITION
    ? `Extradition of ${defendant.name}`
    : kind === LawsuitKind.CRIMINAL
      ? `${plaintiff.name} v. ${defendant.name} (charges)`
      : `${plaintiff.name} v. ${defendant.name}`;

/** A case between the subject (acting) party and the party acted upon, with the status the verb gives. */
function caseOf(match: CueMatch, status: CaseStatus, plaintiff: CueParty | undefined, defendant: CueParty | undefined): CueProposal | null {
  if (!plaintiff || !defendant || plaintiff.slug === defendant.slug) return null;
  const { kind, words } = kindOf(match.quote);
  const stating: Record<string, string> = { status: match.triggerText };
  if (words) stating.kind = words;
  if (match.quote.includes(plaintiff.name)) stating.plaintiffs = plaintiff.name;
  if (match.quote.includes(defendant.name)) stating.defendants = defendant.name;
  const fields: Record<string, unknown> = {
    title: title(plaintiff, defendant, kind),
    kind,
    status,
    plaintiffs: [plaintiff.slug],
    defendants: [defendant.slug],
    summary: match.quote,
  };
  stating.summary = match.quote;
  const notes: Record<string, string> = {};
  if (status === CaseStatus.FILED) {
    fields.filed = match.date ? match.date.value : `<=${match.published}`;
    if (match.date?.stated) stating.filed = match.date.phrase;
    else notes.filed = match.date ? match.date.note : `“${match.triggerText}” in a report dated ${match.published}; the report gives no filing date`;
  }
  // "two lawsuits", "both of the suits": as many cases.
  const count = /\b(two|three|four|five|both)\b[\w\s-]{0,40}\b(?:lawsuits|suits|cases|complaints)\b/i.exec(match.quote)?.[1].toLowerCase();
  return {
    copies: count === 'both' ? 2 : count ? ['two', 'three', 'four', 'five'].indexOf(count) + 2 : 1,
    title: String(fields.title),
    fields,
    stated: stating,
    notes,
    roles: { PLAINTIFF: [plaintiff.slug], DEFENDANT: [defendant.slug] },
    allegedBy: 'PLAINTIFF',
    subject: kind === LawsuitKind.OTHER ? null : kind,
  };
}

/**
 * A case of which the sentence names only the defendant ("her extradition case", "prosecutors charged
 * Meng"): no new case (its other side is unknown), but a word on the stored case against that party.
 */
function caseAgainst(match: CueMatch, defendant: CueParty | undefined, kind: LawsuitKind, status: CaseStatus): CueProposal | null {
  if (!defendant) return null;
  const stating: Record<string, string> = { status: match.triggerText };
  return {
    title: `${defendant.name} (${kind.toLowerCase()})`,
    fields: { kind, status, defendants: [defendant.slug] },
    stated: stating,
    roles: { DEFENDANT: [defendant.slug] },
    subject: kind,
    updateOnly: true,
  };
}

// A court and its people decide; they are not a side of the case they decide.
const COURT = /\b(?:court|tribunal|judge|justices?)\b/i;

/** The acting party (before the verb) and the party acted on (after it), swapped for a passive verb. */
function sides(match: CueMatch): [CueParty | undefined, CueParty | undefined] {
  const subject = match.before[match.before.length - 1] ?? match.before[0];
  const object = match.after[0];
  return match.passive ? [object, subject] : [subject, object];
}

/** The two parties of a case that ended: any two named, in the order written. */
function ended(match: CueMatch, status: CaseStatus): CueProposal | null {
  const named = match.parties.filter((party, i, all) => all.findIndex((p) => p.slug === party.slug) === i);
  if (named.length < 2) return null;
  const proposal = caseOf(match, status, named[0], named[1]);
  if (!proposal) return null;
  // A settlement names both sides but not which sued: the store's suit between them is matched in either order.
  return { ...proposal, roles: { ANY: [named[0].slug, named[1].slug] }, allegedBy: undefined };
}

/**
 * Cases: suits filed, settled, dismissed or withdrawn, charges and extraditions. The acting party
 * of "sued"/"filed … against" is the plaintiff; of "charged"/"indicted" the prosecuting authority.
 */
export const lawsuitCues: FactCues = {
  statusField: 'status',
  statusStages: [
    [CaseStatus.FILED],
    [CaseStatus.PENDING],
    [CaseStatus.DECIDED, CaseStatus.DISMISSED],
    [CaseStatus.APPEALED],
    [CaseStatus.SETTLED, CaseStatus.WITHDRAWN],
  ],
  statusUpdate: updateLawsuitStatus,
  vagueStatuses: [CaseStatus.UNKNOWN],
  subjectColumn: 'kind',
  cues: [
    {
      name: 'lawsuit.sued',
      verbs: ['sue', 'countersue'],
      propose: (match) => caseOf(match, CaseStatus.FILED, ...sides(match)),
    },
    {
      name: 'lawsuit.filed',
      verbs: ['file', 'bring', 'launch'],
      propose: (match) => {
        if (!/\b(?:lawsuits?|suits?|complaints?|case|cases|claims?)\b/i.test(match.quote.slice(match.at))) return null;
        const plaintiff = match.before[match.before.length - 1] ?? match.before[0];
        const against = /\bagainst\b/i.exec(match.quote.slice(match.at));
        const defendant = against ? match.after.find((party) => party.start > match.at + against.index) : match.after[0];
        return caseOf(match, CaseStatus.FILED, plaintiff, defendant);
      },
    },
    {
      name: 'lawsuit.charged',
      verbs: ['charge', 'indict', 'prosecute'],
      propose: (match) => {
        const [actor, accused] = sides(match);
        const authority = actor?.kind === 'AUTHORITY' ? actor : ofKind(match.parties, 'AUTHORITY')[0];
        const defendant = accused?.kind === 'AUTHORITY' ? undefined : accused;
        const proposal = caseOf(match, CaseStatus.PENDING, authority, defendant);
        if (!proposal) return authority ? null : caseAgainst(match, defendant, LawsuitKind.CRIMINAL, CaseStatus.PENDING);
        return { ...proposal, fields: { ...proposal.fields, kind: LawsuitKind.CRIMINAL }, subject: LawsuitKind.CRIMINAL };
      },
    },
    {
      name: 'lawsuit.charges',
      words: /\b(?:fraud|criminal|corruption|bribery|espionage)?\s?charges\b/i,
      propose: (match) => {
        const accused = ofKind(match.parties, 'PERSON')[0] ?? match.parties.find((party) => party.kind === 'COMPANY');
        const authority = ofKind(match.parties, 'AUTHORITY')[0];
        const proposal = caseOf(match, CaseStatus.PENDING, authority, accused);
        return proposal && { ...proposal, fields: { ...proposal.fields, kind: LawsuitKind.CRIMINAL }, subject: LawsuitKind.CRIMINAL };
      },
    },
    {
      name: 'lawsuit.extradition',
      words: /\bextradit(?:ion|ed|e)\b/i,
      propose: (match) => {
        const person = ofKind(match.parties, 'PERSON')[0];
        const state = ofKind(match.after, 'AUTHORITY')[0] ?? ofKind(match.parties, 'AUTHORITY')[0];
        const proposal = caseOf(match, CaseStatus.PENDING, state, person);
        if (!proposal) return state ? null : caseAgainst(match, person, LawsuitKind.EXTRADITION, CaseStatus.PENDING);
        return {
          ...proposal,
          fields: { ...proposal.fields, kind: LawsuitKind.EXTRADITION, title: `Extradition of ${person.name}` },
          subject: LawsuitKind.EXTRADITION,
        };
      },
    },
    { name: 'lawsuit.settled', verbs: ['settle'], propose: (match) => ended(match, CaseStatus.SETTLED) },
    {
      name: 'lawsuit.dismissed',
      verbs: ['dismiss', 'throw'],
      propose: (match) => (/\b(?:suits?|lawsuits?|case|cases|claims?|charges)\b/i.test(match.quote) ? ended(match, CaseStatus.DISMISSED) : null),
    },
    {
      // "challenged the ban in court", "appealed the ruling at the High Court": a case brought against the decision's author.
      name: 'lawsuit.challenged',
      verbs: ['challenge', 'contest', 'appeal'],
      propose: (match) => {
        if (!COURT.test(match.quote)) return null;
        const sides = match.parties.filter((party) => !COURT.test(party.name));
        const plaintiff = sides.filter((party) => party.start < match.at).at(-1);
        const defendant = sides.find((party) => party.start > match.at && party.slug !== plaintiff?.slug && party.kind === 'AUTHORITY');
        return caseOf(match, CaseStatus.FILED, plaintiff, defendant);
      },
    },
    {
      // A court's decision on a case between two parties: "a ruling that upheld the regulator's decision".
      name: 'lawsuit.decided',
      verbs: ['uphold', 'overturn', 'overrule', 'quash'],
      words: /\b(?:ruling|verdict|judgment)\b/i,
      propose: (match) => {
        // "seeking to overturn", "would overturn": an aim, not a decision.
        if (/\b(?:to|will|would|could|may|might|should)\s+$/i.test(match.quote.slice(0, match.at))) return null;
        const sides = { ...match, parties: match.parties.filter((party) => !COURT.test(party.name)) };
        return ended(sides, CaseStatus.DECIDED);
      },
    },
    {
      name: 'lawsuit.withdrawn',
      verbs: ['withdraw', 'drop'],
      propose: (match) => (/\b(?:suits?|lawsuits?|case|cases|claims?|charges)\b/i.test(match.quote) ? ended(match, CaseStatus.WITHDRAWN) : null),
    },
  ],
};
