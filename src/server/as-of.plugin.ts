import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import type { RequestContext } from '../context';
import { ASOF_ERROR, asOfReader, linkFieldsOf, parseAsOf } from '../modules/field-statement/as-of';
import { factTypes } from '../facts';

/** The link tables whose rows follow an as-of date (a suit's sides), from the registry, once. */
const LINK_FIELDS = linkFieldsOf(factTypes);
import { sharedListenerPlugin, type SharedListenerPlugin } from './request-plugins';

/** A root field of an operation and the `asOf` it gives (undefined: none, or null). */
interface RootField {
  name: string;
  asOf: unknown;
}

/**
 * The operation's root fields, through inline fragments and fragment spreads on the root type
 * (each fragment walked once), with the `asOf` each gives (literals and variables).
 */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode, variables: Record<string, unknown> | undefined): RootField[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const valueOf = (node: ValueNode): unknown =>
    node.kind === Kind.VARIABLE ? variables?.[node.name.value] : node.kind === Kind.STRING ? node.value : node.kind === Kind.NULL ? null : node;
  const fields: RootField[] = [];
  const walked = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !walked.has(fragment.name.value)) (walked.add(fragment.name.value), walk(fragment.selectionSet));
      } else {
        const argument = selection.arguments?.find((a) => a.name.value === 'asOf');
        fields.push({ name: selection.alias?.value ?? selection.name.value, asOf: argument ? valueOf(argument.value) : undefined });
      }
    }
  };
  walk(operation.selectionSet);
  return fields;
}

/**
 * Makes a query whose root fields give `asOf` read as of it, everywhere in its answer (nested
 * fields follow the root's date): its loaders read through an as-of reader from the start.
 */
export function asOfPlugin(): SharedListenerPlugin<RequestContext> {
  return sharedListenerPlugin({
    didResolveOperation({ operation, document, contextValue, request }) {
      if (operation?.operation !== 'query') return;
      const fields = rootFields(operation, document, request.variables).filter((field) => field.name !== '__typename');
      const given = fields.filter((field) => field.asOf != null);
      if (!given.length) return;
      const bounds = new Set(given.map((field) => parseAsOf(field.asOf)));
      if (bounds.size > 1) throw ASOF_ERROR('asOf: one date per operation (its root fields give different ones)');
      // The whole answer is read as of the date: a root field without it would silently answer with the past too.
      const without = fields.find((field) => field.asOf == null);
      if (without)
        throw ASOF_ERROR(
          `asOf: an operation read as of a date gives it on every root field (\`${without.name}\` gives none); ask for the present in another operation`,
        );
      contextValue.loaders.readFrom(asOfReader(contextValue.loaders.reader, [...bounds][0], LINK_FIELDS));
    },
  });
}
