import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PRICES } from '../prices';
import { PageInfo } from './page-info.type';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A promise, so the COUNT runs only when the field is selected. */
  readonly totalCount: number | Promise<number>;
}

/** Builds the Relay `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string, { countPrice = PRICES.count }: { countPrice?: number } = {}) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType implements Edge<T> {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} objects.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    // Not simple: the count is a promise, started only when this field is selected.
    @Field(() => Int, { simple: false, complexity: countPrice, description: 'How many objects match, over all pages.' })
    readonly totalCount: number | Promise<number>;
  }
  return ConnectionClass;
}
