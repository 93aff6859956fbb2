import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every object with an identity answers `node(id)` with itself. */
@InterfaceType({
  description: 'An object with a global, opaque ID that `Query.node(id)` resolves.',
  resolveType: (value: { nodeType: string }) => value.nodeType,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Global, opaque ID; pass it to `node(id)`.' })
  globalId: string;
}
