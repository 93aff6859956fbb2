import { Args, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { RequestContext } from '../../context';
import { factTypes } from '../../facts';
import type { PartyEntity } from './party.entity';
import { Party } from './party.union';

/**
 * Fields every kind of party has (company, person, authority): one implementation, inherited
 * by the three type resolvers. Each fact type that declares a `partyField` (src/facts.ts) gives
 * one, in the registry's order; then `adversaries`.
 */
export function PartyFieldsResolver<T extends PartyEntity>(type: ClassType<T>) {
  @Resolver(() => type)
  abstract class PartyFields {}

  const prototype = PartyFields.prototype as unknown as Record<string, unknown>;
  /** A method of the class, decorated as type-graphql's decorators would be in its body. */
  const define = (name: string, method: (...args: any[]) => unknown, decorate: (descriptor: PropertyDescriptor) => void) => {
    const descriptor = { value: method, writable: true, configurable: true, enumerable: false };
    Object.defineProperty(prototype, name, descriptor);
    decorate(descriptor);
  };

  for (const fact of factTypes) {
    const field = fact.partyField;
    if (!field) continue;
    const lists = field.lists ?? fact.entity;
    define(
      field.name,
      field.args
        ? (party: T, ctx: RequestContext, args: object) => field.load(ctx.loaders, party.id, args)
        : (party: T, ctx: RequestContext) => field.load(ctx.loaders, party.id, {}),
      (descriptor) => {
        FieldResolver(() => [lists], field.description ? { description: field.description } : {})(prototype, field.name, descriptor);
        Root()(prototype, field.name, 0);
        Ctx()(prototype, field.name, 1);
        if (field.args) Args(() => field.args!)(prototype, field.name, 2);
      },
    );
  }

  define(
    'adversaries',
    (party: T, ctx: RequestContext) => ctx.services.parties.adversaries(ctx.loaders, party.id),
    (descriptor) => {
      FieldResolver(() => [Party], {
        description: 'Everyone on the other side of any lawsuit, sanction or regulatory action involving it, once each.',
      })(prototype, 'adversaries', descriptor);
      Root()(prototype, 'adversaries', 0);
      Ctx()(prototype, 'adversaries', 1);
    },
  );
  return PartyFields;
}
