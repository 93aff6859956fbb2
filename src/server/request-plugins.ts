import type { ApolloServerPlugin, BaseContext, GraphQLRequestExecutionListener, GraphQLRequestListener, GraphQLRequestListenerDidResolveField } from '@apollo/server';

/**
 * An Apollo plugin whose request listener is one object for every request: what a request has to
 * remember lives in its context, not in a listener made for it. It works as a plugin by itself,
 * and `combineRequestPlugins` can join several into one listener once, at start-up.
 */
export interface SharedListenerPlugin<TContext extends BaseContext> extends ApolloServerPlugin<TContext> {
  readonly requestListener: GraphQLRequestListener<TContext>;
}

/** A plugin answering every request with `listener`, with any server-level hooks beside it. */
export function sharedListenerPlugin<TContext extends BaseContext>(
  listener: GraphQLRequestListener<TContext>,
  serverHooks: Omit<ApolloServerPlugin<TContext>, 'requestDidStart'> = {},
): SharedListenerPlugin<TContext> {
  return {
    ...serverHooks,
    requestListener: listener,
    async requestDidStart() {
      return listener;
    },
  };
}

/**
 * The product's per-request plugins, given to Apollo as one request listener, built once.
 *
 * At every stage of every request Apollo calls that stage's hook on *each* request listener, as a
 * `Promise.all` over all of them whether a listener has the hook or not (and `responseForOperation`
 * as one awaited call per listener), after a `requestDidStart` per plugin that made each listener.
 * Joined, Apollo sees one listener, which has only the hooks some plugin's listener has and calls
 * only those, in the order and with the semantics Apollo would have used.
 *
 * Each plugin's server-level hooks (`unexpectedErrorProcessingRequest` …) stay Apollo's to call:
 * a plugin that has any is passed on with them alone.
 */
export function combineRequestPlugins<TContext extends BaseContext>(plugins: SharedListenerPlugin<TContext>[]): ApolloServerPlugin<TContext>[] {
  const listener = combineListeners(plugins.map((plugin) => plugin.requestListener));
  const serverHooks = plugins.flatMap(({ requestDidStart: _start, requestListener: _listener, ...hooks }) => (Object.keys(hooks).length > 0 ? [hooks] : []));
  return [sharedListenerPlugin(listener), ...serverHooks];
}

/** Hooks that Apollo calls on all listeners at once and waits for (a `Promise.all`). */
const ALL_AT_ONCE = ['didResolveSource', 'didResolveOperation', 'didEncounterErrors', 'willSendResponse', 'didEncounterSubsequentErrors', 'willSendSubsequentPayload'] as const;
/** Hooks that return a function called when their stage ends (Apollo's `invokeDidStartHook`). */
const STARTING = ['parsingDidStart', 'validationDidStart'] as const;

type AnyHook = (...args: unknown[]) => Promise<unknown>;
const hookOf = (listener: object, name: string) => (listener as Record<string, AnyHook | undefined>)[name];

/** One listener for several, holding a hook only where one of them does. */
export function combineListeners<TContext extends BaseContext>(listeners: GraphQLRequestListener<TContext>[]): GraphQLRequestListener<TContext> {
  const combined: Record<string, AnyHook> = {};
  for (const name of ALL_AT_ONCE) {
    const having = listeners.filter((listener) => hookOf(listener, name));
    if (having.length === 1) {
      const [only] = having;
      combined[name] = (...args) => hookOf(only, name)!.apply(only, args);
    } else if (having.length > 1) {
      combined[name] = async (...args) => {
        await Promise.all(having.map((listener) => hookOf(listener, name)!.apply(listener, args)));
      };
    }
  }
  for (const name of STARTING) {
    const having = listeners.filter((listener) => hookOf(listener, name));
    if (having.length === 0) continue;
    combined[name] = async (...args) => {
      const ends = (await Promise.all(having.map((listener) => hookOf(listener, name)!.apply(listener, args)))).filter((end): end is AnyHook => typeof end === 'function');
      if (ends.length === 0) return undefined;
      ends.reverse();
      return async (...endArgs: unknown[]) => {
        await Promise.all(ends.map((end) => end(...endArgs)));
      };
    };
  }
  const answering = listeners.filter((listener) => listener.responseForOperation);
  if (answering.length > 0) {
    // The first answer that is not null, asked listener by listener, as Apollo does.
    combined.responseForOperation = async (requestContext) => {
      for (const listener of answering) {
        const response = await listener.responseForOperation!(requestContext as never);
        if (response != null) return response;
      }
      return null;
    };
  }
  const executing = listeners.filter((listener) => listener.executionDidStart);
  if (executing.length > 0) {
    combined.executionDidStart = async (requestContext) => {
      const started = (await Promise.all(executing.map((listener) => listener.executionDidStart!(requestContext as never)))).filter((l): l is GraphQLRequestExecutionListener<TContext> => !!l);
      return started.length <= 1 ? started[0] : combineExecutionListeners(started);
    };
  }
  return combined as GraphQLRequestListener<TContext>;
}

/** Execution listeners as one: Apollo runs them in reverse order, and each field's end hooks in reverse again. */
function combineExecutionListeners<TContext extends BaseContext>(listeners: GraphQLRequestExecutionListener<TContext>[]): GraphQLRequestExecutionListener<TContext> {
  const ordered = [...listeners].reverse();
  const ending = ordered.filter((listener) => listener.executionDidEnd);
  const resolving = ordered.filter((listener) => listener.willResolveField);
  const combined: GraphQLRequestExecutionListener<TContext> = {};
  if (ending.length > 0) {
    combined.executionDidEnd = async (error) => {
      await Promise.all(ending.map((listener) => listener.executionDidEnd!(error)));
    };
  }
  if (resolving.length > 0) {
    combined.willResolveField = (params) => {
      const ends: GraphQLRequestListenerDidResolveField[] = [];
      for (const listener of resolving) {
        const end = listener.willResolveField!(params);
        if (end) ends.push(end);
      }
      if (ends.length === 0) return undefined;
      ends.reverse();
      return (error, result) => {
        for (const end of ends) end(error, result);
      };
    };
  }
  return combined;
}
