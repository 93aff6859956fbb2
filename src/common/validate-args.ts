import { validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const hasValues = (value: object) => Object.values(value).some((v) => v != null);

/**
 * class-validator for every @Args and @Arg input, as type-graphql's `validate: true` does, but
 * skipping argument objects that carry no values at all: a nested list asked for without
 * arguments (e.g. `lawsuits` on each of 50 companies) has nothing to check.
 */
export async function validateArgs(argValue: unknown): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const items = (Array.isArray(argValue) ? argValue : [argValue]).filter((item): item is object => item !== null && typeof item === 'object' && hasValues(item));
  try {
    await Promise.all(items.map((item) => validateOrReject(item, OPTIONS)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as never);
  }
}
