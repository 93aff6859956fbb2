import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every object with an identity answers `node(id)` with itself. */
@InterfaceType({
  description: 'An object with a global, opaque ID that `Query.node(id)` resolves.',
  resolveType: (value: { nodeType: string }) => value.nodeType,
})
export abstract class Node {
  // Not simple: the schema name `id` differs from the property (the numeric key is `id` on entities).
  @Field(() => ID, { name: 'id', simple: false, description: 'Global, opaque ID; pass it to `node(id)`.' })
  globalId: string;
}
