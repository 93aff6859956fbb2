import type { FactWrites } from '../../common/writes/declarations';
import type { RegisteredFactTypes } from '../../facts';
import type { PartyDoc } from '../party/party.writes';
import type { sourceRules } from '../source/source.writes';
import type { DocOf } from '../../common/validation/rules';

export type { PartyDoc } from '../party/party.writes';

/**
 * Who says so, which every item of a document may add to its fields and `quotes`
 * (attribution.writes.ts checks and stores these the same way for every kind of fact).
 */
export interface SaysWho {
  attribution?: string | null;
  claimedBy?: string | null;
  claimant?: string | null;
  hedges?: string[] | null;
  /** By field name (FactType.asserts): `{ basis: 'STATED', quotes }` or `{ basis: 'INFERRED', note }`. */
  provenance?: Record<string, { basis: string; quotes?: string[] | null; note?: string | null }> | unknown[] | null;
}

type Registered = RegisteredFactTypes[number];
/** A fact type's document key (`lawsuits`) and item type, as its writes declare them (inferred from their rules). */
type KeyOf<F> = F extends { writes: FactWrites<any, infer K> } ? K : never;
type ItemOf<F> = F extends { writes: FactWrites<infer D, any> } ? D & SaysWho : never;

/** A document's item of each fact type, by document key: `DocumentItem<'lawsuits'>`. */
export type DocumentItems = { [F in Registered as KeyOf<F>]: ItemOf<F> };
export type DocumentItem<K extends keyof DocumentItems> = DocumentItems[K];

/**
 * A source document: one source text and every fact taken from it, each with the verbatim
 * quotes that state it. The files in seeds/ are in this format; so is `importSource` input.
 * Facts refer to parties by slug; parties may be defined in the same document or already stored.
 * Its keys and item types are the registry's (src/facts.ts), each item's type inferred from its
 * fact's rules: nothing here is written out per fact.
 */
export type SourceDocument = {
  source: DocOf<typeof sourceRules>;
  parties?: (PartyDoc & SaysWho)[];
} & { [K in keyof DocumentItems]?: DocumentItems[K][] };
