import type { GraphQLResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { DatabaseUnavailableError, isDatabaseFailure } from '../common/errors';
import { MutationSession } from '../common/writes/mutation-session';
import type { RequestContext } from '../context';
import { sharedListenerPlugin, type SharedListenerPlugin } from './request-plugins';

const rolledBack = (field: string): GraphQLFormattedError => ({
  message: `The write of "${field}" was rolled back: the operation did not succeed as a whole, so nothing it wrote was kept`,
  path: [field],
  extensions: { code: 'MUTATION_ROLLED_BACK' },
});

/**
 * Gives every mutation operation its MutationSession, points its loaders at it, and ends it
 * before the answer is sent, making the answer say what happened.
 */
export function mutationTransactionPlugin(): SharedListenerPlugin<RequestContext> {
  // The request's session is its context's `mutation` (Apollo hands every hook the same context).
  return sharedListenerPlugin({
    didResolveOperation({ operation, contextValue }) {
      if (operation?.operation !== 'mutation') return;
      const session = new MutationSession(contextValue.services.database, contextValue.signal, contextValue.timeoutMs);
      contextValue.mutation = session;
      contextValue.loaders.readFrom(session.answerReader(contextValue.services.primaryReader));
    },
    executionDidStart({ contextValue }) {
      const session = contextValue.mutation;
      if (!session) return;
      return {
        willResolveField({ info }) {
          if (info.path.prev === undefined) session.currentField = String(info.path.key);
        },
      };
    },
    willSendResponse({ response, contextValue }) {
      // A query has no session: nothing to wait for.
      return contextValue.mutation && endMutation(contextValue.mutation, response);
    },
  });
}

/** Commits the operation's writes, or rolls them back and makes the answer say so. */
async function endMutation(session: MutationSession, response: GraphQLResponse): Promise<void> {
  const body = response.body.kind === 'single' ? response.body.singleResult : null;
  const { committed, error } = await session.finish(!body?.errors?.length);
  if (committed || !body || session.applied.length === 0) return;
  const cause: GraphQLFormattedError[] =
    error === undefined
      ? []
      : [
          isDatabaseFailure(error)
            ? { message: new DatabaseUnavailableError().message, extensions: { code: 'SERVICE_UNAVAILABLE' } }
            : { message: 'The operation could not be committed', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ];
  body.data = null;
  body.errors = [...(body.errors ?? []), ...cause, ...session.applied.map(rolledBack)];
}
