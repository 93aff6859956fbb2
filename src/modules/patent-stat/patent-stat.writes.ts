import { citations, fuzzyDate, int, oneOf, optional, quotes, slug, type Shape } from '../../common/validation/rules';
import type { FactWrites, WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import type { PatentStatDoc } from '../source-import/source-document';
import { CountQualifier, PatentScope } from './patent-stat.enums';
import { PatentStat } from './patent-stat.entity';
import type { RecordPatentStatInput } from './patent-stat.input';

/** The largest patent portfolios hold a few hundred thousand patents; ten million leaves room and stays far inside GraphQL's Int. */
export const PATENT_COUNT_MAX = 10_000_000;

const fields: Shape = {
  holder: slug,
  scope: oneOf(PatentScope),
  count: int(0, PATENT_COUNT_MAX),
  qualifier: optional(oneOf(CountQualifier)),
  asOf: optional(fuzzyDate),
};

/** Stores a count by its natural key: holder, scope and date. */
function writePatentStat(writer: FactWriter, p: Omit<PatentStatDoc, 'quotes'>): Promise<PatentStat> {
  const key = { holderId: writer.party(p.holder), scope: p.scope as PatentScope, asOf: date(p.asOf) };
  return writer.upsert(PatentStat, key, { count: p.count, qualifier: (p.qualifier ?? null) as CountQualifier | null });
}

export const patentStatWrites: FactWrites<PatentStatDoc> = {
  documentKey: 'patentStats',
  rules: { ...fields, quotes },
  parties: (p, path) => [{ path: `${path}.holder`, slug: p.holder }],
  write: async (p, writer, scope) => {
    const row = await writePatentStat(writer, p);
    await scope.cite(row, p.quotes);
    return row;
  },
};

export const recordPatentStat: WriteDeclaration<RecordPatentStatInput, PatentStat> = {
  action: 'recordPatentStat',
  rules: { ...fields, citations },
  check: (input, checks) => checks.parties([{ path: 'holder', slug: input.holder }]),
  write: (input, writer) => writePatentStat(writer, input),
  cited: (row) => row,
};
