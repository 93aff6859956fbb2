import { line, list, object, oneOf, optional, pathOf, prose, quote, slug, type Problem, type Shape } from '../../common/validation/rules';
import type { CitedRow, PartyReference } from '../../common/writes/declarations';
import type { CitedSource, FactWriter } from '../../common/writes/fact-writer';
import { StatementRank } from '../../common/citation/field-statement.enums';
import { publishedOn, STATEMENT_NODE_TYPE, unstatedChanges, writeStatements, type StatementEntry } from '../field-statement/field-statement.writes';
import { Attribution, Basis } from '../../common/citation/attribution.enums';
import { FactAttribution } from './fact-attribution.entity';
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
  /** How the statement counts (a mutation may prefer or deprecate one; a document's are NORMAL). */
  rank?: StatementRank | null;
}

export interface SaysWho {
  attribution: Attribution;
  claimedBy: string | null;
  /** Who claims it, in words, when it is not a stored party ("an analysis of filings"). */
  claimant: string | null;
  hedges: string[];
  provenance: ProvenanceEntry[];
}

/** Rules shared by documents and inputs: the attribution, its claimant and the hedges. */
const attributionRules: Shape = {
  attribution: optional(oneOf(Attribution)),
  claimedBy: optional(slug),
  claimant: optional(line(200)),
  hedges: optional(list(line(100), { max: MAX_HEDGES })),
};

/** One provenance entry's basis and note (its quotes differ: strings in a document, citations in an input). */
const entryRules: Shape = { basis: oneOf(Basis), note: optional(prose(1000)) };
const inputEntryRules: Shape = { ...entryRules, rank: optional(oneOf(StatementRank)) };

/** The says-who fields of a document item: `provenance` is an object keyed by field name, quotes are strings. */
export function saysWhoDocumentRules(asserts: readonly string[]): Shape {
  return {
    ...attributionRules,
    provenance: optional((value, path, problems) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return (problems.push({ path, message: 'must be an object keyed by field name' }), undefined);
      const entries = Object.entries(value);
      if (entries.length > MAX_PROVENANCE)
        return (problems.push({ path, message: `must have at most ${MAX_PROVENANCE} entries (got ${entries.length})` }), undefined);
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
  provenance: optional(
    list(object({ ...inputEntryRules, field: line(64), quotes: optional(list(object({ source: slug, quote }), { max: 20 })) }), { max: MAX_PROVENANCE }),
  ),
};

/**
 * Checks between the fields (whatever the path): a claimant exactly when claimed or alleged, each
 * field once, quotes for STATED, a note for INFERRED. Which fields may have an entry is checked by
 * the rules (a document's) or against the written row's type (a mutation's: says-who-input.ts).
 */
export function saysWhoConsistency(saysWho: SaysWho, path: string): Problem[] {
  const problems: Problem[] = [];
  const claimed = saysWho.attribution !== Attribution.REPORTED;
  if (claimed && !saysWho.claimedBy && !saysWho.claimant)
    problems.push({
      path: pathOf(path, 'claimedBy'),
      message: `is required when attribution is ${saysWho.attribution}: who says so (or \`claimant\`, in words, when it is not a stored party)`,
    });
  if (saysWho.claimedBy && saysWho.claimant) problems.push({ path: pathOf(path, 'claimant'), message: 'must be left out when claimedBy names the party' });
  if (!claimed && saysWho.claimedBy)
    problems.push({ path: pathOf(path, 'claimedBy'), message: 'must be left out when attribution is REPORTED (the publication says so itself)' });
  if (!claimed && saysWho.claimant)
    problems.push({ path: pathOf(path, 'claimant'), message: 'must be left out when attribution is REPORTED (the publication says so itself)' });
  const seen = new Set<string>();
  for (const entry of saysWho.provenance) {
    const at = pathOf(pathOf(path, 'provenance'), entry.field);
    if (seen.has(entry.field)) problems.push({ path: at, message: 'is given twice' });
    seen.add(entry.field);
    if (entry.basis === Basis.STATED && entry.quotes.length === 0)
      problems.push({ path: pathOf(at, 'quotes'), message: 'a STATED value needs the quotes that state it' });
    if (entry.basis === Basis.INFERRED && !entry.note)
      problems.push({ path: pathOf(at, 'note'), message: 'an INFERRED value needs a note saying what it was inferred from' });
  }
  return problems;
}

/** A document item's says-who, normalised; what is of the wrong shape is left out (its rules report it). */
export function saysWhoOfDocument(item: Record<string, unknown>): SaysWho {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const provenance =
    typeof item.provenance === 'object' && item.provenance !== null && !Array.isArray(item.provenance) ? (item.provenance as Record<string, unknown>) : {};
  return {
    attribution: typeof item.attribution === 'string' && item.attribution in Attribution ? (item.attribution as Attribution) : Attribution.REPORTED,
    claimedBy: typeof item.claimedBy === 'string' ? item.claimedBy : null,
    claimant: typeof item.claimant === 'string' ? item.claimant : null,
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
  saysWho.hedges.forEach(
    (hedge, i) =>
      text.includes(hedge) || problems.push({ path: `${pathOf(path, 'hedges')}[${i}]`, message: `${echo(hedge)} does not occur verbatim in the source text` }),
  );
  for (const entry of saysWho.provenance) {
    entry.quotes.forEach(
      (q, i) =>
        text.includes(q) ||
        problems.push({
          path: `${pathOf(pathOf(pathOf(path, 'provenance'), entry.field), 'quotes')}[${i}]`,
          message: `${echo(q)} does not occur verbatim in the source text`,
        }),
    );
  }
  return problems;
}

/** Stores who says a fact is so and how it is hedged: one attribution row, none for a REPORTED, unhedged fact. */
export async function writeAttribution(writer: FactWriter, row: CitedRow, saysWho: Omit<SaysWho, 'provenance'>): Promise<void> {
  const plain = saysWho.attribution === Attribution.REPORTED && saysWho.hedges.length === 0;
  const wanted = plain
    ? []
    : [
        {
          attribution: saysWho.attribution,
          claimedById: saysWho.claimedBy ? writer.party(saysWho.claimedBy) : null,
          claimant: saysWho.claimant,
          hedges: saysWho.hedges,
        },
      ];
  await writer.replaceLinks(FactAttribution, { subjectType: row.nodeType, subjectId: row.id }, wanted, ['attribution', 'claimedById', 'claimant', 'hedges']);
}

/** One field's provenance entry, with the stored source of each of its quotes. */
export interface SourcedEntry {
  entry: ProvenanceEntry;
  quotes: { source: CitedSource; quote: string }[];
}

/**
 * Stores a fact's provenance entries as statements (field-statement.writes.ts): one per entry
 * and source its quotes come from, each quote cited for its statement (the fact's own quotes
 * stay its `citations`); `replaceSource` when a document restates all of a fact. Returns the
 * problems of fields the write changed without a statement (see unstatedChanges).
 */
export async function writeProvenance(
  writer: FactWriter,
  row: CitedRow,
  entries: SourcedEntry[],
  {
    given,
    asserts,
    path,
    replaceSource,
    entity,
    cited,
  }: {
    given: Record<string, unknown>;
    asserts: readonly string[];
    path: string;
    replaceSource?: number;
    entity?: Function | null;
    /** The sources the write cites: an entry without quotes (INFERRED) is dated by the latest published. */
    cited: CitedSource[];
  },
): Promise<Problem[]> {
  let fallback: CitedSource | null = null;
  let fallbackDate = '';
  for (const source of cited) {
    const date = await publishedOn(writer, source.id);
    if (!fallback || date > fallbackDate) [fallback, fallbackDate] = [source, date];
  }
  const statements: { entry: StatementEntry; source: CitedSource }[] = [];
  for (const { entry, quotes } of entries) {
    const sources = new Map<number, { source: CitedSource; quotes: string[] }>();
    for (const { source, quote } of quotes) {
      const bySource = sources.get(source.id) ?? { source, quotes: [] };
      bySource.quotes.push(quote);
      sources.set(source.id, bySource);
    }
    if (sources.size === 0 && fallback) sources.set(fallback.id, { source: fallback, quotes: [] });
    for (const { source, quotes: own } of sources.values())
      statements.push({ source, entry: { field: entry.field, basis: entry.basis, note: entry.note, quotes: own, sourceId: source.id, rank: entry.rank } });
  }
  const written = await writeStatements(
    writer,
    row,
    statements.map((s) => s.entry),
    given,
    { replaceSource, entity },
  );
  for (const [i, statement] of written.entries())
    await writer.cite({ nodeType: STATEMENT_NODE_TYPE, id: statement.id }, statements[i].source, statements[i].entry.quotes);
  return unstatedChanges(writer, row, asserts, new Set(entries.map((e) => e.entry.field)), path, entity);
}

/** The subject type of a provenance entry's citations. */
export const PROVENANCE_NODE_TYPE = STATEMENT_NODE_TYPE;
