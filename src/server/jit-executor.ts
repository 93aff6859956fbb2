import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, printSchema, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * Executes operations with graphql-jit instead of graphql-js: each distinct document is compiled
 * once into a plain function (no per-field resolver dispatch), then run per request. It plugs
 * into Apollo through the documented gateway interface, so parsing, validation (with its
 * document cache), plugins, error formatting and HTTP handling stay Apollo's.
 */
export class JitExecutorGateway implements GatewayInterface {
  private readonly compiled: LRUCache<string, CompiledQuery>;

  constructor(
    private readonly schema: GraphQLSchema,
    maxCompiledDocuments = 1000,
  ) {
    this.compiled = new LRUCache({ max: maxCompiledDocuments });
  }

  async load() {
    const executor: GatewayExecutor = async ({ document, queryHash, operationName, operation, request, context }) => {
      // Mutations are not the hot path: graphql-js runs them, with its exact input coercion.
      if (operation.operation !== 'query') {
        return execute({ schema: this.schema, document, operationName, variableValues: request.variables, contextValue: context });
      }
      const key = `${queryHash}:${operationName ?? ''}`;
      let query = this.compiled.get(key);
      if (!query) {
        const compiled = compileQuery(this.schema, document, operationName ?? undefined);
        if (!isCompiledQuery(compiled)) return compiled as ExecutionResult;
        query = compiled;
        this.compiled.set(key, query);
      }
      const result = (await query.query(undefined, context, request.variables ?? {})) as ExecutionResult;
      return result.errors ? { ...result, errors: (result.errors as readonly JitError[]).map((error) => toGraphQLError(error, operation)) } : result;
    };
    return { executor };
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
