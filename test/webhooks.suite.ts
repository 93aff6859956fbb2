import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Resolver } from '../src/modules/webhook/address-policy';
import { verifySignature } from '../src/modules/webhook/webhook-signature';
import { PRUNE_BATCH } from '../src/modules/webhook/webhook-worker';
import { bearer, createKey, eventually, freshDatabaseUrl, startTestServer, type TestServer } from './helpers';

const SOURCE = '2020-02-06-huawei-verizon';
const createCompany = (slug: string) =>
  `mutation { createCompany(input: { slug: "${slug}", name: "${slug}", citations: [{ source: "${SOURCE}", quote: "European and US entities" }] }) { slug } }`;

/** Small delays and a short poll, so a test runs in well under a second of waiting; nothing asserts on time. */
const FAST = {
  WEBHOOK_ALLOW_HTTP: 'on',
  WEBHOOK_POLL_MS: '20',
  WEBHOOK_BACKOFF_MS: '1',
  WEBHOOK_BACKOFF_MAX_MS: '4',
  WEBHOOK_MAX_ATTEMPTS: '20',
  WEBHOOK_DISABLE_AFTER: '5',
};
/** The test receiver listens on 127.0.0.1: loopback is allowed in these tests, and only there. */
const LOOPBACK_RECEIVER = { ...FAST, WEBHOOK_ALLOW_NETWORKS: '127.0.0.1/32' };

interface Hit {
  key: string;
  signature: string;
  body: string;
  status: number;
}

/** A local receiver: `status(n)` is its answer to the n-th request (from 1). */
async function receiver(status: (n: number) => number) {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const answer = status(hits.length + 1);
      hits.push({ key: String(req.headers['idempotency-key']), signature: String(req.headers['webhook-signature']), body, status: answer });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { hits, url, accepted: () => hits.filter((h) => h.status < 300), close: () => new Promise((r) => server.close(r)) };
}

const DELIVERIES = `query($id: ID!) { webhookDeliveries(webhook: $id, first: 50) { totalCount edges { node { idempotencyKey status attempts changeCount responseStatus lastError } } } }`;

async function createWebhook(server: TestServer, admin: string, url: string, filter: Record<string, string[]> = {}) {
  const res = await server.gql(
    `mutation($url: String!, $filter: WebhookFilterInput) { createWebhook(url: $url, filter: $filter) { secret webhook { id url status } } }`,
    { url, filter },
    bearer(admin),
  );
  return res;
}

async function deliveries(server: TestServer, admin: string, id: string) {
  const res = await server.gql(DELIVERIES, { id }, bearer(admin));
  expect(res.errors).toBeUndefined();
  return res.data.webhookDeliveries.edges.map((e: { node: unknown }) => e.node) as {
    idempotencyKey: string;
    status: string;
    attempts: number;
    changeCount: number;
    responseStatus: number | null;
    lastError: string | null;
  }[];
}

describe('webhooks', () => {
  describe('delivery', () => {
    let server: TestServer;
    let admin: string;
    beforeAll(async () => {
      server = await startTestServer({ env: LOOPBACK_RECEIVER });
      admin = await createKey(server, 'ADMIN' as never);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('retries a receiver that fails 3 times, then it accepts exactly one delivery, with one Idempotency-Key, signed', async () => {
      const r = await receiver((n) => (n <= 3 ? 500 : 200));
      try {
        const created = await createWebhook(server, admin, r.url, { parties: ['hooked-one'] });
        expect(created.errors).toBeUndefined();
        const { secret, webhook } = created.data.createWebhook;
        expect(secret).toMatch(/^whsec_/);
        // A change the filter drops, then one it lets through.
        expect((await server.gql(createCompany('not-hooked'), {}, bearer(admin))).errors).toBeUndefined();
        expect((await server.gql(createCompany('hooked-one'), {}, bearer(admin))).errors).toBeUndefined();
        await eventually(async () => (await deliveries(server, admin, webhook.id)).some((d) => d.status === 'DELIVERED'), 'a delivered delivery');
        expect(r.hits.map((h) => h.status)).toEqual([500, 500, 500, 200]);
        expect(r.accepted()).toHaveLength(1);
        expect(new Set(r.hits.map((h) => h.key)).size).toBe(1);
        for (const hit of r.hits) {
          expect(verifySignature(secret, hit.signature, hit.body, Math.floor(Date.now() / 1000))).toBe(true);
          expect(verifySignature(secret, hit.signature, hit.body.replace('hooked-one', 'hooked-two'), Math.floor(Date.now() / 1000))).toBe(false);
        }
        const body = JSON.parse(r.accepted()[0].body);
        expect(body).toMatchObject({ webhook: webhook.id, delivery: r.hits[0].key });
        expect(body.changes.length).toBeGreaterThan(0);
        for (const change of body.changes) expect(change.parties).toContain('hooked-one');
        expect(body.changes.some((c: { parties: string[] }) => c.parties.includes('not-hooked'))).toBe(false);
        const [delivery] = await deliveries(server, admin, webhook.id);
        expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 4, responseStatus: 200, lastError: null, idempotencyKey: r.hits[0].key });
      } finally {
        await r.close();
      }
    });

    it('disables an endpoint after WEBHOOK_DISABLE_AFTER failures in a row, and says so in the change feed', async () => {
      const r = await receiver(() => 503);
      try {
        const created = await createWebhook(server, admin, r.url, { parties: ['hooked-down'] });
        const { webhook } = created.data.createWebhook;
        await server.gql(createCompany('hooked-down'), {}, bearer(admin));
        const status = async () =>
          (await server.gql(`{ webhooks { id status disabledReason consecutiveFailures } }`, {}, bearer(admin))).data.webhooks.find(
            (w: { id: string }) => w.id === webhook.id,
          );
        await eventually(async () => (await status()).status === 'DISABLED', 'the webhook disabled');
        expect(await status()).toMatchObject({
          status: 'DISABLED',
          consecutiveFailures: 5,
          disabledReason: expect.stringMatching(/^5 attempts failed in a row; the last: HTTP 503/),
        });
        expect(r.hits).toHaveLength(5);
        const [delivery] = await deliveries(server, admin, webhook.id);
        expect(delivery).toMatchObject({ status: 'FAILED', attempts: 5, responseStatus: 503 });
        // More changes and polls: nothing more is sent to it.
        await server.gql(createCompany('hooked-down-again'), {}, bearer(admin));
        for (let i = 0; i < 5; i += 1) await server.app.webhooks!.poll();
        expect(r.hits).toHaveLength(5);
        const events = await server.dataSource.query(
          `SELECT kind, field, value, actor FROM change_event WHERE subject_type = 'Webhook' AND subject_id = ${Number(Buffer.from(webhook.id, 'base64url').toString().split(':')[1])}`,
        );
        expect(events).toEqual([{ kind: 'UPDATED', field: 'status', value: '"DISABLED"', actor: 'webhook-worker' }]);
      } finally {
        await r.close();
      }
    });

    it('is for admins only, and refuses bad input with codes', async () => {
      const editor = await createKey(server, 'EDITOR' as never, 'an-editor');
      expect((await server.gql(`{ webhooks { id } }`, {}, bearer(editor))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await server.gql(`{ webhooks { id } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const bad = await createWebhook(server, admin, 'https://example.com/hook', { parties: ['not a slug!'] });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', invalidArguments: [{ field: 'filter.parties' }] });
      const unknown = await server.gql(`mutation { deleteWebhook(id: "${Buffer.from('Webhook:999999').toString('base64url')}") { id } }`, {}, bearer(admin));
      expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const created = await createWebhook(server, admin, 'https://example.com/hook');
      const id = created.data.createWebhook.webhook.id;
      const deleted = await server.gql(`mutation($id: ID!) { deleteWebhook(id: $id) { id url } }`, { id }, bearer(admin));
      expect(deleted.data.deleteWebhook).toEqual({ id, url: 'https://example.com/hook' });
      expect((await server.gql(`{ webhooks { id } }`, {}, bearer(admin))).data.webhooks.map((w: { id: string }) => w.id)).not.toContain(id);
    });
  });

  describe('woken by the change bus, and a pruned log', () => {
    let server: TestServer;
    let admin: string;
    beforeAll(async () => {
      // A poll once an hour: only the change bus's wake can deliver within the test.
      server = await startTestServer({
        url: await freshDatabaseUrl(),
        env: { ...LOOPBACK_RECEIVER, WEBHOOK_POLL_MS: '3600000', WEBHOOK_DELIVERY_RETENTION_DAYS: '7' },
      });
      admin = await createKey(server, 'ADMIN' as never);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('delivers a change without waiting for the poll: the change bus wakes the worker', async () => {
      const rx = await receiver(() => 200);
      try {
        const created = await createWebhook(server, admin, rx.url);
        expect(created.errors).toBeUndefined();
        expect((await server.gql(createCompany('woken-co'), {}, bearer(admin))).errors).toBeUndefined();
        await eventually(() => rx.accepted().length === 1, 'the delivery');
        expect(JSON.parse(rx.hits[0].body).changes.map((c: { kind: string; subjectType: string }) => `${c.kind} ${c.subjectType}`)).toContain(
          'CREATED Company',
        );
        // The worker records the receiver's 200 a moment after the receiver answered it.
        const id = created.data.createWebhook.webhook.id;
        await eventually(async () => (await deliveries(server, admin, id)).some((d) => d.status === 'DELIVERED'), 'the delivery recorded');
        expect(await deliveries(server, admin, id)).toMatchObject([{ status: 'DELIVERED', attempts: 1 }]);
      } finally {
        await rx.close();
      }
    });

    it('deletes delivered and given-up deliveries past the retention period, a bounded batch per pass, and keeps pending and recent ones', async () => {
      const worker = server.app.webhooks!;
      const [{ id: webhookId }] = await server.dataSource.query(`SELECT id FROM webhook ORDER BY id LIMIT 1`);
      const count = async (where = '1 = 1') => Number((await server.dataSource.query(`SELECT COUNT(*) AS n FROM webhook_delivery WHERE ${where}`))[0].n);
      const kept = await count();
      const old = '2020-01-01T00:00:00.000Z';
      const recent = new Date(Date.now() - 86_400_000).toISOString();
      const rows = [
        ...Array.from({ length: PRUNE_BATCH + 500 }, () => ['DELIVERED', old]),
        ...Array.from({ length: 3 }, () => ['FAILED', old]),
        ...Array.from({ length: 2 }, () => ['PENDING', old]),
        ...Array.from({ length: 5 }, () => ['DELIVERED', recent]),
      ];
      const values = rows.map(
        ([status, at], i) =>
          `(${Number(webhookId)}, 'prune-test-${i}', '${status}', 1, 1, '{}', '${at}', ${status === 'PENDING' ? `'2999-01-01T00:00:00.000Z'` : 'NULL'})`,
      );
      await server.app.database.write((manager) =>
        manager.query(
          `INSERT INTO webhook_delivery (webhook_id, idempotency_key, status, attempts, change_count, payload, created_at, next_attempt_at) VALUES ${values.join(', ')}`,
        ),
      );
      expect(await count()).toBe(kept + rows.length);
      expect(await worker.prune()).toBe(PRUNE_BATCH);
      expect(await count()).toBe(kept + rows.length - PRUNE_BATCH);
      expect(await worker.prune()).toBe(503);
      expect(await worker.prune()).toBe(0);
      expect(await count(`idempotency_key LIKE 'prune-test-%'`)).toBe(7);
      expect(await count(`idempotency_key LIKE 'prune-test-%' AND status = 'PENDING'`)).toBe(2);
      expect(await count(`idempotency_key LIKE 'prune-test-%' AND created_at = '${recent}'`)).toBe(5);
      // The first test's delivery is recent: kept.
      expect(await count(`idempotency_key NOT LIKE 'prune-test-%'`)).toBe(kept);
    });
  });

  describe('addresses', () => {
    let server: TestServer;
    let admin: string;
    /** Names the tests resolve: each to an address no webhook may reach. */
    const names: Record<string, string> = {
      'loopback.hooks.test': '127.0.0.1',
      'private.hooks.test': '10.0.0.8',
      'metadata.hooks.test': '169.254.169.254',
      'v6-loopback.hooks.test': '::1',
    };
    const resolve: Resolver = async (name) => (names[name] ? [{ address: names[name], family: names[name].includes(':') ? 6 : 4 }] : []);
    beforeAll(async () => {
      // No WEBHOOK_ALLOW_NETWORKS: public addresses only.
      server = await startTestServer({ env: FAST, appOptions: { webhooks: { resolve } } });
      admin = await createKey(server, 'ADMIN' as never);
    });
    afterAll(async () => {
      await server?.close();
    });

    it.each([
      'http://127.0.0.1:9/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/hook',
      'https://[::ffff:7f00:1]/hook',
    ])('refuses %s when it is created', async (url) => {
      const res = await createWebhook(server, admin, url);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', invalidArguments: [{ field: 'url' }] });
    });

    it('refuses, at delivery, a name that resolves to loopback, private, metadata or IPv6 loopback addresses, and sends nothing', async () => {
      const r = await receiver(() => 200);
      try {
        const ids: Record<string, string> = {};
        for (const name of Object.keys(names)) {
          const created = await createWebhook(server, admin, `http://${name}:${new URL(r.url).port}/hook`);
          expect(created.errors).toBeUndefined();
          ids[name] = created.data.createWebhook.webhook.id;
        }
        await server.gql(createCompany('hooked-ssrf'), {}, bearer(admin));
        for (const [name, address] of Object.entries(names)) {
          await eventually(async () => (await deliveries(server, admin, ids[name])).some((d) => d.attempts >= 2), `two attempts for ${name}`);
          const [delivery] = await deliveries(server, admin, ids[name]);
          expect(delivery.lastError).toContain(`${name} resolves to ${address} is a`);
          expect(delivery.responseStatus).toBeNull();
        }
        expect(r.hits).toHaveLength(0);
      } finally {
        await r.close();
      }
    });
  });

  it('loses nothing across a restart: pending deliveries and the changes made while the server was down arrive, each once', async () => {
    const url = await freshDatabaseUrl();
    let up = false;
    const r = await receiver(() => (up ? 200 : 503));
    // The delivery must still be pending at the restart: it fails every ~20 ms until the worker stops (15-16
    // attempts before the restart, quiet), so neither the webhook's disabling nor the delivery's last attempt may come first.
    let server = await startTestServer({ url, env: { ...LOOPBACK_RECEIVER, WEBHOOK_DISABLE_AFTER: '1000', WEBHOOK_MAX_ATTEMPTS: '1000' } });
    try {
      const admin = await createKey(server, 'ADMIN' as never);
      const { webhook } = (await createWebhook(server, admin, r.url, { parties: ['restart-a', 'restart-b', 'restart-c'] })).data.createWebhook;
      await server.gql(createCompany('restart-a'), {}, bearer(admin));
      await eventually(() => r.hits.length >= 2, 'failed attempts before the restart');
      const keyBefore = r.hits[0].key;
      await server.close();
      // While no worker runs: another change.
      server = await startTestServer({ url, env: { ...LOOPBACK_RECEIVER, WEBHOOK_WORKER: 'off' } });
      await server.gql(createCompany('restart-b'), {}, bearer(admin));
      await server.close();
      up = true;
      server = await startTestServer({ url, env: LOOPBACK_RECEIVER });
      await server.gql(createCompany('restart-c'), {}, bearer(admin));
      const received = () => new Set(r.accepted().flatMap((h) => JSON.parse(h.body).changes.flatMap((c: { parties: string[] }) => c.parties)));
      await eventually(() => ['restart-a', 'restart-b', 'restart-c'].every((slug) => received().has(slug)), 'every change delivered');
      // The delivery pending at the restart went out with the key it had.
      expect(r.accepted()[0].key).toBe(keyBefore);
      // Each change arrived in exactly one accepted delivery.
      const cursors = r.accepted().flatMap((h) => JSON.parse(h.body).changes.map((c: { cursor: string }) => c.cursor));
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(new Set(r.accepted().map((h) => h.key)).size).toBe(r.accepted().length);
      // The receiver's 200 is recorded once its answer is read: the log may trail the receiver by a moment.
      await eventually(
        async () => (await deliveries(server, admin, webhook.id)).every((d) => d.status === 'DELIVERED'),
        'every delivery recorded as delivered',
      );
    } finally {
      await server.close();
      await r.close();
    }
  });

  it('gives a delivery up after WEBHOOK_MAX_ATTEMPTS and goes on with the next changes', async () => {
    const r = await receiver((n) => (n <= 2 ? 500 : 200));
    const server = await startTestServer({ env: { ...LOOPBACK_RECEIVER, WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_DISABLE_AFTER: '100' } });
    try {
      const admin = await createKey(server, 'ADMIN' as never);
      const { webhook } = (await createWebhook(server, admin, r.url, { parties: ['giveup-a', 'giveup-b'] })).data.createWebhook;
      await server.gql(createCompany('giveup-a'), {}, bearer(admin));
      await eventually(async () => (await deliveries(server, admin, webhook.id)).some((d) => d.status === 'FAILED'), 'the first delivery given up');
      await server.gql(createCompany('giveup-b'), {}, bearer(admin));
      await eventually(async () => (await deliveries(server, admin, webhook.id)).some((d) => d.status === 'DELIVERED'), 'the next delivered');
      const [second, first] = await deliveries(server, admin, webhook.id);
      expect(first).toMatchObject({ status: 'FAILED', attempts: 2, responseStatus: 500, lastError: 'HTTP 500: try later' });
      expect(second).toMatchObject({ status: 'DELIVERED', attempts: 1, responseStatus: 200 });
      expect(r.hits.map((h) => h.key)).toEqual([first.idempotencyKey, first.idempotencyKey, second.idempotencyKey]);
      expect(JSON.parse(r.hits[2].body).changes.every((c: { parties: string[] }) => c.parties.includes('giveup-b'))).toBe(true);
    } finally {
      await server.close();
      await r.close();
    }
  });

  it('delivers each change once when two instances run workers on one database', async () => {
    const url = await freshDatabaseUrl();
    const r = await receiver(() => 200);
    // Two servers in one process on one SQLite file: one's lock wait (better-sqlite3 waits synchronously)
    // would stall the other's open transaction, so there they only poll; separate processes do not share a thread.
    const env = url.startsWith('sqlite:') ? { ...LOOPBACK_RECEIVER, WEBHOOK_WAKE: 'off' } : LOOPBACK_RECEIVER;
    const one = await startTestServer({ url, env });
    const two = await startTestServer({ url, env });
    try {
      const admin = await createKey(one, 'ADMIN' as never);
      const slugs = ['twin-1', 'twin-2', 'twin-3', 'twin-4', 'twin-5', 'twin-6'];
      await createWebhook(one, admin, r.url, { parties: slugs });
      for (const [i, slug] of slugs.entries()) await (i % 2 ? one : two).gql(createCompany(slug), {}, bearer(admin));
      const received = () => r.hits.flatMap((h) => JSON.parse(h.body).changes.flatMap((c: { parties: string[] }) => c.parties));
      await eventually(() => slugs.every((slug) => received().includes(slug)), 'every change delivered');
      // Let both workers poll again: nothing is sent twice.
      for (let i = 0; i < 3; i += 1) await Promise.all([one.app.webhooks!.poll(), two.app.webhooks!.poll()]);
      const cursors = r.hits.flatMap((h) => JSON.parse(h.body).changes.map((c: { cursor: string }) => c.cursor));
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(new Set(r.hits.map((h) => h.key)).size).toBe(r.hits.length);
      expect(one.app.webhooks!.attempts + two.app.webhooks!.attempts).toBe(r.hits.length);
    } finally {
      await two.close();
      await one.close();
      await r.close();
    }
  });
});
