import { citations, fuzzyDate, oneOf, optional, prose, quotes, slug, type Shape } from '../../common/validation/rules';
import type { FactWrites, PartyReference, WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import type { SanctionDoc } from '../source-import/source-document';
import { SanctionStatus } from './sanction-status.enum';
import { Sanction } from './sanction.entity';
import type { RecordSanctionInput } from './sanction.input';

const fields: Shape = { slug, target: slug, authority: slug, description: prose(2000), imposed: optional(fuzzyDate), status: oneOf(SanctionStatus) };
const parties = (s: Pick<SanctionDoc, 'target' | 'authority'>, path: string): PartyReference[] => [
  { path: path ? `${path}.target` : 'target', slug: s.target },
  { path: path ? `${path}.authority` : 'authority', slug: s.authority, types: ['AUTHORITY'] },
];

function writeSanction(writer: FactWriter, s: Omit<SanctionDoc, 'quotes'>): Promise<Sanction> {
  return writer.upsert(Sanction, { slug: s.slug }, {
    targetId: writer.party(s.target),
    authorityId: writer.party(s.authority),
    description: s.description,
    imposed: date(s.imposed),
    status: s.status as SanctionStatus,
  });
}

export const sanctionWrites: FactWrites<SanctionDoc> = {
  documentKey: 'sanctions',
  slugged: true,
  rules: { ...fields, quotes },
  parties,
  write: async (s, writer, scope) => {
    const row = await writeSanction(writer, s);
    await scope.cite(row, s.quotes);
    return row;
  },
};

export const recordSanction: WriteDeclaration<RecordSanctionInput, Sanction> = {
  action: 'recordSanction',
  rules: { ...fields, citations },
  check: async (input, checks) => {
    await checks.unused(Sanction, 'slug', input.slug, 'sanction');
    await checks.parties(parties(input, ''));
  },
  write: (input, writer) => writeSanction(writer, input),
  cited: (row) => row,
};
