import { findDatePhrases, type DatePhrase } from './date-phrases';
import { draftItems, slugify, type CueSet, type DraftItem, type DraftMention, type StoredFact } from './items';
import { findMentions, parseText } from './mentions';
import type { PartyIndex } from './party-linking';
import { MAX_TEXT_LENGTH } from './extract';

export interface DraftSourceFields {
  slug: string;
  title: string;
  publisher: string;
  publishedOn: string;
  url?: string | null;
  text: string;
}

/** What the engine proposes for one report: a source document with every entry unreviewed, and what review needs. */
export interface DraftContent {
  /** The document in the import format: the source, the new parties, the new facts by document key. */
  document: Record<string, unknown> & { source: DraftSourceFields; parties: Record<string, unknown>[] };
  mentions: DraftMention[];
  dates: DatePhrase[];
  /** New facts and updates of stored ones, in text order. */
  items: DraftItem[];
}

export interface DraftOptions {
  index: PartyIndex;
  cueSets: readonly CueSet[];
  stored: readonly StoredFact[];
  takenSlugs?: (documentKey: string) => ReadonlySet<string>;
  checkDeadline?: () => void;
}

/**
 * Drafts one report: its names (linked to the store's parties or proposed as new ones), its date
 * phrases, and its candidate facts. Deterministic for the same text, source and store. The
 * publication date must be a day (YYYY-MM-DD): "a year ago" counts from it.
 */
export function draftReport(source: DraftSourceFields, options: DraftOptions): DraftContent {
  const { text } = source;
  if (text.length > MAX_TEXT_LENGTH) throw new RangeError(`the text is ${text.length} characters; at most ${MAX_TEXT_LENGTH} are read`);
  const doc = parseText(text, options.index);
  options.checkDeadline?.();
  const dates = findDatePhrases(text, source.publishedOn);
  const knownSlugs = new Set(options.index.parties.map((party) => party.slug));
  const proposedSlugs = new Set<string>();
  const found = findMentions(text, options.index, doc);
  // Slugs: a stored party's, else one proposed from the name; a short form ("Huawei") takes its long form's.
  const slugOf = new Map<string, string>();
  for (const mention of found) {
    if (mention.sameAs) continue;
    let slug = mention.link.party?.slug;
    if (!slug) {
      const root = slugify(mention.name);
      slug = root;
      for (let n = 2; knownSlugs.has(slug) || proposedSlugs.has(slug); n++) slug = `${root}-${n}`;
      proposedSlugs.add(slug);
    }
    slugOf.set(mention.name, slug);
  }
  const mentions: DraftMention[] = found.map((mention, i) => ({ ...mention, key: `m${i + 1}`, slug: slugOf.get(mention.sameAs ?? mention.name)! }));
  options.checkDeadline?.();
  const items = draftItems({
    text,
    published: source.publishedOn,
    source: source.slug,
    mentions,
    dates,
    doc,
    cueSets: options.cueSets,
    stored: options.stored,
    takenSlugs: options.takenSlugs,
    checkDeadline: options.checkDeadline,
  });
  return { document: documentOf(source, mentions, items), mentions, dates, items };
}

/** The sentence around a span, verbatim: a new party's quote. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from -= 1;
  let to = end;
  while (to < text.length && !/[.!?\n]/.test(text[to])) to += 1;
  if (to < text.length && text[to] !== '\n') to += 1;
  const sentence = text.slice(from, to);
  const lead = sentence.length - sentence.trimStart().length;
  return text.slice(from + lead, from + lead + sentence.trim().length);
}

/** An authority's kind (the importer requires one), guessed from its name: the reviewer corrects it. */
export function authorityKind(name: string): 'REGULATOR' | 'GOVERNMENT' | 'AGENCY' | 'COURT' {
  if (/\b(?:court|tribunal|judge)\b/i.test(name)) return 'COURT';
  if (/\b(?:agency|bureau|police|customs)\b/i.test(name)) return 'AGENCY';
  if (/\b(?:commission|regulator|authority|office)\b/i.test(name)) return 'REGULATOR';
  return 'GOVERNMENT';
}

/** A new party's document entry: its kind, name, and the sentence of its first mention as its quote. */
export function newPartyEntry(text: string, mention: { kind: string; slug: string; name: string; spans: readonly { start: number; end: number }[] }) {
  const first = mention.spans[0];
  return {
    type: mention.kind,
    slug: mention.slug,
    name: mention.name,
    ...(mention.kind === 'AUTHORITY' ? { kind: authorityKind(mention.name) } : {}),
    quotes: [sentenceAround(text, first.start, first.end)],
  };
}

/** The source document of a draft: the source, a party entry for each new name, the new items by key. */
export function documentOf(source: DraftSourceFields, mentions: readonly DraftMention[], items: readonly DraftItem[]): DraftContent['document'] {
  const parties = mentions.filter((mention) => !mention.link.party && !mention.sameAs).map((mention) => newPartyEntry(source.text, mention));
  const document: DraftContent['document'] = { source: { ...source }, parties };
  for (const item of items) {
    if (item.kind !== 'NEW') continue;
    const list = (document[item.documentKey] ??= []) as Record<string, unknown>[];
    list.push(item.entry);
  }
  return document;
}
