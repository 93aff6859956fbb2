import { distance } from 'fastest-levenshtein';
import type { PartyType } from '../party/party.entity';

/**
 * A party's kind, as the values of PartyType: imported as a type only, so the engine loads without
 * the entities (and their ORM decorators) and stays testable as plain functions.
 */
export type PartyKind = `${PartyType}`;

/** A party the store knows, as plain data (the engine needs no database). */
export interface KnownParty {
  slug: string;
  name: string;
  aliases: readonly string[];
  kind: PartyKind;
}

/** Why a name was linked to a party, strongest first. */
export enum LinkRule {
  NAME = 'NAME',
  ALIAS = 'ALIAS',
  LEGAL_NAME = 'LEGAL_NAME',
  ACRONYM = 'ACRONYM',
  SIMILAR = 'SIMILAR',
}

export interface PartyCandidate {
  slug: string;
  kind: PartyKind;
  rule: LinkRule;
  /** 0..1: 1 for the exact rules, the similarity of the closest of the party's names otherwise. */
  score: number;
}

export interface PartyLink {
  /** The party the name most likely is, or null: then the reviewer is offered `proposed`. */
  party: PartyCandidate | null;
  /** Up to MAX_ALTERNATIVES other parties, best first, scoring at least ALTERNATIVE_THRESHOLD. */
  alternatives: PartyCandidate[];
  /** When nothing links: a new party of this kind. */
  proposed: PartyKind | null;
}

/**
 * Lowest similarity that links a name to a party on its own. Measured on the seed's names: the
 * closest pair of different parties' normalised names scores well under it, and one-letter
 * misspellings of names of six letters or more ("Qualcom", "Verizn") score above it.
 */
export const LINK_THRESHOLD = 0.8;
/** Lowest similarity still shown to the reviewer as an alternative. */
export const ALTERNATIVE_THRESHOLD = 0.5;
export const MAX_ALTERNATIVES = 3;

const EXACT_SCORES: Record<Exclude<LinkRule, LinkRule.SIMILAR>, number> = {
  NAME: 1,
  ALIAS: 1,
  LEGAL_NAME: 0.95,
  ACRONYM: 0.9,
};

// Legal forms and the generic words companies append to their names; stripped from the end only,
// and never down to nothing ("Communications" alone stays).
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'sa',
  'ag',
  'gmbh',
  'nv',
  'bv',
  'spa',
  'srl',
  'oy',
  'oyj',
  'ab',
  'as',
  'kk',
  'pte',
  'pty',
  'holdings',
  'group',
  'communications',
  'government',
]);

/** Lower case, straight quotes, no possessive, punctuation as spaces, no leading "the". */
export function normalise(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** `normalise` without trailing legal forms: "Huawei Technologies Co., Ltd." → "huawei technologies". */
export function legalCore(name: string): string {
  const words = normalise(name).split(' ');
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/** Initials of the significant words: "Federal Communications Commission" → "fcc". */
function acronym(name: string): string {
  const words = normalise(name)
    .split(' ')
    .filter((word) => !['of', 'and', 'for', 'the', 'de', 'du', 'des', 'la'].includes(word));
  return words.length > 1 ? words.map((word) => word[0]).join('') : '';
}

/** Levenshtein similarity: 1 - distance / longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

function blockKeys(core: string): string[] {
  return [
    ...new Set(
      core
        .split(' ')
        .filter(Boolean)
        .map((word) => word.slice(0, 3)),
    ),
  ];
}

/** Indexes of the store's parties, built once per set of parties and reused for every name. */
export class PartyIndex {
  private readonly exactName = new Map<string, KnownParty[]>();
  private readonly exactAlias = new Map<string, KnownParty[]>();
  private readonly legal = new Map<string, KnownParty[]>();
  private readonly acronyms = new Map<string, KnownParty[]>();
  private readonly forms: { party: KnownParty; core: string }[] = [];
  // Blocking for the similarity pass: forms by the first three letters of each of their words, so a
  // name is compared with the forms that share a word start, not with the whole store.
  private readonly blocks = new Map<string, number[]>();
  // Known names by their first word (lower case), longest first: the verbatim scan of a text.
  private readonly byFirstWord = new Map<string, { text: string; kind: PartyKind }[]>();
  private lexiconCache: { people: string[]; organizations: string[] } | null = null;

  // Pairs of parties an editor decided are not the same ("a\u0000b", both orders): never suggested for each other.
  private readonly notSame = new Set<string>();

  constructor(
    readonly parties: readonly KnownParty[],
    options: { notSame?: readonly { party: string; other: string }[] } = {},
  ) {
    for (const { party, other } of options.notSame ?? []) this.notSame.add(`${party}\u0000${other}`).add(`${other}\u0000${party}`);
    const add = (map: Map<string, KnownParty[]>, key: string, party: KnownParty) => {
      if (!key) return;
      const list = map.get(key) ?? [];
      if (!list.includes(party)) list.push(party);
      map.set(key, list);
    };
    for (const party of parties) {
      add(this.exactName, normalise(party.name), party);
      for (const alias of party.aliases) add(this.exactAlias, normalise(alias), party);
      for (const name of [party.name, ...party.aliases]) {
        add(this.legal, legalCore(name), party);
        add(this.acronyms, acronym(name), party);
        // "US" for the "United States government": the initials of the name without its generic words.
        add(this.acronyms, acronym(legalCore(name)), party);
        const core = legalCore(name);
        const position = this.forms.push({ party, core }) - 1;
        for (const key of blockKeys(core)) {
          const list = this.blocks.get(key) ?? [];
          list.push(position);
          this.blocks.set(key, list);
        }
        const first = name.split(/\s+/)[0].toLowerCase();
        const list = this.byFirstWord.get(first) ?? [];
        list.push({ text: name, kind: party.kind });
        this.byFirstWord.set(first, list);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
  }

  /** The known names starting with this word (any case), longest first. */
  namesStartingWith(word: string): readonly { text: string; kind: PartyKind }[] {
    return this.byFirstWord.get(word.toLowerCase()) ?? [];
  }

  /** Every known name and alias in lower case, people apart from organisations: a tagger's lexicon. */
  lexicon(): { people: string[]; organizations: string[] } {
    if (!this.lexiconCache) {
      const people = new Set<string>();
      const organizations = new Set<string>();
      for (const party of this.parties) {
        for (const name of [party.name, ...party.aliases]) (party.kind === 'PERSON' ? people : organizations).add(name.toLowerCase());
      }
      this.lexiconCache = { people: [...people].sort(), organizations: [...organizations].sort() };
    }
    return this.lexiconCache;
  }

  /**
   * Links one name: exact name, alias, legal name without its suffixes, acronym, then string
   * similarity of the legal names. `guess` is the kind proposed when nothing links.
   */
  link(name: string, guess: PartyKind): PartyLink {
    const normal = normalise(name);
    const core = legalCore(name);
    const exact: PartyCandidate[] = [];
    const push = (rule: Exclude<LinkRule, LinkRule.SIMILAR>, parties: KnownParty[] | undefined) => {
      for (const party of parties ?? []) {
        if (!exact.some((candidate) => candidate.slug === party.slug)) {
          exact.push({ slug: party.slug, kind: party.kind, rule, score: EXACT_SCORES[rule] });
        }
      }
    };
    push(LinkRule.NAME, this.exactName.get(normal));
    push(LinkRule.ALIAS, this.exactAlias.get(normal));
    push(LinkRule.LEGAL_NAME, this.legal.get(core));
    // An all-capitals name is read as an acronym of a party's name ("FCC").
    if (/^[A-Z]{2,6}$/.test(name)) push(LinkRule.ACRONYM, this.acronyms.get(normal));

    // Similarity: the best of each party's names, parties already matched exactly left out.
    const best = new Map<string, PartyCandidate>();
    const positions = new Set<number>();
    for (const key of blockKeys(core)) for (const position of this.blocks.get(key) ?? []) positions.add(position);
    for (const position of [...positions].sort((a, b) => a - b)) {
      const { party, core: form } = this.forms[position];
      if (exact.some((candidate) => candidate.slug === party.slug)) continue;
      const score = Math.round(similarity(core, form) * 1000) / 1000;
      const previous = best.get(party.slug);
      if (score >= ALTERNATIVE_THRESHOLD && (!previous || score > previous.score)) {
        best.set(party.slug, { slug: party.slug, kind: party.kind, rule: LinkRule.SIMILAR, score });
      }
    }
    // Ties break on the slug, so the same input always gives the same answer.
    const byScore = (a: PartyCandidate, b: PartyCandidate) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
    const similar = [...best.values()].sort(byScore);
    const ranked = [...exact.sort(byScore), ...similar];
    const top = ranked[0];
    if (top && top.score >= LINK_THRESHOLD) {
      // A party decided not to be the linked one is not offered beside it.
      const others = ranked.slice(1).filter((candidate) => !this.notSame.has(`${top.slug}\u0000${candidate.slug}`));
      return { party: top, alternatives: others.slice(0, MAX_ALTERNATIVES), proposed: null };
    }
    return { party: null, alternatives: ranked.slice(0, MAX_ALTERNATIVES), proposed: guess };
  }
}
