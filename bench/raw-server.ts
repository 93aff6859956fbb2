import http from 'node:http';
import { openRawDatabase } from './raw-database';
import { createRawHandler } from './raw-handler';

/** `node dist/bench/raw-server.js`: serves the raw handler on PORT for DATABASE_URL (sqlite:PATH or postgres://…). */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL (sqlite:PATH or postgres://…) is required');
  const db = await openRawDatabase(url);
  const handle = createRawHandler(db);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      try {
        const { operationName, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const body = await handle(operationName, variables ?? {});
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
    process.stdout.write(
      JSON.stringify({
        msg: 'raw server ready',
        companyCount: db.companyCount,
        url: `http://localhost:${typeof address === 'object' && address ? address.port : ''}/graphql`,
      }) + '\n',
    );
  });
  process.once('SIGTERM', () => {
    server.close(() => void db.close().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
