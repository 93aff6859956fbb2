import { readFileSync } from 'node:fs';
import path from 'node:path';
import { factTypes } from '../../facts';
import { partyAsserts } from '../party/party.asserts';

/**
 * Says who, in the seed document itself (no database): every cited item gives each field that
 * asserts something a provenance entry, with quotes of the source or a note, and names who says so.
 * What the API answers about it is test/says-who.suite.ts.
 */
const seed = JSON.parse(readFileSync(path.resolve(__dirname, '../../../seeds/2020-02-06-huawei-verizon.json'), 'utf8'));
const text: string = seed.source.text;

type Item = Record<string, any>;
/** Every cited item of the seed with the fields that assert something for it, and its path. */
function citedItems(): { item: Item; path: string; asserts: readonly string[] }[] {
  const items: { item: Item; path: string; asserts: readonly string[] }[] = [];
  seed.parties.forEach((party: Item, i: number) => items.push({ item: party, path: `parties[${i}]`, asserts: partyAsserts[party.type] }));
  for (const fact of factTypes) {
    const key = fact.writes!.documentKey;
    (seed[key] ?? []).forEach((item: Item, i: number) => {
      items.push({ item, path: `${key}[${i}]`, asserts: fact.asserts });
      for (const [nested, asserts] of Object.entries(fact.nestedAsserts ?? {})) {
        (item[nested] ?? []).forEach((entry: Item, j: number) => items.push({ item: entry, path: `${key}[${i}].${nested}[${j}]`, asserts }));
      }
    });
  }
  return items;
}
const asserted = (value: unknown) => value != null && !(Array.isArray(value) && value.length === 0);

describe('says who: the seed, fact by fact', () => {
  const items = citedItems();

  it('covers every cited item of every registered type', () => {
    expect(items.length).toBeGreaterThan(40);
    for (const fact of factTypes) expect(`${fact.typeName}: ${(seed[fact.writes!.documentKey] ?? []).length > 0}`).toBe(`${fact.typeName}: true`);
  });

  it('gives every non-null asserting field exactly one provenance entry, and none to a field that asserts nothing', () => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const { item, path, asserts } of items) {
      const provenance = item.provenance ?? {};
      for (const field of asserts) if (asserted(item[field]) && !provenance[field]) missing.push(`${path}.${field}`);
      for (const field of Object.keys(provenance)) if (!asserts.includes(field) || !asserted(item[field])) extra.push(`${path}.provenance.${field}`);
    }
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('states a STATED value with quotes of the source, and says what an INFERRED one was inferred from', () => {
    for (const { item, path } of items) {
      for (const [field, entry] of Object.entries<Item>(item.provenance ?? {})) {
        if (entry.basis === 'STATED') expect(`${path}.${field}: ${(entry.quotes ?? []).length > 0}`).toBe(`${path}.${field}: true`);
        else expect(`${path}.${field}: ${entry.basis} ${typeof entry.note === 'string' && entry.note.length > 10}`).toBe(`${path}.${field}: INFERRED true`);
        for (const quote of entry.quotes ?? []) expect(`${path}.${field}: ${text.includes(quote)}`).toBe(`${path}.${field}: true`);
      }
    }
  });

  it('names who says so for every claim and allegation, and quotes every hedge verbatim', () => {
    for (const { item, path } of items) {
      const attribution = item.attribution ?? 'REPORTED';
      // A claimant is a stored party (claimedBy) or, when it is none, described in words (claimant).
      expect(`${path}: ${attribution === 'REPORTED' ? !item.claimedBy && !item.claimant : Boolean(item.claimedBy) !== Boolean(item.claimant)}`).toBe(
        `${path}: true`,
      );
      for (const hedge of item.hedges ?? []) expect(`${path}: ${text.includes(hedge)}`).toBe(`${path}: true`);
    }
  });
});
