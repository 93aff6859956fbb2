import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { maxSameNameFields, resultCost } from './operation-measure';

const schema = buildSchema(`
  type Query { items(first: Int = 20): [Item!]! item: Item thing: Thing }
  type Item { id: ID! name(x: Int): String tags: [String!]! child: Item }
  union Thing = Item
`);

describe('maxSameNameFields', () => {
  it('counts same-named fields with arguments or a selection, through inline fragments and each distinct fragment once', () => {
    expect(maxSameNameFields(parse('{ item { id } item { id } ... on Query { item { id } } }'))).toBe(3);
    expect(maxSameNameFields(parse('{ ...F ...F item { id } } fragment F on Query { item { id } item { name } }'))).toBe(3);
    // Plain leaves compare in constant time: not counted.
    expect(maxSameNameFields(parse(`{ item { ${'id '.repeat(50)} } }`))).toBe(1);
    expect(maxSameNameFields(parse(`{ item { ${Array.from({ length: 30 }, (_, k) => `name(x: ${k})`).join(' ')} } }`))).toBe(30);
  });

  it('terminates on a fragment cycle (validation refuses it), counting each fragment once along the cycle', () => {
    // B's set spreads A, whose names already hold B's own once: 3, not more.
    expect(maxSameNameFields(parse('{ ...A } fragment A on Query { item { id } ...B } fragment B on Query { item { id } ...A }'))).toBe(3);
  });
});

describe('resultCost', () => {
  const cost = (query: string, data: Record<string, unknown>) => {
    const document = parse(query);
    return resultCost(schema, document, document.definitions[0] as OperationDefinitionNode, {}, data);
  };

  it('prices a list by the items it holds and a null object by its own price', () => {
    expect(
      cost('{ items(first: 100) { id name } }', {
        items: [
          { id: '1', name: 'a' },
          { id: '2', name: 'b' },
        ],
      }),
    ).toBe(1 + 2 * 2);
    expect(cost('{ items { id } }', { items: [] })).toBe(1);
    expect(cost('{ item { id child { id } } }', { item: null })).toBe(1);
    expect(cost('{ item { id child { id } } }', { item: { id: '1', child: { id: '2' } } })).toBe(4);
  });

  it('reads merged fields, aliases and fragments as execution merges them, and a union by its __typename', () => {
    const query = '{ a: item { id } a: item { name } ...F thing { __typename ... on Item { id } } } fragment F on Query { item { id } }';
    expect(cost(query, { a: { id: '1', name: 'x' }, item: { id: '2' }, thing: { __typename: 'Item', id: '3' } })).toBe(3 + 2 + 3);
  });

  it('refuses an answer that does not fit the operation (the caller then refunds nothing)', () => {
    expect(() => cost('{ item { id } }', { item: 'not an object' })).toThrow();
  });
});
