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
  const all = Array.isArray(argValue) ? argValue : [argValue];
  for (const item of all) if (item !== null && typeof item === 'object') nullMeansDefault(item);
  const items = all.filter((item): item is object => item !== null && typeof item === 'object' && hasValues(item));
  try {
    await Promise.all(items.map((item) => validateOrReject(item, OPTIONS)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as never);
  }
}

/**
 * An explicit null for an argument that has a default means the default (`first: null` is the
 * default page, not an empty one): the schema declares such arguments nullable with a default,
 * and a client sending null for "unset" is common. Arguments without a default keep their null.
 */
function nullMeansDefault(item: object): void {
  const values = item as Record<string, unknown>;
  const nulls = Object.keys(values).filter((key) => values[key] === null);
  if (!nulls.length) return;
  let defaults: Record<string, unknown>;
  try {
    defaults = new (item.constructor as new () => Record<string, unknown>)();
  } catch {
    return;
  }
  for (const key of nulls) if (defaults[key] != null) values[key] = defaults[key];
}
