import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';

type Resolve = GraphQLFieldResolver<unknown, unknown>;
type Storage = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Storage['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];

/** Reads one handler argument from what graphql passes a resolver. */
type ParamReader = (root: unknown, context: unknown, info: unknown) => unknown;

/**
 * Calls the `@FieldResolver` methods that take only `@Root()`, `@Ctx()` and `@Info()` straight,
 * instead of through type-graphql's generic wrapper.
 *
 * Per call, that wrapper builds a resolver-data object, looks the resolver instance up in its
 * container (a scan of a list), sorts the method's parameter metadata (a copy each time: the
 * largest single source of garbage in the front-end page's allocation profile, about an eighth of
 * it), maps it to arguments and runs the middleware chain. For a method with no arguments to
 * convert or validate and no middleware or `@Authorized` roles, all of that is decided once here.
 * Anything else — `@Args()`, custom parameter decorators, middlewares, roles, and a root that is not
 * already of its declared class (which type-graphql would convert) — keeps type-graphql's resolver.
 *
 * The field resolver behind each schema field is found the way type-graphql's schema generator
 * finds it: in a copy of its metadata built with the same options (the generator's own copy is
 * not kept; building fills in each resolver's roles and middlewares and maps the field resolvers
 * inherited from an abstract resolver class onto the class that extends it), the first field
 * resolver of a listed resolver class whose object type and method name match the field.
 * Inherited fields share their resolver function with the type they come from, so they are
 * replaced through that function. The resolver classes are made once each with `new`, as
 * type-graphql's default container does (they hold no state; with a container of the schema's own,
 * nothing is replaced). Returns how many resolvers it replaced.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, options: BuildSchemaOptions): number {
  // Global middlewares wrap every resolver; a container gives resolver instances that `new` here would not.
  if (options.globalMiddlewares?.length || options.container) return 0;
  const resolverClasses = [...options.resolvers];
  const storage = getMetadataStorage().clone();
  storage.build({ ...options, resolvers: resolverClasses });
  // The generator's own choice: internal (on the object type's class) or of a listed resolver class.
  const candidates = storage.fieldResolvers.filter((resolver) => resolver.kind === 'internal' || resolverClasses.includes(resolver.target));
  const replaced = new Map<Resolve, Resolve>();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const interfaceFields = storage.interfaceTypes.filter((it) => objectType.interfaceClasses?.includes(it.target)).flatMap((it) => it.fields ?? []);
    for (const field of [...interfaceFields, ...(objectType.fields ?? [])]) {
      const schemaField = type.getFields()[field.schemaName];
      const original = schemaField?.resolve;
      if (!original || replaced.has(original)) continue;
      const metadata = candidates.find((resolver) => resolver.getObjectType?.() === field.target && resolver.methodName === field.name);
      const direct = metadata?.kind === 'external' && directResolver(metadata, original);
      if (direct) replaced.set(original, direct);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const direct = field.resolve && replaced.get(field.resolve);
      if (direct) field.resolve = direct;
    }
  }
  return replaced.size;
}

function directResolver(metadata: FieldResolverMetadata, original: Resolve): Resolve | null {
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  if (metadata.roles || metadata.middlewares?.length) return null;
  if (params.some((p) => p.kind !== 'root' && p.kind !== 'context' && p.kind !== 'info')) return null;
  if (params.some((p, i) => p.index !== i)) return null;
  const Target = metadata.target as new () => Record<string, (...args: unknown[]) => unknown>;
  const instance = new Target();
  const method = instance[metadata.methodName];
  if (typeof method !== 'function') return null;
  const rootParam = params.find((p): p is Extract<ParamMetadata, { kind: 'root' }> => p.kind === 'root');
  // A root of another class than the declared one is converted by type-graphql: leave that to it.
  let rootClass: Function | undefined;
  const rootIsOfItsClass = (root: unknown) => {
    if (!rootParam?.getType) return true;
    rootClass ??= rootParam.getType() as Function;
    return typeof rootClass !== 'function' || root == null || root instanceof rootClass;
  };
  // The common shape, `method(@Root() x, @Ctx() ctx)`, without an argument array.
  if (params.length === 2 && params[0].kind === 'root' && !params[0].propertyName && params[1].kind === 'context' && !params[1].propertyName) {
    return (root, args, context, info) => (rootIsOfItsClass(root) ? method.call(instance, root, context) : original(root, args, context, info));
  }
  const readers: ParamReader[] = params.map((p) => {
    if (p.kind === 'root') return p.propertyName ? (root) => (root as Record<string, unknown>)[p.propertyName!] : (root) => root;
    if (p.kind === 'context') return p.propertyName ? (_root, context) => (context as Record<string, unknown>)[p.propertyName!] : (_root, context) => context;
    return (_root, _context, info) => info;
  });
  return (root, args, context, info) => {
    if (!rootIsOfItsClass(root)) return original(root, args, context, info);
    const values = new Array(readers.length);
    for (let i = 0; i < readers.length; i++) values[i] = readers[i](root, context, info);
    return method.apply(instance, values);
  };
}
