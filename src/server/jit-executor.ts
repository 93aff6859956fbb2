import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, print, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { PromiseOrValue } from 'graphql/jsutils/PromiseOrValue';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { isThenable } from '../common/thenable';
import { OperationMeasurer } from './operation-measure';
import { coerceVariables } from './variable-values';

/** Default of `maxCompiledNodes`. */
export const JIT_MAX_NODES = 300;

/**
 * Default of `maxCachedNodes`: what compiled operations may hold in all, counted in their
 * expanded fields. Measured (bench/distinct-documents.ts): ~1.2 kB of heap per compiled field
 * (294-field operations: 350 kB each), so 20,000 fields hold about 24 MB.
 */
export const JIT_CACHE_NODES = 20_000;

export interface JitOptions {
  /** Compiled operations kept, by the sum of their expanded fields (each counts at least 1). */
  maxCachedNodes?: number;
  /** Operations remembered as seen once (a hash of each): the second sight compiles. */
  maxSeen?: number;
  /**
   * An operation that expands to more fields than this runs on graphql-js, uncompiled: compile
   * time grows with the expanded size (60–130 µs a field here, so at most ~40 ms for 300), and
   * it runs on the event loop. Apollo Sandbox's introspection (229) and the front-end page (61) compile.
   */
  maxCompiledNodes?: number;
}

/** A cache entry: emptied when the cache lets it go, so a document Apollo still holds does not keep its compiled query alive. */
interface Compiled {
  query: CompiledQuery | undefined;
}

/**
 * Executes operations with graphql-jit instead of graphql-js: a document seen a second time is
 * compiled into a plain function (no per-field resolver dispatch), then run per request; the
 * first time it runs on graphql-js (a compile costs more than a run, and most of the memory: a
 * client sending ever new documents gets nothing compiled). It plugs
 * into Apollo through the documented gateway interface, so parsing, validation (with its
 * document cache), plugins, error formatting and HTTP handling stay Apollo's.
 */
export class JitExecutorGateway implements GatewayInterface {
  /** By a hash of the canonical text (graphql-js's `print`): reformatting a document does not force a new compile. */
  private readonly compiled: LRUCache<string, Compiled>;
  /** Hashes of operations run once on graphql-js. */
  private readonly seen: LRUCache<string, true>;
  /** The cache's entry (or the operation's hash) by parsed document, which Apollo hands back for a repeated query: no printing then. */
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, { key: string; entry?: Compiled }>>();
  private readonly maxCompiledNodes: number;
  /** Operations compiled so far (for tests: how much planning work requests caused). */
  compiles = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    { maxCachedNodes = JIT_CACHE_NODES, maxSeen = 10_000, maxCompiledNodes = JIT_MAX_NODES }: JitOptions = {},
  ) {
    this.compiled = new LRUCache({
      maxSize: maxCachedNodes,
      sizeCalculation: (_entry, key) => Math.max(1, nodesOf(key)),
      dispose: (entry) => {
        entry.query = undefined;
      },
    });
    this.seen = new LRUCache({ max: maxSeen });
    this.maxCompiledNodes = maxCompiledNodes;
  }

  /** Compiled operations held now, and their expanded fields in all (for tests). */
  get cached(): { operations: number; nodes: number } {
    return { operations: this.compiled.size, nodes: this.compiled.calculatedSize };
  }

  async load() {
    // Returns the result itself when the operation ran synchronously (Apollo awaits whatever it gets).
    const executor = ({ document, operationName, operation, request, context }: Parameters<GatewayExecutor>[0]): PromiseOrValue<ExecutionResult> => {
      // When Apollo resolved no operation its `operationName` is null: graphql-js gets the one the
      // client asked for, so a name that matches nothing is refused rather than the only operation run.
      const run = () =>
        execute({
          schema: this.schema,
          document,
          operationName: operation ? operationName : request.operationName,
          variableValues: request.variables,
          contextValue: context,
        });
      // Mutations are not the hot path: graphql-js runs them, with its exact input coercion. An
      // unresolved operation (several and no name, or an unknown name) gets graphql-js's own error.
      if (!operation || operation.operation !== 'query') return run();
      // graphql-js's coercion first: its errors name the variable and the path inside it exactly
      // (graphql-jit's do not), and Apollo answers them as BAD_USER_INPUT with HTTP 400.
      const variables = coerceVariables(this.schema, operation, request);
      if (variables.errors) return { errors: variables.errors };
      const query = this.plan(document, operation, operationName ?? '');
      if (query === 'graphql-js') return run();
      if (!isCompiledQuery(query)) return query as ExecutionResult;
      const finish = (result: ExecutionResult): ExecutionResult =>
        result.errors ? { ...result, errors: (result.errors as readonly JitError[]).map((error) => toGraphQLError(error, operation)) } : result;
      const result = query.query(undefined, context, request.variables ?? {}) as PromiseOrValue<ExecutionResult>;
      return isThenable(result) ? (result as Promise<ExecutionResult>).then(finish) : finish(result);
    };
    return { executor: executor as GatewayExecutor };
  }

  /**
   * The compiled operation (compiled on its second sight), or 'graphql-js' for its first run and
   * for one too large to compile.
   */
  private plan(document: DocumentNode, operation: OperationDefinitionNode, operationName: string): CompiledQuery | 'graphql-js' | ExecutionResult {
    let forDocument = this.byDocument.get(document);
    if (!forDocument) this.byDocument.set(document, (forDocument = new Map()));
    let slot = forDocument.get(operationName);
    if (slot?.entry?.query) return slot.entry.query;
    if (!slot) {
      const nodes = new OperationMeasurer(this.schema, document, null).operation(operation).nodes;
      // The size leads the key: the cache counts it without measuring again.
      const hash = createHash('sha256').update(operationName).update('\0').update(print(document)).digest('base64');
      forDocument.set(operationName, (slot = { key: `${Math.min(nodes, this.maxCompiledNodes + 1)}:${hash}` }));
    }
    if (nodesOf(slot.key) > this.maxCompiledNodes) return 'graphql-js';
    const cached = this.compiled.get(slot.key);
    if (cached?.query) {
      slot.entry = cached;
      return cached.query;
    }
    if (!this.seen.has(slot.key)) {
      this.seen.set(slot.key, true);
      return 'graphql-js';
    }
    this.compiles += 1;
    const query = compileQuery(this.schema, document, operationName || undefined);
    if (!isCompiledQuery(query)) return query as ExecutionResult;
    slot.entry = { query };
    this.compiled.set(slot.key, slot.entry);
    return query;
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]) {
    callback({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
    return () => undefined;
  }

  async stop() {
    this.compiled.clear();
    this.seen.clear();
  }
}

/** The expanded fields that lead a cache key. */
function nodesOf(key: string): number {
  return Number(key.slice(0, key.indexOf(':')));
}

type JitError = Pick<GraphQLError, 'message' | 'path' | 'locations' | 'originalError'> & { extensions?: GraphQLError['extensions'] };

/**
 * graphql-jit reports errors as look-alikes of graphql-js's GraphQLError (read-only `message`, no
 * `extensions` unless the cause had some, variable errors without their AST node); Apollo and its
 * plugins need them as graphql-js would give them, so each is rebuilt as a real one.
 */
function toGraphQLError(error: JitError, operation: OperationDefinitionNode): GraphQLError {
  // A variable that could not be coerced: attach its definition, as graphql-js does, so Apollo
  // answers BAD_USER_INPUT with HTTP 400 exactly as without graphql-jit.
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(error.message)?.[1];
  const definition = variable ? operation.variableDefinitions?.find((d) => d.variable.name.value === variable) : undefined;
  const real = new GraphQLError(error.message, {
    nodes: definition,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? (error.originalError as GraphQLError | null)?.extensions,
  });
  (real as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return real;
}
