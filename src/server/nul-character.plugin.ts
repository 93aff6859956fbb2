import type { BaseContext } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { BadUserInputError } from '../common/errors';
import { sharedListenerPlugin, type SharedListenerPlugin, type SharedRequestListener } from './request-plugins';

/**
 * The path of the first string holding U+0000 in a variables value, or null. Iterative: a client
 * may nest values thousands deep, and a recursive walk would overflow the stack.
 */
function nulIn(value: unknown, path: string): string | null {
  const pending: [unknown, string][] = [[value, path]];
  while (pending.length) {
    const [item, at] = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\0')) return at;
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], `${at}[${i}]`]);
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item).reverse()) pending.push([child, `${at}.${key}`]);
    }
  }
  return null;
}

function nulInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    [Kind.ARGUMENT](node) {
      if (!found && node.value.kind === Kind.STRING && node.value.value.includes('\0')) found = `argument "${node.name.value}"`;
    },
    [Kind.OBJECT_FIELD](node) {
      if (!found && node.value.kind === Kind.STRING && node.value.value.includes('\0')) found = `input field "${node.name.value}"`;
    },
    [Kind.LIST](node) {
      if (!found && node.values.some((v) => v.kind === Kind.STRING && v.value.includes('\0'))) found = 'a list value';
    },
  });
  return found;
}

/**
 * PostgreSQL text cannot hold the NUL character (SQLite's can): text with one is refused before
 * execution on both databases, so they answer alike, with BAD_USER_INPUT naming where it was.
 */
export function nulCharacterPlugin(): SharedListenerPlugin<BaseContext> {
  // Apollo hands back the same parsed document for a repeated query, so it is walked once.
  const inDocuments = new WeakMap<DocumentNode, string | null>();
  const listener: SharedRequestListener<BaseContext> = {
    didResolveOperation({ document, request }) {
      let inDocument = inDocuments.get(document);
      if (inDocument === undefined) inDocuments.set(document, (inDocument = nulInDocument(document)));
      const where = inDocument ?? (request.variables ? nulIn(request.variables, 'variables') : null);
      if (where) throw new BadUserInputError(`Text must not contain the NUL character (U+0000); found in ${where}`, { http: { status: 400 } });
    },
  };
  return sharedListenerPlugin(listener);
}
