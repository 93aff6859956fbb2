import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSeedDocuments } from '../seeds/seed-all';
import { getMetadataStorage } from 'type-graphql';
import { Role } from '../src/common/role.enum';
import { buildAppSchema } from '../src/schema';
import { bearer, createKey, startTestServer, type TestServer } from './helpers';
import { runScript } from './server-process';

const SOURCE = '2020-02-06-huawei-verizon';
const STATEMENT = (slug: string) =>
  `mutation { recordStatement(input: { slug: "${slug}", speaker: "huawei", text: "x", citations: [{ source: "${SOURCE}", quote: "Huawei said last year" }] }) { slug } }`;

/** Who may do what: anonymous and viewers read, editors write, admins manage keys and read the audit log. */
describe('API keys and roles', () => {
  let server: TestServer;
  const keys: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const role of [Role.VIEWER, Role.EDITOR, Role.ADMIN]) keys[role] = bearer(await createKey(server, role));
  });
  afterAll(() => server.close());

  it('lets anyone read everything public', async () => {
    for (const headers of [{}, keys.VIEWER]) {
      const res = await server.gql(`{ companies { totalCount } }`, {}, headers);
      expect(res.data).toEqual({ companies: { totalCount: 6 } });
    }
  });

  it('needs an EDITOR key to write: UNAUTHENTICATED without one, FORBIDDEN with a viewer’s', async () => {
    const anonymous = await server.gql(STATEMENT('anon'));
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const viewer = await server.gql(STATEMENT('viewer'), {}, keys.VIEWER);
    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(viewer.errors?.[0].message).toMatch(/needs role EDITOR; the key "viewer-key" has role VIEWER/);
    for (const role of [Role.EDITOR, Role.ADMIN]) {
      const res = await server.gql(STATEMENT(`by-${role.toLowerCase()}`), {}, keys[role]);
      expect(res.errors).toBeUndefined();
    }
    expect(await server.dataSource.query(`SELECT slug FROM statement WHERE slug IN ('anon', 'viewer')`)).toEqual([]);
  });

  it('guards every mutation with @Authorized: EDITOR for facts, ADMIN for keys and webhooks', async () => {
    await buildAppSchema();
    const storage = getMetadataStorage();
    const roles = Object.fromEntries(
      storage.mutations.map((m) => [m.schemaName, storage.authorizedFields.find((a) => a.target === m.target && a.fieldName === m.methodName)?.roles]),
    );
    expect(Object.keys(roles)).toHaveLength(31); // 20, the identity writes (mergeParties, markNotSameParty, addPartyAlias, removePartyAlias, changeSlug), createWebhook and deleteWebhook, and the drafting ones (draftSource, acceptDraftItems, rejectDraftItems, linkMention)
    for (const [name, needed] of Object.entries(roles)) expect([name, needed]).toEqual([name, /ApiKey|Webhook/.test(name) ? [Role.ADMIN] : [Role.EDITOR]]);
    // And the check runs before the input is even validated.
    const viewer = await server.gql(
      `mutation { addSource(input: { slug: "Bad Slug", title: "", publisher: "", publishedOn: "x", text: "" }) { slug } }`,
      {},
      keys.VIEWER,
    );
    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('needs an ADMIN key for the audit log and key management', async () => {
    for (const [headers, code] of [
      [{}, 'UNAUTHENTICATED'],
      [keys.VIEWER, 'FORBIDDEN'],
      [keys.EDITOR, 'FORBIDDEN'],
    ] as const) {
      const log = await server.gql(`{ auditLog { totalCount } }`, {}, headers);
      expect(log.errors?.[0].extensions?.code).toBe(code);
      const list = await server.gql(`{ apiKeys { name } }`, {}, headers);
      expect(list.errors?.[0].extensions?.code).toBe(code);
      const create = await server.gql(`mutation { createApiKey(input: { name: "x", role: ADMIN }) { key } }`, {}, headers);
      expect(create.errors?.[0].extensions?.code).toBe(code);
    }
    const log = await server.gql(`{ auditLog { totalCount edges { node { id action actor } } } }`, {}, keys.ADMIN);
    expect(log.errors).toBeUndefined();
    expect(log.data.auditLog.edges.map((e: any) => e.node.action)).toContain('recordStatement');
  });

  it('checks each field of admin-only objects, also when reached through node(id)', async () => {
    const log = await server.gql(`{ auditLog(first: 1) { edges { node { id } } } }`, {}, keys.ADMIN);
    const id = log.data.auditLog.edges[0].node.id;
    const query = `query($id: ID!) { node(id: $id) { id ... on AuditEntry { actor action changes { table } } } }`;
    expect((await server.gql(query, { id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(query, { id }, keys.EDITOR)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await server.gql(query, { id }, keys.ADMIN);
    expect(admin.errors).toBeUndefined();
    expect(admin.data.node).toMatchObject({ id, actor: expect.any(String) });
    // A key's fields are admin-only too.
    const created = await server.gql(`mutation { createApiKey(input: { name: "frontend", role: VIEWER }) { key apiKey { id prefix } } }`, {}, keys.ADMIN);
    const keyId = created.data.createApiKey.apiKey.id;
    const viaNode = await server.gql(`query($id: ID!) { node(id: $id) { ... on ApiKey { name role } } }`, { id: keyId }, keys.EDITOR);
    expect(viaNode.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(viaNode.data?.node ?? null).toBeNull();
  });

  it('creates keys that work at once, keeps only their hash, and refuses them once revoked', async () => {
    const created = await server.gql(
      `mutation { createApiKey(input: { name: "night-desk", role: EDITOR }) { key apiKey { id name role prefix revokedAt } } }`,
      {},
      keys.ADMIN,
    );
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^ce_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'night-desk', role: 'EDITOR', prefix: key.slice(0, 10), revokedAt: null });
    const rows = await server.dataSource.query(`SELECT * FROM api_key`);
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(rows.find((r: any) => r.name === 'night-desk').hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await server.gql(STATEMENT('night-1'), {}, bearer(key))).errors).toBeUndefined();
    const revoked = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, keys.ADMIN);
    expect(revoked.data.revokeApiKey.revokedAt).toMatch(/^\d{4}-/);
    const refused = await server.gql(STATEMENT('night-2'), {}, bearer(key));
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({ message: 'This API key was revoked', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('answers an unknown key or a malformed header with 401 UNAUTHENTICATED, even for reads', async () => {
    const unknown = await server.gql(`{ __typename }`, {}, bearer('ce_not-a-real-key'));
    expect(unknown.status).toBe(401);
    expect(unknown.errors?.[0]).toMatchObject({ message: 'Unknown API key', extensions: { code: 'UNAUTHENTICATED' } });
    const basic = await server.gql(`{ __typename }`, {}, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.status).toBe(401);
  });
});

/** The command-line tools, as built, on a database file. */
describe('npm run keys and npm run import', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-cli-'));
  const run = (script: string, args: string[]) => runScript(script, args, { DATABASE_URL: `sqlite:${path.join(dir, 'cli.sqlite')}` });

  it('creates a key and prints it once, lists keys by prefix only, and revokes them', () => {
    const created = run('keys', ['create', '--role', 'editor', '--name', 'desk']);
    expect(created.status).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^ce_/);
    expect(created.stderr).toMatch(/created EDITOR key #1 "desk"; it is shown only now/);
    const listed = run('keys', ['list']);
    expect(listed.stdout).toMatch(new RegExp(`^1\\t${key.slice(0, 10)}…\\tEDITOR\\tdesk\\tcreated `, 'm'));
    expect(listed.stdout).not.toContain(key);
    const revoked = run('keys', ['revoke', key.slice(0, 10)]);
    expect(revoked.stdout).toMatch(/revoked key #1 "desk"/);
    expect(run('keys', ['list']).stdout).toMatch(/\trevoked /);
    const bad = run('keys', ['create', '--role', 'owner', '--name', 'x']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/role must be one of viewer, editor, admin/);
    expect(run('keys', []).status).toBe(2);
  });

  it('loads each file atomically and reports per file', () => {
    const [{ file: seed, document }] = readSeedDocuments();
    const broken = structuredClone(document);
    broken.source.slug = 'broken-copy';
    broken.lawsuits![0].quotes = ['Huawei sued Nokia'];
    const brokenFile = path.join(dir, 'broken.json');
    writeFileSync(brokenFile, JSON.stringify(broken));
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, '{ nope');
    const result = run('import', [seed, brokenFile, notJson]);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${seed}: created 2020-02-06-huawei-verizon \\(.*party 11`));
    expect(result.stdout).toContain(
      `${brokenFile}: invalid, nothing written:\n  - lawsuits[0].quotes[0]: "Huawei sued Nokia" does not occur verbatim in the source text`,
    );
    expect(result.stdout).toMatch(new RegExp(`${notJson}: failed: cannot read a JSON document`));
    expect(result.stdout).toMatch(/1 of 3 file\(s\) loaded/);
    const again = run('import', [seed]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/: unchanged 2020-02-06-huawei-verizon \(nothing written\)/);
  });
});
