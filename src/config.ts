/** Environment, read once. */
export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  corsOrigins: string[] | '*';
  production: boolean;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535 (got "${env.PORT}")`);
  }
  const origins = (env.CORS_ORIGINS ?? '*').split(',').map((o) => o.trim()).filter(Boolean);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    corsOrigins: origins.length === 0 || origins.includes('*') ? '*' : origins,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
