import { Field, InputType, Int } from 'type-graphql';
import type { Accepts, DocOf, Shape } from './rules';

type Constructor<T = object> = abstract new () => T;

/** The GraphQL type of what a rule accepts, as type-graphql takes it. */
function graphqlType(accepts: Accepts, where: string): unknown {
  switch (accepts.kind) {
    case 'String':
      return String;
    case 'Int':
      return Int;
    case 'enum':
      return accepts.values;
    case 'list':
      return [graphqlType(accepts.item, where)];
    case 'object': {
      if (!accepts.name) throw new Error(`${where}: a nested object needs the name of its input type (object(shape, { name }))`);
      let made = nested.get(accepts.shape);
      if (!made) nested.set(accepts.shape, (made = inputType(accepts.name, accepts.shape, { description: accepts.description })));
      return made;
    }
  }
}

/** Nested input classes, each made once (by its shape). */
const nested = new WeakMap<Shape, unknown>();

/**
 * A type-graphql input class made from a shape: one field per rule, in the shape's order, typed by
 * what the rule accepts (String, Int, an enum, a list, a nested input), nullable where the rule is
 * optional (unless it has a default), with the rule's description and default. So a mutation's
 * input is declared once, as the rules its values are checked by (src/common/validation/rules.ts);
 * `base` adds its own fields first (`CitedInput`: the citations and who says so).
 */
export function inputType<S extends Shape, B extends object = object>(
  name: string,
  shape: S,
  { description, base }: { description?: string; base?: Constructor<B> } = {},
): Constructor<DocOf<S> & B> {
  const Base = (base ?? class {}) as abstract new () => object;
  // A named class (its name shows in stack traces and type-graphql's messages).
  const made = { [name]: class extends Base {} }[name];
  for (const [field, rule] of Object.entries(shape)) {
    if (!rule.accepts) throw new Error(`${name}.${field}: its rule says no GraphQL type (a custom rule: wrap a typed one)`);
    const type = graphqlType(rule.accepts, `${name}.${field}`);
    Field(() => type as never, {
      ...(rule.optional && rule.defaultValue === undefined && { nullable: true }),
      ...(rule.description !== undefined && { description: rule.description }),
      ...(rule.defaultValue !== undefined && { defaultValue: rule.defaultValue }),
    })(made.prototype, field);
  }
  InputType(name, description ? { description } : {})(made);
  return made as unknown as Constructor<DocOf<S> & B>;
}
