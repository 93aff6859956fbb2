import type { CueMatch, CueParty, CueProposal, FactCue, FactCues } from '../../common/facts/cues';
import type { DatePhrase } from './date-phrases';
import type { Mention, ParsedText, Span } from './mentions';
import type { PartyKind } from './party-linking';
import type { DisputeProposal } from '../dispute/dispute-membership';

/** A fact type's cues, as the drafting engine reads them from the registry. */
export interface CueSet {
  typeName: string;
  /** The source document's key for a list of these facts (`lawsuits`). */
  documentKey: string;
  /** The fields that assert something: each gets a provenance entry. */
  asserts: readonly string[];
  cues: FactCues;
}

/** A fact already in the store, as the engine compares it with a report's proposals. */
export interface StoredFact {
  typeName: string;
  slug: string;
  status: string | null;
  /** The value of its type's `subjectColumn` (a suit's kind). */
  subject: string | null;
  /** Party slugs by participant role. */
  roles: Record<string, string[]>;
}

export type ItemKind = 'NEW' | 'UPDATE';

/** One candidate fact of a report, for an editor to accept, correct or reject. */
export interface DraftItem {
  /** `i1`, `i2`…: unique within its draft. */
  key: string;
  kind: ItemKind;
  typeName: string;
  documentKey: string;
  /** The cue that found it (`lawsuit.settled`). */
  cue: string;
  /** The sentence it comes from, verbatim, and its span in the report. */
  quote: string;
  start: number;
  end: number;
  /**
   * NEW: the item as a source document's entry (slug, fields, quotes, attribution, hedges,
   * provenance). UPDATE: the input of the fact type's status update (`slug`, `status`,
   * `citations`, `provenance`).
   */
  entry: Record<string, unknown>;
  /** UPDATE: the stored fact, its status in the store and the one the report gives. */
  target: { slug: string; field: string; from: string | null; to: string } | null;
  /** NEW: the stored disputes it is proposed to join (set by the drafting service, which reads the store). */
  disputes?: DisputeProposal[];
}

/** A name of the report with its key for review, and the slug its items use. */
export interface DraftMention extends Mention {
  /** `m1`, `m2`…: unique within its draft. */
  key: string;
  /** The linked party's slug, or the slug proposed for a new party. */
  slug: string;
}

export interface ItemsInput {
  text: string;
  published: string;
  /** The stored source's slug (an update's citations name it). */
  source: string;
  mentions: DraftMention[];
  dates: DatePhrase[];
  doc: ParsedText;
  cueSets: readonly CueSet[];
  stored: readonly StoredFact[];
  /** Slugs taken in the store, by document key (a new item's slug avoids them). */
  takenSlugs?: (documentKey: string) => ReadonlySet<string>;
  /** Called between sentences: throws when the extraction has run out of time. */
  checkDeadline?: () => void;
}

const HEDGES = /\b(?:apparent(?:ly)?|potential(?:ly)?|reportedly|allegedly|possibly|purportedly|likely|may|might|could|appears? to|seems? to|is said to)\b/gi;
const ALLEGING = /\b(?:alleg(?:e|es|ed|ing|ation|ations)|accus(?:e|es|ed|ing|ation|ations)|charges|charged)\b/i;
const REPORTING = new Set([
  'say',
  'state',
  'tell',
  'announce',
  'deny',
  'confirm',
  'insist',
  'claim',
  'reject',
  'argue',
  'warn',
  'maintain',
  'dispute',
  'add',
  'allege',
]);
const IRREGULAR: Record<string, string> = {
  said: 'say',
  says: 'say',
  told: 'tell',
  brought: 'bring',
  threw: 'throw',
  thrown: 'throw',
  met: 'meet',
  drew: 'draw',
  // Irregular forms of the cues' verbs ("withdrew" never matched "withdraw" by suffixes).
  withdrew: 'withdraw',
  withdrawn: 'withdraw',
  upheld: 'uphold',
  overrode: 'override',
  overridden: 'override',
  fought: 'fight',
  struck: 'strike',
  won: 'win',
  lost: 'lose',
  sent: 'send',
  laid: 'lay',
  froze: 'freeze',
  frozen: 'freeze',
};
// A party described, not named, in a sentence ("the company", "the regulator", "the chip designer"), and
// several described together ("the two companies"): added to the sentence's parties, resolved to the
// parties named before.
const DESCRIPTION =
  /\b(?:the (?:(?!(?:the|a|an|and|or|but|that|to|of|in|on|with|by|for|said|says|told)\b)[\w-]+ ){0,3}?(?:company|firm|carrier|giant|maker|manufacturer|operator|designer|supplier|regulator|agency|department|ministry|commission|executive|businessman|businesswoman)|(?:the two|both) (?:companies|firms|carriers|sides))\b(?!\s+(?:of|that|which|who)\b)/gi;
const GROUP = /^(?:the two|both) /i;
// A clause ends at a comma (not one inside a number), a semicolon, a colon or a dash.
const CLAUSE_END = /[,;:—](?!\d)/g;
// A relative clause: ", who was arrested in December 2018," — its date is not the main clause's.
const RELATIVE = /,\s*(?:who|which|whose)\b[^,;]*(?:[,;]|$)/gi;
// A reference to a party by pronoun or description ("it", "the company", "the Chinese telecoms gear … giant").
const REFERENCE =
  /\b(?:it|she|he|the (?:[\w-]+ ){0,6}?(?:company|firm|group|carrier|giant|maker|manufacturer|operator|regulator|agency|department|ministry|commission|executive|businessman|businesswoman))\b/gi;

/** A verb phrase of compromise's parse. */
interface Verb {
  start: number;
  end: number;
  text: string;
  words: string[];
  passive: boolean;
}

/** The forms of a verb by its lemma: "settle" → settle, settles, settled, settling; "ban" → banned, banning. */
const FORMS = new Map<string, Set<string>>();
function formsOf(lemma: string): Set<string> {
  let forms = FORMS.get(lemma);
  if (!forms) {
    const base = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
    forms = new Set([lemma, `${lemma}s`, `${lemma}es`, `${base}ed`, `${base}ing`]);
    if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ied`).add(`${lemma.slice(0, -1)}ies`);
    // A short verb ending consonant-vowel-consonant doubles its last letter ("ban" → "banned", "drop" → "dropped").
    if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma)) forms.add(`${lemma}${lemma.at(-1)}ed`).add(`${lemma}${lemma.at(-1)}ing`);
    for (const [form, of] of Object.entries(IRREGULAR)) if (of === lemma) forms.add(form);
    FORMS.set(lemma, forms);
  }
  return forms;
}

// compromise's verbs().json() conjugates every verb (about 2 ms a verb on this machine): the verb runs
// are read from the tags instead, and a lemma compared with each word's stem.
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

function verbsOf(doc: ParsedText, text: string): Verb[] {
  const json = doc.match('#Verb+').json({ offset: true, terms: { offset: true, tags: true } }) as {
    offset: { start: number; length: number };
    terms: { text: string; tags: string[] }[];
  }[];
  return json.map((v) => {
    const start = v.offset.start;
    let end = start + v.offset.length;
    while (end > start && /[\s,.;:!?'"’”)]/.test(text[end - 1])) end -= 1;
    const phrase = text.slice(start, end);
    const words = v.terms.map((term) => term.text.toLowerCase()).filter(Boolean);
    // "was fined", "has been sued": a form of "be" before a past participle.
    const passive = v.terms.some(
      (term, i) => BE.has(term.text.toLowerCase()) && v.terms.slice(i + 1).some((next) => next.tags.includes('PastTense') || next.tags.includes('Participle')),
    );
    return { start, end, text: phrase, words, passive };
  });
}

const matchesLemma = (verb: Verb, lemma: string) => verb.words.some((word) => formsOf(lemma).has(word));

/** Sentences by compromise, also split at blank lines (a paragraph without a full stop), trimmed. */
function sentencesOf(doc: ParsedText, text: string): Span[] {
  const out: Span[] = [];
  // The document's own json is one entry per sentence (sentences().json() computes far more, ~30 ms a sentence).
  for (const s of doc.json({ offset: true, terms: false } as object) as { offset: { start: number; length: number } }[]) {
    const from = s.offset.start;
    const to = from + s.offset.length;
    let cursor = from;
    for (const gap of text.slice(from, to).matchAll(/\n\s*\n/g)) {
      out.push({ start: cursor, end: from + gap.index });
      cursor = from + gap.index + gap[0].length;
    }
    out.push({ start: cursor, end: to });
  }
  return out
    .map(({ start, end }) => {
      while (start < end && /\s/.test(text[start])) start += 1;
      while (end > start && /\s/.test(text[end - 1])) end -= 1;
      return { start, end };
    })
    .filter(({ start, end }) => end - start > 1);
}

export function slugify(words: string, max = 80): string {
  const slug = words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'item';
}

interface Occurrence {
  slug: string;
  name: string;
  kind: PartyKind;
  start: number;
  end: number;
}

/**
 * The candidate facts of a report: each sentence is matched against every fact type's cues; a cue
 * that matches proposes the item's fields; the engine adds the quote (the sentence, verbatim), who
 * says so (from the reporting verbs), the hedges (verbatim), each asserting field's provenance
 * (STATED with the words that state it, else INFERRED with a note) and, when the store already
 * holds the same fact (same type, parties in the same roles, same subject), a new statement of
 * its status instead of a duplicate. Linear in the sentences (each against a fixed set of cues).
 */
export function draftItems(input: ItemsInput): DraftItem[] {
  const { text, doc } = input;
  const occurrences: Occurrence[] = input.mentions
    .flatMap((m) => m.spans.map((span) => ({ slug: m.slug, name: text.slice(span.start, span.end), kind: m.kind, start: span.start, end: span.end })))
    .sort((a, b) => a.start - b.start);
  const verbs = verbsOf(doc, text);
  const items: DraftItem[] = [];
  const usedSlugs = new Map<string, Set<string>>();
  let topic: Occurrence | null = null;
  let lastPerson: Occurrence | null = null;
  let lastAuthority: Occurrence | null = null;
  // The last two companies named, in order: what "the two companies" are.
  const lastCompanies: Occurrence[] = [];
  let occurrence = 0;
  let verbAt = 0;

  for (const sentence of sentencesOf(doc, text)) {
    input.checkDeadline?.();
    const quote = text.slice(sentence.start, sentence.end);
    while (occurrence < occurrences.length && occurrences[occurrence].end <= sentence.start) occurrence += 1;
    const named: Occurrence[] = [];
    for (let i = occurrence; i < occurrences.length && occurrences[i].start < sentence.end; i++) named.push(occurrences[i]);
    while (verbAt < verbs.length && verbs[verbAt].start < sentence.start) verbAt += 1;
    const sentenceVerbs: Verb[] = [];
    for (let i = verbAt; i < verbs.length && verbs[i].start < sentence.end; i++) sentenceVerbs.push(verbs[i]);
    // A dateline ("2020-02-06" at the top) is the publication date, not a date of what the sentence tells.
    const sentenceDates = input.dates
      .filter((d) => d.start >= sentence.start && d.end <= sentence.end && d.phrase.trim() !== input.published)
      .map((d) => ({ value: d.date.format(), phrase: d.phrase, note: d.note, stated: d.note.endsWith('as stated'), at: d.start - sentence.start }));
    const relatives = [...quote.matchAll(RELATIVE)].map((found) => ({ start: found.index, end: found.index + found[0].length }));
    /** The date of what the words at `at` tell: the phrase of their clause, else the sentence's first outside another's relative clause. */
    const dateAt = (at: number): CueMatch['date'] => {
      const clause = clauseAround(quote, at);
      const within = (span: { start: number; end: number }, offset: number) => offset >= span.start && offset < span.end;
      return (
        sentenceDates.find((d) => within(clause, d.at)) ??
        sentenceDates.find((d) => !relatives.some((relative) => within(relative, d.at) && !within(relative, at))) ??
        null
      );
    };

    const parties: CueParty[] = named.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind, start: o.start - sentence.start }));
    // "her extradition case": a sentence naming no person but speaking of one is about the last person named.
    const pronoun = /\b(?:she|he|her|his|him)\b/i.exec(quote);
    if (pronoun && lastPerson && !named.some((o) => o.kind === 'PERSON')) {
      parties.push({ slug: lastPerson.slug, name: lastPerson.name, kind: 'PERSON', start: pronoun.index, described: pronoun[0] });
    }
    const resolve = (words: string): Occurrence | null => {
      const lower = words.toLowerCase();
      if (lower === 'she' || lower === 'he' || /executive|businessman|businesswoman/.test(lower)) return lastPerson;
      if (/regulator|agency|department|ministry|commission/.test(lower)) return lastAuthority;
      return topic?.kind === 'COMPANY' || !lastCompanies.length ? topic : (lastCompanies.at(-1) ?? null);
    };
    // "the company", "the regulator", "the two companies": parties of the sentence, described, when not named in it.
    for (const found of quote.matchAll(DESCRIPTION)) {
      // "the Federal Communications Commission" is the name itself, not a description of another party.
      const [from, to] = [sentence.start + found.index, sentence.start + found.index + found[0].length];
      if (named.some((o) => o.start < to && o.end > from)) continue;
      // "the two companies": the last two named, in this sentence before the words or in the sentences before.
      const inSentence = named.filter((o) => o.kind === 'COMPANY' && o.start - sentence.start < found.index);
      const pair = [...lastCompanies.filter((o) => !inSentence.some((n) => n.slug === o.slug)), ...inSentence]
        .filter((o, i, all) => all.findIndex((other) => other.slug === o.slug) === i)
        .slice(-2);
      const referred = GROUP.test(found[0]) ? pair : [resolve(found[0])].filter((o): o is Occurrence => o !== null);
      if (GROUP.test(found[0]) && referred.length < 2) continue;
      for (const o of referred) {
        if (parties.some((party) => party.slug === o.slug)) continue;
        parties.push({ slug: o.slug, name: o.name, kind: o.kind, start: found.index, described: found[0], group: referred.length > 1 || undefined });
      }
    }
    parties.sort((a, b) => a.start - b.start);
    /** The party the last pronoun or description between `from` and `to` refers to. */
    const refer = (from: number, to: number): CueParty[] => {
      let reference: RegExpExecArray | null = null;
      for (const found of quote.slice(from, to).matchAll(REFERENCE)) reference = found;
      const party = reference ? resolve(reference[0]) : null;
      return party && reference ? [{ slug: party.slug, name: party.name, kind: party.kind, start: from + reference.index }] : [];
    };
    /** Parties named before `at`, or the party a pronoun or description there refers to. */
    const before = (at: number): CueParty[] => {
      const list = parties.filter((p) => p.start < at);
      return list.length ? list : refer(0, at);
    };
    const { speaker, reported, claimant } = speech(quote, sentenceVerbs, sentence.start, parties, refer);

    const proposals: Proposed[] = [];
    for (const set of input.cueSets) {
      for (const cue of set.cues.cues) {
        for (const trigger of triggers(cue, quote, sentenceVerbs, sentence.start)) {
          const match: CueMatch = {
            quote,
            trigger: trigger.trigger,
            triggerText: trigger.text,
            at: trigger.at,
            passive: trigger.passive,
            parties,
            before: before(trigger.at),
            after: parties.filter((p) => p.start > trigger.at),
            speaker,
            reported,
            date: dateAt(trigger.at),
            published: input.published,
          };
          const proposal = cue.propose(match);
          if (!proposal) continue;
          const same = proposals.some(
            (p) =>
              p.set === set &&
              JSON.stringify(p.proposal.roles) === JSON.stringify(proposal.roles) &&
              (p.proposal.subject ?? null) === (proposal.subject ?? null),
          );
          if (!same) proposals.push({ set, cue, proposal, at: trigger.at });
          break;
        }
      }
    }

    // What the speaker said, as offsets in the sentence: a fact told outside it is the report's, not the speaker's.
    const reportedAt = reported ? quote.indexOf(reported) : -1;
    const saidAt = reportedAt >= 0 ? { start: reportedAt, end: reportedAt + reported!.length } : null;
    for (const { set, cue, proposal, at } of oneFactOneItem(proposals)) {
      const firstRole = Object.values(proposal.roles).find((slugs) => slugs.length)?.[0];
      const inSaid = !saidAt || (at >= saidAt.start && at < saidAt.end);
      // Allegation words count in the fact's own clause, or in what was said when the fact is part of it.
      // …and in a relative clause right after it ("fined ZTE, which it accused of lying"), which says more of its parties.
      const clause = clauseAround(quote, at);
      const relative = relatives.find((r) => r.start === clause.end);
      const own = quote.slice(clause.start, relative ? relative.end : clause.end);
      const alleging = ALLEGING.test(own) || (inSaid && saidAt !== null && ALLEGING.test(reported!));
      const sayers = {
        speaker: inSaid ? speaker : null,
        claimant: inSaid ? claimant : null,
        allegedBy: proposal.allegedBy ? proposal.roles[proposal.allegedBy]?.[0] : undefined,
        accuser: firstRole,
        alleging,
      };
      const made = itemsOf(input, set, cue, proposal, quote, sentence, sayers, items, usedSlugs);
      items.push(...made);
    }

    // The subject of a sentence that starts with a name is what "it" and "the company" refer to next.
    const first = named[0];
    if (first && first.start - sentence.start <= 20 && first.kind !== 'PERSON') topic = first;
    for (const o of named) {
      if (o.kind === 'PERSON') lastPerson = o;
      if (o.kind === 'AUTHORITY') lastAuthority = o;
      if (o.kind === 'COMPANY') {
        const at = lastCompanies.findIndex((c) => c.slug === o.slug);
        if (at >= 0) lastCompanies.splice(at, 1);
        lastCompanies.push(o);
        if (lastCompanies.length > 2) lastCompanies.shift();
      }
    }
  }
  return items.map((item, i) => ({ ...item, key: `i${i + 1}` }));
}

interface Proposed {
  set: CueSet;
  cue: FactCue;
  proposal: CueProposal;
  /** The trigger's offset in the sentence. */
  at: number;
}

/** The clause around `at` (between clause marks), as offsets in the sentence. */
function clauseAround(quote: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = quote.length;
  for (const mark of quote.matchAll(CLAUSE_END)) {
    if (mark.index < at) start = mark.index + 1;
    else {
      end = mark.index;
      break;
    }
  }
  return { start, end };
}

const partySet = (proposal: CueProposal) => JSON.stringify([...new Set(Object.values(proposal.roles).flat())].sort());

/**
 * One fact told with two status verbs in one sentence ("challenged the ban in April, but withdrew the
 * case last month"): one item, with the later verb's status, the sides the earlier verb gives when the
 * later one does not (a withdrawal does not say who sued), and the earlier verb's fields the later one
 * lacks (the filing date).
 */
function oneFactOneItem(proposals: Proposed[]): Proposed[] {
  const out: Proposed[] = [];
  for (const p of [...proposals].sort((a, b) => a.at - b.at)) {
    const field = p.set.cues.statusField;
    const earlier = field
      ? out.findIndex(
          (q) =>
            q.set === p.set &&
            partySet(q.proposal) === partySet(p.proposal) &&
            q.proposal.fields[field] !== p.proposal.fields[field] &&
            (q.proposal.subject ?? null) === (p.proposal.subject ?? null) &&
            !q.proposal.updateOnly &&
            !p.proposal.updateOnly,
        )
      : -1;
    if (earlier < 0) {
      out.push(p);
      continue;
    }
    const q = out[earlier].proposal;
    const stage = (proposal: CueProposal) => (p.set.cues.statusStages ?? []).findIndex((stages) => stages.includes(proposal.fields[field!] as string));
    const last = stage(p.proposal) >= stage(q) ? p.proposal : q;
    // The sides from a verb that says who acts on whom, over one that names both sides in no order.
    const directional = !('ANY' in q.roles) && 'ANY' in p.proposal.roles ? q : !('ANY' in p.proposal.roles) && 'ANY' in q.roles ? p.proposal : last;
    const merged: CueProposal = {
      ...directional,
      fields: { ...q.fields, ...p.proposal.fields, ...pick(directional.fields, roleFields(directional)) },
      stated: { ...q.stated, ...p.proposal.stated },
      notes: { ...q.notes, ...p.proposal.notes },
    };
    merged.fields[field!] = last.fields[field!];
    if (last.stated?.[field!]) merged.stated![field!] = last.stated[field!];
    else delete merged.stated![field!];
    out[earlier] = { ...out[earlier], proposal: merged };
  }
  return out;
}

/** The fields of a proposal that hold its parties (those whose values are its role slugs). */
function roleFields(proposal: CueProposal): string[] {
  const slugs = new Set(Object.values(proposal.roles).flat());
  return Object.entries(proposal.fields)
    .filter(([, value]) => (Array.isArray(value) ? value.length > 0 && value.every((v) => slugs.has(v as string)) : slugs.has(value as string)))
    .map(([key]) => key);
}

const pick = (fields: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((key) => [key, fields[key]]));

/** Who may be saying so: the speaker, a claimant in words, the party a suit is alleged by, the fact's first party (an accuser). */
interface Sayers {
  speaker: CueParty | null;
  claimant: string | null;
  allegedBy: string | undefined;
  accuser: string | undefined;
  /** The fact's clause (or what was said, when the fact is part of it) has words of allegation. */
  alleging: boolean;
}

interface Trigger {
  trigger: string;
  text: string;
  at: number;
  passive: boolean;
}

function triggers(cue: FactCue, quote: string, verbs: Verb[], offset: number): Trigger[] {
  const out: Trigger[] = [];
  for (const lemma of cue.verbs ?? []) {
    for (const verb of verbs) {
      if (matchesLemma(verb, lemma)) out.push({ trigger: lemma, text: verb.text, at: verb.start - offset, passive: verb.passive });
    }
  }
  if (cue.words) {
    const found = cue.words.exec(quote);
    if (found) out.push({ trigger: found[0].toLowerCase(), text: found[0], at: found.index, passive: false });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Who the sentence reports speaking and what they said: "X said (that) …", "…, X said",
 * "according to X"; a pronoun or description before the verb ("the company said") is resolved.
 * `claimant`: the words naming a speaker that is no party ("according to an analysis of filings").
 */
function speech(
  quote: string,
  verbs: Verb[],
  offset: number,
  parties: CueParty[],
  refer: (from: number, to: number) => CueParty[],
): { speaker: CueParty | null; reported: string | null; claimant: string | null } {
  const trim = (words: string) => words.replace(/^[\s,:;—–"“”']+|[\s,.;:—–"“”']+$/g, '');
  const according = /\baccording to\b/i.exec(quote);
  if (according) {
    const from = according.index + according[0].length;
    const speaker = parties.find((p) => p.start > from && p.start - from <= 12) ?? null;
    const rest = quote.slice(from);
    const comma = rest.indexOf(',');
    const reported = according.index < 3 && comma >= 0 ? trim(rest.slice(comma + 1)) : trim(quote.slice(0, according.index));
    return { speaker, reported: reported || null, claimant: speaker ? null : trim(rest.split(/[,;.]/)[0]).slice(0, 200) || null };
  }
  const verb = verbs.find((v) => [...REPORTING].some((lemma) => matchesLemma(v, lemma)));
  if (!verb) return { speaker: null, reported: null, claimant: null };
  const at = verb.start - offset;
  const clauseStart = Math.max(...[',', ';', ':', '—'].map((mark) => quote.lastIndexOf(mark, at)), -1) + 1;
  const inClause = parties.filter((p) => p.start >= clauseStart && p.start < at);
  let speaker: CueParty | null = inClause[inClause.length - 1] ?? null;
  // "Meng, who was arrested in Vancouver, has said …": the verb opens its clause; its subject is the
  // sentence's first clause, before the relative or appositive one.
  if (!speaker && quote.slice(clauseStart, at).trim() === '') {
    const firstComma = quote.search(/,(?!\d)/);
    if (firstComma > 0 && firstComma < at) speaker = parties.filter((p) => p.start < firstComma).at(-1) ?? null;
  }
  if (!speaker) {
    speaker = refer(clauseStart, at)[0] ?? null;
  }
  const afterVerb = quote.slice(verb.end - offset);
  // "…, said Huawei.": a name right after the verb that ends the clause.
  if (!speaker) {
    speaker =
      parties.find(
        (p) => p.start >= verb.end - offset && p.start - (verb.end - offset) <= 2 && /^\s*(?:[,.;:!?'"’”)]|$)/.test(quote.slice(p.start + p.name.length)),
      ) ?? null;
  }
  let reported = trim(afterVerb.replace(/^[^,;.]{0,30}?\bthat\b/i, ''));
  // "…, the company said in a statement": what was said is the clause before the speaker.
  const firstClause = reported.split(/[,;]/)[0];
  const tail = reported.length < 12 || /^(?:in|on|at|last|this|to|during|via|through|earlier|later|recently)\b[^,]{0,40}$/i.test(firstClause);
  // A denial is said in its own clause: "she denies any wrongdoing", not "any wrongdoing" (nor the clause before it).
  if (['deny', 'reject', 'dispute'].some((lemma) => matchesLemma(verb, lemma))) reported = trim(quote.slice(clauseStart));
  else if (tail && clauseStart > 0) reported = trim(quote.slice(0, clauseStart));
  // "The two companies told the court …": several parties speak together; no one party's claim.
  if (speaker?.group) return { speaker: null, reported: reported || null, claimant: speaker.described ?? null };
  return { speaker, reported: reported || null, claimant: null };
}

/** The items one proposal makes: updates of the stored facts it speaks of, else new entries. */
function itemsOf(
  input: ItemsInput,
  set: CueSet,
  cue: FactCue,
  proposal: CueProposal,
  quote: string,
  span: Span,
  sayers: Sayers,
  earlier: DraftItem[],
  usedSlugs: Map<string, Set<string>>,
): DraftItem[] {
  const { cues } = set;
  const status = cues.statusField ? (proposal.fields[cues.statusField] as string | undefined) : undefined;
  const vague = status === undefined || (cues.vagueStatuses ?? []).includes(status);
  const stored = input.stored.filter((fact) => fact.typeName === set.typeName && sameFact(fact, proposal));
  const base = {
    kind: 'NEW' as ItemKind,
    key: '',
    typeName: set.typeName,
    documentKey: set.documentKey,
    cue: cue.name,
    quote,
    start: span.start,
    end: span.end,
  };

  if (stored.length && cues.statusUpdate && cues.statusField) {
    if (vague) return []; // the stored fact, and nothing new about it
    const words = proposal.stated?.[cues.statusField];
    const statusQuote = (words && widened(quote, words)) || quote;
    return stored
      .filter((fact) => !earlier.some((item) => item.kind === 'UPDATE' && item.target?.slug === fact.slug && item.target.to === status))
      .map((fact) => ({
        ...base,
        kind: 'UPDATE' as ItemKind,
        entry: {
          slug: fact.slug,
          status,
          citations: [{ source: input.source, quote }],
          provenance: [{ field: cues.statusField!, basis: 'STATED', quotes: [{ source: input.source, quote: statusQuote }] }],
        },
        target: { slug: fact.slug, field: cues.statusField!, from: fact.status, to: status! },
      }));
  }
  if (stored.length || proposal.updateOnly) return [];

  // The same fact already proposed from an earlier sentence: this sentence is one more quote of it.
  const twin = earlier.find(
    (item) =>
      item.kind === 'NEW' &&
      cues.statusField !== undefined &&
      item.typeName === set.typeName &&
      JSON.stringify(rolesOfEntry(item)) === JSON.stringify({ roles: proposal.roles, subject: proposal.subject ?? null }) &&
      (status === undefined || item.entry[cues.statusField!] === status),
  );
  if (twin) {
    const quotes = twin.entry.quotes as string[];
    if (!quotes.includes(quote) && quotes.length < 5) quotes.push(quote);
    return [];
  }

  const saysWho = attribution(proposal, sayers);
  const hedges = [...new Set([...quote.matchAll(HEDGES)].map((found) => found[0]))];
  const provenance: Record<string, { basis: string; quotes?: string[]; note?: string }> = {};
  for (const field of set.asserts) {
    const value = proposal.fields[field];
    if (value == null || (Array.isArray(value) && value.length === 0)) continue;
    const words = proposal.stated?.[field] ? widened(quote, proposal.stated[field]) : null;
    provenance[field] = words
      ? { basis: 'STATED', quotes: [words] }
      : {
          basis: 'INFERRED',
          note: proposal.notes?.[field] ?? `read from the sentence by the drafting engine (${cue.name}); the sentence does not state it in words`,
        };
  }
  const taken = input.takenSlugs?.(set.documentKey) ?? new Set<string>();
  const used = usedSlugs.get(set.documentKey) ?? new Set<string>();
  usedSlugs.set(set.documentKey, used);
  const copies = Math.max(1, Math.min(5, proposal.copies ?? 1));
  const out: DraftItem[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    const root = slugify(copies > 1 ? `${proposal.title} ${copy}` : proposal.title);
    let slug = root;
    for (let n = 2; taken.has(slug) || used.has(slug); n++) slug = `${root.slice(0, 75)}-${n}`;
    used.add(slug);
    const entry: Record<string, unknown> = { slug, ...proposal.fields, quotes: [quote], ...saysWho, provenance: structuredClone(provenance) };
    if (hedges.length) entry.hedges = hedges;
    out.push({ ...base, entry: withRoles(entry, { roles: proposal.roles, subject: proposal.subject ?? null }), target: null });
  }
  return out;
}

/** A quote proves a value only if it says something (three words, twelve characters: the citation rule): widened word by word. */
const MIN_WORDS = 3;
const MIN_CHARACTERS = 12;
const WORD_AT = /[\p{L}\p{N}]+/gu;

/**
 * The words of `quote` that state a value, widened to whole words around them until they make a
 * valid citation (QUOTE_MIN_WORDS, QUOTE_MIN_CHARACTERS): "sued" becomes "Huawei sued the". Null
 * when the words are not in the quote.
 */
export function widened(quote: string, words: string): string | null {
  const at = quote.indexOf(words);
  if (at < 0) return null;
  const spans = [...quote.matchAll(WORD_AT)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let start = at;
  let end = at + words.length;
  const inside = () => spans.filter((w) => w.end > start && w.start < end).length;
  let left = spans.findIndex((w) => w.end > start) - 1;
  let right = spans.findIndex((w) => w.start >= end);
  if (right < 0) right = spans.length;
  // One word to the left, then one to the right, and so on: the value stays in the middle.
  for (let turn = 0; (inside() < MIN_WORDS || end - start < MIN_CHARACTERS) && (right < spans.length || left >= 0); turn++) {
    if ((turn % 2 === 0 && left >= 0) || right >= spans.length) start = spans[left--].start;
    else end = spans[right++].end;
  }
  return inside() >= MIN_WORDS && end - start >= MIN_CHARACTERS ? quote.slice(start, end) : null;
}

// The roles an entry was proposed with, kept beside it (not part of the document) for matching later sentences.
const ROLES = Symbol('roles');
function withRoles(entry: Record<string, unknown>, roles: { roles: Record<string, string[]>; subject: string | null }): Record<string, unknown> {
  Object.defineProperty(entry, ROLES, { value: roles, enumerable: false });
  return entry;
}
const rolesOfEntry = (item: DraftItem) => (item.entry as Record<symbol, unknown>)[ROLES];

function sameFact(fact: StoredFact, proposal: CueProposal): boolean {
  if (proposal.subject && fact.subject && proposal.subject !== fact.subject) return false;
  const all = new Set(Object.values(fact.roles).flat());
  for (const [role, slugs] of Object.entries(proposal.roles)) {
    if (!slugs.length) continue;
    // ANY: these parties among the fact's (a settlement names both sides); a role: exactly its parties.
    const have = role === 'ANY' ? all : new Set(fact.roles[role] ?? []);
    if (!slugs.every((slug) => have.has(slug)) || (role !== 'ANY' && have.size !== new Set(slugs).size)) return false;
  }
  return Object.values(proposal.roles).some((slugs) => slugs.length > 0);
}

/**
 * In whose voice: the cue's own claimant (a statement's speaker); an allegation ("alleged",
 * "accused", "charges") by its accuser; speech ("said", "according to") as its speaker's claim;
 * a suit as its plaintiff's allegation; else the publication's own report.
 */
function attribution(proposal: CueProposal, { speaker, claimant, allegedBy, accuser, alleging }: Sayers): Record<string, unknown> {
  if (proposal.claimedBy) return { attribution: 'CLAIMED', claimedBy: proposal.claimedBy };
  const by = allegedBy ?? speaker?.slug ?? accuser;
  if (alleging && by) return { attribution: 'ALLEGED', claimedBy: by };
  if (speaker) return { attribution: 'CLAIMED', claimedBy: speaker.slug };
  if (claimant) return { attribution: 'CLAIMED', claimant };
  if (allegedBy) return { attribution: 'ALLEGED', claimedBy: allegedBy };
  return { attribution: 'REPORTED' };
}
