import type Nlp from 'compromise';
import { loadedOnFirstUse } from '../../common/lazy-module';
import { type PartyIndex, type PartyKind, type PartyLink, normalise } from './party-linking';

/** compromise, loaded when the first text is read (src/common/lazy-module.ts says why). */
export const compromise = loadedOnFirstUse(() => require('compromise') as typeof Nlp);

export interface Span {
  start: number;
  end: number;
}

/** One name as the report writes it, every place it occurs, and what it links to. */
export interface Mention {
  /** The name verbatim (its first occurrence): `text.slice(spans[0].start, spans[0].end)`. */
  name: string;
  spans: Span[];
  /** A short form of another name of the report, not a party of its own: "Huawei" after "Huawei Technologies" (that name). */
  sameAs?: string;
  /** The linked party's kind, else the guess from the tagger and the name's words. */
  kind: PartyKind;
  link: PartyLink;
}

type Tag = 'Person' | 'Organization' | 'Place';

const TAG_OF_KIND: Record<PartyKind, Tag> = { PERSON: 'Person', COMPANY: 'Organization', AUTHORITY: 'Organization' };

// Words that make an organisation a public body rather than a company.
const AUTHORITY_WORDS =
  /\b(commission|ministry|department|agency|authority|office|court|tribunal|government|bureau|administration|regulator|council|parliament|senate|congress|police|prosecutors?|customs|treasury|state|federal|national|european union|united nations)\b/i;
// Legal forms that end a company's name: the tagger's match is split at a comma or full stop, but
// not before one of these ("Co., Ltd.").
const LEGAL_FORM = /^(inc|corp|co|ltd|llc|llp|lp|plc|sa|ag|ab|oyj|gmbh|nv|bv|spa|limited|corporation)$/i;
const ABBREVIATED = /^(inc|corp|co|ltd)$/i;
const TRAILING_FORM = /^,?\s(?:(?:Inc|Corp|Co|Ltd)\b\.?|(?:LLC|LLP|PLC|plc|SA|AG|AB|Oyj|GmbH|NV|BV|SpA|Limited|Corporation)\b)/;
// Lower-case words allowed inside a name ("Bank of America", "Patent and Trademark Office").
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', '&']);

// One lexicon per PartyIndex (built once, dropped with the index).
const LEXICONS = new WeakMap<PartyIndex, Record<string, Tag>>();

function lexiconOf(index: PartyIndex): Record<string, Tag> {
  let lexicon = LEXICONS.get(index);
  if (!lexicon) {
    const { people, organizations } = index.lexicon();
    lexicon = {};
    for (const name of organizations) lexicon[name] = 'Organization';
    for (const name of people) lexicon[name] = 'Person';
    LEXICONS.set(index, lexicon);
  }
  return lexicon;
}

type Entries = Record<string, unknown>;

/**
 * compromise with the store's names in its lexicon for this one parse. `nlp(text, lexicon)` adds the
 * words to compromise's process-wide lexicon for good (one store's names would change how every later
 * text is read), so the lexicon's entries are put back as they were once the text is tagged. Its
 * `lookup` would not touch the lexicon, but takes time quadratic in the matches (12 s for 2,000
 * names in 1,000 sentences), so it is not used.
 */
function parseWithLexicon(text: string, lexicon: Record<string, Tag>) {
  const nlp = compromise();
  const model = (nlp.world() as unknown as { model: { one: { lexicon: Entries; _multiCache: Entries } } }).model.one;
  const saved = { lexicon: { ...model.lexicon }, multi: { ...model._multiCache } };
  try {
    return nlp(text, { ...lexicon });
  } finally {
    restore(model.lexicon, saved.lexicon);
    restore(model._multiCache, saved.multi);
  }
}

function restore(target: Entries, saved: Entries): void {
  for (const key of Object.keys(target)) {
    if (!(key in saved)) delete target[key];
    else if (target[key] !== saved[key]) target[key] = saved[key];
  }
}

/** compromise's parse of a text, with the store's names in its lexicon: read once, for names and for sentences and verbs. */
export type ParsedText = ReturnType<typeof Nlp>;

export function parseText(text: string, index: PartyIndex): ParsedText {
  return parseWithLexicon(text, lexiconOf(index));
}

interface TermJson {
  text: string;
  post: string;
  offset: { start: number; length: number };
}

/**
 * The kind of a name the store does not know. compromise's people lists know Western first names; a
 * name it does not place is a person when the words around it say so (a title or role before it, "X,
 * who", "X, the company's chief financial officer" after it); a single word it calls a person with none
 * of that is a company (a person is introduced by full name: "Ericsson" is not Mr Ericsson).
 */
function guessKind(tag: Tag, name: string, person: boolean): PartyKind {
  // compromise reads "Ellis LLP" as a person; a legal form settles it.
  if (LEGAL_FORM.test(name.split(/\s+/).pop()!.replace(/\.$/, ''))) return 'COMPANY';
  if (person) return 'PERSON';
  if (tag === 'Person') return /\s/.test(name) ? 'PERSON' : 'COMPANY';
  return AUTHORITY_WORDS.test(name) ? 'AUTHORITY' : 'COMPANY';
}

// A person's title or role right before their name; a relative "who" or a role in apposition after it.
const ROLE_NOUNS =
  'officer|executive|director|founder|co-founder|chairman|chairwoman|chair|president|spokes(?:man|woman|person)|minister|secretary|commissioner|judge|lawyer|attorney|engineer|employee|manager|analyst|daughter|son|wife|husband|head|chief|CEO|CFO';
const PERSON_BEFORE = new RegExp(`(?:\\b(?:${ROLE_NOUNS})|\\b(?:Mr|Ms|Mrs|Dr)\\.?)\\s+$`, 'i');
const PERSON_AFTER = new RegExp(`^,\\s+(?:who\\b|(?:a|an|the|its|his|her)\\s+(?:[\\w’'-]+\\s+){0,5}?(?:${ROLE_NOUNS})\\b)`, 'i');

function personContext(text: string, span: Span): boolean {
  return PERSON_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start)) || PERSON_AFTER.test(text.slice(span.end, span.end + 80));
}

const INSTITUTION = /\b(?:Ministry|Department|Office|Bureau|Commission|Court|Agency|Council|Board|Authority|Institute|Administration|Service)\b/;
const DOCUMENT_WORDS = /\s(?:List|Act|Law|Agreement|Treaty|Report|Directive|Regulation|Index|Rules?)$/;

/**
 * Splits one tagger match at list and sentence punctuation ("IBM, Apple" → two names) and before a
 * known name ("Bloomberg LP Huawei Technologies", across a sentence break without a full stop).
 */
function segments(terms: TermJson[], knownStarts: Uint8Array): TermJson[][] {
  const out: TermJson[][] = [];
  let current: TermJson[] = [];
  terms.forEach((term, i) => {
    current.push(term);
    const next = terms[i + 1];
    if (next && ((/[,;:.!?()—–"“”]/.test(term.post) && !LEGAL_FORM.test(next.text)) || knownStarts[next.offset.start])) {
      out.push(current);
      current = [];
    }
  });
  if (current.length) out.push(current);
  return out;
}

/**
 * Extends a name over the legal forms after it, which compromise sometimes leaves out ("Deutsche
 * Bank AG"); only forms in their usual case, and the full stop only after an abbreviation.
 */
function withLegalForms(text: string, start: number, end: number): number {
  let legal: RegExpExecArray | null;
  while ((legal = TRAILING_FORM.exec(text.slice(end, end + 16)))) end += legal[0].length;
  const last = /(\p{L}+)\.$/u.exec(text.slice(start, end));
  return last && !ABBREVIATED.test(last[1]) ? end - 1 : end;
}

/** The span of a run of terms, without a possessive, keeping a legal form's full stop ("Co."). */
function spanOf(text: string, terms: TermJson[]): Span | null {
  const start = terms[0].offset.start;
  const last = terms[terms.length - 1];
  let end = last.offset.start + last.offset.length;
  if (ABBREVIATED.test(last.text) && text[end] === '.') end += 1;
  end = withLegalForms(text, start, end);
  const possessive = /['’]s$/.exec(text.slice(start, end));
  if (possessive) end -= possessive[0].length;
  // A full stop stays after an abbreviation ("Co."), not after a whole word ("AG." ends a sentence).
  const keepsStop = () => text[end - 1] === '.' && ABBREVIATED.test(/(\p{L}+)\.$/u.exec(text.slice(start, end))?.[1] ?? '');
  while (end > start && /[\s,.;:!?'’"”)]/.test(text[end - 1]) && !keepsStop()) end -= 1;
  return end > start ? { start, end } : null;
}

/** A name is capitalised words, with connectors between them ("Chinese corporation" is not a name). */
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    /^\p{Lu}/u.test(words[0]) &&
    /^\p{Lu}/u.test(words[words.length - 1]) &&
    words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || CONNECTORS.has(word.toLowerCase()))
  );
}

/**
 * The names of people, organisations and places in `text`. compromise tags them, with a lexicon of
 * the store's own names and aliases so it knows the names its built-in lists lack; the store's names
 * are also found verbatim (capitalised, at word boundaries), since compromise's matches may cut a
 * known name short or run two names together. Overlaps keep the longest span; places are kept only
 * when they are a known party's name ("Washington" for the US government). Same name, one mention.
 */
export function findMentions(text: string, index: PartyIndex, doc: ParsedText = parseText(text, index)): Mention[] {
  const found: { span: Span; tag: Tag; weak?: boolean }[] = [];
  // The store's names verbatim, looked up by the word each starts with (linear in the text's words).
  const knownStarts = new Uint8Array(text.length);
  for (const word of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu)) {
    for (const { text: name, kind } of index.namesStartingWith(word[0])) {
      let end = word.index + name.length;
      if (text.slice(word.index, end).toLowerCase() === name.toLowerCase() && !/[\p{L}\p{N}]/u.test(text[end] ?? '')) {
        end = withLegalForms(text, word.index, end);
        found.push({ span: { start: word.index, end }, tag: TAG_OF_KIND[kind] });
        knownStarts[word.index] = 1;
        break; // the longest known name here; shorter ones would overlap it
      }
    }
  }
  // Proper nouns compromise does not place among people, organisations or places: its lists miss
  // most company names ("Kestrel Microsystems"); kept as weak candidates (see below).
  const proper = doc.match('#ProperNoun+').not('(#Place|#Date|#Month|#WeekDay|#Demonym|#Possessive)');
  // compromise's proper-noun runs stop at "of" and "and": an institution's name is joined across them
  // ("Ministry of Communication and Informatics", "Patent and Trademark Office"), when it has an
  // institution's word; two companies ("Huawei Technologies and Verizon Communications") stay apart.
  // (compromise's optional groups misfire here: "… Communication and" without "Informatics"; two patterns instead.)
  const institutions = doc
    .match('#ProperNoun+ (of|and|for) the? #ProperNoun+ (of|and|for) the? #ProperNoun+')
    .concat(doc.match('#ProperNoun+ (of|and|for) the? #ProperNoun+'));
  for (const [tag, view, weak] of [
    ['Person', doc.people(), false],
    ['Organization', doc.organizations(), false],
    ['Place', doc.places(), false],
    ['Organization', proper, true],
    ['Organization', institutions, false],
  ] as const) {
    for (const match of view.json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[]) {
      if (view === institutions) {
        // A possessive country before the name is not part of it ("Indonesia's Ministry of …").
        while (match.terms.length && /['’]s$/.test(match.terms[0].text)) match.terms.shift();
        if (!INSTITUTION.test(match.terms.map((term) => term.text).join(' '))) continue;
      }
      for (const run of segments(match.terms, knownStarts)) {
        const span = spanOf(text, run);
        if (span) found.push({ span, tag, weak });
      }
    }
  }

  // A name the tagger found once is the same name wherever else the text writes it: compromise does not
  // mark a capitalised word at the start of a sentence as a proper noun ("Huawei on Wednesday denied"),
  // so those occurrences are found verbatim, like the store's names (looked up by their first word).
  const byFirstWord = new Map<string, { name: string; tag: Tag; weak?: boolean }[]>();
  for (const { span, tag, weak } of found) {
    const name = text.slice(span.start, span.end);
    if (!looksLikeName(name)) continue;
    const first = /^[\p{L}\p{N}]+/u.exec(name)?.[0];
    if (!first) continue;
    const list = byFirstWord.get(first) ?? [];
    if (!list.some((entry) => entry.name === name)) list.push({ name, tag, weak });
    byFirstWord.set(first, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.name.length - a.name.length);
  for (const word of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu)) {
    for (const { name, tag, weak } of byFirstWord.get(word[0]) ?? []) {
      const end = word.index + name.length;
      if (text.startsWith(name, word.index) && !/[\p{L}\p{N}]/u.test(text[end] ?? '')) {
        found.push({ span: { start: word.index, end }, tag, weak });
        break;
      }
    }
  }
  // A place that acts is its government ("the United States brought charges"): kept, as an authority.
  const acting = new Set<number>();
  for (const match of doc.match('#Place+ #Verb').json({ offset: true, terms: { offset: true, tags: true } }) as {
    terms: (TermJson & { tags: string[] })[];
  }[]) {
    const verb = match.terms[match.terms.length - 1];
    if (!verb.tags.includes('Copula')) acting.add(match.terms[0].offset.start);
  }
  // …and the agent of a passive verb ("measures by Washington").
  for (const match of doc.match('by the? #Place+').json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[]) {
    const place = match.terms.find((term) => /^\p{Lu}/u.test(term.text));
    if (place) acting.add(place.offset.start);
  }

  // Longest span first (a strong tag before a weak one); a span overlapping a kept one is dropped.
  found.sort(
    (a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start || Number(a.weak ?? false) - Number(b.weak ?? false),
  );
  const kept: { span: Span; tag: Tag; weak?: boolean }[] = [];
  const taken = new Uint8Array(text.length);
  for (const candidate of found) {
    const { start, end } = candidate.span;
    if (taken.subarray(start, end).includes(1)) continue;
    taken.fill(1, start, end);
    kept.push(candidate);
  }
  kept.sort((a, b) => a.span.start - b.span.start);

  const adjectival = new Set<number>();
  for (const match of doc.match('#Place+ #Noun').json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[]) {
    if (/^\p{Ll}/u.test(match.terms[match.terms.length - 1].text)) adjectival.add(match.terms[0].offset.start);
  }
  // "in the US": a place where something is, not an actor.
  for (const { span, tag } of kept)
    if (tag === 'Place' && /\bin (?:the )?$/.test(text.slice(Math.max(0, span.start - 7), span.start))) adjectival.add(span.start);
  // A place right before an organisation names it ("the US Commerce Department"): one name.
  for (let i = 0; i + 1 < kept.length; i++) {
    const [place, next] = [kept[i], kept[i + 1]];
    if (place.tag === 'Place' && next.tag === 'Organization' && /^ $/.test(text.slice(place.span.end, next.span.start))) {
      kept.splice(i, 2, { span: { start: place.span.start, end: next.span.end }, tag: 'Organization', weak: next.weak });
    }
    // A name found at the start of a sentence and the proper noun compromise tagged right after it are one
    // name ("Huawei" + "Technologies" in "Huawei Technologies and Verizon …").
    else if (
      place.tag !== 'Place' &&
      next.weak &&
      !/\s/.test(text.slice(next.span.start, next.span.end)) &&
      /^ $/.test(text.slice(place.span.end, next.span.start))
    ) {
      kept.splice(i, 2, { span: { start: place.span.start, end: next.span.end }, tag: place.tag, weak: place.weak });
      i -= 1;
    }
  }
  const byName = new Map<string, Mention & { weak: boolean }>();
  for (const { span, tag, weak = false } of kept) {
    // A country before a common noun is an adjective ("the US carrier", "US companies"), not its government.
    if (adjectival.has(span.start)) continue;
    const name = text.slice(span.start, span.end);
    // "Co., Ltd." alone is the tail of a name, not one.
    if (!looksLikeName(name) || name.split(/[\s,]+/).every((word) => LEGAL_FORM.test(word.replace(/\.$/, '')))) continue;
    const key = normalise(name);
    const existing = byName.get(key);
    if (existing) {
      existing.spans.push(span);
      existing.weak &&= weak;
      // A later mention may be the one that says it is a person ("chief executive Ingrid Solberg").
      if (!existing.link.party && existing.kind !== 'PERSON' && personContext(text, span)) {
        existing.link = index.link(name, 'PERSON');
        existing.kind = existing.link.party?.kind ?? 'PERSON';
      }
      continue;
    }
    // A name ending in a document's word is a list or a law, not a party ("the Entity List").
    if (DOCUMENT_WORDS.test(name)) continue;
    const link = index.link(name, tag === 'Place' ? 'AUTHORITY' : guessKind(tag, name, personContext(text, span)));
    if (tag === 'Place' && !link.party && !acting.has(span.start)) continue;
    byName.set(key, { name, spans: [span], kind: link.party?.kind ?? link.proposed!, link, weak: weak && !link.party });
  }
  // A weak one-word name that is a word of another name is that name again ("Microsystems" after
  // "Kestrel Microsystems", "Commission" after "European Commission"); one that occurs once and is
  // not an acronym is dropped ("Nordic"): a report names its parties more than once.
  const names = [...byName.values()];
  // A name listed with another ("IBM, Apple and Amazon", "Verizon and Qualcomm") is one of a kind with it.
  const starts = new Set(names.flatMap((m) => m.spans.map((span) => span.start)));
  const ends = new Set(names.flatMap((m) => m.spans.map((span) => span.end)));
  const listed = (span: Span): boolean => {
    const before = /(?:,\s*|,?\s+(?:and|or)\s+)$/.exec(text.slice(Math.max(0, span.start - 6), span.start));
    const after = /^(?:,\s*|,?\s+(?:and|or)\s+)/.exec(text.slice(span.end, span.end + 6));
    return (before !== null && ends.has(span.start - before[0].length)) || (after !== null && starts.has(span.end + after[0].length));
  };
  const out: Mention[] = [];
  for (const mention of names) {
    // A new one-word name that starts or ends a longer new name is its short form ("Huawei" after
    // "Huawei Technologies", "Meng" after "Meng Wanzhou"), whatever tagged it.
    if (!mention.link.party && !/\s/.test(mention.name)) {
      const word = normalise(mention.name);
      const longer = names.filter(
        (other) =>
          other !== mention &&
          !other.link.party &&
          /\s/.test(other.name) &&
          [normalise(other.name).split(' ')[0], normalise(other.name).split(' ').at(-1)].includes(word),
      );
      if (longer.length === 1) mention.sameAs = longer[0].name;
    }
    if (mention.weak && !/\s/.test(mention.name)) {
      const word = normalise(mention.name);
      const whole = names.find((other) => other !== mention && !other.weak && normalise(other.name).split(' ').includes(word));
      if (whole) mention.sameAs = whole.name;
      else if (mention.spans.length < 2 && !/^[A-Z]{2,6}$/.test(mention.name) && !listed(mention.spans[0])) continue;
    }
    const { weak: _weak, ...rest } = mention;
    out.push(rest);
  }
  return out;
}
