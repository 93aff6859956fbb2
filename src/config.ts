/** Environment, read once. */
export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  corsOrigins: string[] | '*';
  production: boolean;
  logLevel: string;
  /** `jit` (default): graphql-jit behind Apollo; `graphql-js`: Apollo's own executor. */
  executor: 'jit' | 'graphql-js';
  /** Benchmark switch: false makes every loader query once per key (N+1). */
  loaderBatching: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535 (got "${env.PORT}")`);
  }
  const origins = (env.CORS_ORIGINS ?? '*').split(',').map((o) => o.trim()).filter(Boolean);
  const executor = env.GRAPHQL_EXECUTOR ?? 'jit';
  if (executor !== 'jit' && executor !== 'graphql-js') throw new Error(`GRAPHQL_EXECUTOR must be jit or graphql-js (got "${executor}")`);
  const batching = env.LOADER_BATCHING ?? 'on';
  if (batching !== 'on' && batching !== 'off') throw new Error(`LOADER_BATCHING must be on or off (got "${batching}")`);
  return {
    port,
    executor,
    loaderBatching: batching === 'on',
    databaseUrl: env.DATABASE_URL || undefined,
    corsOrigins: origins.length === 0 || origins.includes('*') ? '*' : origins,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
