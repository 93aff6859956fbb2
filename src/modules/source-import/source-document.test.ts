import type { LawsuitKind } from '../lawsuit/lawsuit.enums';
import type { DocumentItem, SourceDocument } from './source-document';
import { documentFacts } from './validate-source-document';

/** True only when A and B are the same type (checked by the compiler: a wrong type fails to compile). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const KEYS = [
  'characterizations',
  'affiliations',
  'kinships',
  'regulatoryActions',
  'lawsuits',
  'sanctions',
  'negotiations',
  'patentStats',
  'rankings',
  'statements',
  'events',
  'disputes',
] as const;

describe('SourceDocument, derived from the registry', () => {
  it('has a key per registered fact type, as the importer reads them, and no other', () => {
    const keys: Same<keyof SourceDocument, 'source' | 'parties' | (typeof KEYS)[number]> = true;
    expect(keys).toBe(true);
    expect(documentFacts.map((writes) => writes.documentKey)).toEqual(KEYS);
  });

  it('types each item by its fact rules: enums, optional fields, nested items, quotes', () => {
    const kind: Same<DocumentItem<'lawsuits'>['kind'], LawsuitKind> = true;
    const venue: Same<DocumentItem<'lawsuits'>['venue'], string | null | undefined> = true;
    const position: Same<DocumentItem<'rankings'>['entries'][number]['position'], number | null | undefined> = true;
    const quotes: Same<DocumentItem<'events'>['quotes'], string[]> = true;
    expect([kind, venue, position, quotes]).toEqual([true, true, true, true]);
  });

  it('refuses a key no fact type declares', () => {
    // @ts-expect-error `acquisitions` is no registered fact type's document key
    const doc: SourceDocument = { source: { slug: 's', title: 't', publisher: 'p', publishedOn: '2020', text: 'x' }, acquisitions: [] };
    expect(doc.source.slug).toBe('s');
  });
});
