import { assertsOf, factEntityOf } from '../../facts';
import { Attribution, type Basis } from '../../common/citation/attribution.enums';
import { saysWhoConsistency, writeAttribution, writeProvenance, type ProvenanceEntry, type SaysWho } from './attribution.writes';
import type { CitedRow } from '../../common/writes/declarations';
import type { CitedSource, FactWriter } from '../../common/writes/fact-writer';
import { invalidArguments, type WriteChecks } from '../../common/writes/write-checks';
import { echo } from '../../common/errors';

/** What every cited mutation input carries besides its own fields (CitedInput). */
export interface CitedInputFields {
  citations: { source: string; quote: string }[];
  attribution?: Attribution | null;
  claimedBy?: string | null;
  claimant?: string | null;
  hedges?: string[] | null;
  provenance?:
    { field: string; basis: Basis; quotes?: { source: string; quote: string }[] | null; note?: string | null; rank?: ProvenanceEntry['rank'] }[] | null;
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
  if (input.attribution == null && input.claimedBy == null && input.claimant == null && input.hedges == null && input.provenance == null) return null;
  const saysWho: SaysWho = {
    attribution: input.attribution ?? Attribution.REPORTED,
    claimedBy: input.claimedBy ?? null,
    claimant: input.claimant ?? null,
    hedges: input.hedges ?? [],
    provenance: (input.provenance ?? []).map((entry) => ({
      field: entry.field,
      basis: entry.basis,
      quotes: (entry.quotes ?? []).map((q) => q.quote),
      note: entry.note ?? null,
      rank: entry.rank ?? null,
    })),
  };
  for (const problem of saysWhoConsistency(saysWho, '')) checks.report(problem.path, problem.message);
  if (saysWho.claimedBy) await checks.parties([{ path: 'claimedBy', slug: saysWho.claimedBy }]);
  const texts = citations.map((c) => c.source.text);
  saysWho.hedges.forEach(
    (hedge, i) =>
      texts.some((text) => text.includes(hedge)) ||
      checks.report(`hedges[${i}]`, `${echo(hedge)} does not occur verbatim in the text of any source this input cites`),
  );
  const quotes: CheckedSaysWho['quotes'] = [];
  for (const [i, entry] of (input.provenance ?? []).entries()) quotes.push(await checks.citations(entry.quotes ?? [], `provenance[${i}].quotes`));
  return { saysWho, quotes, attributed: input.attribution != null || input.claimedBy != null || input.claimant != null || input.hedges != null };
}

/**
 * Stores a mutation's says-who for the row it wrote: its provenance entries as statements beside
 * the stored ones (an INFERRED entry without quotes is dated by the latest source the input
 * cites), and refuses a change of a stored field that carries no statement (updates never lie).
 */
export async function writeInputSaysWho(
  writer: FactWriter,
  row: CitedRow,
  input: unknown,
  checked: CheckedSaysWho | null,
  citations: { source: CitedSource }[],
): Promise<void> {
  const asserts = assertsOf(row.nodeType) ?? [];
  const provenance = checked?.saysWho.provenance ?? [];
  const unknown = provenance.flatMap((entry, i) =>
    asserts.includes(entry.field)
      ? []
      : [
          {
            path: `provenance[${i}].field`,
            message: `${echo(entry.field)} is not a field of a ${row.nodeType} that asserts something (one of ${asserts.join(', ')})`,
          },
        ],
  );
  // Thrown inside the transaction: nothing of this write is kept.
  if (unknown.length) throw invalidArguments(unknown);
  if (checked?.attributed) await writeAttribution(writer, row, checked.saysWho);
  const entries = provenance.map((entry, i) => ({ entry, quotes: checked!.quotes[i] }));
  const sources = citations.map((c) => c.source);
  const problems = await writeProvenance(writer, row, entries, {
    given: input as Record<string, unknown>,
    asserts,
    path: '',
    entity: factEntityOf(row.nodeType),
    cited: sources,
  });
  if (problems.length) throw invalidArguments(problems);
}
