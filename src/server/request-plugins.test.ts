import { ApolloServer, type ApolloServerPlugin, type BaseContext, type GraphQLRequestListener } from '@apollo/server';
import { buildSchema } from 'graphql';
import { armorProtection } from './query-limits';
import { combineListeners, combineRequestPlugins, onErrorsOnly, sharedListenerPlugin, type SharedListenerPlugin } from './request-plugins';

/** A plugin that records each hook Apollo calls on it (and each stage's end), under its name. */
function recording(
  name: string,
  trace: string[],
  extra: Partial<GraphQLRequestListener<BaseContext>> = {},
): SharedListenerPlugin<BaseContext> & { starts: number } {
  const plugin = sharedListenerPlugin<BaseContext>({
    async didResolveSource() {
      trace.push(`${name} didResolveSource`);
    },
    async parsingDidStart() {
      trace.push(`${name} parsingDidStart`);
      return async () => void trace.push(`${name} parsingDidEnd`);
    },
    async validationDidStart() {
      trace.push(`${name} validationDidStart`);
      return async (errors) => void trace.push(`${name} validationDidEnd ${errors?.length ?? 0}`);
    },
    async didResolveOperation({ operationName }) {
      trace.push(`${name} didResolveOperation ${operationName}`);
    },
    async executionDidStart() {
      trace.push(`${name} executionDidStart`);
      return {
        async executionDidEnd() {
          trace.push(`${name} executionDidEnd`);
        },
        willResolveField({ info }) {
          trace.push(`${name} willResolveField ${info.fieldName}`);
          return () => void trace.push(`${name} didResolveField ${info.fieldName}`);
        },
      };
    },
    async didEncounterErrors({ errors }) {
      trace.push(`${name} didEncounterErrors ${errors.length}`);
    },
    async willSendResponse() {
      trace.push(`${name} willSendResponse`);
    },
    ...extra,
  });
  const counted = Object.assign(plugin, { starts: 0 });
  const start = plugin.requestDidStart!;
  counted.requestDidStart = async (context) => {
    counted.starts += 1;
    return start(context);
  };
  return counted;
}

const schema = buildSchema('type Query { a: Int, b: String }');
const rootValue = { a: () => 1, b: () => 'b' };

/** The hooks Apollo calls, in order, for each operation, with the plugins as given. */
async function traceOf(plugins: (trace: string[]) => ApolloServerPlugin<BaseContext>[], queries: string[]) {
  const trace: string[] = [];
  const server = new ApolloServer({ schema, rootValue, plugins: plugins(trace) });
  await server.start();
  for (const query of queries) {
    trace.push(`-- ${query}`);
    await server.executeOperation({ query });
  }
  await server.stop();
  return trace;
}

describe('combineRequestPlugins', () => {
  const queries = ['query Q { a b }', '{ nope }', '{ a', 'query One { a } query Two { b }'];

  it('makes Apollo call every hook, stage end and field hook in the same order as the plugins given one by one', async () => {
    const separate = await traceOf((trace) => [recording('x', trace), recording('y', trace), recording('z', trace)], queries);
    const combined = await traceOf((trace) => combineRequestPlugins([recording('x', trace), recording('y', trace), recording('z', trace)]), queries);
    expect(combined).toEqual(separate);
    // The trace covers what it claims to: every hook, both field hooks, the errors of each failure.
    expect(separate).toEqual(
      expect.arrayContaining([
        'y parsingDidEnd',
        'z validationDidEnd 1',
        'x willResolveField b',
        'x didResolveField b',
        'z executionDidEnd',
        'x didEncounterErrors 1',
      ]),
    );
  });

  it('builds nothing per request: one listener, made at start-up, answers every request', async () => {
    const trace: string[] = [];
    const plugins = [recording('x', trace), recording('y', trace)];
    const [combined] = combineRequestPlugins(plugins);
    const first = await combined.requestDidStart!({} as never);
    const second = await combined.requestDidStart!({} as never);
    expect(first).toBe(second);
    expect(plugins.map((plugin) => plugin.starts)).toEqual([0, 0]);
  });

  it('passes server-level hooks on, without the request listener, and nothing for plugins that have none', () => {
    const unexpected = async () => undefined;
    const plugins = combineRequestPlugins([sharedListenerPlugin({}, { unexpectedErrorProcessingRequest: unexpected }), sharedListenerPlugin({})]);
    expect(plugins).toHaveLength(2);
    expect(plugins[1]).toEqual({ unexpectedErrorProcessingRequest: unexpected });
  });
});

describe('combineListeners', () => {
  it('holds only the hooks some listener has', () => {
    const combined = combineListeners<BaseContext>([{ async willSendResponse() {} }, { async didResolveOperation() {} }, {}]);
    expect(Object.keys(combined).sort()).toEqual(['didResolveOperation', 'willSendResponse']);
  });

  it('waits for every listener of a stage, and fails as the first failure does', async () => {
    const done: string[] = [];
    const combined = combineListeners<BaseContext>([
      { didResolveOperation: () => new Promise<void>((resolve) => setTimeout(() => resolve(void done.push('slow')), 5)) },
      { didResolveOperation: async () => void done.push('fast') },
    ]);
    await combined.didResolveOperation!({} as never);
    expect(done).toEqual(['fast', 'slow']);
    const failing = combineListeners<BaseContext>([
      { async didResolveOperation() {} },
      { didResolveOperation: async () => Promise.reject(new Error('refused')) },
    ]);
    await expect(failing.didResolveOperation!({} as never)).rejects.toThrow('refused');
  });

  it('answers for the operation with the first listener that does, asking no later one', async () => {
    const asked: number[] = [];
    const response = { http: {} as never, body: { kind: 'single' as const, singleResult: { data: { a: 1 } } } };
    const combined = combineListeners<BaseContext>([
      { responseForOperation: async () => (asked.push(1), null) },
      { responseForOperation: async () => (asked.push(2), response) },
      { responseForOperation: async () => (asked.push(3), null) },
    ]);
    expect(await combined.responseForOperation!({} as never)).toBe(response);
    expect(asked).toEqual([1, 2]);
  });

  it('answers synchronously, with no promise, when every hook of the stage did', () => {
    const calls: string[] = [];
    const combined = combineListeners<BaseContext>([
      { didResolveOperation: () => void calls.push('x') },
      { didResolveOperation: () => void calls.push('y') },
      { executionDidStart: () => ({ willResolveField: () => undefined }) },
    ]);
    expect(combined.didResolveOperation!({} as never)).toBeUndefined();
    expect(calls).toEqual(['x', 'y']);
    const execution = combined.executionDidStart!({} as never);
    expect(typeof (execution as { then?: unknown } | undefined)?.then).toBe('undefined');
    expect(execution).toHaveProperty('willResolveField');
  });

  it('calls every hook even after one threw, and fails as the first failure does', async () => {
    const calls: string[] = [];
    const combined = combineListeners<BaseContext>([
      {
        didResolveOperation: () => {
          calls.push('x');
          throw new Error('first');
        },
      },
      {
        didResolveOperation: async () => {
          calls.push('y');
          throw new Error('second');
        },
      },
      { didResolveOperation: () => void calls.push('z') },
    ]);
    await expect(combined.didResolveOperation!({} as never)).rejects.toThrow('first');
    expect(calls).toEqual(['x', 'y', 'z']);
  });
});

describe('onErrorsOnly', () => {
  it("is given only plugins whose listener has no hook but didEncounterErrors: graphql-armor's", async () => {
    const { plugins } = armorProtection(true);
    expect(plugins.length).toBeGreaterThan(0);
    for (const plugin of plugins) {
      expect(Object.keys(plugin)).toEqual(['requestDidStart']);
      const listener = await plugin.requestDidStart!({} as never);
      expect(Object.keys(listener ?? {})).toEqual(['didEncounterErrors']);
    }
  });

  it('asks the plugin for its listener only when a request has errors, and lets it act on them', async () => {
    let starts = 0;
    const plugin = onErrorsOnly<BaseContext>({
      async requestDidStart() {
        starts += 1;
        return {
          async didEncounterErrors({ errors }) {
            for (const error of errors) error.message = 'masked';
          },
        };
      },
    });
    expect(Object.keys(plugin.requestListener)).toEqual(['didEncounterErrors']);
    const errors = [new Error('Cannot query field "nme". Did you mean "name"?')];
    await plugin.requestListener.didEncounterErrors!({ errors } as never);
    expect([starts, errors[0].message]).toEqual([1, 'masked']);
  });
});
