import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { RequestContext } from '../context';
import { sharedListenerPlugin, type SharedListenerPlugin, type SharedRequestListener } from './request-plugins';

/**
 * Whether an answer may be kept by shared caches: an anonymous GET query answered without errors,
 * when caching is on. Such an answer must be the same for every reader (no per-client figures in
 * it), so its ETag matches again and a shared cache serves no one else's state.
 */
export function publiclyCacheable(
  { request, response, contextValue, operation, errors }: GraphQLRequestContextWillSendResponse<RequestContext>,
  maxAgeSeconds: number,
): boolean {
  return (
    maxAgeSeconds > 0 &&
    request.http?.method === 'GET' &&
    !contextValue.viewer &&
    operation?.operation === 'query' &&
    !errors?.length &&
    response.body.kind === 'single' &&
    !response.body.singleResult.errors?.length
  );
}

/**
 * Anonymous GET queries answered without errors may be kept by browsers, CDNs and reverse proxies
 * for `maxAgeSeconds` (`Cache-Control: public`); graphql-http.ts adds Express's weak ETag to every
 * GET answer and answers `304 Not Modified` to a matching `If-None-Match`. Everything else (POST, an API key,
 * errors, mutations) is `no-store`: keyed answers can hold what anonymous ones do not, and must not
 * be shared. `Vary: Authorization` keeps a shared cache from serving an anonymous answer to a key.
 */
export function httpCachePlugin(maxAgeSeconds: number): SharedListenerPlugin<RequestContext> {
  const listener: SharedRequestListener<RequestContext> = {
    willSendResponse(requestContext) {
      const { response } = requestContext;
      const cacheable = publiclyCacheable(requestContext, maxAgeSeconds);
      response.http.headers.set('cache-control', cacheable ? `public, max-age=${maxAgeSeconds}` : 'no-store');
      response.http.headers.set('vary', 'Authorization');
    },
  };
  return sharedListenerPlugin(listener);
}
