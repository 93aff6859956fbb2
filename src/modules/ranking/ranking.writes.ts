import { int, line, list, object, optional, prose, quotes, slug } from '../../common/validation/rules';
import { factWrites } from '../../common/writes/declarations';
import { RankingEntry } from './ranking-entry.entity';
import { Ranking } from './ranking.entity';

/** Years a ranking can be of. */
export const RANKING_YEARS = [1800, 2200] as const;
/** Places in a ranking. */
export const RANKING_POSITION_MAX = 100_000;

export const rankingWrites = factWrites({
  documentKey: 'rankings',
  slugged: true,
  rules: {
    slug,
    name: line(300),
    year: optional(int(...RANKING_YEARS)),
    basis: optional(prose(2000)),
    dataFrom: optional(slug),
    quotes,
    entries: list(object({ party: slug, position: optional(int(1, RANKING_POSITION_MAX)), quotes }), {
      min: 1,
      max: 200,
      tooFew: 'must list at least one entry',
    }),
  },
  parties: (r, path) => [
    ...(r.dataFrom != null ? [{ path: `${path}.dataFrom`, slug: r.dataFrom, types: ['AUTHORITY' as const] }] : []),
    ...(Array.isArray(r.entries) ? r.entries.map((entry, i) => ({ path: `${path}.entries[${i}].party`, slug: entry?.party })) : []),
  ],
  write: async (r, writer, scope) => {
    const row = await writer.upsert(
      Ranking,
      { slug: r.slug },
      {
        name: r.name,
        year: r.year ?? null,
        basis: r.basis ?? null,
        dataFromId: r.dataFrom ? writer.party(r.dataFrom) : null,
      },
    );
    await scope.cite(row, r.quotes);
    for (const entry of r.entries) {
      const entryRow = await writer.upsert(RankingEntry, { rankingId: row.id, partyId: writer.party(entry.party) }, { position: entry.position ?? null });
      await scope.cite(entryRow, entry.quotes);
    }
    return row;
  },
});
