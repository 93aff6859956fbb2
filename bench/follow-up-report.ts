/** The seed's two patent suits, which a follow-up report restates. */
export const SEED_SUITS = ['huawei-v-verizon-patent-suit-rkq', 'huawei-v-verizon-patent-suit-wbt'];
/** The sentence a follow-up report states them by (its `n` makes each report's text its own). */
export const SETTLED_SENTENCE = 'Huawei and Verizon have settled both of the patent infringement suits';

/**
 * A seed item as a later source restates it: its fields without what only the seed's source says of
 * it (attribution, claimant, hedges, provenance), which the restating source states anew.
 */
export function withoutSaysWho<T extends Record<string, unknown>>(item: T): Omit<T, 'provenance' | 'attribution' | 'claimedBy' | 'hedges'> {
  const { provenance: _p, attribution: _a, claimedBy: _c, hedges: _h, ...rest } = item;
  return rest;
}

/**
 * The `n`-th follow-up of the seed report, as a source document for `importSource`: a new source
 * that states the seed's patent suits SETTLED (odd `n`) or FILED again (even `n`), so that every
 * report adds statements and change events (the change feed's tests and `npm run bench:live`).
 */
export function followUpReport(seed: { lawsuits?: { slug: string }[] }, n: number, { wire, publishedOn }: { wire: string; publishedOn: string }) {
  const quote = `${SETTLED_SENTENCE} (report ${n})`;
  const item = (slug: string) => ({
    ...withoutSaysWho(structuredClone(seed.lawsuits!.find((i) => i.slug === slug) as Record<string, unknown>)),
    status: n % 2 ? 'SETTLED' : 'FILED',
    quotes: [quote],
    attribution: 'REPORTED',
    provenance: { status: { basis: 'STATED', quotes: [quote] } },
  });
  const slug = wire.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    source: { slug: `${slug}-${n}`, title: `${wire} report`, publisher: wire, publishedOn, text: `${wire}. ${quote}.` },
    lawsuits: SEED_SUITS.map(item),
  };
}
