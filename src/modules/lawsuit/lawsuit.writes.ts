import { citations, fuzzyDate, line, list, object, oneOf, optional, partySlugs, prose, quotes, slug, type Shape } from '../../common/validation/rules';
import { statusUpdate } from '../../common/writes/status-update';
import type { FactWrites, WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import { deriveDisputeStatuses } from '../dispute/dispute-status';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import type { LawsuitDoc } from '../source-import/source-document';
import { LawsuitParty } from './lawsuit-party.entity';
import { Lawsuit } from './lawsuit.entity';
import { CaseStatus, LawsuitKind, PartyRole } from './lawsuit.enums';
import type { FileLawsuitInput, UpdateLawsuitStatusInput } from './lawsuit.input';
import { echo } from '../../common/errors';

/** A case's own fields: `fileLawsuit`'s input and a document's `lawsuits[i]`. */
const fields: Shape = {
  slug,
  title: line(300),
  kind: oneOf(LawsuitKind),
  status: oneOf(CaseStatus),
  filed: optional(fuzzyDate),
  venue: optional(line(300)),
  summary: optional(prose(5000)),
  technologies: optional(list(line(300), { max: 50 })),
  challenges: optional(slug),
};

/** Stores a case by slug, with exactly these parties on each side. */
async function writeLawsuit(writer: FactWriter, l: Omit<LawsuitDoc, 'quotes'>, challengesId: number | null): Promise<Lawsuit> {
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

export const lawsuitWrites: FactWrites<LawsuitDoc> = {
  documentKey: 'lawsuits',
  slugged: true,
  rules: { ...fields, plaintiffs: partySlugs(1), defendants: partySlugs(1), quotes },
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
};

export const fileLawsuit: WriteDeclaration<FileLawsuitInput, Lawsuit, RegulatoryAction | null> = {
  action: 'fileLawsuit',
  rules: {
    ...fields,
    status: optional(oneOf(CaseStatus)),
    parties: list(object({ party: slug, role: oneOf(PartyRole) }), { min: 2, max: 50, tooFew: 'must list at least one PLAINTIFF and one DEFENDANT' }),
    citations,
  },
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
export const updateLawsuitStatus: WriteDeclaration<UpdateLawsuitStatusInput, Lawsuit> = statusUpdate(
  'updateLawsuitStatus',
  Lawsuit,
  CaseStatus,
  'lawsuit',
  (writer) => deriveDisputeStatuses(writer),
);
