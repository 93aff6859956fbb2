import http from 'node:http';
import Database from 'better-sqlite3';
import { createRawHandler } from './raw-handler';

/** `node dist/bench/raw-server.js`: serves the raw handler on PORT for DATABASE_URL (sqlite:PATH). */
const file = (process.env.DATABASE_URL ?? '').replace(/^sqlite:/, '');
if (!file) {
  process.stderr.write('error: DATABASE_URL=sqlite:PATH is required\n');
  process.exit(1);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const handle = createRawHandler(db);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      const { operationName, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const body = handle(operationName, variables ?? {});
      res.writeHead(body === null ? 400 : 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body ?? JSON.stringify({ errors: [{ message: `unknown operation ${operationName}` }] }));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  });
});
server.listen(Number(process.env.PORT ?? 4100), () => {
  const address = server.address();
  process.stdout.write(JSON.stringify({ msg: 'raw server ready', url: `http://localhost:${typeof address === 'object' && address ? address.port : ''}/graphql` }) + '\n');
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
