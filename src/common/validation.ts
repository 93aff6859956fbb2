import { registerDecorator, Matches, type ValidationOptions } from 'class-validator';
import { FuzzyDate } from './fuzzy-date/fuzzy-date';
import { SLUG_PATTERN } from './validation/rules';

/*
 * class-validator decorators for query arguments. Write inputs are checked by the rules of
 * src/common/validation/rules.ts (see the mutation runner), with the same slug pattern.
 */

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
