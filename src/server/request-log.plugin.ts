import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';
import type { Logger } from '../logger';

/** One JSON log line per GraphQL operation, with its request id, and the real cause of each error. */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            const internal = !code || code === 'INTERNAL_SERVER_ERROR';
            logger[internal ? 'error' : 'info'](
              { requestId: contextValue.requestId, operationName, code, err: internal ? (error.originalError ?? error) : undefined, path: error.path },
              error.message,
            );
          }
        },
        async willSendResponse({ operationName, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0;
          logger.info(
            { requestId: contextValue.requestId, operationName, errors, ms: Math.round(performance.now() - started) },
            'graphql request',
          );
        },
      };
    },
  };
}
