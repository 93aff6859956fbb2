import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, type ValueTransformer } from 'typeorm';
import { echo } from '../errors';

export enum DatePrecision {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  DAY = 'DAY',
}
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How much of `iso` the source actually states.' });

export enum DateBound {
  BEFORE = 'BEFORE',
  AFTER = 'AFTER',
  ON_OR_BEFORE = 'ON_OR_BEFORE',
  ON_OR_AFTER = 'ON_OR_AFTER',
}
registerEnumType(DateBound, {
  name: 'DateBound',
  description: 'Set when the source only bounds the date ("over a year ago" is BEFORE about a year before the report).',
  valuesConfig: {
    ON_OR_BEFORE: { description: 'By then at the latest ("had filed", in a report of that day).' },
    ON_OR_AFTER: { description: 'Then at the earliest.' },
  },
});

/** The notation's prefix for each bound. */
const BOUND_MARKS: Record<DateBound, string> = { BEFORE: '<', AFTER: '>', ON_OR_BEFORE: '<=', ON_OR_AFTER: '>=' };
const BOUNDS_BY_MARK = new Map(Object.entries(BOUND_MARKS).map(([bound, mark]) => [mark, bound as DateBound]));

/**
 * A date as precise as its source and no more. Stored as one sortable text column in an
 * EDTF-like notation: `2019-12`, `2019-02~` (approximate), `<2019-02~` (before, approximately),
 * `<=2020-02-06` (on or before), `>`, `>=`.
 */
@ObjectType({ simpleResolvers: true, description: 'A date as precise as its source states it.' })
export class FuzzyDate {
  @Field({ description: 'ISO 8601 prefix: YYYY, YYYY-MM or YYYY-MM-DD, as precise as `precision`.' })
  iso: string;

  @Field(() => DatePrecision)
  precision: DatePrecision;

  @Field({ description: 'True when the source gives the date loosely ("a year ago").' })
  approximate: boolean;

  @Field(() => DateBound, { nullable: true, description: 'Set when the source only gives a bound.' })
  bound: DateBound | null;

  constructor(iso: string, precision: DatePrecision, approximate = false, bound: DateBound | null = null) {
    this.iso = iso;
    this.precision = precision;
    this.approximate = approximate;
    this.bound = bound;
  }

  /** Parses the stored notation; throws a message naming the bad value. */
  static parse(text: string): FuzzyDate {
    const match = /^(<=|>=|[<>])?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$/.exec(text);
    if (!match) {
      throw new Error(`${echo(text)} is not a fuzzy date (expected YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by <, <=, > or >= and followed by ~)`);
    }
    const [, boundMark, year, month, day, tilde] = match;
    if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) {
      throw new Error(`${echo(text)} has no month ${month}`);
    }
    if (day !== undefined) {
      const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) {
        throw new Error(`${echo(text)} is not a calendar date`);
      }
    }
    const precision = day ? DatePrecision.DAY : month ? DatePrecision.MONTH : DatePrecision.YEAR;
    const iso = [year, month, day].filter(Boolean).join('-');
    const bound = boundMark ? BOUNDS_BY_MARK.get(boundMark)! : null;
    return new FuzzyDate(iso, precision, tilde === '~', bound);
  }

  format(): string {
    const boundMark = this.bound ? BOUND_MARKS[this.bound] : '';
    return `${boundMark}${this.iso}${this.approximate ? '~' : ''}`;
  }
}

/** TypeORM column transformer: text column <-> FuzzyDate (null stays null). */
export const fuzzyDateTransformer: ValueTransformer = {
  to: (value: FuzzyDate | string | null | undefined) => (value == null ? null : typeof value === 'string' ? FuzzyDate.parse(value).format() : value.format()),
  from: (value: string | null) => (value == null ? null : FuzzyDate.parse(value)),
};

/** A nullable FuzzyDate column (text in the notation above). */
export function FuzzyDateColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column('varchar', { length: 24, nullable: options.nullable ?? true, transformer: fuzzyDateTransformer });
}
