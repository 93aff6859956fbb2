import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

type Coerced = ReturnType<typeof getVariableValues>;

/**
 * By the request's variables object, which Apollo hands unchanged to the plugins and to the
 * gateway executor (the request object itself is copied for the executor): the cost check and the
 * jit executor both need the coercion, and get it done once.
 */
const byVariables = new WeakMap<object, { operation: OperationDefinitionNode; result: Coerced }>();

const NO_VARIABLES: Coerced = Object.freeze({ coerced: Object.freeze({}) });

/**
 * The request's variables coerced by graphql-js for the operation (`coerced`), or graphql-js's
 * errors (`errors`), which name the variable and the path inside it as its executor does.
 */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, request: { variables?: Record<string, unknown> }): Coerced {
  const variables = request.variables;
  // Nothing to coerce: graphql-js would answer an empty set of values (and ignore any given).
  if (!operation.variableDefinitions?.length) return NO_VARIABLES;
  const known = variables ? byVariables.get(variables) : undefined;
  if (known?.operation === operation) return known.result;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
  if (variables) byVariables.set(variables, { operation, result });
  return result;
}
