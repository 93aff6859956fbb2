import { citations, described, fuzzyDate, int, oneOf, optional, quotes, slug, type DocOf } from '../../common/validation/rules';
import { factWrites, type WriteDeclaration } from '../../common/writes/declarations';
import { date, type FactWriter } from '../../common/writes/fact-writer';
import { CountQualifier, PatentScope } from './patent-stat.enums';
import { PatentStat } from './patent-stat.entity';

/** The largest patent portfolios hold a few hundred thousand patents; ten million leaves room and stays far inside GraphQL's Int. */
export const PATENT_COUNT_MAX = 10_000_000;

/** A count's fields: a document's `patentStats[i]` and `recordPatentStat`'s input. */
export const patentStatFields = {
  holder: described(slug, 'Slug of the party holding the patents.'),
  scope: oneOf(PatentScope),
  count: described(int(0, PATENT_COUNT_MAX), 'How many patents (0 to 10,000,000).'),
  qualifier: optional(oneOf(CountQualifier)),
  asOf: described(optional(fuzzyDate), 'When the count held, as precise as the source.'),
};
const fields = patentStatFields;
const patentStatItem = { ...fields, quotes };

/** Stores a count by its natural key: holder, scope and date. */
function writePatentStat(writer: FactWriter, p: DocOf<typeof fields>): Promise<PatentStat> {
  const key = { holderId: writer.party(p.holder), scope: p.scope as PatentScope, asOf: date(p.asOf) };
  return writer.upsert(PatentStat, key, { count: p.count, qualifier: (p.qualifier ?? null) as CountQualifier | null });
}

export const patentStatWrites = factWrites({
  documentKey: 'patentStats',
  rules: patentStatItem,
  parties: (p, path) => [{ path: `${path}.holder`, slug: p.holder }],
  write: async (p, writer, scope) => {
    const row = await writePatentStat(writer, p);
    await scope.cite(row, p.quotes);
    return row;
  },
});

export const recordPatentStat: WriteDeclaration<DocOf<typeof fields>, PatentStat> = {
  action: 'recordPatentStat',
  rules: { ...fields, citations },
  check: (input, checks) => checks.parties([{ path: 'holder', slug: input.holder }]),
  write: (input, writer) => writePatentStat(writer, input),
  cited: (row) => row,
};
