// Splits schema/examples.graphql into its operations, one GraphiQL tab each (used by build.mjs).
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

/**
 * Each `query`/`mutation`/`subscription` definition of the file, as its own text (with the comment
 * lines right above it), named by the operation. Fragments, if any, are appended to every tab that
 * needs them, so each tab runs on its own.
 */
export function exampleTabs(file) {
  const source = readFileSync(file, 'utf8');
  const document = parse(source);
  const fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, source.slice(definition.loc.start, definition.loc.end));
  }
  const tabs = [];
  let previousEnd = 0;
  for (const definition of document.definitions) {
    const { start, end } = definition.loc;
    const between = source.slice(previousEnd, start);
    previousEnd = end;
    if (definition.kind !== 'OperationDefinition') continue;
    // The comment block right above the operation (after the last blank line).
    const comment = between
      .split(/\n\s*\n/)
      .pop()
      .trim();
    let text = source.slice(start, end);
    const used = new Set([...text.matchAll(/\.\.\.\s*([_A-Za-z]\w*)/g)].map((m) => m[1]).filter((name) => fragments.has(name)));
    for (const name of used) text += `\n\n${fragments.get(name)}`;
    tabs.push({
      name: definition.name?.value ?? `${definition.operation} ${tabs.length + 1}`,
      query: `${comment.startsWith('#') ? `${comment}\n` : ''}${text}\n`,
    });
  }
  return tabs;
}
