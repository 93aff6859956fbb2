/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, WebSocket as PageSocket } from 'playwright-core';
import type { WebSocket } from 'ws';
import { Role } from '../src/common/role.enum';
import { bearer, createKey, eventually, freshDatabaseUrl, startTestServer, type TestServer } from './helpers';
import { launchChromium } from './support/browser';

/**
 * The explorer's dispute page updates live (explorer/src/live.ts): headless Chromium opens the
 * page, an editor writes through the API, and the page shows the change without a reload, with no
 * page error, CSP violation or request to another origin; leaving the page closes its socket.
 * Nothing is timed: the page's state is waited for and counted.
 */
const SHOTS = path.resolve(__dirname, '../test-results');
const DISPUTE = 'huawei-verizon-patents';
const SUIT = 'huawei-v-verizon-patent-suit-rkq';
const OVER = 'the patent fight between the two companies is over';
const SETTLED = 'Huawei has settled one of its two patent suits against Verizon';
const FOLLOW_UP = {
  slug: 'live-follow-up',
  title: 'A follow-up for the live page',
  publisher: 'Live Wire',
  publishedOn: '2021-07-20',
  text: `Live Wire, 20 July 2021. ${SETTLED}, the court was told. With the settlement, ${OVER}.`,
};

declare global {
  interface Window {
    /** Set by the test on the page: still there after a change means the page was not reloaded. */
    liveMarker?: string;
  }
}

describe('the explorer dispute page, live', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  let editor: Record<string, string>;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const sockets: PageSocket[] = [];
  let loads = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({ url: await freshDatabaseUrl() });
    origin = new URL(server.url).origin;
    editor = bearer(await createKey(server, Role.EDITOR, 'live-desk'));
    context = await launchChromium();
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && !['data:', 'about:'].includes(url.protocol)) foreignRequests.push(request.url());
    });
    page.on('websocket', (socket) => sockets.push(socket));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('load', () => (loads += 1));
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)),
    );
    // Every console error counts (CSP violations are reported as such, and so is a websocket that failed).
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  jest.setTimeout(600_000);

  const write = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await server.gql(query, variables, editor);
    expect(res.errors).toBeUndefined();
  };
  const indicator = () => page.locator('header.dispute-header .live');
  const updates = async () => Number((await indicator().getAttribute('data-updates')) ?? 0);

  it('shows a new status statement and a settled suit without a reload, and says so in a live region', async () => {
    await page.goto(`${origin}/explorer/#/dispute/${DISPUTE}`);
    await page.getByRole('heading', { level: 2, name: /Huawei versus Verizon over patents/ }).waitFor();
    await page.locator('header.dispute-header .live[data-state="live"]').waitFor();
    expect(await indicator().getAttribute('role')).toBe('status');
    expect(await indicator().getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.dispute-header .status').textContent()).toBe('active');
    await page.evaluate(() => (window.liveMarker = 'not reloaded'));
    const loadsBefore = loads;
    await eventually(() => server.app.subscriptions.running === 1, 'the page subscribed');

    // A new status statement for the dispute, from a new source.
    await write('mutation($input: AddSourceInput!) { addSource(input: $input) { slug } }', { input: FOLLOW_UP });
    await write(
      `mutation { updateDisputeStatus(input: { slug: "${DISPUTE}", status: RESOLVED, citations: [{ source: "${FOLLOW_UP.slug}", quote: "${OVER}" }],
      provenance: [{ field: "status", basis: STATED, quotes: [{ source: "${FOLLOW_UP.slug}", quote: "${OVER}" }] }] }) { status } }`,
    );
    await page.locator('.dispute-header .status', { hasText: 'resolved' }).waitFor();
    expect(await page.locator('.dispute-header .since').first().textContent()).toBe('since 20 July 2021 (Live Wire)');
    expect(await indicator().textContent()).toMatch(/^Live · Updated at .+\.$/);
    const afterStatus = await updates();
    expect(afterStatus).toBeGreaterThan(0);

    // A change of one of its suits: the suit's entry shows it too.
    await write(
      `mutation { updateLawsuitStatus(input: { slug: "${SUIT}", status: SETTLED, citations: [{ source: "${FOLLOW_UP.slug}", quote: "${SETTLED}" }],
      provenance: [{ field: "status", basis: STATED, quotes: [{ source: "${FOLLOW_UP.slug}", quote: "${SETTLED}" }] }] }) { status } }`,
    );
    await page.locator('section[aria-labelledby="lawsuits-h"] li.fact', { hasText: 'settled' }).first().waitFor();
    expect(await updates()).toBeGreaterThan(afterStatus);

    // The same document: no reload, one socket, one subscription.
    expect(await page.evaluate(() => window.liveMarker)).toBe('not reloaded');
    expect(loads).toBe(loadsBefore);
    expect(sockets).toHaveLength(1);
    expect(server.app.subscriptions.running).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-dispute-live.png'), fullPage: true });
  });

  it('reconnects after the server closes its socket (as a slow consumer), and keeps updating', async () => {
    const before = sockets.length;
    const wss = (server.app.subscriptions as unknown as { wss: { clients: Set<WebSocket> } }).wss;
    expect(wss.clients.size).toBe(1);
    // As a slow consumer would be closed: the page retries (graphql-ws, with backoff) and shows it.
    for (const socket of wss.clients) socket.close(4420, 'Slow consumer: resume from the last cursor');
    await eventually(() => sockets.length === before + 1, 'a new socket');
    await page.locator('header.dispute-header .live[data-state="live"]').waitFor();
    await eventually(() => server.app.subscriptions.running === 1, 'subscribed again');
    const beforeWrite = await updates();
    await write(
      `mutation { updateDisputeStatus(input: { slug: "${DISPUTE}", status: ACTIVE, citations: [{ source: "${FOLLOW_UP.slug}", quote: "${SETTLED}" }],
      provenance: [{ field: "status", basis: STATED, quotes: [{ source: "${FOLLOW_UP.slug}", quote: "${SETTLED}" }] }] }) { status } }`,
    );
    await page.locator('.dispute-header .status', { hasText: 'active' }).waitFor();
    expect(await updates()).toBeGreaterThan(beforeWrite);
    expect(await page.evaluate(() => window.liveMarker)).toBe('not reloaded');
  });

  it('closes its socket when the reader leaves the dispute page', async () => {
    await page.locator('header.site h1 a').click();
    await page.locator('ol.disputes > li').first().waitFor();
    await eventually(() => sockets.every((s) => s.isClosed()), "the page's sockets closed");
    await eventually(() => server.app.subscriptions.sockets === 0 && server.app.subscriptions.running === 0, 'the server released them');
    // A write now opens nothing and changes nothing on the page.
    await write(
      `mutation { updateDisputeStatus(input: { slug: "${DISPUTE}", status: RESOLVED, citations: [{ source: "${FOLLOW_UP.slug}", quote: "${OVER}" }],
      provenance: [{ field: "status", basis: STATED, quotes: [{ source: "${FOLLOW_UP.slug}", quote: "${OVER}" }] }] }) { status } }`,
    );
    expect(await page.locator('.live').count()).toBe(0);
    expect(sockets.filter((s) => !s.isClosed())).toHaveLength(0);
  });

  it('had no page error, console error, CSP violation or request to another origin', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
