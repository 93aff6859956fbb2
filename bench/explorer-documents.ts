import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';

/**
 * The explorer's operations (explorer/src/operations.graphql) by name, each as the explorer sends
 * it: the operation and the fragments it spreads, directly or through other fragments.
 */
export function explorerDocuments(root: string): Map<string, string> {
  const document = parse(readFileSync(path.join(root, 'explorer/src/operations.graphql'), 'utf8'));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const documents = new Map<string, string>();
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION || !d.name) continue;
    const used = new Set<string>();
    const walk = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          if (used.has(spread.name.value)) return;
          used.add(spread.name.value);
          walk(fragments.get(spread.name.value)!);
        },
      });
    walk(d);
    documents.set(d.name.value, [d, ...[...used].map((name) => fragments.get(name)!)].map((node) => print(node)).join('\n'));
  }
  return documents;
}
