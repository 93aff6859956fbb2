import { list as listOf, object, optional, pathOf, slug as slugRule, type Problem } from '../../common/validation/rules';
import type { DocumentScope, FactWrites, PartyKind, PartyReference } from '../../common/writes/declarations';
import type { FactType } from '../../common/facts/fact-type';
import { factTypes } from '../../facts';
import { claimantReference, saysWhoConsistency, saysWhoDocumentRules, saysWhoOfDocument, verbatimProblems } from '../attribution/attribution.writes';
import { partyAsserts } from '../party/party.asserts';
import { partyDocumentKind, partyDocumentRules } from '../party/party.writes';
import { sourceRules } from '../source/source.writes';
import type { PartyDoc } from './source-document';
import { echo } from '../../common/errors';

/**
 * The facts a source document may list, in the order they are validated and written: the
 * registry's (src/facts.ts), so a fact can refer to one listed before it (a lawsuit `challenges`
 * a regulatory action). Parties come first.
 */
export const documentFactTypes: readonly FactType[] = factTypes.filter((fact) => fact.writes);
export const documentFacts: readonly FactWrites[] = documentFactTypes.map((fact) => fact.writes!);

/** The most items one key of a document may list. */
const MAX_ITEMS = 1000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The items of a document key that are objects, with their paths (what is not is a problem of its own). */
function itemsOf(doc: Record<string, unknown>, key: string): { item: Record<string, unknown>; path: string }[] {
  const value = doc[key];
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_ITEMS).flatMap((item, i) => (isObject(item) ? [{ item, path: pathOf(key, i) }] : []));
}

/** Every party a document names outside its `parties` (to look them up in the store in one query). */
export function referencedPartySlugs(doc: unknown): string[] {
  if (!isObject(doc)) return [];
  const slugs = new Set<string>();
  for (const { item } of itemsOf(doc, 'parties')) if (typeof item.slug === 'string') slugs.add(item.slug);
  for (const writes of documentFacts) {
    for (const { item, path } of itemsOf(doc, writes.documentKey)) {
      for (const ref of writes.parties(item, path)) if (typeof ref.slug === 'string') slugs.add(ref.slug);
    }
  }
  return [...slugs];
}

/**
 * Checks a source document completely: every field of every item by its fact's rules (the same
 * rules its GraphQL mutation uses), every party it names (defined in the document or already
 * stored: `storedParties` maps stored slugs to their kind), and every quote, which must occur
 * verbatim in the document's text. Returns every problem, with its path (`lawsuits[0].title`).
 */
export function documentProblems(input: unknown, storedParties: ReadonlyMap<string, PartyKind>): Problem[] {
  if (!isObject(input)) return [{ path: 'document', message: 'must be a JSON object' }];
  const problems: Problem[] = [];
  const doc = input;
  const report = (path: string, message: string) => problems.push({ path, message });

  if (!isObject(doc.source)) report('source', 'is required: { slug, title, publisher, publishedOn, url, text }');
  else object(sourceRules)(doc.source, 'source', problems);
  const text = isObject(doc.source) && typeof doc.source.text === 'string' ? doc.source.text : '';

  /** Quotes, wherever an item has them (a ranking's entries have their own), must occur in the text. */
  const verbatim = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => verbatim(v, pathOf(path, i)));
    else if (isObject(value)) {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'quotes' && Array.isArray(v)) {
          v.forEach((quote, i) => {
            if (typeof quote === 'string' && quote.trim() !== '' && !text.includes(quote))
              report(`${pathOf(path, key)}[${i}]`, `${echo(quote)} does not occur verbatim in the source text`);
          });
        } else if (Array.isArray(v)) verbatim(v, pathOf(path, key));
      }
    }
  };
  const list = (key: string) => {
    const value = doc[key];
    if (value == null) return;
    if (!Array.isArray(value)) return report(key, 'must be a list');
    if (value.length > MAX_ITEMS) report(key, `must list at most ${MAX_ITEMS} (got ${value.length})`);
    value.slice(0, MAX_ITEMS).forEach((item, i) => isObject(item) || report(pathOf(key, i), 'must be an object'));
  };

  /** The slugs an item had before (`formerSlugs`, optional): slugs, none of them its own. */
  const formerSlugs = (item: Record<string, unknown> | PartyDoc, path: string) => {
    const formers = (item as Record<string, unknown>).formerSlugs;
    optional(listOf(slugRule, { max: 20 }))(formers, pathOf(path, 'formerSlugs'), problems);
    if (Array.isArray(formers) && formers.includes(item.slug)) report(pathOf(path, 'formerSlugs'), `lists the item's own slug ${echo(item.slug)}`);
  };

  // Parties defined here, then every reference checked against them and the stored ones.
  const parties = new Map(storedParties);
  const defined = new Set<string>();
  list('parties');
  for (const { item, path } of itemsOf(doc, 'parties')) {
    const party = item as unknown as PartyDoc;
    object(partyDocumentRules)(party, path, problems);
    partyDocumentKind(party)(party.kind, `${path}.kind`, problems);
    verbatim(party, path);
    formerSlugs(party, path);
    if (typeof party.slug !== 'string') continue;
    if (defined.has(party.slug)) report(`${path}.slug`, `${echo(party.slug)} is defined twice`);
    const stored = storedParties.get(party.slug);
    if (stored && stored !== party.type) report(`${path}.type`, `${echo(party.slug)} is already stored as a ${stored}`);
    defined.add(party.slug);
    parties.set(party.slug, party.type);
  }
  const reference = ({ path, slug, types = ['COMPANY', 'PERSON', 'AUTHORITY'] }: PartyReference) => {
    if (typeof slug !== 'string') return; // the rules have said what is wrong with it
    const kind = parties.get(slug);
    if (!kind) report(path, `unknown party ${echo(slug)}: define it under parties or import its source first`);
    else if (!types.includes(kind)) report(path, `${echo(slug)} is a ${kind}, expected ${types.join(' or ')}`);
  };

  /** Who says so (attribution, claimant, hedges, provenance), the same for every cited item; nested items (ranking entries) too. */
  const saysWho = (item: Record<string, unknown>, path: string, asserts: readonly string[], nested: Readonly<Record<string, readonly string[]>> = {}) => {
    object(saysWhoDocumentRules(asserts))(item, path, problems);
    // The fields' relations and the quotes, for what has the right shape (its rules spoke for the rest).
    const given = saysWhoOfDocument(item);
    problems.push(...saysWhoConsistency(given, path), ...verbatimProblems(given, path, text));
    claimantReference(given, path).forEach(reference);
    for (const [key, nestedAsserts] of Object.entries(nested)) {
      const list = item[key];
      if (Array.isArray(list)) list.forEach((entry, i) => isObject(entry) && saysWho(entry, pathOf(pathOf(path, key), i), nestedAsserts));
    }
  };
  for (const { item, path } of itemsOf(doc, 'parties')) saysWho(item, path, partyAsserts[String(item.type)] ?? []);

  const slugs = new Map<string, Set<string>>();
  const scope: Pick<DocumentScope, 'slugsOf'> = { slugsOf: (key) => slugs.get(key) ?? new Set() };
  for (const fact of documentFactTypes) {
    const writes = fact.writes!;
    const key = writes.documentKey;
    list(key);
    const seen = new Set<string>();
    slugs.set(key, seen);
    for (const { item, path } of itemsOf(doc, key)) {
      object(writes.rules)(item, path, problems);
      if (writes.slugged) formerSlugs(item, path);
      if (writes.slugged && typeof item.slug === 'string') {
        if (seen.has(item.slug)) report(`${path}.slug`, `${echo(item.slug)} is used twice`);
        seen.add(item.slug);
      }
      writes.parties(item, path).forEach(reference);
      problems.push(...(writes.checkInDocument?.(item, path, scope as DocumentScope) ?? []));
      verbatim(item, path);
      saysWho(item, path, fact.asserts, fact.nestedAsserts);
    }
  }
  return problems;
}

/** `path: problem` for every problem (empty when the document can be imported). */
export function validateSourceDocument(input: unknown, storedParties: ReadonlyMap<string, PartyKind>): string[] {
  return documentProblems(input, storedParties).map((p) => `${p.path}: ${p.message}`);
}
