import { type DatePhrase, findDatePhrases } from './date-phrases';
import { type Mention, findMentions } from './mentions';
import { type KnownParty, PartyIndex } from './party-linking';
import { loadedOnFirstUse } from '../../common/lazy-module';

export interface ExtractOptions {
  /** The report's publication date, YYYY-MM-DD: what "a year ago" counts from. */
  published: string;
  /** The parties the store knows (or a PartyIndex of them, to reuse across reports). */
  parties: readonly KnownParty[] | PartyIndex;
}

export interface NamesAndDates {
  /** In order of first occurrence. */
  mentions: Mention[];
  /** In text order. */
  dates: DatePhrase[];
}

/** Longest report text read (characters): longer texts are refused, not truncated. */
export const MAX_TEXT_LENGTH = 100_000;

/**
 * The names and date phrases of one report, each with its span, names linked to the known parties.
 * Pure and deterministic: the same text, date and parties give the same answer.
 */
export function extractNamesAndDates(text: string, options: ExtractOptions): NamesAndDates {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new RangeError(`the text is ${text.length} characters; at most ${MAX_TEXT_LENGTH} are read`);
  }
  const index = options.parties instanceof PartyIndex ? options.parties : new PartyIndex(options.parties);
  return { mentions: findMentions(text, index), dates: findDatePhrases(text, options.published) };
}

/**
 * Loads the language and date parsers (once; later calls do nothing): a server calls it before it
 * listens, and drafting before its deadline starts, so their one-time load never counts as a text's work.
 */
export const loadDraftingLibraries = loadedOnFirstUse(() => {
  extractNamesAndDates('Example Corp. sued Sample Ltd. a year ago.', { published: '2020-01-01', parties: [] });
});
