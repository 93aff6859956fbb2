import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it when missing), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where browser tests put their screenshots. */
export const SHOTS = path.resolve(__dirname, '../../test-results');

/** What a browser test checks at the end: requests to other origins, script errors, Content-Security-Policy violations. */
export interface PageWatch {
  foreignRequests: string[];
  pageErrors: string[];
  cspViolations: string[];
  /** Every URL the pages asked for (a secret must appear in none). */
  requestedUrls: string[];
}

/** Headless Chromium with a new, empty profile, at 1280×900, with no background traffic of its own. */
export async function launchChromium(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'explorer-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  // Waits are hang guards, not timings: generous for a loaded machine (Playwright's default is 30 s).
  context.setDefaultTimeout(120_000);
  return context;
}

/**
 * `launchChromium`, with every page of the context watched (a request to an origin not in `own`, which the
 * test may add to, is foreign). Closing the context ends the browser process.
 */
export async function launchWatched(own: Set<string>): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await launchChromium();
  const watch: PageWatch = { foreignRequests: [], pageErrors: [], cspViolations: [], requestedUrls: [] };
  try {
    context.on('request', (request) => {
      watch.requestedUrls.push(request.url());
      const url = new URL(request.url());
      if (!own.has(url.origin) && !['data:', 'about:'].includes(url.protocol)) watch.foreignRequests.push(request.url());
    });
    context.on('weberror', (error) => watch.pageErrors.push(error.error().message));
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)),
    );
    context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|CSP violation/i.test(message.text()))
        watch.cspViolations.push(`${message.page()?.url()}: ${message.text()}`);
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, watch };
  } catch (error) {
    await context.close();
    throw error;
  }
}
