import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Resolver } from './address-policy';
import { MAX_RESPONSE_BYTES, sendDelivery } from './webhook-sender';

interface Received {
  host: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local receiver answering with `answer` for each request, recording what it got. */
async function receiver(answer: (res: http.ServerResponse, n: number) => void) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ host: req.headers.host, headers: req.headers, body });
      answer(res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(r)) };
}

const loopbackAllowed = { allowHttp: true, allowedNetworks: ['127.0.0.1/32'] };
const resolveTo =
  (address: string): Resolver =>
  async () => [{ address, family: 4 }];
const options = (policy = loopbackAllowed, resolve: Resolver = resolveTo('127.0.0.1')) => ({ policy, resolve, timeoutMs: 5000 });

describe('sending a delivery', () => {
  it('connects to the resolved address with the name in Host, and reports a 2xx as accepted', async () => {
    const r = await receiver((res) => res.writeHead(204).end());
    try {
      const result = await sendDelivery(new URL(`http://hooks.example:${r.port}/in?x=1`), { 'idempotency-key': 'k1' }, '{"a":1}', options());
      expect(result).toEqual({ ok: true, status: 204, error: null });
      expect(r.received).toHaveLength(1);
      expect(r.received[0]).toMatchObject({ host: `hooks.example:${r.port}`, body: '{"a":1}' });
      expect(r.received[0].headers['idempotency-key']).toBe('k1');
    } finally {
      await r.close();
    }
  });

  it('refuses a name that resolves to loopback when loopback is not allowed, and sends nothing', async () => {
    const r = await receiver((res) => res.writeHead(200).end());
    try {
      const result = await sendDelivery(new URL(`http://hooks.example:${r.port}/`), {}, '{}', options({ allowHttp: true, allowedNetworks: [] }));
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/hooks.example resolves to 127.0.0.1 is a loopback address/);
      expect(r.received).toHaveLength(0);
    } finally {
      await r.close();
    }
  });

  it('does not follow a redirect', async () => {
    const r = await receiver((res, n) => (n === 1 ? res.writeHead(302, { location: 'http://169.254.169.254/' }).end() : res.writeHead(200).end()));
    try {
      const result = await sendDelivery(new URL(`http://127.0.0.1:${r.port}/`), {}, '{}', options());
      expect(result).toMatchObject({ ok: false, status: 302 });
      expect(result.error).toMatch(/redirect to http:\/\/169.254.169.254\/ not followed/);
      expect(r.received).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it('reads a bounded part of a failing answer', async () => {
    const r = await receiver((res) => {
      res.writeHead(500);
      res.end('x'.repeat(MAX_RESPONSE_BYTES * 50));
    });
    try {
      const result = await sendDelivery(new URL(`http://127.0.0.1:${r.port}/`), {}, '{}', options());
      expect(result).toMatchObject({ ok: false, status: 500 });
      expect(result.error!.length).toBeLessThanOrEqual(520);
    } finally {
      await r.close();
    }
  });

  it('gives up an attempt whose answer never comes, at its deadline', async () => {
    const r = await receiver(() => undefined);
    try {
      const result = await sendDelivery(new URL(`http://127.0.0.1:${r.port}/`), {}, '{}', { ...options(), timeoutMs: 200 });
      expect(result).toEqual({ ok: false, status: null, error: 'no answer within 200 ms' });
    } finally {
      await r.close();
    }
  });

  describe('over https', () => {
    // A self-signed certificate for hooks.test, made for these tests only (test-certificate/).
    const cert = readFileSync(path.join(__dirname, 'test-certificate/hooks.test.crt'));
    const key = readFileSync(path.join(__dirname, 'test-certificate/hooks.test.key'));
    let server: https.Server;
    let port: number;
    const hosts: (string | undefined)[] = [];
    beforeAll(async () => {
      server = https.createServer({ cert, key }, (req, res) => {
        hosts.push(req.headers.host);
        res.writeHead(200).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('connects to the resolved address and checks the certificate against the URL’s name (SNI)', async () => {
      const result = await sendDelivery(new URL(`https://hooks.test:${port}/`), {}, '{}', { ...options(), ca: cert });
      expect(result).toEqual({ ok: true, status: 200, error: null });
      expect(hosts).toEqual([`hooks.test:${port}`]);
    });

    it('fails when the certificate is not for the name (a rebinding to another host cannot pass as the webhook)', async () => {
      const result = await sendDelivery(new URL(`https://other.test:${port}/`), {}, '{}', { ...options(), ca: cert });
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
      expect(hosts).toHaveLength(1);
    });
  });
});
