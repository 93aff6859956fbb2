import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '../src/schema';

/** `npm run schema`: writes schema/schema.graphql, the public contract. */
export const SCHEMA_FILE = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../../schema/schema.graphql' : '../schema/schema.graphql');

printAppSchema()
  .then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
  })
  .catch((error) => {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(1);
  });
