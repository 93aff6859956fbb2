import unhomoglyph from 'unhomoglyph';
import { FuzzyDate } from '../fuzzy-date/fuzzy-date';
import { echo } from '../errors';

/**
 * The rules every write path checks its input with: GraphQL mutation inputs, `importSource` and
 * `npm run import` documents. Each fact's field rules are declared once, in its module's
 * `<name>.writes.ts`, from the rules here; the mutation runner and the document importer both
 * run those declarations, so a value refused on one path is refused on every path, with the same
 * field path relative to the fact (`parties[0].name`, `citations[0].quote`).
 *
 * Decisions:
 * - Strings are never trimmed silently: a name, title, slug or quote with whitespace around it
 *   is refused ("must not begin or end with whitespace"), so what is stored is exactly what was
 *   sent (a document's content hash and verbatim quotes depend on that). Only a source's full text
 *   is kept as given, surrounding whitespace included.
 * - Control characters (C0 and C1, except tab and line breaks in multi-line text) and the
 *   bidirectional formatting characters (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069) are
 *   refused in every string: they can make a name display as something else.
 * - A party's name or alias may not have a word that mixes Latin, Greek and Cyrillic letters where
 *   one of them looks like a letter of another ("Huаwei" with a Cyrillic а): it would pass for a
 *   different party's name. Which letters look alike is Unicode's confusables data (the
 *   unhomoglyph library), not a table of ours. Slugs are ASCII only, so they cannot mix scripts.
 * - One slug pattern and one country-code pattern for the whole project (SLUG_PATTERN, COUNTRY_PATTERN).
 * - A citation quote has at least QUOTE_MIN_CHARACTERS characters and QUOTE_MIN_WORDS words (see there).
 */

/** One problem with one field: its path relative to what was validated, and what is wrong. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * What a rule accepts, as GraphQL types it: a fact's mutation input is made from its rules
 * (input-type.ts), so a field's rule and its GraphQL type are declared once.
 */
export type Accepts =
  | { kind: 'String' | 'Int' }
  | { kind: 'enum'; values: Record<string, string> }
  | { kind: 'list'; item: Accepts }
  /** An object: a nested GraphQL input of this name (when it is in one). */
  | { kind: 'object'; shape: Shape; name?: string; description?: string };

/**
 * Checks a value at a path, adding a problem for everything wrong with it. `T` is the type of a
 * value it accepts, for the types derived from a shape (DocOf); the properties say the same to
 * GraphQL.
 */
export interface Rule<T = unknown> {
  (value: unknown, path: string, problems: Problem[]): void;
  /** What it accepts (absent: a rule of its own, `custom`, which no GraphQL input is made from). */
  readonly accepts?: Accepts;
  /** Absent (or null) is allowed: a nullable GraphQL field. */
  readonly optional?: boolean;
  /** The GraphQL input field's description. */
  readonly description?: string;
  /** The GraphQL input field's default (then not nullable: left out, it is this). */
  readonly defaultValue?: unknown;
  /** Type-level only: never set. */
  readonly __value?: T;
}

/** Rules for the fields of an object, by field name. */
export type Shape = Record<string, Rule<any>>;

/** The type a rule accepts. */
export type ValueOf<R> = R extends Rule<infer T> ? T : never;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends ValueOf<S[K]> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The object a shape accepts: its fields, optional where their rule allows absence (`lawsuits[i]` of a document). */
export type DocOf<S extends Shape> = Flat<{ [K in Exclude<keyof S, OptionalKeys<S>>]: ValueOf<S[K]> } & { [K in OptionalKeys<S>]?: ValueOf<S[K]> }>;

type RuleMeta = Pick<Rule, 'accepts' | 'optional' | 'description' | 'defaultValue'>;

/** A rule from its check and what it accepts. */
function rule<T>(meta: RuleMeta, check: (value: unknown, path: string, problems: Problem[]) => void): Rule<T> {
  return Object.assign(check, meta) as Rule<T>;
}

/** What a rule says of itself (its check aside), to carry over to a rule made from it. */
const metaOf = ({ accepts, optional, description, defaultValue }: Rule<any>): RuleMeta => ({ accepts, optional, description, defaultValue });

/**
 * The same rule, with what its GraphQL input field says: a description, a default. Values are
 * checked the same.
 */
export function described<T>(base: Rule<T>, graphql: string | { description?: string; defaultValue?: T }): Rule<T> {
  const { description, defaultValue } = typeof graphql === 'string' ? { description: graphql, defaultValue: undefined } : graphql;
  return rule<T>(
    { ...metaOf(base), ...(description !== undefined && { description }), ...(defaultValue !== undefined && { defaultValue }) },
    (value, path, problems) => base(value, path, problems),
  );
}

/** `base` + `key`, as a field path: `parties[0].name`. */
export function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** Runs a rule on a value; its problems (none when valid). */
export function check(rule: Rule, value: unknown, path = ''): Problem[] {
  const problems: Problem[] = [];
  rule(value, path, problems);
  return problems;
}

/** `path: message` for each problem (the document importer's format). */
export const describeProblems = (problems: Problem[]) => problems.map((p) => `${p.path}: ${p.message}`);

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** GraphQL's Int: a stored integer outside it cannot be read back. */
export const GRAPHQL_INT_MAX = 2 ** 31 - 1;
/** A quote proves a fact only if it says something: at least twelve characters and three words (runs of letters or digits). */
export const QUOTE_MIN_CHARACTERS = 12;
export const QUOTE_MIN_WORDS = 3;
export const QUOTE_MAX_LENGTH = 2000;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const WORD = /[\p{L}\p{N}]+/gu;

const STRING: Accepts = { kind: 'String' };

/** A value as a problem quotes it (cut: see `echo`). */
const shown = echo;

/** null or absent is fine; anything else must pass `rule`. */
export function optional<T>(base: Rule<T>): Rule<T | null | undefined> {
  return rule({ ...metaOf(base), optional: true }, (value, path, problems) => {
    if (value != null) base(value, path, problems);
  });
}

/**
 * An update's field that may be left out (the value stays) but not set to null (a party's name):
 * null would otherwise reach the database's NOT NULL constraint as a server error.
 */
export function notNullWhenGiven<T>(base: Rule<T>): Rule<T | undefined> {
  return rule({ ...metaOf(base), optional: true }, (value, path, problems) => {
    if (value === undefined) return;
    if (value === null) problems.push({ path, message: 'cannot be null: leave it out to keep the current value' });
    else base(value, path, problems);
  });
}

interface TextOptions {
  max: number;
  /** Tabs and line breaks allowed (descriptions, summaries, statements, source texts). */
  multiline?: boolean;
  /** Whitespace around it allowed (a source's full text, kept verbatim). */
  verbatim?: boolean;
}

function text({ max, multiline = false, verbatim = false }: TextOptions): Rule<string> {
  return rule({ accepts: STRING }, (value, path, problems) => {
    const report = (message: string) => problems.push({ path, message });
    if (value == null) return report('is required (a non-empty string)');
    if (typeof value !== 'string') return report(`must be a string (got ${shown(value)})`);
    if (value.trim() === '') return report('must not be empty');
    if (value.length > max) report(`must be at most ${max} characters (got ${value.length})`);
    if (!verbatim && value !== value.trim()) report('must not begin or end with whitespace');
    if ((multiline ? CONTROL : CONTROL_OR_LINE_BREAK).test(value))
      report(multiline ? 'must not contain control characters' : 'must not contain control characters or line breaks');
    if (BIDI.test(value)) report('must not contain bidirectional formatting characters (U+200E/F, U+202A–U+202E, U+2066–U+2069)');
  });
}

/** One line: a name, title, role, place (no line breaks). */
export const line = (max: number): Rule<string> => text({ max });

/** The alphabets whose letters are confused with one another (Unicode's Script property, as the regular-expression engine knows it). */
const LOOKALIKE_SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
];
const NAME_WORD = /[\p{L}\p{M}]+/gu;
const scriptOf = (character: string) => LOOKALIKE_SCRIPTS.find(([, pattern]) => pattern.test(character))?.[0];

/**
 * The first word of `value` that mixes Latin, Greek or Cyrillic letters of which one is a
 * confusable of a letter of another script in the same word (UTS #39's mixed-script confusable),
 * described; null when there is none. A word in one script (Газпром, Ωmega is Greek and Latin but Ω
 * looks like no Latin letter) passes.
 */
export function mixedScriptConfusable(value: string): string | null {
  for (const word of value.match(NAME_WORD) ?? []) {
    const scripts = new Set<string>();
    for (const character of word) {
      const script = scriptOf(character);
      if (script) scripts.add(script);
    }
    if (scripts.size < 2) continue;
    for (const character of word) {
      const script = scriptOf(character);
      if (!script) continue;
      const lookalike = unhomoglyph(character);
      const other = lookalike === character ? undefined : scriptOf(lookalike[0]);
      if (other && other !== script && scripts.has(other)) {
        const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        return `mixes scripts: in ${echo(word)}, "${character}" (U+${code}) is a ${script} letter that looks like the ${other} "${lookalike}"; write each word in one script`;
      }
    }
  }
  return null;
}

/** A party's name or alias: one line, no word that mixes lookalike letters of Latin, Greek and Cyrillic. */
export const nameLine = (max: number): Rule<string> =>
  both(
    line(max),
    custom((value) => mixedScriptConfusable(value as string)),
  );
/** Running text: a description, summary, statement (line breaks allowed). */
export const prose = (max: number): Rule<string> => text({ max, multiline: true });
/** A source's full text, kept exactly as given. */
export const verbatimText = (max: number): Rule<string> => text({ max, multiline: true, verbatim: true });

/** A slug: lowercase letters, digits and single hyphens (the project's one slug pattern). */
export const slug = rule<string>({ accepts: STRING }, (value, path, problems) => {
  if (value == null) return (problems.push({ path, message: 'is required (a slug)' }), undefined);
  if (typeof value !== 'string') return (problems.push({ path, message: `must be a slug string (got ${shown(value)})` }), undefined);
  if (!SLUG_PATTERN.test(value)) problems.push({ path, message: `${shown(value)} is not a slug (lowercase letters, digits and single hyphens)` });
  else if (value.length > SLUG_MAX_LENGTH) problems.push({ path, message: `must be at most ${SLUG_MAX_LENGTH} characters (got ${value.length})` });
});

/** An ISO 3166-1 alpha-2 country code (the project's one country pattern). */
export const country = rule<string>({ accepts: STRING }, (value, path, problems) => {
  if (typeof value !== 'string' || !COUNTRY_PATTERN.test(value))
    problems.push({ path, message: `must be an ISO 3166-1 alpha-2 code such as "CN" (got ${shown(value)})` });
});

/** An absolute http: or https: URL (nothing a browser would run: javascript:, data:, vbscript:…). */
export const url = rule<string>({ accepts: STRING }, (value, path, problems) => {
  const before = problems.length;
  line(2000)(value, path, problems);
  if (problems.length > before) return;
  let parsed: URL | null = null;
  try {
    parsed = new URL(value as string);
  } catch {
    // not a URL
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname || /\s/.test(value as string)) {
    problems.push({ path, message: `must be an http(s) URL (got ${shown(value)})` });
  }
});

/** A whole number within [min, max] (and so within GraphQL's Int). */
export function int(min: number, max: number): Rule<number> {
  if (min < -GRAPHQL_INT_MAX - 1 || max > GRAPHQL_INT_MAX) throw new Error('int bounds must lie within GraphQL Int');
  return rule({ accepts: { kind: 'Int' } }, (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) problems.push({ path, message: `must be a whole number (got ${shown(value)})` });
    else if (value < min || value > max) problems.push({ path, message: `must be between ${min} and ${max} (got ${value})` });
  });
}

/** One of an enum's values. */
export function oneOf<E extends Record<string, string>>(values: E): Rule<E[keyof E]> {
  const allowed = Object.keys(values);
  return rule({ accepts: { kind: 'enum', values } }, (value, path, problems) => {
    if (typeof value !== 'string' || !allowed.includes(value)) problems.push({ path, message: `must be one of ${allowed.join(', ')} (got ${shown(value)})` });
  });
}

/** A date in the stored notation: YYYY, YYYY-MM or YYYY-MM-DD, optionally `<`/`>` before and `~` after. */
export const fuzzyDate = rule<string>({ accepts: STRING }, (value, path, problems) => {
  if (typeof value !== 'string') return (problems.push({ path, message: 'must be a fuzzy date string such as "2019-12" or "2019-02~"' }), undefined);
  try {
    FuzzyDate.parse(value);
  } catch (error) {
    problems.push({ path, message: (error as Error).message });
  }
});

/** A citation's quote: says something (see QUOTE_MIN_*); whether it occurs in its source is checked against the stored text. */
export const quote = rule<string>({ accepts: STRING }, (value, path, problems) => {
  const before = problems.length;
  text({ max: QUOTE_MAX_LENGTH, multiline: true })(value, path, problems);
  if (problems.length > before) return;
  const words = (value as string).match(WORD)?.length ?? 0;
  if ((value as string).length < QUOTE_MIN_CHARACTERS || words < QUOTE_MIN_WORDS) {
    problems.push({ path, message: `must quote at least ${QUOTE_MIN_WORDS} words and ${QUOTE_MIN_CHARACTERS} characters of the source (got ${shown(value)})` });
  }
});

interface ListOptions {
  min?: number;
  max: number;
  /** The problem when there are fewer than `min` items. */
  tooFew?: string;
}

/** A list whose items each pass `item`. */
export function list<T>(item: Rule<T>, { min = 0, max, tooFew }: ListOptions): Rule<T[]> {
  return rule({ accepts: item.accepts && { kind: 'list', item: item.accepts } }, (value, path, problems) => {
    if (!Array.isArray(value)) return (problems.push({ path, message: value == null && tooFew ? tooFew : 'must be a list' }), undefined);
    if (value.length < min) problems.push({ path, message: tooFew ?? `must list at least ${min}` });
    if (value.length > max) return (problems.push({ path, message: `must list at most ${max} (got ${value.length})` }), undefined);
    value.forEach((v, i) => item(v, pathOf(path, i), problems));
  });
}

/** An object whose fields pass their rules (fields without a rule are not looked at). */
export function object<S extends Shape>(shape: S, input?: { name: string; description?: string }): Rule<DocOf<S>> {
  return rule({ accepts: { kind: 'object', shape, ...input } }, (value, path, problems) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return (problems.push({ path: path || 'input', message: 'must be an object' }), undefined);
    for (const [key, check] of Object.entries(shape)) check((value as Record<string, unknown>)[key], pathOf(path, key), problems);
  });
}

/** Both rules (the second only when the first found nothing). */
export function both<T>(first: Rule<T>, second: Rule): Rule<T> {
  return rule(metaOf(first), (value, path, problems) => {
    const before = problems.length;
    first(value, path, problems);
    if (problems.length === before) second(value, path, problems);
  });
}

/** A rule of its own: `test` returns a problem, or null. */
export function custom(test: (value: unknown) => string | null): Rule {
  return rule({}, (value, path, problems) => {
    const message = test(value);
    if (message) problems.push({ path, message });
  });
}

/** The quotes of a document's fact: at least one, each a quote (verbatim occurrence is checked against the text). */
export const quotes: Rule<string[]> = list(quote, { min: 1, max: 50, tooFew: 'every fact needs at least one verbatim quote of the source' });

/** A GraphQL input's citations: at least one `{ source, quote }`. */
export const citations: Rule<{ source: string; quote: string }[]> = list(object({ source: slug, quote }), {
  min: 1,
  max: 50,
  tooFew: 'must list at least one source and verbatim quote: no fact without a source',
});

/** Party slugs: at least `min`. */
export const partySlugs = (min: number, max = 50): Rule<string[]> => list(slug, { min, max, tooFew: `must list at least ${min} party slug(s)` });
