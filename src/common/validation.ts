import { IsDefined, registerDecorator, Matches, ValidateIf, type ValidationOptions } from 'class-validator';
import { FuzzyDate } from './fuzzy-date/fuzzy-date';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug: lowercase letters, digits and single hyphens. */
export function IsSlug(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(SLUG_PATTERN, { message: ({ property }) => `${property} must be a slug (lowercase letters, digits and single hyphens)`, ...options });
}

/** A date in the stored notation: YYYY, YYYY-MM or YYYY-MM-DD, optionally `<`/`>` before and `~` after. */
export function IsFuzzyDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFuzzyDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => {
          if (value == null) return true;
          try {
            FuzzyDate.parse(String(value));
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: (args) => {
          const { value } = args!;
          try {
            FuzzyDate.parse(String(value));
            return '';
          } catch (error) {
            // format-error.ts puts the field name in front of every problem.
            return (error as Error).message;
          }
        },
      },
    });
}

/**
 * An update's field that may be left out (the value stays) but not set to null: the value is
 * required (a party's name). Without this, null would pass the other rules (they skip null) and
 * reach the database's NOT NULL constraint as a server error.
 */
export function NotNullWhenGiven(): PropertyDecorator {
  return (target, propertyName) => {
    ValidateIf((object: Record<string | symbol, unknown>) => object[propertyName] !== undefined)(target, propertyName);
    IsDefined({ message: ({ property }) => `${property} cannot be null: leave it out to keep the current value` })(target, propertyName);
  };
}
