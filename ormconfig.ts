import 'reflect-metadata';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { SnakeNamingStrategy } from './src/common/naming-strategy';
import { entities } from './src/entities';

export const DEFAULT_SQLITE_PATH = path.join(__dirname.endsWith('dist') ? path.dirname(__dirname) : __dirname, 'data', 'conflicts.sqlite');

/** `sqlite:PATH` (or unset: the embedded default) or `postgres://…`. */
export function dataSourceOptions(url = process.env.DATABASE_URL, logger?: Logger): DataSourceOptions {
  const common = { entities, namingStrategy: new SnakeNamingStrategy(), logger, logging: logger ? true : false } as const;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return { ...common, type: 'postgres', url, synchronize: true };
  }
  if (url && !url.startsWith('sqlite:')) {
    throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
  }
  const file = url ? url.slice('sqlite:'.length) : DEFAULT_SQLITE_PATH;
  return {
    ...common,
    type: 'better-sqlite3',
    database: file === ':memory:' ? file : path.resolve(file),
    enableWAL: file !== ':memory:',
    timeout: 5000,
    synchronize: true,
  };
}

export function createDataSource(url = process.env.DATABASE_URL, logger?: Logger): DataSource {
  return new DataSource(dataSourceOptions(url, logger));
}

/** The DataSource the server, the seed script and the TypeORM CLI share. */
const AppDataSource = createDataSource();
export default AppDataSource;
