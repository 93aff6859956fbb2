import type { DocOf, Problem, Shape } from '../validation/rules';
import type { FactWriter } from './fact-writer';
import type { PartyReference, WriteChecks } from './write-checks';

// Declared beside the checks that resolve them; named here too, where declarations have always found them.
export type { PartyKind, PartyReference } from './write-checks';

/** A row that quotes are cited for: its node type (`Lawsuit`, `Kinship`…) and id. */
export interface CitedRow {
  nodeType: string;
  id: number;
}

/** What a document item's write can use besides the writer: its source, and the facts written before it. */
export interface DocumentScope {
  /** Cites quotes of the document's source for a row. */
  cite(row: CitedRow, quotes: string[]): Promise<void>;
  /** The id of a fact written earlier in this document (`regulatoryActions`, slug), for links between facts. */
  idOf(documentKey: string, slug: string): number | undefined;
  /** Slugs of the items listed under an earlier key of the document (for validation). */
  slugsOf(documentKey: string): ReadonlySet<string>;
}

/**
 * How a fact is written from a source document (`seeds/`, `importSource`, `npm run import`),
 * declared in the fact's own module and attached to its FactType (`writes`). The document's keys
 * and their order are the registry's (src/facts.ts).
 */
export interface FactWrites<D = any, K extends string = string> {
  /** The document's key for a list of these facts: `lawsuits` (SourceDocument's keys are the registry's). */
  documentKey: K;
  /** Rules for one item of the list (the fact's field rules, plus its quotes). */
  rules: Shape;
  /** The parties an item names. */
  parties(item: D, path: string): PartyReference[];
  /** Items are keyed by slug, unique within the list. */
  slugged?: boolean;
  /** Checks that need the rest of the document (a lawsuit's `challenges`). */
  checkInDocument?(item: D, path: string, scope: DocumentScope): Problem[];
  /** Stores one item (matched by its natural key) and cites its quotes; returns the row (a slugged item's id is remembered for `idOf`). */
  write(item: D, writer: FactWriter, scope: DocumentScope): Promise<{ id: number }>;
}

/**
 * A fact's document writes, with the item's type inferred from its rules (`DocOf`): the document's
 * item type is not written out again. `rules` are the item's (its fields and `quotes`).
 */
export function factWrites<const K extends string, S extends Shape>(writes: FactWrites<DocOf<S>, K> & { rules: S }): FactWrites<DocOf<S>, K> {
  return writes;
}

/**
 * A write: the shape of its input (rules), its checks against the store, and the write itself,
 * declared in its domain's module. The mutation runner (mutation-runner.ts) runs every one the
 * same way: rules, then checks (every problem collected), then in one transaction the write,
 * its citations (each quote checked verbatim against the stored source), the deadline check and
 * the audit entry.
 */
export interface WriteDeclaration<I, R, C = unknown> {
  /** The mutation's name, as the audit log records it. */
  action: string;
  /** Rules of the input's fields (null: the declaration validates in `check`). */
  rules: Shape | null;
  /** Checks against the store; report problems on `checks`; returns what `write` needs. */
  check?(input: I, checks: WriteChecks): Promise<C>;
  write(input: I, writer: FactWriter, checked: C): Promise<R>;
  /** The row the input's `citations` are cited for (absent: the input has no citations). */
  cited?(result: R): CitedRow;
  /** Runs after the write, its citations and its statements: derived facts (a dispute's status from its suits'). */
  afterWrite?(writer: FactWriter, result: R): Promise<void>;
  /** The audit entry's subject (a global ID); null: no audit entry. Default: the result's `globalId`, always audited. */
  audit?(result: R, writer: FactWriter): { subject: string } | null;
}
