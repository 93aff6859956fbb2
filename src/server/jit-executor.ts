import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, print, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { PromiseOrValue } from 'graphql/jsutils/PromiseOrValue';
import { LRUCache } from 'lru-cache';
import { isThenable } from '../common/thenable';
import { OperationMeasurer } from './operation-measure';
import { coerceVariables } from './variable-values';

/** Default of `maxCompiledNodes`. */
export const JIT_MAX_NODES = 300;

export interface JitOptions {
  /** Compiled operations kept (by canonical text). */
  maxCompiledDocuments?: number;
  /**
   * An operation that expands to more fields than this runs on graphql-js, uncompiled: compile
   * time grows with the expanded size (60–130 µs a field here, so at most ~40 ms for 300), and
   * it runs on the event loop. Apollo Sandbox's introspection (229) and the front-end page (61) compile.
   */
  maxCompiledNodes?: number;
}

/**
 * Executes operations with graphql-jit instead of graphql-js: each distinct document is compiled
 * once into a plain function (no per-field resolver dispatch), then run per request. It plugs
 * into Apollo through the documented gateway interface, so parsing, validation (with its
 * document cache), plugins, error formatting and HTTP handling stay Apollo's.
 */
export class JitExecutorGateway implements GatewayInterface {
  /** By canonical text (graphql-js's `print`): reformatting a document does not force a new compile. */
  private readonly compiled: LRUCache<string, CompiledQuery | 'graphql-js'>;
  /** The same by parsed document, which Apollo hands back for a repeated query: no printing then. */
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | 'graphql-js'>>();
  private readonly maxCompiledNodes: number;
  /** Operations compiled so far (for tests: how much planning work requests caused). */
  compiles = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    { maxCompiledDocuments = 1000, maxCompiledNodes = JIT_MAX_NODES }: JitOptions = {},
  ) {
    this.compiled = new LRUCache({ max: maxCompiledDocuments });
    this.maxCompiledNodes = maxCompiledNodes;
  }

  async load() {
    // Returns the result itself when the operation ran synchronously (Apollo awaits whatever it gets).
    const executor = ({ document, operationName, operation, request, context }: Parameters<GatewayExecutor>[0]): PromiseOrValue<ExecutionResult> => {
      // When Apollo resolved no operation its `operationName` is null: graphql-js gets the one the
      // client asked for, so a name that matches nothing is refused rather than the only operation run.
      const run = () => execute({ schema: this.schema, document, operationName: operation ? operationName : request.operationName, variableValues: request.variables, contextValue: context });
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

  /** The compiled operation (compiling it once), or 'graphql-js' for one too large to compile. */
  private plan(document: DocumentNode, operation: OperationDefinitionNode, operationName: string): CompiledQuery | 'graphql-js' | ExecutionResult {
    let forDocument = this.byDocument.get(document);
    if (!forDocument) this.byDocument.set(document, (forDocument = new Map()));
    let query = forDocument.get(operationName);
    if (query) return query;
    const key = `${operationName}\0${print(document)}`;
    query = this.compiled.get(key);
    if (!query) {
      const nodes = new OperationMeasurer(this.schema, document, null).operation(operation).nodes;
      if (nodes > this.maxCompiledNodes) {
        query = 'graphql-js';
      } else {
        this.compiles += 1;
        const compiled = compileQuery(this.schema, document, operationName || undefined);
        if (!isCompiledQuery(compiled)) return compiled as ExecutionResult;
        query = compiled;
      }
      this.compiled.set(key, query);
    }
    forDocument.set(operationName, query);
    return query;
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]) {
    callback({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
    return () => undefined;
  }

  async stop() {
    this.compiled.clear();
  }
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
