/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, SHOTS } from './support/browser';
import { Role } from '../src/common/role.enum';
import { bearer, createKey, SEED_DOCUMENT_PATH, startTestServer, type TestServer } from './helpers';

/**
 * The web explorer in headless Chromium (Debian's package, driven by playwright-core). It must
 * run, not skip: .ci/run installs chromium when it is missing. Screenshots go to test-results/.
 */

/** What the dispute test reads of the seed document: the disputes, the parties' names, and the facts it checks. */
interface SeedProvenance {
  basis: 'STATED' | 'INFERRED';
  note?: string;
}
interface SeedDocument {
  parties: { slug: string; name: string }[];
  disputes: {
    slug: string;
    title: string;
    kind: string;
    status: string;
    sides: { party: string; side: string; label: string | null }[];
    facts: { type: string; slug: string }[];
  }[];
  lawsuits: { slug: string; title: string; attribution: string; claimedBy?: string; provenance: Record<string, SeedProvenance> }[];
  negotiations: { slug: string; subject: string; hedges?: string[] }[];
  events: { slug: string; title: string }[];
}
const SEED = JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8')) as SeedDocument;

/** What the page functions below use of the explorer's cytoscape instance (window.explorerGraph). */
interface GraphNode {
  // (cytoscape's own types are not loaded in this Node-side test)
  data(key: string): unknown;
  renderedPosition(): { x: number; y: number };
}
declare global {
  interface Window {
    explorerGraph?: { nodes(): GraphNode[] & { filter(f: (n: GraphNode) => boolean): GraphNode[] }; destroyed(): boolean; resize(): void };
  }
}

describe('web explorer at /explorer', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  /** Console errors of the explorer's pages (GraphiQL's and the Sandbox page's are checked for CSP only). */
  const explorerConsoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    origin = new URL(server.url).origin;
    // A new, empty profile every run.
    context = await launchChromium();
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && !['data:', 'about:'].includes(url.protocol)) foreignRequests.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Content-Security-Policy violations, on every page of the context: the browser reports each
    // one as a console error, and the page's securitypolicyviolation event is logged too.
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)),
    );
    context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|CSP violation/i.test(message.text()))
        cspViolations.push(`${message.page()?.url()}: ${message.text()}`);
      if (message.type() === 'error' && message.page()?.url().includes('/explorer'))
        explorerConsoleErrors.push(`${message.page()?.url()}: ${message.text()} ${JSON.stringify(message.location())}`);
    });
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const graphLabels = () => page.evaluate(() => window.explorerGraph!.nodes().map((n) => n.data('label') as string));
  const waitForGraphOf = (slug: string) =>
    page.waitForFunction((s) => {
      const cy = window.explorerGraph;
      return !!cy && !cy.destroyed() && cy.nodes().some((n) => n.data('slug') === s && n.data('center') === 1);
    }, slug);

  // Generous limits: the whole suite runs in parallel, and Chromium shares the CPU with it.
  jest.setTimeout(600_000);

  it('serves every page with the security headers: scripts from itself only, no framing, nosniff, no referrer', async () => {
    const pages: [string, Record<string, string>][] = [
      ['/explorer/', {}],
      ['/graphiql/', {}],
      ['/graphql', { accept: 'text/html' }], // the Apollo Sandbox page
      ['/explorer/explorer.js', {}],
      ['/graphql?query=%7B__typename%7D', {}],
    ];
    for (const [where, headers] of pages) {
      const response = await fetch(`${origin}${where}`, { headers });
      expect([where, response.status]).toEqual([where, 200]);
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      const sandbox = where === '/graphql' && headers.accept === 'text/html';
      expect([where, directives.get('script-src')]).toEqual([where, sandbox ? ["'self'", 'https://embeddable-sandbox.cdn.apollographql.com'] : ["'self'"]]);
      expect([where, directives.get('default-src'), directives.get('frame-ancestors'), directives.get('object-src')]).toEqual([
        where,
        ["'self'"],
        ["'none'"],
        ["'none'"],
      ]);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect([where, response.headers.get('x-content-type-options'), response.headers.get('referrer-policy'), response.headers.get('x-frame-options')]).toEqual(
        [where, 'nosniff', 'no-referrer', 'DENY'],
      );
      // Outside production the bundles' source maps are served (NODE_ENV=production: see http.suite.ts).
      if (where === '/explorer/explorer.js') expect(response.headers.get('sourcemap')).toBe('/explorer/explorer.js.map');
      // A body left unread holds its socket open (a full receive buffer) after the server has closed.
      if (where.endsWith('/')) expect(await response.text()).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\son\w+=/i);
      else await response.body?.cancel();
    }
    const landing = await (await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(landing).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\son\w+=/i); // no inline script, style or handler
  });

  it('lists the disputes on the landing page in one request: title, both sides with labels, kind, status, latest dated fact', async () => {
    const posts: string[] = [];
    const onRequest = (request: import('playwright-core').Request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') posts.push(request.postData() ?? '');
    };
    page.on('request', onRequest);
    try {
      await page.goto(`${origin}/explorer/`);
      await page.getByRole('heading', { name: /who is fighting whom/i }).waitFor();
      const items = page.locator('ol.disputes > li');
      await items.first().waitFor();
      expect(await items.count()).toBe(SEED.disputes.length);
      expect(SEED.disputes.length).toBe(4);
      const name = new Map(SEED.parties.map((p) => [p.slug, p.name]));
      for (const dispute of SEED.disputes) {
        const item = items.filter({ has: page.getByRole('link', { name: dispute.title, exact: true }) });
        expect([dispute.slug, await item.count()]).toEqual([dispute.slug, 1]);
        const text = (await item.textContent()) ?? '';
        for (const side of dispute.sides) {
          expect([dispute.slug, text]).toEqual([dispute.slug, expect.stringContaining(name.get(side.party)!)]);
          if (side.label) expect([dispute.slug, text]).toEqual([dispute.slug, expect.stringContaining(`(${side.label})`)]);
        }
        expect(text).toContain(dispute.kind.toLowerCase());
        expect(text).toContain(`Status: ${dispute.status.toLowerCase()}`);
        expect(text).toMatch(/Latest dated fact: |No dated facts\./);
      }
      // The latest of the Huawei–Verizon dispute's dated facts, with its "on or before" bound.
      const patents = items.filter({ has: page.getByRole('link', { name: 'Huawei versus Verizon over patents', exact: true }) });
      expect(await patents.locator('.latest').textContent()).toMatch(
        /^Latest dated fact: on or before 6 February 2020 inferred \(.+\) — Huawei had reached out to Verizon .* · claimed by Huawei Technologies$/,
      );
      // The search box is still there.
      await expect(page.getByRole('searchbox', { name: /search parties, facts and sources/i }).count()).resolves.toBe(1);
      await page.screenshot({ path: path.join(SHOTS, 'explorer-disputes.png'), fullPage: true });
    } finally {
      page.off('request', onRequest);
    }
    // One GraphQL request for the whole list (no request per dispute).
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('DisputeList');
  });

  it('opens "Huawei versus Verizon over patents" from the landing page: sides, lawsuits, hedges, claims, inferred values and the timeline', async () => {
    const seeded = SEED.disputes.find((d) => d.slug === 'huawei-verizon-patents')!;
    await page.getByRole('link', { name: seeded.title, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(seeded.title) }).waitFor();
    expect(page.url()).toMatch(/#\/dispute\/huawei-verizon-patents$/);

    // Both sides, with their labels.
    const sides = page.locator('section[aria-labelledby="sides-h"]');
    for (const side of seeded.sides) {
      const party = SEED.parties.find((p) => p.slug === side.party)!;
      await expect(sides.getByRole('link', { name: party.name, exact: true }).count()).resolves.toBe(1);
      await expect(sides.getByText(side.label!).count()).resolves.toBe(1);
    }

    // Its lawsuits, each alleged by Huawei, each with its inferred filing date and the note saying from what.
    const lawsuitSlugs = seeded.facts.filter((f) => f.type === 'Lawsuit').map((f) => f.slug);
    const lawsuits = page.locator('section[aria-labelledby="lawsuits-h"] ul.facts > li');
    expect(await lawsuits.count()).toBe(lawsuitSlugs.length);
    for (const [i, slug] of lawsuitSlugs.entries()) {
      const seededSuit = SEED.lawsuits.find((l) => l.slug === slug)!;
      expect(seededSuit.attribution).toBe('ALLEGED');
      // The report tells the two suits apart by nothing, so they share a title: each is listed.
      const sameTitle = SEED.lawsuits.filter((l) => lawsuitSlugs.includes(l.slug) && l.title === seededSuit.title).length;
      expect(await lawsuits.filter({ hasText: seededSuit.title }).count()).toBe(sameTitle);
      const suit = lawsuits.nth(i);
      expect(await suit.locator('.says').textContent()).toMatch(/^Alleged by Huawei Technologies/);
      const filed = suit.locator('dd', { has: page.locator('time') }).first();
      expect(await filed.textContent()).toContain('on or before 6 February 2020');
      // The mark and its note are text in the page (not only a tooltip).
      expect(seededSuit.provenance.filed.basis).toBe('INFERRED');
      expect(await filed.locator('.inferred .inferred-flag').textContent()).toBe('inferred');
      expect((await filed.locator('.inferred .inferred-note').textContent())?.trim()).toBe(`(${seededSuit.provenance.filed.note})`);
      await expect(filed.getByText(seededSuit.provenance.filed.note!).isVisible()).resolves.toBe(true);
    }

    // The licensing talks: "apparent", the source's own hedge, verbatim.
    const hedged = SEED.negotiations.find((n) => n.hedges?.includes('apparent'))!;
    const talks = page.locator('section[aria-labelledby="negotiations-h"] ul.facts > li').filter({ hasText: hedged.subject });
    expect(await talks.count()).toBe(1);
    expect(await talks.locator('.hedges .hedge').allTextContents()).toEqual(['apparent']);
    await expect(talks.locator('.hedges').isVisible()).resolves.toBe(true);

    // Huawei's claims as claims: "Claimed by Huawei Technologies", visible.
    const claimed = page.locator('.says-claimed').filter({ hasText: /^Claimed by Huawei Technologies/ });
    expect(await claimed.count()).toBeGreaterThan(0);
    await expect(claimed.first().isVisible()).resolves.toBe(true);

    // Its timeline: every dated fact, in order, Huawei's notification (claimed, with its inferred date) among them.
    const timeline = page.locator('section[aria-labelledby="tl-h"] ol.timeline > li');
    expect(await timeline.count()).toBe(7);
    const event = SEED.events.find((e) => e.slug === 'huawei-notifies-verizon-of-breach')!;
    const notified = timeline.filter({ hasText: event.title });
    expect(await notified.count()).toBe(1);
    expect(await notified.locator('time').textContent()).toBe('about February 2019');
    expect(await notified.locator('.says').textContent()).toMatch(/^Claimed by Huawei Technologies/);
    expect(await notified.locator('.inferred').first().textContent()).toMatch(/^inferred \(“a year ago”/);
    const dates = await timeline.locator('time').allTextContents();
    expect(dates[dates.length - 1]).toBe('on or before 6 February 2020');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-dispute-huawei-verizon.png'), fullPage: true });

    expect(explorerConsoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('searches "Meng" with the keyboard, opens her page: graph with Huawei and the US government, the Vancouver arrest in the timeline', async () => {
    await page.goto(`${origin}/explorer`);
    await page.getByRole('heading', { name: /who is fighting whom/i }).waitFor();
    // Keyboard only: Tab to the search box, type, Enter; Tab to the first result, Enter.
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.id)) !== 'search-text'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-text');
    await page.keyboard.type('Meng');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /results? for “Meng”/ }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'explorer-search-meng.png'), fullPage: true });
    const first = page.locator('.hits li').first();
    await expect(first.getByRole('link', { name: 'Meng Wanzhou' }).count()).resolves.toBe(1);
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Meng Wanzhou'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Meng Wanzhou');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: /Meng Wanzhou/ }).waitFor();
    expect(page.url()).toMatch(/#\/party\/meng-wanzhou$/);
    await waitForGraphOf('meng-wanzhou');
    const labels = await graphLabels();
    expect(labels).toEqual(expect.arrayContaining(['Meng Wanzhou', 'Huawei Technologies', 'United States government']));
    const timeline = page.locator('ol.timeline');
    await expect(timeline.getByText('Arrest of Meng Wanzhou in Vancouver').count()).resolves.toBe(1);
    await expect(timeline.getByText('before about February 2019').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('“the arrest of chief financial officer Meng Wanzhou in Vancouver, Canada over a year ago”').count()).resolves.toBeGreaterThan(
      0,
    );
    await page.screenshot({ path: path.join(SHOTS, 'explorer-meng-wanzhou.png'), fullPage: true });
  });

  it('follows a node of the graph to that party’s page', async () => {
    // Where the Huawei node is drawn on screen (the graph is in view without scrolling at this
    // size; resize() makes cytoscape re-read its container's position before the click).
    const position = await page.evaluate(() => {
      const cy = window.explorerGraph!;
      cy.resize();
      const node = cy.nodes().filter((n) => n.data('slug') === 'huawei')[0];
      const box = document.getElementById('graph')!.getBoundingClientRect();
      const at = node.renderedPosition();
      return { x: box.left + at.x, y: box.top + at.y, viewport: window.innerHeight };
    });
    expect(position.y).toBeLessThan(position.viewport);
    await page.mouse.click(position.x, position.y);
    await page.getByRole('heading', { level: 2, name: /Huawei Technologies/ }).waitFor();
    expect(page.url()).toMatch(/#\/party\/huawei$/);
    await waitForGraphOf('huawei');
    expect(await graphLabels()).toEqual(expect.arrayContaining(['Verizon Communications', 'Federal Communications Commission']));
    // Its timeline says who says so: Huawei's claims and allegations, and inferred dates with their notes.
    const timeline = page.locator('ol.timeline');
    expect(
      await timeline
        .locator('.says-claimed')
        .filter({ hasText: /^Claimed by Huawei Technologies/ })
        .count(),
    ).toBeGreaterThan(0);
    expect(
      await timeline
        .locator('.says-alleged')
        .filter({ hasText: /^Alleged by Huawei Technologies/ })
        .count(),
    ).toBeGreaterThan(0);
    expect(await timeline.locator('.inferred-note').count()).toBeGreaterThan(0);
    // And its disputes, each a link to its page.
    await expect(page.locator('section[aria-labelledby="disp-h"]').getByRole('link', { name: 'Huawei versus Verizon over patents' }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-huawei.png'), fullPage: true });
  });

  it('reads at phone width (375 px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('about:blank');
    await page.goto(`${origin}/explorer/#/party/meng-wanzhou`);
    await waitForGraphOf('meng-wanzhou');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-phone.png'), fullPage: true });
    // The dispute list and a dispute's page too.
    await page.goto(`${origin}/explorer/#/`);
    await page.locator('ol.disputes > li').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.goto(`${origin}/explorer/#/dispute/huawei-verizon-patents`);
    await page.locator('section[aria-labelledby="tl-h"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-dispute-phone.png'), fullPage: true });
  });

  it('links a source only to a web address: a javascript: URL put straight into the database is shown as text', async () => {
    // The write paths refuse such a URL; this one is written around them, as an old row might be.
    const q = (sql: string) => server.dataSource.query(sql);
    const [huawei] = await q(`SELECT c.id FROM characterization c JOIN party p ON p.id = c.party_id WHERE p.slug = 'huawei' ORDER BY c.id LIMIT 1`);
    const sources = [
      ['injected-script', 'Injected script source', 'javascript:alert(1)'],
      ['web-source', 'A web source', 'https://example.com/report?a=1&b=2'],
    ];
    for (const [slug, title, url] of sources) {
      await q(
        `INSERT INTO "source" ("slug", "title", "publisher", "published_on", "url", "text", "content_hash") VALUES ('${slug}', '${title}', 'Nobody', '2020-02-06', '${url}', 'It is said here.', '${slug}')`,
      );
      await q(
        `INSERT INTO "citation" ("subject_type", "subject_id", "source_id", "quote", "offset") SELECT 'Characterization', ${Number(huawei.id)}, id, 'It is said here.', 0 FROM "source" WHERE "slug" = '${slug}'`,
      );
    }
    const dialogs: string[] = [];
    const onDialog = (dialog: import('playwright-core').Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto('about:blank');
      await page.goto(`${origin}/explorer/#/party/huawei`);
      const injected = page.locator('cite', { hasText: 'Injected script source' }).first();
      await injected.waitFor();
      expect(await injected.locator('a').count()).toBe(0);
      expect(await injected.textContent()).toContain('(javascript:alert(1))');
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      await injected.click();
      const web = page.locator('cite', { hasText: 'A web source' }).first().locator('a');
      expect(await web.getAttribute('href')).toBe('https://example.com/report?a=1&b=2');
      expect(dialogs).toEqual([]);
    } finally {
      page.off('dialog', onDialog);
    }
  });

  it('shows since when a value stands, its earlier statements, sources that disagree, and the dispute as of a date', async () => {
    // A follow-up (invented for this test) settles the first suit.
    const editor = bearer(await createKey(server, Role.EDITOR, 'explorer-desk'));
    const quote = 'Huawei has settled one of its two patent suits against Verizon';
    const follow = {
      slug: 'explorer-follow-up',
      title: 'A follow-up',
      publisher: 'Explorer Wire',
      publishedOn: '2021-07-20',
      text: `Explorer Wire, 20 July 2021. ${quote}, the court was told.`,
    };
    expect((await server.gql('mutation($input: AddSourceInput!) { addSource(input: $input) { slug } }', { input: follow }, editor)).errors).toBeUndefined();
    const settled = await server.gql(
      `mutation { updateLawsuitStatus(input: { slug: "huawei-v-verizon-patent-suit-rkq", status: SETTLED, citations: [{ source: "${follow.slug}", quote: "${quote}" }],
      provenance: [{ field: "status", basis: STATED, quotes: [{ source: "${follow.slug}", quote: "${quote}" }] }] }) { status } }`,
      {},
      editor,
    );
    expect(settled.errors).toBeUndefined();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('about:blank');
    await page.goto(`${origin}/explorer/#/dispute/huawei-verizon-patents`);
    const suit = page.locator('li.fact', { hasText: 'settled' }).first();
    await suit.waitFor();
    expect(await suit.locator('.since').first().textContent()).toBe('since 20 July 2021 (Explorer Wire)');
    await suit.locator('details.history summary').click();
    const history = suit.locator('details.history li');
    expect(await history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toMatch(/^filed — 6 February 2020 \(Bloomberg LP/);
    expect(await history.nth(1).textContent()).toMatch(/^settled — 20 July 2021 \(Explorer Wire/);
    // As of mid-2020: the suit as the 2020 report had it, and nothing of the follow-up.
    await page.locator('#as-of').fill('2020-06');
    await page.locator('form.as-of button').click();
    await page.waitForFunction(() => location.hash === '#/dispute/huawei-verizon-patents?asOf=2020-06');
    await page.locator('form.as-of p', { hasText: 'What the sources had published by 2020-06' }).waitFor();
    await page.locator('li.fact .since', { hasText: 'since 6 February 2020' }).first().waitFor();
    expect(await page.locator('li.fact', { hasText: 'settled' }).count()).toBe(0);
    expect(await page.locator('text=Explorer Wire').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-dispute-as-of.png'), fullPage: true });
    // The landing page takes the date too.
    await page.goto(`${origin}/explorer/#/?asOf=2020-06`);
    await page.locator('ol.disputes > li').first().waitFor();
    expect(await page.locator('#as-of').inputValue()).toBe('2020-06');
  });

  it('GraphiQL at /graphiql: bundled, the examples as tabs, schema docs, runs a query and keeps it in history', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${origin}/graphiql`);
    const tabs = page.locator('.graphiql-tab-button');
    await tabs.first().waitFor();
    // One tab per operation of schema/examples.graphql, named by the operation.
    const names = (await tabs.allTextContents()).map((t) => t.trim());
    expect(names).toEqual(expect.arrayContaining(['HuaweiAdversaries', 'MengWanzhou', 'SearchMeng', 'RenToWashington']));
    expect(names.length).toBeGreaterThanOrEqual(9);
    // The schema, by introspection of /graphql, in the docs.
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    // Run one example.
    await tabs.filter({ hasText: 'MengWanzhou' }).first().click();
    await page.locator('.graphiql-query-editor').getByText('query MengWanzhou').first().waitFor();
    const graphqlPosts: string[] = [];
    const listener = (request: import('playwright-core').Request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') graphqlPosts.push(request.postData() ?? '');
    };
    page.on('request', listener);
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/graphql' && (response.request().postData() ?? '').includes('MengWanzhou'),
    );
    await page.locator('.graphiql-execute-button').click();
    expect((await answered).status()).toBe(200);
    const result = page.locator('.result-window');
    await result.getByText('"Meng Wanzhou"').first().waitFor();
    await expect(result.getByText('"Huawei Technologies"').count()).resolves.toBeGreaterThan(0);
    page.off('request', listener);
    expect(graphqlPosts.some((body) => body.includes('MengWanzhou'))).toBe(true);
    // History keeps it.
    await page
      .getByRole('button', { name: /history/i })
      .first()
      .click();
    // (GraphiQL 3 labels the entry with the name it had before the tab switch, so the entry is checked, not its label.)
    await page.locator('.graphiql-history .graphiql-history-item').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'graphiql.png') });
    // The headers editor sends Authorization: Bearer KEY (an unknown key is refused, so it was sent).
    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror').first();
    await headersEditor.click();
    await page.keyboard.insertText('{"Authorization": "Bearer not-a-key"}');
    const refused = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/graphql');
    await page.locator('.graphiql-execute-button').click();
    expect((await (await refused).allHeaders()).authorization).toBe('Bearer not-a-key');
    await result.getByText('"Unknown API key"').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'graphiql-headers.png') });
  });

  it('talked only to its own server, without script errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(explorerConsoleErrors).toEqual([]);
  });

  it('at /graphql in a browser, goes to GraphiQL by itself when Apollo Sandbox cannot load from the CDN', async () => {
    const other = await context.newPage();
    try {
      const blocked: string[] = [];
      // Apollo's CDN is unreachable here anyway; blocking it makes the test the same everywhere.
      await other.route('**/*', (route) => {
        if (new URL(route.request().url()).origin === origin) return route.continue();
        blocked.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      await other.goto(`${origin}/graphql`);
      await other.waitForURL(`${origin}/graphiql/`);
      await other.locator('.graphiql-tab').first().waitFor();
      expect(blocked.some((url) => url.includes('embeddable-sandbox'))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("at /graphql, also goes to GraphiQL when the CDN does not answer at all (after 8 s of the page's clock)", async () => {
    const other = await context.newPage();
    try {
      // The page's timers run on a clock the test moves (no waiting 8 s of real time).
      await other.clock.install();
      const hanging: string[] = [];
      // A network that swallows packets: the request to Apollo's CDN never gets an answer.
      await other.route('**/*', (route) => {
        if (new URL(route.request().url()).origin === origin) return route.continue();
        hanging.push(route.request().url());
        return new Promise<void>(() => {});
      });
      // The page sets its timer, then asks the CDN for the Sandbox (which never answers).
      const askedCdn = other.waitForRequest((request) => request.url().includes('embeddable-sandbox'));
      // (The page's load event waits for the hanging script: wait only for the answer.)
      await other.goto(`${origin}/graphql`, { waitUntil: 'commit' });
      await askedCdn;
      await other.clock.runFor(7_500);
      expect(other.url()).toBe(`${origin}/graphql`);
      await other.clock.runFor(1_000);
      await other.waitForURL(`${origin}/graphiql/`);
      expect(hanging.some((url) => url.includes('embeddable-sandbox'))).toBe(true);
      await other.locator('.graphiql-tab-button').first().waitFor();
    } finally {
      await other.close();
    }
  });

  it('loaded every page (explorer, GraphiQL, the Sandbox page) without breaking its Content-Security-Policy', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
