import { line, list, object, oneOf, optional, pathOf, prose, quote, slug, type Problem, type Shape } from '../../common/validation/rules';
import type { CitedRow, PartyReference } from '../../common/writes/declarations';
import type { FactWriter } from '../../common/writes/fact-writer';
import { Attribution, Basis } from './attribution.enums';
import { FactAttribution } from './fact-attribution.entity';
import { FieldProvenance } from './field-provenance.entity';
import { echo } from '../../common/errors';

/**
 * Who says a fact is so, how the source hedges it, and where each of its values comes from, as a
 * document item or a mutation input carries them (every cited fact, whatever its type):
 * `attribution`, `claimedBy`, `hedges`, `provenance`. Checked and stored here, once for all types.
 */

/** The most hedges and provenance entries one fact may carry. */
const MAX_HEDGES = 20;
const MAX_PROVENANCE = 30;

/** One field's provenance, normalised: the document's `{ field: entry }` and the input's list both become these. */
export interface ProvenanceEntry {
  field: string;
  basis: Basis;
  quotes: string[];
  note: string | null;
}

export interface SaysWho {
  attribution: Attribution;
  claimedBy: string | null;
  hedges: string[];
  provenance: ProvenanceEntry[];
}

/** Rules shared by documents and inputs: the attribution, its claimant and the hedges. */
const attributionRules: Shape = {
  attribution: optional(oneOf(Attribution)),
  claimedBy: optional(slug),
  hedges: optional(list(line(100), { max: MAX_HEDGES })),
};

/** One provenance entry's basis and note (its quotes differ: strings in a document, citations in an input). */
const entryRules: Shape = { basis: oneOf(Basis), note: optional(prose(1000)) };

/** The says-who fields of a document item: `provenance` is an object keyed by field name, quotes are strings. */
export function saysWhoDocumentRules(asserts: readonly string[]): Shape {
  return {
    ...attributionRules,
    provenance: optional((value, path, problems) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return problems.push({ path, message: 'must be an object keyed by field name' }), undefined;
      const entries = Object.entries(value);
      if (entries.length > MAX_PROVENANCE) return problems.push({ path, message: `must have at most ${MAX_PROVENANCE} entries (got ${entries.length})` }), undefined;
      for (const [field, entry] of entries) {
        const at = pathOf(path, field);
        if (!asserts.includes(field)) problems.push({ path: at, message: `is not a field that asserts something here (one of ${asserts.join(', ')})` });
        object({ ...entryRules, quotes: optional(list(quote, { max: 20 })) })(entry, at, problems);
      }
    }),
  };
}

/** The says-who fields of a mutation input (CitedInput): `provenance` is a list, its quotes are citations. */
export const saysWhoInputRules: Shape = {
  ...attributionRules,
  provenance: optional(list(object({ ...entryRules, field: line(64), quotes: optional(list(object({ source: slug, quote }), { max: 20 })) }), { max: MAX_PROVENANCE })),
};

/**
 * Checks between the fields (whatever the path): a claimant exactly when claimed or alleged, each
 * field once, quotes for STATED, a note for INFERRED. Which fields may have an entry is checked by
 * the rules (a document's) or against the written row's type (a mutation's: says-who-input.ts).
 */
export function saysWhoConsistency(saysWho: SaysWho, path: string): Problem[] {
  const problems: Problem[] = [];
  const claimed = saysWho.attribution !== Attribution.REPORTED;
  if (claimed && !saysWho.claimedBy) problems.push({ path: pathOf(path, 'claimedBy'), message: `is required when attribution is ${saysWho.attribution}: who says so` });
  if (!claimed && saysWho.claimedBy) problems.push({ path: pathOf(path, 'claimedBy'), message: 'must be left out when attribution is REPORTED (the publication says so itself)' });
  const seen = new Set<string>();
  for (const entry of saysWho.provenance) {
    const at = pathOf(pathOf(path, 'provenance'), entry.field);
    if (seen.has(entry.field)) problems.push({ path: at, message: 'is given twice' });
    seen.add(entry.field);
    if (entry.basis === Basis.STATED && entry.quotes.length === 0) problems.push({ path: pathOf(at, 'quotes'), message: 'a STATED value needs the quotes that state it' });
    if (entry.basis === Basis.INFERRED && !entry.note) problems.push({ path: pathOf(at, 'note'), message: 'an INFERRED value needs a note saying what it was inferred from' });
  }
  return problems;
}

/** A document item's says-who, normalised; what is of the wrong shape is left out (its rules report it). */
export function saysWhoOfDocument(item: Record<string, unknown>): SaysWho {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const provenance = typeof item.provenance === 'object' && item.provenance !== null && !Array.isArray(item.provenance) ? (item.provenance as Record<string, unknown>) : {};
  return {
    attribution: typeof item.attribution === 'string' && item.attribution in Attribution ? (item.attribution as Attribution) : Attribution.REPORTED,
    claimedBy: typeof item.claimedBy === 'string' ? item.claimedBy : null,
    hedges: strings(item.hedges),
    provenance: Object.entries(provenance).flatMap(([field, entry]) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { basis, quotes, note } = entry as Record<string, unknown>;
      return [{ field, basis: basis as Basis, quotes: strings(quotes), note: typeof note === 'string' ? note : null }];
    }),
  };
}

/** The party a claim names, for the writer's party checks. */
export function claimantReference(saysWho: { claimedBy?: unknown }, path: string): PartyReference[] {
  return typeof saysWho.claimedBy === 'string' ? [{ path: pathOf(path, 'claimedBy'), slug: saysWho.claimedBy }] : [];
}

/** Hedges and provenance quotes must occur verbatim in the source text. */
export function verbatimProblems(saysWho: SaysWho, path: string, text: string): Problem[] {
  const problems: Problem[] = [];
  saysWho.hedges.forEach((hedge, i) => text.includes(hedge) || problems.push({ path: `${pathOf(path, 'hedges')}[${i}]`, message: `${echo(hedge)} does not occur verbatim in the source text` }));
  for (const entry of saysWho.provenance) {
    entry.quotes.forEach((q, i) => text.includes(q) || problems.push({ path: `${pathOf(pathOf(pathOf(path, 'provenance'), entry.field), 'quotes')}[${i}]`, message: `${echo(q)} does not occur verbatim in the source text` }));
  }
  return problems;
}

/** Stores who says a fact is so and how it is hedged: one attribution row, none for a REPORTED, unhedged fact. */
export async function writeAttribution(writer: FactWriter, row: CitedRow, saysWho: Omit<SaysWho, 'provenance'>): Promise<void> {
  const plain = saysWho.attribution === Attribution.REPORTED && saysWho.hedges.length === 0;
  const wanted = plain ? [] : [{ attribution: saysWho.attribution, claimedById: saysWho.claimedBy ? writer.party(saysWho.claimedBy) : null, hedges: saysWho.hedges }];
  await writer.replaceLinks(FactAttribution, { subjectType: row.nodeType, subjectId: row.id }, wanted, ['attribution', 'claimedById', 'hedges']);
}

/**
 * Stores a fact's provenance entries by field: exactly these (`replace`: a document states all of
 * a fact), or these beside the stored ones (a mutation changes what it names). Returns each
 * entry's row, for its quotes to be cited: they are citations of the entry, not of the fact
 * (the fact's own quotes stay its `citations`).
 */
export async function writeProvenance(writer: FactWriter, row: CitedRow, provenance: ProvenanceEntry[], { replace }: { replace: boolean }): Promise<{ entry: ProvenanceEntry; row: CitedRow }[]> {
  const subject = { subjectType: row.nodeType, subjectId: row.id };
  const entries = provenance.map(({ field, basis, quotes, note }) => ({ field, basis, quotes, note }));
  if (replace) await writer.replaceLinks(FieldProvenance, subject, entries, ['field', 'basis', 'quotes', 'note']);
  else for (const { field, ...values } of entries) await writer.upsert(FieldProvenance, { ...subject, field }, values);
  const stored = new Map((await writer.manager.getRepository(FieldProvenance).findBy(subject)).map((r) => [r.field, r.id]));
  return provenance.map((entry) => ({ entry, row: { nodeType: PROVENANCE_NODE_TYPE, id: stored.get(entry.field)! } }));
}

/** The subject type of a provenance entry's citations. */
export const PROVENANCE_NODE_TYPE = 'FieldProvenance';
