import { citations, oneOf, slug } from '../validation/rules';
import type { NodeEntity } from '../node/node.entity';
import type { WriteDeclaration } from './declarations';
import type { FactWriter } from './fact-writer';

/**
 * A later source's statement of a fact's status, by the fact's slug: the new value with its
 * citations becomes the field's statement, and the earlier statement stays as history. The same
 * declaration for every fact that has a status, so they check and write alike.
 */
export function statusUpdate<E extends NodeEntity & { slug: string; status: S }, S extends string>(
  action: string,
  entity: new () => E,
  statuses: Record<string, S>,
  what: string,
  afterWrite?: (writer: FactWriter) => Promise<void>,
): WriteDeclaration<{ slug: string; status: S }, E> {
  return {
    action,
    rules: { slug, status: oneOf(statuses), citations },
    check: (input, checks) => checks.existing(entity, 'slug', input.slug, what),
    write: (input, writer) => writer.upsert(entity, { slug: input.slug } as Partial<E>, { status: input.status } as Partial<E>),
    cited: (row) => row,
    ...(afterWrite ? { afterWrite } : {}),
  };
}
