import { cutEchoes, isDatabaseFailure } from '../common/errors';
import type { RequestContext } from '../context';
import type { Database } from '../database';
import type { Logger } from '../logger';
import { sharedListenerPlugin, type SharedListenerPlugin, type SharedRequestListener } from './request-plugins';

/**
 * One JSON log line per GraphQL operation, with its request id, and the real cause of each error
 * (clients only see a masked message and the request id). A database failure also makes the
 * database be checked at once, so /readyz and later requests know without waiting for the monitor.
 */
export function requestLogPlugin(logger: Logger, database?: Database): SharedListenerPlugin<RequestContext> {
  const listener: SharedRequestListener<RequestContext> = {
    didEncounterErrors({ errors, operationName, contextValue }) {
      let databaseFailed = false;
      for (const error of errors) {
        const code = error.extensions?.code;
        // A request Apollo refused with a 4xx and no code (a wrong APQ hash or version) is the client's mistake, like every coded error.
        const status = (error.extensions?.http as { status?: number } | undefined)?.status;
        const refused = code === undefined && status !== undefined && status >= 400 && status < 500;
        const internal = !refused && (!code || code === 'INTERNAL_SERVER_ERROR');
        const databaseFailure = isDatabaseFailure(error);
        if (internal || databaseFailure) {
          // formatError keeps the request id when it masks the error, so a report can be matched to this line.
          error.extensions.requestId = contextValue.requestId;
        }
        databaseFailed ||= databaseFailure;
        // Only a real internal error is logged at error level, with its stack; a client's mistake at info, its input cut.
        logger[internal ? 'error' : 'info'](
          {
            requestId: contextValue.requestId,
            operationName,
            code: code ?? (refused ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR'),
            err: internal ? (error.originalError ?? error) : undefined,
            path: error.path,
          },
          internal ? error.message : cutEchoes(error.message),
        );
      }
      if (databaseFailed) void database?.check();
    },
    willSendResponse({ operationName, response, contextValue }) {
      if (!logger.isLevelEnabled('info')) return; // nothing to build the line for
      const errors = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0;
      logger.info(
        {
          requestId: contextValue.requestId,
          operationName,
          errors,
          rows: contextValue.loaders?.rowsLoaded,
          ms: Math.round(performance.now() - contextValue.startedAt),
        },
        'graphql request',
      );
    },
  };
  return sharedListenerPlugin(listener, {
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      const requestId = requestContext.contextValue?.requestId;
      if (code) logger.info({ requestId, code }, error.message);
      else logger.error({ requestId, err: error }, 'unexpected error processing a request');
    },
  });
}
