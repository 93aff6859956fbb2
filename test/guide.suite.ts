import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeOnSqlite, sharedTestServer, type TestServer } from './helpers';

// Every query of the guide (and README's example) that is followed by its answer (a ```graphql
// block, then a ```json block) is sent to a seeded server, and the answer must be the one the
// document shows, so the documents cannot drift from the product. After a change to the seed or the
// schema, `UPDATE_GUIDE=1 npx jest test/guide.suite.ts` writes the server's answers into them instead
// (read the diff before committing). SQLite only: the answers show the embedded database's search scores.
const DOCUMENTS = [
  { file: 'docs/guide.md', least: 8 },
  { file: 'README.md', least: 1 },
];
const UPDATE = process.env.UPDATE_GUIDE === '1';
const EXAMPLE = /```graphql\n([\s\S]*?)```\n\s*```json\n([\s\S]*?)```/g;

interface Example {
  name: string;
  query: string;
  /** Where the answer's text starts and ends in the guide. */
  start: number;
  end: number;
  answer: string;
}

function examples(text: string): Example[] {
  return [...text.matchAll(EXAMPLE)].map((match) => {
    const [whole, query, answer] = match;
    const end = match.index + whole.length - '```'.length;
    return { name: /^\s*(query|mutation)\s+(\w+)/.exec(query)?.[2] ?? query.trim().slice(0, 40), query, start: end - answer.length, end, answer };
  });
}

const format = (answer: unknown) => `${JSON.stringify(answer, null, 1)}\n`;

describeOnSqlite.each(DOCUMENTS)('$file', ({ file, least }) => {
  const where = path.resolve(__dirname, '..', file);
  const text = readFileSync(where, 'utf8');
  const found = examples(text);
  let server: TestServer;
  const answers = new Map<Example, unknown>();

  beforeAll(async () => {
    server = await sharedTestServer();
  });

  afterAll(async () => {
    await server?.close();
    if (UPDATE && answers.size === found.length) {
      // From the last example back, so that each one's offsets still hold.
      let updated = text;
      for (const example of [...found].reverse()) updated = updated.slice(0, example.start) + format(answers.get(example)) + updated.slice(example.end);
      writeFileSync(where, updated);
    }
  });

  it('has queries with answers, and only queries (a mutation would change what the next answer shows)', () => {
    expect(found.length).toBeGreaterThanOrEqual(least);
    expect(found.filter((example) => /^\s*mutation\b/.test(example.query)).map((example) => example.name)).toEqual([]);
  });

  it.each(found.map((example) => [example.name, example] as const))('answers %s as the guide shows', async (_name, example) => {
    const { status, ...answer } = await server.gql(example.query);
    expect(status).toBe(200);
    answers.set(example, answer);
    if (UPDATE) return;
    expect(answer).toEqual(JSON.parse(example.answer));
  });
});
