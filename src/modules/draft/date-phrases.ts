import type * as chrono from 'chrono-node';
import { loadedOnFirstUse } from '../../common/lazy-module';
import { DateBound, DatePrecision, FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';

/** A date phrase of a report, resolved against its publication date. */
export interface DatePhrase {
  /** The phrase verbatim, qualifier included ("over a year ago"): `text.slice(start, end)`. */
  phrase: string;
  start: number;
  end: number;
  date: FuzzyDate;
  /** How the date was read, for the reviewer and as the field's provenance note. */
  note: string;
}

/** `YYYY-MM-DD` → the reference chrono counts from (noon UTC, so no time zone moves the day). */
export function parsePublished(published: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== published) {
    throw new RangeError(`published must be a calendar date YYYY-MM-DD, not "${published}"`);
  }
  return date;
}

// chrono's casual English parsers do not read a bare year ("in 2018", "since 2015"): this adds one,
// through chrono's own parser interface, for years after a preposition only (a bare "2018" is as
// often a count or a model number as a year).
const BARE_YEAR = /\b(?:in|since|during|by|until|before|after|from|throughout)\s+((?:1[89]|20)\d{2})\b(?![-/.]\d)/i;
// Loaded when the first text is read (src/common/lazy-module.ts says why).
const parser = loadedOnFirstUse(() => {
  const casual = (require('chrono-node') as typeof chrono).casual.clone();
  casual.parsers.push({
    pattern: () => BARE_YEAR,
    extract: (_context, match) => ({ year: Number(match[1]) }),
  });
  return casual;
});

// Words just before chrono's phrase that bound or loosen it; chrono drops them ("over a year ago"
// comes back as "a year ago"), so the span is widened to keep the phrase verbatim.
const QUALIFIER_BEFORE = /(?:^|[\s(])((?:more than|less than|over|nearly|almost|about|around|roughly|some|before|after|since|until|by|in|on|during)\s+)$/i;

const AGO_BOUNDS: Record<string, DateBound> = {
  over: DateBound.BEFORE,
  'more than': DateBound.BEFORE,
  nearly: DateBound.AFTER,
  almost: DateBound.AFTER,
  'less than': DateBound.AFTER,
};
const DATE_BOUNDS: Record<string, DateBound> = {
  before: DateBound.BEFORE,
  after: DateBound.AFTER,
  since: DateBound.ON_OR_AFTER,
  by: DateBound.ON_OR_BEFORE,
  until: DateBound.ON_OR_BEFORE,
};
const LOOSE = new Set(['about', 'around', 'roughly', 'some']);

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number, precision: DatePrecision): string {
  if (precision === DatePrecision.YEAR) return String(year);
  if (precision === DatePrecision.MONTH) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Every date phrase chrono finds in `text`, read against the publication date, as a FuzzyDate as
 * precise as the phrase: certain components decide the precision (`isCertain`), "… ago" is
 * approximate, a qualifier ("over", "before", "since") sets the bound. Phrases that name only a
 * time of day are left out. Deterministic for a given text and date.
 */
export function findDatePhrases(text: string, published: string): DatePhrase[] {
  const reference = parsePublished(published);
  const results = parser().parse(text, { instant: reference, timezone: 0 });
  const phrases: DatePhrase[] = [];
  for (const result of results) {
    const read = readResult(text, result, reference, published);
    if (read) phrases.push(read);
  }
  return phrases;
}

function readResult(text: string, result: chrono.ParsedResult, reference: Date, published: string): DatePhrase | null {
  let start = result.index;
  // chrono sometimes keeps the comma after the phrase ("in December,").
  const end = result.index + result.text.replace(/[\s,;:]+$/, '').length;
  const before = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  if (before) start -= before[1].length;
  const phrase = text.slice(start, end);
  const lower = phrase.toLowerCase().replace(/\s+/g, ' ');
  const qualifier = /^(more than|less than|\w+)\s/.exec(lower)?.[1] ?? '';

  // "a year after", "two months later": chrono counts them from the publication date, but the report
  // counts them from another event; they are not dates of their own.
  if (/\b(after|later|before|earlier|from now|hence)$/.test(lower)) return null;

  const component = result.start;
  let year = component.get('year');
  let month = component.get('month');
  let day = component.get('day');
  if (year === null || month === null || day === null) return null;

  let precision: DatePrecision;
  let approximate = LOOSE.has(qualifier);
  let bound: DateBound | null = DATE_BOUNDS[qualifier] ?? null;
  let how: string;
  const ago = /\b(year|month|week|day|hour|minute)s?\s+ago\b/.exec(lower);
  const period = /\b(last|this|next)\s+(year|month|week)\b/.exec(lower);
  if (ago) {
    // "a year ago" in a February report is about February of the year before, not a day.
    precision = ago[1] === 'year' || ago[1] === 'month' ? DatePrecision.MONTH : DatePrecision.DAY;
    approximate = ago[1] !== 'day' && ago[1] !== 'hour' && ago[1] !== 'minute';
    bound = AGO_BOUNDS[qualifier] ?? null;
    how = `counted back from the publication date ${published}`;
  } else if (period) {
    precision = period[2] === 'year' ? DatePrecision.YEAR : period[2] === 'month' ? DatePrecision.MONTH : DatePrecision.DAY;
    approximate = approximate || period[2] === 'week';
    how = `the ${period[2]} of the publication date ${published}`;
  } else if (component.isCertain('day') || component.isCertain('weekday')) {
    precision = DatePrecision.DAY;
    if (!component.isCertain('day') && !/\b(next|coming)\b/.test(lower)) {
      // chrono takes the nearest such weekday, which may be after publication; a report tells of
      // the past, so a bare "Monday" is the latest Monday on or before the publication date.
      const resolved = Date.UTC(year, month - 1, day, 12);
      if (resolved > reference.getTime()) {
        const back = new Date(resolved - 7 * 86_400_000);
        [year, month, day] = [back.getUTCFullYear(), back.getUTCMonth() + 1, back.getUTCDate()];
      }
    }
    how = component.isCertain('year') ? 'as stated' : `the year from the publication date ${published}`;
  } else if (component.isCertain('month')) {
    precision = DatePrecision.MONTH;
    how = component.isCertain('year') ? 'as stated' : `the latest such month up to the publication date ${published}`;
    if (!component.isCertain('year')) {
      // chrono picks the nearest such month, which may lie ahead; a report's "in December" is the last one.
      const published0 = reference.getUTCFullYear() * 12 + reference.getUTCMonth();
      if (year * 12 + month - 1 > published0) year -= 1;
    }
  } else if (component.isCertain('year')) {
    precision = DatePrecision.YEAR;
    how = 'as stated';
  } else {
    return null; // a time of day only
  }
  const date = new FuzzyDate(iso(year, month, day, precision), precision, approximate, bound);
  return { phrase, start, end, date, note: `“${phrase}”: ${date.format()}, ${how}` };
}
