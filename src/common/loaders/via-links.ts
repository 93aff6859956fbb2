import type { Loaders } from './loaders';

/**
 * The facts a party is linked to through a fact's link rows (`negotiation_party`), in the order of
 * the links: the links by party, then the facts by id, each one batch for every party of a request.
 */
export async function factsViaLinks<L extends { id: number; partyId: number }, F extends { id: number }>(
  loaders: Loaders,
  link: abstract new () => L,
  factKey: keyof L & string,
  fact: abstract new () => F,
  partyId: number,
): Promise<F[]> {
  const links = await loaders.manyBy<L>(link, 'partyId').load(partyId);
  const facts = await loaders.byId<F>(fact).loadMany(links.map((row) => row[factKey] as number));
  return facts.filter((f): f is F => f instanceof fact);
}
