import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { BadUserInputError } from '../common/errors';

/** The path of the first string holding U+0000 in a variables value, or null. */
function nulIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulIn(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulIn(item, `${path}.${key}`);
      if (found) return found;
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
export function nulCharacterPlugin(): ApolloServerPlugin {
  // Apollo hands back the same parsed document for a repeated query, so it is walked once.
  const inDocuments = new WeakMap<DocumentNode, string | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let inDocument = inDocuments.get(document);
          if (inDocument === undefined) inDocuments.set(document, (inDocument = nulInDocument(document)));
          const where = inDocument ?? nulIn(request.variables ?? {}, 'variables');
          if (where) throw new BadUserInputError(`Text must not contain the NUL character (U+0000); found in ${where}`, { http: { status: 400 } });
        },
      };
    },
  };
}
