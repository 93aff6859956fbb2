import type { GraphQLResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { clientMistakeStatus, DatabaseUnavailableError, isDatabaseFailure } from '../common/errors';
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
 * before the answer is sent, making the answer say what happened: with a 4xx status when the
 * operation produced nothing because of the client's own mistakes (`refusedStatus`).
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
      if (!contextValue.mutation) return refusedStatus(response);
      return endMutation(contextValue.mutation, response).then(() => refusedStatus(response));
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

/**
 * An answer that holds no data, only errors that are the client's mistakes (a refused write, a
 * missing key, a bad argument), goes out with their 4xx status rather than 200, so that a client
 * that reads only the status still sees the refusal. An answer with any data stays 200 (GraphQL's
 * partial results), as does one with any error that is not the client's.
 */
function refusedStatus(response: GraphQLResponse): void {
  const body = response.body.kind === 'single' ? response.body.singleResult : null;
  if (!body?.errors?.length || response.http.status !== undefined) return;
  if (body.data && Object.values(body.data).some((value) => value !== null)) return;
  const status = clientMistakeStatus(body.errors.map((error) => error.extensions?.code));
  if (status !== null) response.http.status = status;
}
