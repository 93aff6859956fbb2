import { Max, Min } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * The bounds of an integer argument, declared once: the class-validator rule on its args class,
 * its schema description, its check before execution (query-limits.ts reads `extensions.range`
 * off the schema's argument) and its price (`clampTo`) all read the same declaration.
 */
export interface IntRange {
  /** The argument's name, as messages spell it. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

export function intRange(name: string, min: number, max: number): IntRange {
  return Object.freeze({ name, min, max });
}

/** "1–100": the bounds as descriptions show them. */
export function rangeText(range: IntRange): string {
  return `${range.min}–${range.max}`;
}

function rangeMessage(range: IntRange): string {
  return `${range.name} must be between ${range.min} and ${range.max}`;
}

/**
 * The argument's bounds as a property decorator: class-validator's Min and Max (what a resolver's
 * validation checks) and the range in the argument's schema extensions (what the check before
 * execution and the price read).
 */
export function InRange(range: IntRange): PropertyDecorator {
  const min = Min(range.min, { message: rangeMessage(range) });
  const max = Max(range.max, { message: rangeMessage(range) });
  const extensions = Extensions({ range }) as PropertyDecorator;
  return (target, property) => {
    min(target, property);
    max(target, property);
    extensions(target, property);
  };
}

/** Is a value given for a ranged argument outside it? null and absent are not (they mean the default). */
export function outOfRange(range: IntRange, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return !(typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max);
}

/**
 * The value a price reads: an integer within the range as given, any other value clamped into it
 * (the check before execution refuses those, so this only makes a price that cannot go below the
 * price at the minimum, whatever it is handed); `fallback` (the argument's default) when absent.
 */
export function clampTo(range: IntRange, value: unknown, fallback: number): number {
  const n = typeof value === 'number' && !Number.isNaN(value) ? value : fallback;
  return Math.min(Math.max(Math.trunc(n), range.min), range.max);
}

/** An argument outside its declared bounds, refused before anything executes (HTTP 400). */
export class ArgumentRangeError extends GraphQLError {
  constructor(range: IntRange, value: unknown, field: string) {
    // The shape of every other argument error (format-error.ts), with the value found in the message.
    super(`Invalid arguments: ${range.name}: ${rangeMessage(range)} (got ${shownValue(value)} on ${field})`, {
      extensions: { code: 'BAD_USER_INPUT', invalidArguments: [{ field: range.name, problems: [rangeMessage(range)] }], http: { status: 400 } },
    });
  }
}

function shownValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
