import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../bench/free-port';
import { postgresMigrations } from '../src/migrations';
import { bearer, describeOnPostgres, eventually } from './helpers';
import { postgresAdmin, withDatabase } from './postgres-databases';
import { post, runScript, startServer, stop } from './server-process';

const CLUSTER = path.resolve(__dirname, '../scripts/pg-cluster.sh');
const SOURCE = '2020-02-06-huawei-verizon';

/** Runs scripts/pg-cluster.sh; returns the URL it prints. */
function cluster(args: string[]): string {
  const result = spawnSync('bash', [CLUSTER, ...args], { env: { ...process.env, PG_LOG_STATEMENTS: '1' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pg-cluster.sh ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

const createCompany = (slug: string) =>
  `mutation { createCompany(input: { slug: "${slug}", name: "${slug}", citations: [{ source: "${SOURCE}", quote: "European and US entities" }] }) { slug name citations { quote } } }`;
const readCompany = (slug: string) => `{ company(slug: "${slug}") { slug name } }`;

/**
 * Several stateless instances on one PostgreSQL primary with a streaming replica, as in
 * production: own throwaway clusters (the replica made with `pg_basebackup -R`), the built
 * server and scripts as real processes. Only on `npm run test:pg`.
 */
describeOnPostgres('deployment on PostgreSQL: migrations, a read replica, two instances', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-deploy-'));
  chmodSync(root, 0o755); // the clusters run as the postgres user, who must reach their directories
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  let primaryUrl: string;
  let replicaUrl: string;
  const servers: ChildProcess[] = [];
  let editorKey: string;

  beforeAll(async () => {
    const primaryPort = await freePort();
    const admin = cluster(['start', primaryDir, String(primaryPort)]);
    await postgresAdmin('CREATE DATABASE newsroom', admin);
    primaryUrl = withDatabase(admin, 'newsroom');
    const replicaAdmin = cluster(['replica', replicaDir, String(await freePort()), String(primaryPort)]);
    replicaUrl = withDatabase(replicaAdmin, 'newsroom');
  }, 600_000);

  afterAll(async () => {
    await Promise.all(servers.map((child) => stop(child)));
    for (const dir of [replicaDir, primaryDir]) spawnSync('bash', [CLUSTER, 'stop', dir]);
  }, 600_000);

  async function instance(name: string, env: NodeJS.ProcessEnv) {
    const started = await startServer({ DATABASE_APPLICATION_NAME: name, ...env });
    servers.push(started.child);
    return started;
  }

  it('refuses to start on a database whose migrations are pending, and `npm run migrate` applies them', async () => {
    await expect(startServer({ DATABASE_URL: primaryUrl })).rejects.toThrow(/has migrations pending: run `npm run migrate` first/);
    const check = runScript('migrate', ['--check'], { DATABASE_URL: primaryUrl });
    expect({ status: check.status, out: check.stdout.trim() }).toEqual({ status: 1, out: 'migrations pending' });
    const migrate = runScript('migrate', [], { DATABASE_URL: primaryUrl });
    expect(migrate.stderr).toBe('');
    // Every migration of the PostgreSQL list, in its order, and nothing else.
    expect(migrate.stdout).toBe(`${postgresMigrations.map((m) => m.name).join('\n')}\nschema up to date: ${postgresMigrations.length} migrations applied\n`);
    expect(runScript('migrate', ['--check'], { DATABASE_URL: primaryUrl }).status).toBe(0);
    const key = runScript('keys', ['create', '--name', 'desk', '--role', 'EDITOR'], { DATABASE_URL: primaryUrl });
    expect(key.status).toBe(0);
    editorKey = key.stdout.trim();
  }, 600_000);

  it('reads from the replica and writes to the primary; a mutation reads its own answer from the primary', async () => {
    // Without the webhook worker: its polls read the primary on purpose (a delivery's state must be current), and would be counted below as reads.
    const a = await instance('instance-a', { DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: replicaUrl, WEBHOOK_WORKER: 'off' });
    const editor = bearer(editorKey);
    // The seed that instance-a wrote at startup reaches the replica.
    await eventually(async () => (await post(a.url, readCompany('huawei'))).body.data?.company?.slug === 'huawei', 'the seed on the replica');

    // While the replica does not apply what the primary sends, a write is invisible to reads...
    await postgresAdmin('SELECT pg_wal_replay_pause()', replicaUrl);
    try {
      const written = await post(a.url, createCompany('paused-replica-co'), editor);
      expect(written.body.errors).toBeUndefined();
      // ...except to the mutation's own answer, read from the primary (its citations are a separate load).
      expect(written.body.data.createCompany).toEqual({
        slug: 'paused-replica-co',
        name: 'paused-replica-co',
        citations: [{ quote: 'European and US entities' }],
      });
      const read = await post(a.url, readCompany('paused-replica-co'));
      expect(read.body.data).toEqual({ company: null });
    } finally {
      await postgresAdmin('SELECT pg_wal_replay_resume()', replicaUrl);
    }
    await eventually(async () => (await post(a.url, readCompany('paused-replica-co'))).body.data?.company !== null, 'the write replayed on the replica');

    // The servers' own statement logs, by application_name: the INSERT ran on the primary only,
    // and a run of reads reached the replica and not the primary (which sees only its health probe).
    const log = (dir: string) =>
      readFileSync(path.join(dir, 'server.log'), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('instance-a|'));
    const inserts = (lines: string[]) => lines.filter((line) => /INSERT INTO "party"/.test(line)).length;
    expect({ primaryInserts: inserts(log(primaryDir)) > 0, replicaInserts: inserts(log(replicaDir)) }).toEqual({ primaryInserts: true, replicaInserts: 0 });
    const [primaryBefore, replicaBefore] = [log(primaryDir).length, log(replicaDir).length];
    for (let i = 0; i < 5; i++)
      expect((await post(a.url, '{ lawsuits(first: 3) { totalCount edges { node { slug plaintiffs { __typename } } } } }')).body.errors).toBeUndefined();
    const reads = (lines: string[]) => lines.filter((line) => /statement: |execute /.test(line) && !/SELECT 1$/.test(line));
    expect(reads(log(primaryDir).slice(primaryBefore))).toEqual([]);
    expect(reads(log(replicaDir).slice(replicaBefore)).length).toBeGreaterThanOrEqual(5 * 3);
  }, 600_000);

  it('refuses a replica as DATABASE_URL, naming it without a password', async () => {
    await expect(startServer({ DATABASE_URL: replicaUrl })).rejects.toThrow(
      `error: the database at ${replicaUrl} is read-only (a replica?): DATABASE_URL must be the primary; replicas go in DATABASE_REPLICA_URLS`,
    );
  });

  it('runs two instances started at once on a new database: the seed is loaded once, and a write through one is read through the other', async () => {
    await postgresAdmin('CREATE DATABASE second_desk', primaryUrl);
    const url = withDatabase(primaryUrl, 'second_desk');
    expect(runScript('migrate', [], { DATABASE_URL: url }).status).toBe(0);
    const [b, c] = await Promise.all([instance('instance-b', { DATABASE_URL: url }), instance('instance-c', { DATABASE_URL: url })]);
    const seeded = (await post(b.url, '{ sources { totalCount } companies { totalCount } }')).body.data;
    expect(seeded).toEqual({ sources: { totalCount: 1 }, companies: { totalCount: 6 } });
    const [{ n }] = await postgresAdmin<{ n: string }>('SELECT COUNT(*) AS n FROM party', url);
    expect(Number(n)).toBe(11);
    editorKey = runScript('keys', ['create', '--name', 'desk', '--role', 'EDITOR'], { DATABASE_URL: url }).stdout.trim();
    const before = (await post(c.url, '{ companies { totalCount } }')).body.data.companies.totalCount;
    const written = await post(b.url, createCompany('two-instances-co'), bearer(editorKey));
    expect(written.body.errors).toBeUndefined();
    expect((await post(c.url, readCompany('two-instances-co'))).body.data).toEqual({ company: { slug: 'two-instances-co', name: 'two-instances-co' } });
    // Counts are kept in the database, not in either process.
    expect((await post(c.url, '{ companies { totalCount } }')).body.data.companies.totalCount).toBe(before + 1);
    expect((await post(c.url, '{ search(text: "two-instances-co", first: 1) { node { ... on Company { slug } } } }')).body.data.search).toEqual([
      { node: { slug: 'two-instances-co' } },
    ]);
  }, 600_000);
});
