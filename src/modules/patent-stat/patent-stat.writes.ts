import { fuzzyDate, int, oneOf, optional, quotes, slug } from '../../common/validation/rules';
import type { FactWrites } from '../../common/writes/declarations';
import { date } from '../../common/writes/fact-writer';
import type { PatentStatDoc } from '../source-import/source-document';
import { CountQualifier, PatentScope } from './patent-stat.enums';
import { PatentStat } from './patent-stat.entity';

/** The largest patent portfolios hold a few hundred thousand patents; ten million leaves room and stays far inside GraphQL's Int. */
export const PATENT_COUNT_MAX = 10_000_000;

export const patentStatWrites: FactWrites<PatentStatDoc> = {
  documentKey: 'patentStats',
  rules: { holder: slug, scope: oneOf(PatentScope), count: int(0, PATENT_COUNT_MAX), qualifier: optional(oneOf(CountQualifier)), asOf: optional(fuzzyDate), quotes },
  parties: (p, path) => [{ path: `${path}.holder`, slug: p.holder }],
  write: async (p, writer, scope) => {
    const key = { holderId: writer.party(p.holder), scope: p.scope as PatentScope, asOf: date(p.asOf) };
    const row = await writer.upsert(PatentStat, key, { count: p.count, qualifier: (p.qualifier ?? null) as CountQualifier | null });
    await scope.cite(row, p.quotes);
    return row;
  },
};
