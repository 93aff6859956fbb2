import { citations, fuzzyDate, optional, prose, quotes, slug, type Shape } from '../../common/validation/rules';
import type { FactWrites, PartyReference, WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import type { StatementDoc } from '../source-import/source-document';
import { Statement } from './statement.entity';
import type { RecordStatementInput } from './statement.input';

const fields: Shape = { slug, speaker: slug, text: prose(5000), date: optional(fuzzyDate) };
const parties = (s: Pick<StatementDoc, 'speaker'>, path: string): PartyReference[] => [{ path: path ? `${path}.speaker` : 'speaker', slug: s.speaker }];

function writeStatement(writer: FactWriter, s: Omit<StatementDoc, 'quotes'>): Promise<Statement> {
  return writer.upsert(Statement, { slug: s.slug }, { speakerId: writer.party(s.speaker), text: s.text, date: date(s.date) });
}

export const statementWrites: FactWrites<StatementDoc> = {
  documentKey: 'statements',
  slugged: true,
  rules: { ...fields, quotes },
  parties,
  write: async (s, writer, scope) => {
    const row = await writeStatement(writer, s);
    await scope.cite(row, s.quotes);
    return row;
  },
};

export const recordStatement: WriteDeclaration<RecordStatementInput, Statement> = {
  action: 'recordStatement',
  rules: { ...fields, citations },
  check: async (input, checks) => {
    await checks.unused(Statement, 'slug', input.slug, 'statement');
    await checks.parties(parties(input, ''));
  },
  write: (input, writer) => writeStatement(writer, input),
  cited: (row) => row,
};
