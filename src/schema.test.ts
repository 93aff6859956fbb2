import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { buildAppSchema, printAppSchema } from './schema';
import { validate } from 'graphql';

describe('the public schema', () => {
  it('is committed as schema/schema.graphql exactly as type-graphql emits it (run `npm run schema`)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });

  it('validates every example operation in schema/examples.graphql', async () => {
    const schema = await buildAppSchema();
    const examples = parse(readFileSync(path.resolve(__dirname, '../schema/examples.graphql'), 'utf8'));
    expect(examples.definitions.length).toBeGreaterThanOrEqual(3);
    expect(validate(schema, examples)).toEqual([]);
  });
});
