import { Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { RequestContext } from '../context';
import { ASOF_ERROR, asOfReader, parseAsOf } from '../modules/field-statement/as-of';
import { sharedListenerPlugin, type SharedListenerPlugin } from './request-plugins';

/** The `asOf` values the root fields of an operation give (literals and variables). */
function asOfArguments(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): unknown[] {
  const values: unknown[] = [];
  const valueOf = (node: ValueNode): unknown =>
    node.kind === Kind.VARIABLE ? variables?.[node.name.value] : node.kind === Kind.STRING ? node.value : node.kind === Kind.NULL ? null : node;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    for (const argument of selection.arguments ?? []) if (argument.name.value === 'asOf') values.push(valueOf(argument.value));
  }
  return values.filter((v) => v != null);
}

/**
 * Makes a query whose root fields give `asOf` read as of it, everywhere in its answer (nested
 * fields follow the root's date): its loaders read through an as-of reader from the start.
 */
export function asOfPlugin(): SharedListenerPlugin<RequestContext> {
  return sharedListenerPlugin({
    didResolveOperation({ operation, contextValue, request }) {
      if (operation?.operation !== 'query') return;
      const given = asOfArguments(operation, request.variables);
      if (!given.length) return;
      const bounds = new Set(given.map(parseAsOf));
      if (bounds.size > 1) throw ASOF_ERROR('asOf: one date per operation (its root fields give different ones)');
      contextValue.loaders.readFrom(asOfReader(contextValue.loaders.reader, [...bounds][0]));
    },
  });
}
