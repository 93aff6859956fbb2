import 'reflect-metadata';
import { isAbstractType, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { callFieldResolversDirectly } from './common/direct-field-resolvers';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { nodeEntities } from './entities';
import { validateArgs } from './common/validate-args';
import { authChecker } from './common/auth';
import { NodeResolver } from './common/node/node.resolver';

/**
 * Every resolver class of src/modules, found where the convention puts them: the classes a
 * module's `*.resolver.ts` files export. A module (a fact type's included) is in the schema by
 * having its resolver file; there is no list to keep. Files are loaded in path order, so the
 * schema's root fields come out in the same order on every build.
 */
function moduleResolvers(): Function[] {
  const modules = path.join(__dirname, 'modules');
  // `.ts` under ts-jest, `.js` in dist/ (where build.mjs prunes outputs whose source is gone).
  const suffix = `.resolver${path.extname(__filename)}`;
  const files = (readdirSync(modules, { recursive: true }) as string[]).filter((file) => file.endsWith(suffix)).sort();
  const isResolver = (value: unknown) => getMetadataStorage().resolverClasses.some((r) => r.target === value);
  const found = new Set<Function>();
  for (const file of files) {
    // A dynamic require: the one place modules are found by name (their layers are checked on their own imports).
    const exports = require(path.join(modules, file)) as Record<string, unknown>;
    for (const value of Object.values(exports)) if (typeof value === 'function' && isResolver(value)) found.add(value);
  }
  return [...found];
}

export const resolvers = [NodeResolver, ...moduleResolvers()] as [Function, ...Function[]];

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const options: BuildSchemaOptions = {
    resolvers,
    // Node types reachable only through `node(id)` must still be in the schema.
    orphanedTypes: Object.values(nodeEntities),
    validateFn: validateArgs,
    // `@Authorized(Role.X)`: checked for every field that has it, however the field is reached.
    authChecker,
  };
  const schema = await buildSchema(options);
  // Every abstract type here (Node, Cited, Party) is resolved by the object's `nodeType`.
  // type-graphql wraps resolveType in an async function, which graphql-jit cannot call; this
  // synchronous one gives the same answer.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) type.resolveType = (value: { nodeType?: string }) => value.nodeType;
  }
  callFieldResolversDirectly(schema, options);
  return schema;
}

const HEADER = '# Emitted by `npm run schema` from the type-graphql classes in src/. Do not edit by hand.\n\n';

/** The SDL committed as schema/schema.graphql. */
export async function printAppSchema(): Promise<string> {
  return HEADER + printSchema(await buildAppSchema()) + '\n';
}
