import { assertsOf } from '../../facts';
import { Attribution, type Basis } from '../../modules/attribution/attribution.enums';
import { saysWhoConsistency, writeAttribution, writeProvenance, type SaysWho } from '../../modules/attribution/attribution.writes';
import type { CitedRow } from './declarations';
import type { CitedSource, FactWriter } from './fact-writer';
import { invalidArguments, type WriteChecks } from './write-checks';
import { echo } from '../errors';

/** What every cited mutation input carries besides its own fields (CitedInput). */
export interface CitedInputFields {
  citations: { source: string; quote: string }[];
  attribution?: Attribution | null;
  claimedBy?: string | null;
  hedges?: string[] | null;
  provenance?: { field: string; basis: Basis; quotes?: { source: string; quote: string }[] | null; note?: string | null }[] | null;
}

/** A mutation's says-who, checked against the store, with its provenance quotes' sources. */
export interface CheckedSaysWho {
  saysWho: SaysWho;
  /** The input gives an attribution, claimant or hedges (else the stored ones stay). */
  attributed: boolean;
  /** Each provenance entry's quotes, with their stored sources. */
  quotes: { source: CitedSource; quote: string }[][];
}

/**
 * Checks an input's says-who against the store (null when it gives none, so an update keeps what
 * is stored): its claimant is a stored party, each provenance quote occurs verbatim in its
 * stored source, each hedge in the text of one of the input's cited sources.
 */
export async function checkSaysWho(input: CitedInputFields, citations: { source: CitedSource }[], checks: WriteChecks): Promise<CheckedSaysWho | null> {
  if (input.attribution == null && input.claimedBy == null && input.hedges == null && input.provenance == null) return null;
  const saysWho: SaysWho = {
    attribution: input.attribution ?? Attribution.REPORTED,
    claimedBy: input.claimedBy ?? null,
    hedges: input.hedges ?? [],
    provenance: (input.provenance ?? []).map((entry) => ({ field: entry.field, basis: entry.basis, quotes: (entry.quotes ?? []).map((q) => q.quote), note: entry.note ?? null })),
  };
  for (const problem of saysWhoConsistency(saysWho, '')) checks.report(problem.path, problem.message);
  if (saysWho.claimedBy) await checks.parties([{ path: 'claimedBy', slug: saysWho.claimedBy }]);
  const texts = citations.map((c) => c.source.text);
  saysWho.hedges.forEach((hedge, i) => texts.some((text) => text.includes(hedge)) || checks.report(`hedges[${i}]`, `${echo(hedge)} does not occur verbatim in the text of any source this input cites`));
  const quotes: CheckedSaysWho['quotes'] = [];
  for (const [i, entry] of (input.provenance ?? []).entries()) quotes.push(await checks.citations(entry.quotes ?? [], `provenance[${i}].quotes`));
  return { saysWho, quotes, attributed: input.attribution != null || input.claimedBy != null || input.hedges != null };
}

/** Stores a mutation's says-who for the row it wrote: provenance entries by field, beside the stored ones. */
export async function writeInputSaysWho(writer: FactWriter, row: CitedRow, { saysWho, quotes, attributed }: CheckedSaysWho): Promise<void> {
  const asserts = assertsOf(row.nodeType) ?? [];
  const unknown = saysWho.provenance.flatMap((entry, i) => (asserts.includes(entry.field) ? [] : [{ path: `provenance[${i}].field`, message: `${echo(entry.field)} is not a field of a ${row.nodeType} that asserts something (one of ${asserts.join(', ')})` }]));
  // Thrown inside the transaction: nothing of this write is kept.
  if (unknown.length) throw invalidArguments(unknown);
  if (attributed) await writeAttribution(writer, row, saysWho);
  const entries = await writeProvenance(writer, row, saysWho.provenance, { replace: false });
  for (const [i, { row: entryRow }] of entries.entries()) for (const { source, quote } of quotes[i]) await writer.cite(entryRow, source, [quote]);
}
