import { citations, fuzzyDate, optional, prose, quotes, slug, type Shape } from '../../common/validation/rules';
import type { FactWrites, PartyReference, WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import type { RegulatoryActionDoc } from '../source-import/source-document';
import { RegulatoryAction } from './regulatory-action.entity';
import type { RecordRegulatoryActionInput } from './regulatory-action.input';

const fields: Shape = { slug, authority: slug, subject: optional(slug), description: prose(2000), date: optional(fuzzyDate) };
const parties = (a: Pick<RegulatoryActionDoc, 'authority' | 'subject'>, path: string): PartyReference[] => [
  { path: path ? `${path}.authority` : 'authority', slug: a.authority, types: ['AUTHORITY'] },
  ...(a.subject != null ? [{ path: path ? `${path}.subject` : 'subject', slug: a.subject }] : []),
];

function writeRegulatoryAction(writer: FactWriter, a: Omit<RegulatoryActionDoc, 'quotes'>): Promise<RegulatoryAction> {
  return writer.upsert(RegulatoryAction, { slug: a.slug }, {
    authorityId: writer.party(a.authority),
    subjectId: a.subject ? writer.party(a.subject) : null,
    description: a.description,
    date: date(a.date),
  });
}

export const regulatoryActionWrites: FactWrites<RegulatoryActionDoc> = {
  documentKey: 'regulatoryActions',
  slugged: true,
  rules: { ...fields, quotes },
  parties,
  write: async (a, writer, scope) => {
    const row = await writeRegulatoryAction(writer, a);
    await scope.cite(row, a.quotes);
    return row;
  },
};

export const recordRegulatoryAction: WriteDeclaration<RecordRegulatoryActionInput, RegulatoryAction> = {
  action: 'recordRegulatoryAction',
  rules: { ...fields, citations },
  check: async (input, checks) => {
    await checks.unused(RegulatoryAction, 'slug', input.slug, 'regulatory action');
    await checks.parties(parties(input, ''));
  },
  write: (input, writer) => writeRegulatoryAction(writer, input),
  cited: (row) => row,
};
