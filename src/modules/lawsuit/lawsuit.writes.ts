import {
  citations,
  described,
  fuzzyDate,
  line,
  list,
  object,
  oneOf,
  optional,
  partySlugs,
  prose,
  quotes,
  slug,
  type DocOf,
} from '../../common/validation/rules';
import { statusUpdate } from '../../common/writes/status-update';
import { factWrites, type WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import { deriveDisputeStatuses } from '../dispute/dispute-status';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import { LawsuitParty } from './lawsuit-party.entity';
import { Lawsuit } from './lawsuit.entity';
import { CaseStatus, LawsuitKind, PartyRole } from './lawsuit.enums';
import { echo } from '../../common/errors';

/** A case's own fields: `fileLawsuit`'s input and a document's `lawsuits[i]`. */
const fields = {
  slug,
  title: line(300),
  kind: oneOf(LawsuitKind),
  status: oneOf(CaseStatus),
  filed: described(optional(fuzzyDate), 'As precise as the source: `2019-12`, `2020-02~` (approximately), `<2019-02~`.'),
  venue: described(optional(line(300)), 'Court or forum.'),
  summary: optional(prose(5000)),
  technologies: described(optional(list(line(300), { max: 50 })), 'Subject matter at issue (for patent suits, the technologies).'),
  challenges: described(optional(slug), 'Slug of the regulatory action the case challenges.'),
};

/** A party of `fileLawsuit` and its side (LawsuitPartyInput). */
const lawsuitPartyFields = { party: described(slug, 'Slug of a stored company, person or authority.'), role: oneOf(PartyRole) };

/**
 * `fileLawsuit`'s input (FileLawsuitInput, lawsuit.input.ts): the case's fields, with the status
 * FILED when left out and the parties with their sides.
 */
export const fileLawsuitFields = {
  slug: fields.slug,
  title: fields.title,
  kind: fields.kind,
  status: described(optional(oneOf(CaseStatus)), { defaultValue: CaseStatus.FILED }),
  filed: fields.filed,
  venue: fields.venue,
  summary: fields.summary,
  parties: described(
    list(object(lawsuitPartyFields, { name: 'LawsuitPartyInput', description: 'A party to a case and its side.' }), {
      min: 2,
      max: 50,
      tooFew: 'must list at least one PLAINTIFF and one DEFENDANT',
    }),
    'At least one PLAINTIFF and one DEFENDANT.',
  ),
  technologies: fields.technologies,
  challenges: fields.challenges,
};

/** `updateLawsuitStatus`'s input (UpdateLawsuitStatusInput). */
export const updateLawsuitStatusFields = { slug: described(slug, 'Slug of the case.'), status: oneOf(CaseStatus) };

/** A document's `lawsuits[i]`: the fields, the parties by side, and the quotes. */
const lawsuitItem = { ...fields, plaintiffs: partySlugs(1), defendants: partySlugs(1), quotes };
type LawsuitItem = DocOf<typeof lawsuitItem>;

/** Stores a case by slug, with exactly these parties on each side. */
async function writeLawsuit(writer: FactWriter, l: Omit<LawsuitItem, 'quotes'>, challengesId: number | null): Promise<Lawsuit> {
  const row = await writer.upsert(
    Lawsuit,
    { slug: l.slug },
    {
      title: l.title,
      kind: l.kind as LawsuitKind,
      status: l.status as CaseStatus,
      filed: date(l.filed),
      venue: l.venue ?? null,
      summary: l.summary ?? null,
      technologies: l.technologies ?? [],
      challengesId,
    },
  );
  const sides = [
    ...l.plaintiffs.map((party) => ({ partyId: writer.party(party), role: PartyRole.PLAINTIFF })),
    ...l.defendants.map((party) => ({ partyId: writer.party(party), role: PartyRole.DEFENDANT })),
  ];
  await writer.replaceLinks(LawsuitParty, { lawsuitId: row.id }, sides);
  return row;
}

export const lawsuitWrites = factWrites({
  documentKey: 'lawsuits',
  slugged: true,
  rules: lawsuitItem,
  parties: (l, path) => [
    ...(Array.isArray(l.plaintiffs) ? l.plaintiffs.map((party, i) => ({ path: `${path}.plaintiffs[${i}]`, slug: party })) : []),
    ...(Array.isArray(l.defendants) ? l.defendants.map((party, i) => ({ path: `${path}.defendants[${i}]`, slug: party })) : []),
  ],
  checkInDocument: (l, path, scope) =>
    l.challenges != null && !scope.slugsOf('regulatoryActions').has(l.challenges)
      ? [{ path: `${path}.challenges`, message: `unknown regulatory action ${echo(l.challenges)}: list it under regulatoryActions` }]
      : [],
  write: async (l, writer, scope) => {
    const row = await writeLawsuit(writer, l, l.challenges ? scope.idOf('regulatoryActions', l.challenges)! : null);
    await scope.cite(row, l.quotes);
    return row;
  },
});

export const fileLawsuit: WriteDeclaration<DocOf<typeof fileLawsuitFields>, Lawsuit, RegulatoryAction | null> = {
  action: 'fileLawsuit',
  rules: { ...fileLawsuitFields, citations },
  check: async (input, checks) => {
    await checks.unused(Lawsuit, 'slug', input.slug, 'lawsuit');
    const sides = new Set(input.parties.map((p) => p.role));
    if (!sides.has(PartyRole.PLAINTIFF) || !sides.has(PartyRole.DEFENDANT)) checks.report('parties', 'must list at least one PLAINTIFF and one DEFENDANT');
    await checks.parties(input.parties.map((p, i) => ({ path: `parties[${i}].party`, slug: p.party })));
    return input.challenges ? checks.existing(RegulatoryAction, 'challenges', input.challenges, 'regulatory action') : null;
  },
  write: (input, writer, challenged) =>
    writeLawsuit(
      writer,
      {
        ...input,
        status: input.status ?? CaseStatus.FILED,
        technologies: input.technologies ?? [],
        plaintiffs: input.parties.filter((p) => p.role === PartyRole.PLAINTIFF).map((p) => p.party),
        defendants: input.parties.filter((p) => p.role === PartyRole.DEFENDANT).map((p) => p.party),
      },
      challenged?.id ?? null,
    ),
  cited: (row) => row,
  afterWrite: (writer) => deriveDisputeStatuses(writer),
};

/** A suit's status, as a later source states it (its statement in `provenance`; the earlier one stays as history). */
export const updateLawsuitStatus: WriteDeclaration<DocOf<typeof updateLawsuitStatusFields>, Lawsuit> = statusUpdate(
  'updateLawsuitStatus',
  Lawsuit,
  CaseStatus,
  'lawsuit',
  (writer) => deriveDisputeStatuses(writer),
);
