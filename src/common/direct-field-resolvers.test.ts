import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Info,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  buildSchema,
  type BuildSchemaOptions,
} from 'type-graphql';
import { buildAppSchema } from '../schema';
import { callFieldResolversDirectly } from './direct-field-resolvers';

interface Context {
  calls: string[];
  role?: string;
}

@ObjectType()
class Shelf {
  @Field(() => Int) id!: number;
}

@ObjectType()
class Book {
  @Field(() => Int) id!: number;
  shelfId!: number;
}

const books = () => [Object.assign(new Book(), { id: 1, shelfId: 7 }), Object.assign(new Book(), { id: 2, shelfId: 8 })];

@Resolver(() => Book)
class BookResolver {
  @Query(() => [Book])
  books(): Book[] {
    return books();
  }

  // A plain object, not a Book: type-graphql converts it, so the direct call must not take it.
  @Query(() => Book)
  plainBook(): Book {
    return { id: 3, shelfId: 9 } as Book;
  }

  @FieldResolver(() => Shelf)
  shelf(@Root() book: Book, @Ctx() context: Context): Shelf {
    context.calls.push(`shelf:${book instanceof Book ? 'Book' : 'plain'}`);
    return Object.assign(new Shelf(), { id: book.shelfId });
  }

  @FieldResolver(() => String)
  described(@Info() info: { fieldName: string }, @Root('id') id: number, @Ctx('calls') calls: string[]): string {
    calls.push('described');
    return `${info.fieldName} ${id}`;
  }

  @FieldResolver(() => Int)
  plus(@Root() book: Book, @Arg('n', () => Int) n: number): number {
    return book.id + n;
  }

  @Authorized('ADMIN')
  @FieldResolver(() => String)
  secret(@Root() book: Book): string {
    return `secret ${book.id}`;
  }

  @UseMiddleware(({ context }: { context: Context }, next) => {
    context.calls.push('middleware');
    return next();
  })
  @FieldResolver(() => String)
  watched(@Root() book: Book): string {
    return `watched ${book.id}`;
  }
}

const options: BuildSchemaOptions = {
  resolvers: [BookResolver],
  authChecker: ({ context }: { context: Context }, roles: string[]) => roles.includes(context.role ?? ''),
};

async function schemas(): Promise<{ plain: GraphQLSchema; direct: GraphQLSchema; replaced: number }> {
  const plain = await buildSchema(options);
  const direct = await buildSchema(options);
  const replaced = callFieldResolversDirectly(direct, options);
  return { plain, direct, replaced };
}

async function run(schema: GraphQLSchema, source: string, context: Context) {
  return JSON.parse(JSON.stringify(await graphql({ schema, source, contextValue: context })));
}

describe('callFieldResolversDirectly', () => {
  it('replaces only the resolvers that take root, context and info, and answers as type-graphql does', async () => {
    const { plain, direct, replaced } = await schemas();
    expect(replaced).toBe(2);
    const fields = direct.getType('Book') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
    const before = plain.getType('Book') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
    for (const name of ['plus', 'secret', 'watched']) expect(fields.getFields()[name].resolve!.toString()).toBe(before.getFields()[name].resolve!.toString());
    for (const name of ['shelf', 'described']) expect(fields.getFields()[name].resolve!.toString()).not.toBe(before.getFields()[name].resolve!.toString());

    const query = '{ books { id shelf { id } described plus(n: 10) watched } plainBook { shelf { id } } }';
    const [a, b] = [{ calls: [] }, { calls: [] }] as Context[];
    expect(await run(direct, query, b)).toEqual(await run(plain, query, a));
    expect(b.calls).toEqual(a.calls);
    // A plain-object root went back to type-graphql, which made it a Book.
    expect(b.calls).toContain('shelf:Book');
    expect(b.calls.filter((c) => c === 'middleware')).toHaveLength(2);
  });

  it('keeps @Authorized checks', async () => {
    const { direct } = await schemas();
    const denied = await run(direct, '{ books { secret } }', { calls: [] });
    expect(denied.errors?.[0].message).toMatch(/Access denied/);
    const allowed = await run(direct, '{ books { secret } }', { calls: [], role: 'ADMIN' });
    expect(allowed.data.books[0].secret).toBe('secret 1');
  });

  it('replaces the plain relation fields of the application schema, inherited ones included', async () => {
    const schema = await buildAppSchema();
    const resolverOf = (type: string, field: string) =>
      (schema.getType(type) as unknown as { getFields(): Record<string, { resolve?: Function }> }).getFields()[field].resolve!;
    // Company's and Person's `sanctions` come from one abstract resolver class: both replaced, as one function.
    expect(resolverOf('Company', 'sanctions')).toBe(resolverOf('Company', 'sanctions'));
    expect(resolverOf('Company', 'sanctions').toString()).toMatch(/method\.call/);
    expect(resolverOf('Person', 'sanctions').toString()).toMatch(/method\.call/);
    expect(resolverOf('Lawsuit', 'plaintiffs').toString()).toMatch(/method\.call/);
    // With arguments to convert and validate: type-graphql's own.
    expect(resolverOf('Company', 'lawsuits').toString()).toMatch(/resolverData/);
  });
});
