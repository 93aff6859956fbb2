import type { WriteDeclaration } from '../writes/declarations';

/**
 * Cue patterns: how the drafting engine (src/modules/draft/) recognises a kind of fact in a
 * report's sentences. Each fact type declares its own, in its module (`<name>.cues.ts`, attached to
 * its FactType as `cues`); the engine knows no fact type by name. A cue names the verbs (by lemma,
 * as compromise reads them: "sued" → "sue") or the words that signal the fact, and turns one
 * matched sentence into the fields of a document item of the fact's type.
 */

export type CuePartyKind = 'COMPANY' | 'PERSON' | 'AUTHORITY';

/** A party named in a matched sentence (or referred to by a pronoun: then `start` is the pronoun's). */
export interface CueParty {
  /** The party's slug: a stored party's, or the slug proposed for a new one. */
  slug: string;
  /** The name as the sentence writes it. */
  name: string;
  kind: CuePartyKind;
  /** Offset in the sentence. */
  start: number;
  /**
   * Not named in the sentence but described ("the company", "the regulator", "the two companies"): the
   * words, verbatim. A description of several parties ("the two companies") is no one party's voice.
   */
  described?: string;
  /** One of several parties described together ("the two companies"). */
  group?: boolean;
}

/** One sentence of a report that a cue matched. */
export interface CueMatch {
  /** The sentence, verbatim: the item's quote. */
  quote: string;
  /** The verb's lemma or the word that matched (lower case). */
  trigger: string;
  /** The trigger as the sentence writes it ("have settled"), and its offset in the sentence. */
  triggerText: string;
  at: number;
  /** The verb is passive ("was fined by"): its subject is the one acted upon. */
  passive: boolean;
  /** Parties named in the sentence, in order; `before` and `after` the trigger. */
  parties: CueParty[];
  before: CueParty[];
  after: CueParty[];
  /** Who the sentence reports speaking ("X said", "according to X"), when anyone. */
  speaker: CueParty | null;
  /** What the speaker said (the reported clause, verbatim), when the sentence reports speech. */
  reported: string | null;
  /**
   * The date phrase of the trigger's clause, else the sentence's first one outside a relative clause
   * ("Meng, who was arrested in December, said …": not the date of the saying), resolved against the
   * publication date; `at`: its offset in the sentence.
   */
  date: { value: string; phrase: string; note: string; stated: boolean; at: number } | null;
  /** The report's publication date, YYYY-MM-DD. */
  published: string;
}

/** The fields a cue proposes for one item, and where each comes from. */
export interface CueProposal {
  /** A short title (the item's slug is made from it). */
  title: string;
  /** The document item's fields, without `slug`, quotes and who-says-so. */
  fields: Record<string, unknown>;
  /** Per field: the words of the quote that state it (verbatim). A field left out here is INFERRED. */
  stated?: Record<string, string>;
  /** Per field: why an inferred value is what it is (a default note is generated otherwise). */
  notes?: Record<string, string>;
  /**
   * The parties by participant role (the FactType's `participants`), to find the same fact in the
   * store; `ANY`: these parties in whatever roles (a settlement names both sides, not who sued).
   */
  roles: Record<string, string[]>;
  /** Without a reporting verb, the fact is an allegation by the first party of this role (a suit: its plaintiff). */
  allegedBy?: string;
  /** The fact is this party's own claim, whatever the sentence's verbs (a statement: its speaker's). */
  claimedBy?: string;
  /**
   * The sentence names only some of the fact's parties (an extradition "case" of a person, the state
   * not named): it can speak of a stored fact with those parties, but is no new fact of its own.
   */
  updateOnly?: boolean;
  /** How many such facts the sentence speaks of ("two lawsuits"): as many items. */
  copies?: number;
  /** The fact's subject, compared with a stored fact's (`FactCues.subjectColumn`) when both are known. */
  subject?: string | null;
}

export interface FactCue {
  /** `lawsuit.settled`: shown to the reviewer as why the item was proposed. */
  name: string;
  /** Verb lemmas that trigger the cue. */
  verbs?: readonly string[];
  /** Words that trigger it (when no verb does): a regular expression without the global flag. */
  words?: RegExp;
  /** The item, or null when the sentence lacks what the fact needs (its parties). */
  propose(match: CueMatch): CueProposal | null;
}

/** A fact type's cues, and how a report's word on a stored fact of the type is written. */
export interface FactCues {
  cues: readonly FactCue[];
  /** The status field of the fact (a later report's value becomes a new statement of it). */
  statusField?: string;
  /** The write of a new status statement on a stored fact: input `{ slug, status, citations, provenance }`. */
  statusUpdate?: WriteDeclaration<any, any>;
  /**
   * The statuses in the order a fact goes through them (a case is filed, then decided or dismissed, then
   * appealed, then settled or withdrawn). A sentence that tells one fact with two status verbs ("filed in
   * April, but withdrew the case") gives the fact the status furthest along; a status not listed ranks first.
   */
  statusStages?: readonly (readonly string[])[];
  /** Statuses that count as "the same" as any other, proposing no update on their own (UNKNOWN). */
  vagueStatuses?: readonly string[];
  /** The column of the fact's row compared with a proposal's `subject` (a suit's `kind`). */
  subjectColumn?: string;
}

/** The parties of `list` of one kind or more. */
export const ofKind = (list: readonly CueParty[], ...kinds: CuePartyKind[]) => list.filter((party) => kinds.includes(party.kind));

/** The first word of `words` found in `quote` (case-insensitive), as the quote writes it. */
export function stated(quote: string, pattern: RegExp): string | undefined {
  return pattern.exec(quote)?.[0];
}
