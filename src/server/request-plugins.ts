import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestExecutionListener,
  GraphQLRequestListener,
  GraphQLRequestListenerDidResolveField,
} from '@apollo/server';
import { isThenable } from '../common/thenable';

/** A hook of Apollo's that may also answer synchronously: Apollo awaits whatever its hooks return. */
type MaybeSync<F> = F extends (...args: infer A) => Promise<infer R> ? (...args: A) => R | Promise<R> : F;

/**
 * A request listener whose hooks may answer without a promise when they have nothing to wait for.
 * Apollo awaits each hook's result, so it takes them as they are; joined by `combineListeners`,
 * hooks that all answer synchronously cost no promise at all.
 */
export type SharedRequestListener<TContext extends BaseContext> = {
  [K in keyof GraphQLRequestListener<TContext>]?: MaybeSync<NonNullable<GraphQLRequestListener<TContext>[K]>>;
};

/**
 * An Apollo plugin whose request listener is one object for every request: what a request has to
 * remember lives in its context, not in a listener made for it. It works as a plugin by itself,
 * and `combineRequestPlugins` can join several into one listener once, at start-up.
 */
export interface SharedListenerPlugin<TContext extends BaseContext> extends ApolloServerPlugin<TContext> {
  readonly requestListener: SharedRequestListener<TContext>;
}

/** A plugin answering every request with `listener`, with any server-level hooks beside it. */
export function sharedListenerPlugin<TContext extends BaseContext>(
  listener: SharedRequestListener<TContext>,
  serverHooks: Omit<ApolloServerPlugin<TContext>, 'requestDidStart'> = {},
): SharedListenerPlugin<TContext> {
  // The listener itself, not a promise of it: Apollo awaits whatever `requestDidStart` returns, and a
  // plain value is the cheaper thing to await.
  const requestDidStart = () => listener as GraphQLRequestListener<TContext>;
  return {
    ...serverHooks,
    requestListener: listener,
    requestDidStart: requestDidStart as unknown as ApolloServerPlugin<TContext>['requestDidStart'],
  };
}

/**
 * A plugin whose request listener acts only on errors (graphql-armor's, which masks field
 * suggestions), as a shared listener: its own listener is asked for when a request has errors,
 * not made for every request. Any other hook of that listener would never run, so only a plugin
 * checked to have none may be given (request-plugins.test.ts checks graphql-armor's).
 */
export function onErrorsOnly<TContext extends BaseContext>(plugin: ApolloServerPlugin<TContext>): SharedListenerPlugin<TContext> {
  const { requestDidStart, ...serverHooks } = plugin;
  return sharedListenerPlugin<TContext>(
    {
      async didEncounterErrors(requestContext) {
        const listener = await requestDidStart?.call(plugin, requestContext);
        await listener?.didEncounterErrors?.(requestContext);
      },
    },
    serverHooks,
  );
}

/**
 * The product's per-request plugins, given to Apollo as one request listener, built once.
 *
 * At every stage of every request Apollo calls that stage's hook on *each* request listener, as a
 * `Promise.all` over all of them whether a listener has the hook or not (and `responseForOperation`
 * as one awaited call per listener), after a `requestDidStart` per plugin that made each listener.
 * Joined, Apollo sees one listener, which has only the hooks some plugin's listener has and calls
 * only those, in the order and with the semantics Apollo would have used — and without a promise
 * where every hook of the stage answered synchronously.
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
const ALL_AT_ONCE = [
  'didResolveSource',
  'didResolveOperation',
  'didEncounterErrors',
  'willSendResponse',
  'didEncounterSubsequentErrors',
  'willSendSubsequentPayload',
] as const;
/** Hooks that return a function called when their stage ends (Apollo's `invokeDidStartHook`). */
const STARTING = ['parsingDidStart', 'validationDidStart'] as const;

type AnyHook = (...args: unknown[]) => unknown;
const hookOf = (listener: object, name: string) => (listener as Record<string, AnyHook | undefined>)[name];

/**
 * Calls `call` on every item, as Apollo's `Promise.all(items.map(call))` does: every item is called,
 * even after one failed, and a failure (a call that threw, or whose promise rejected) fails the
 * whole with the first one. The results, as they are when none is a promise; else a promise of them.
 */
function callAll<T>(items: T[], call: (item: T) => unknown): unknown[] | Promise<unknown[]> {
  const results: unknown[] = new Array(items.length);
  let waiting = false;
  for (let i = 0; i < items.length; i++) {
    try {
      results[i] = call(items[i]);
    } catch (error) {
      results[i] = Promise.reject(error);
    }
    waiting ||= isThenable(results[i]);
  }
  return waiting ? Promise.all(results) : results;
}

/** `join` applied to `callAll`'s results: at once when they are there, else when they are. */
function joined<R>(results: unknown[] | Promise<unknown[]>, join: (results: unknown[]) => R): R | Promise<R> {
  return Array.isArray(results) ? join(results) : results.then(join);
}

/** `callAll`, its results dropped: nothing when every call answered synchronously. */
const awaitAll = <T>(items: T[], call: (item: T) => unknown) => joined(callAll(items, call), () => undefined);

/** Calls hook `name` of every listener (each has it) with `args`, as `callAll` does. */
const callHook = (listeners: object[], name: string, args: unknown[]) => callAll(listeners, (listener) => hookOf(listener, name)!.apply(listener, args));

/** One listener for several, holding a hook only where one of them does. */
export function combineListeners<TContext extends BaseContext>(listeners: SharedRequestListener<TContext>[]): SharedRequestListener<TContext> {
  const combined: Record<string, AnyHook> = {};
  for (const name of ALL_AT_ONCE) {
    const having = listeners.filter((listener) => hookOf(listener, name));
    if (having.length === 0) continue;
    combined[name] = (...args) => joined(callHook(having, name, args), () => undefined);
  }
  for (const name of STARTING) {
    const having = listeners.filter((listener) => hookOf(listener, name));
    if (having.length === 0) continue;
    const joinEnds = (results: unknown[]) => {
      const ends = results.filter((end): end is AnyHook => typeof end === 'function');
      if (ends.length === 0) return undefined;
      ends.reverse();
      return (...endArgs: unknown[]) => awaitAll(ends, (end) => end(...endArgs));
    };
    combined[name] = (...args) => joined(callHook(having, name, args), joinEnds);
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
    const joinExecution = (results: unknown[]) => {
      const started = results.filter((l): l is GraphQLRequestExecutionListener<TContext> => !!l);
      return started.length <= 1 ? started[0] : combineExecutionListeners(started);
    };
    combined.executionDidStart = (...args) => joined(callHook(executing, 'executionDidStart', args), joinExecution);
  }
  return combined as SharedRequestListener<TContext>;
}

/** Execution listeners as one: Apollo runs them in reverse order, and each field's end hooks in reverse again. */
function combineExecutionListeners<TContext extends BaseContext>(
  listeners: GraphQLRequestExecutionListener<TContext>[],
): GraphQLRequestExecutionListener<TContext> {
  const ordered = [...listeners].reverse();
  const ending = ordered.filter((listener) => listener.executionDidEnd);
  const resolving = ordered.filter((listener) => listener.willResolveField);
  const combined: GraphQLRequestExecutionListener<TContext> = {};
  if (ending.length > 0) {
    combined.executionDidEnd = ((error?: Error) =>
      awaitAll(ending, (listener) => listener.executionDidEnd!(error))) as GraphQLRequestExecutionListener<TContext>['executionDidEnd'];
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
