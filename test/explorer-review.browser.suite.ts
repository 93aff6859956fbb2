/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Role } from '../src/common/role.enum';
import { bearer, createKey, SEED_DOCUMENT_PATH, startTestServer, type TestServer } from './helpers';
import { launchWatched, SHOTS, type PageWatch } from './support/browser';

/**
 * The editors' review page (#/review) in headless Chromium: an editor enters a key, pastes a
 * follow-up report, reads its names and items, corrects one with the keyboard, accepts it, rejects
 * another with a reason, and finds the corrected fact on the dispute page. The key is never stored
 * anywhere but the page's memory, and a reader sees nothing of the draft.
 */
const SETTLEMENT = readFileSync(path.resolve(__dirname, '../bench/draft-eval/settlement.txt'), 'utf8');
const SEED = JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8')) as { source: { text: string; publishedOn: string } } & Record<
  string,
  Record<string, unknown>[]
>;

interface Item {
  key: string;
  kind: 'NEW' | 'UPDATE';
  status: string;
  typeName: string;
  documentKey: string;
  quote: string;
  entry: Record<string, unknown>;
  targetSlug: string | null;
}

describe('review page at /explorer/#/review', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  let origin: string;
  let editorKey: string;
  let viewerKey: string;
  let draftId = '';
  /** The origins of this test's servers: a request anywhere else is foreign. */
  const own = new Set<string>();

  jest.setTimeout(600_000);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    origin = new URL(server.url).origin;
    own.add(origin);
    editorKey = await createKey(server, Role.EDITOR, 'review-desk');
    viewerKey = await createKey(server, Role.VIEWER, 'review-reader');
    ({ context, page, watch } = await launchWatched(own));
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const draftItems = async (id: string): Promise<Item[]> => {
    const answer = await server.gql(`{ draft(id: "${id}") { items { key kind status typeName documentKey quote entry targetSlug } } }`, {}, bearer(editorKey));
    return answer.data.draft.items as Item[];
  };
  const itemEl = (key: string) => page.locator(`li.review-item[data-key="${key}"]`);
  /** Moves the selection to an item with j / k, as a keyboard user would. */
  const selectWithKeys = async (key: string) => {
    const keys = await page.locator('li.review-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
    const at = keys.indexOf(key);
    const now = keys.indexOf(await page.locator('li.review-item.selected').getAttribute('data-key'));
    for (let i = now; i < at; i++) await page.keyboard.press('j');
    for (let i = now; i > at; i--) await page.keyboard.press('k');
    await page.locator(`li.review-item.selected[data-key="${key}"]`).waitFor();
  };
  const enterKey = async (key: string) => {
    await page.locator('#review-key').focus();
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
  };

  it('takes the key, drafts a pasted report and shows its names and items at their spans', async () => {
    await page.goto(`${origin}/explorer/`);
    await page.getByRole('link', { name: 'Review drafts (editors)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Review drafts' }).waitFor();
    await enterKey(editorKey);
    await page.getByRole('heading', { name: 'Draft a new report' }).waitFor();

    await page.getByLabel(/Report text/).fill(SETTLEMENT);
    await page.getByLabel('Title').fill('Huawei and Verizon settle patent suits');
    await page.getByLabel('Publisher').fill('Review Wire');
    await page.getByLabel('Published on').fill('2021-07-20');
    await page.getByRole('button', { name: 'Draft the report' }).click();
    await page.getByRole('heading', { level: 2, name: /^Review: Huawei and Verizon settle patent suits/ }).waitFor();
    draftId = decodeURIComponent(page.url().split('#/review/')[1]);
    expect(draftId).not.toBe('');

    // The report verbatim (built as text nodes), every name and every item's sentence marked.
    const shown = await page.locator('#report-text').evaluate((el) => el.textContent);
    expect(shown).toBe(SETTLEMENT);
    const drafted = await server.gql(`{ draft(id: "${draftId}") { mentions { key name spans { start } linked { slug } } } }`, {}, bearer(editorKey));
    const mentions = drafted.data.draft.mentions as { key: string; name: string; spans: unknown[]; linked: { slug: string } | null }[];
    for (const m of mentions) {
      const marks = page.locator(`#report-text mark.mention[data-mention="${m.key}"]`);
      expect([m.name, await marks.count()]).toEqual([m.name, m.spans.length]);
      expect(await marks.first().getAttribute('title')).toContain(m.linked ? `→ ${m.linked.slug}` : '→ a new');
    }
    const huawei = page.locator('li.review-mention', { hasText: 'Huawei Technologies' }).first();
    expect(await huawei.locator('.mention-link').textContent()).toMatch(/^huawei \(name, score 1\.00\)$/);
    const items = await draftItems(draftId);
    expect(await page.locator('li.review-item').count()).toBe(items.length);
    for (const item of items) {
      const quoted = await page.locator(`#report-text .quote[data-items~="${item.key}"]`).allTextContents();
      expect(quoted.join('')).toBe(item.quote);
    }
    // An update of a stored fact is shown as one.
    const update = items.find((i) => i.kind === 'UPDATE')!;
    expect(await itemEl(update.key).locator('.update-line').textContent()).toBe(`Updates the stored lawsuit ${update.targetSlug}: status filed → settled`);
    // Field provenance: stated and inferred, the inferred date with its note.
    const statement = items.find((i) => i.typeName === 'Statement')!;
    expect(await itemEl(statement.key).locator('dd[data-field="date"] .inferred-flag').textContent()).toBe('inferred');
    expect(await itemEl(statement.key).locator('dd[data-field="date"] .field-value').textContent()).toBe(
      `on or before 20 July 2021 (${String(statement.entry.date)})`,
    );
    // The date phrases of an item's sentence, each with the date it was read as.
    expect(await itemEl(update.key).locator('.item-dates').textContent()).toMatch(/^Date phrases: last year → 2020 \(/);
    expect(await itemEl(statement.key).locator('dd[data-field="speaker"] .stated-flag').textContent()).toBe('stated');
    await page.screenshot({ path: path.join(SHOTS, 'review-draft.png'), fullPage: true });
  });

  it('corrects an update with the keyboard, accepts it, shows a refusal beside its item, rejects a statement with a reason', async () => {
    const items = await draftItems(draftId);
    const [first, second] = items.filter((i) => i.kind === 'UPDATE');
    const [verizon, huaweiSaid] = items.filter((i) => i.typeName === 'Statement');

    // The help, by "?".
    await page.locator('li.review-item.selected').focus();
    await page.keyboard.press('?');
    await page.locator('#review-help').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator('#review-help').waitFor({ state: 'hidden' });

    // e: the field (status, the only one of an update), Tab to its value, type, Enter; then a.
    await selectWithKeys(first.key);
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('Tab');
    await page.keyboard.type('DISMISSED');
    await page.keyboard.press('Enter');
    await itemEl(first.key).locator('.badge-edited').waitFor();
    expect(await itemEl(first.key).locator('.status-to').textContent()).toBe('dismissed');
    expect(await itemEl(first.key).locator('dd[data-field="status"] .inferred-flag').textContent()).toBe('inferred');
    await page.keyboard.press('a');
    await itemEl(first.key).locator('.item-status-accepted').waitFor();
    expect(await page.locator('.review-live').textContent()).toMatch(new RegExp(`^${first.key} accepted with your edits`));

    // The other update, with the mouse.
    await itemEl(second.key).getByRole('button', { name: 'Accept' }).click();
    await itemEl(second.key).locator('.item-status-accepted').waitFor();

    // A correction the server refuses (a party that does not exist): its message beside the item, nothing written.
    await selectWithKeys(verizon.key);
    await page.keyboard.press('e');
    await page.locator(`#edit-field-${verizon.key}`).selectOption('speaker');
    await page.locator(`#edit-value-${verizon.key}`).fill('no-such-party');
    await page.keyboard.press('Enter');
    await itemEl(verizon.key).locator('.badge-edited').waitFor();
    await page.keyboard.press('a');
    const refusal = itemEl(verizon.key).locator('.item-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Not accepted: .*no-such-party/);
    expect(await itemEl(verizon.key).locator('.item-status').textContent()).toBe('pending');
    expect((await draftItems(draftId)).find((i) => i.key === verizon.key)!.status).toBe('PENDING');

    // r: a reason, Enter.
    await selectWithKeys(huaweiSaid.key);
    await page.keyboard.press('r');
    await page.keyboard.type('not about the dispute');
    await page.keyboard.press('Enter');
    await itemEl(huaweiSaid.key).locator('.item-status-rejected').waitFor();
    expect(await itemEl(huaweiSaid.key).locator('.item-decision').textContent()).toBe('Rejected by review-desk: not about the dispute');
    const stored = (await draftItems(draftId)).find((i) => i.key === huaweiSaid.key)!;
    expect(stored.status).toBe('REJECTED');
    await page.screenshot({ path: path.join(SHOTS, 'review-decided.png'), fullPage: true });
  });

  it('links an accepted fact to the dispute page, where it stands with the edited value', async () => {
    const [first] = (await draftItems(draftId)).filter((i) => i.kind === 'UPDATE');
    const link = itemEl(first.key).locator('.item-places').getByRole('link', { name: 'Huawei versus Verizon over patents' });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 2, name: /Huawei versus Verizon over patents/ }).waitFor();
    const suits = page.locator('section[aria-labelledby="lawsuits-h"] ul.facts > li');
    await suits.first().waitFor();
    // The corrected suit dismissed, the other settled, each since the follow-up (its status history ends with it).
    // The sentence says "settled": the editor's "dismissed" is marked inferred, with the note the review page wrote.
    expect(
      await suits
        .locator('dd', {
          hasText:
            /^dismissed inferred \(corrected by an editor in review; the report’s sentence does not state “dismissed”\) since 20 July 2021 \(Review Wire\)$/,
        })
        .count(),
    ).toBe(1);
    expect(await suits.locator('dd', { hasText: /^settled since 20 July 2021 \(Review Wire\)$/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'review-dispute-after.png'), fullPage: true });
    await page.goBack();
    await page.locator('li.review-item').first().waitFor();
  });

  it('keeps the key in memory only: not in storage, cookies, the address or any request’s URL', async () => {
    const stored = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      databases: JSON.stringify(await indexedDB.databases()),
      url: location.href,
      inputs: [...document.querySelectorAll('input')].map((i) => i.value).join(' '),
    }));
    for (const [where, value] of Object.entries(stored)) expect([where, value.includes(editorKey)]).toEqual([where, false]);
    expect(JSON.stringify(await context.cookies())).not.toContain(editorKey);
    expect(watch.requestedUrls.filter((url) => url.includes(editorKey))).toEqual([]);
    // A reload forgets it: the key form again, nothing of the draft.
    await page.reload();
    await page.locator('#review-key').waitFor();
    expect(await page.locator('#report-text').count()).toBe(0);
  });

  it('shows a reader (no key, or a viewer’s key) nothing of the draft', async () => {
    const reader = await context.newPage();
    try {
      await reader.goto(`${origin}/explorer/#/review/${encodeURIComponent(draftId)}`);
      await reader.locator('#review-key').waitFor();
      const secret = 'We are pleased to have resolved this matter';
      expect(await reader.locator('body').textContent()).not.toContain(secret);
      await reader.locator('#review-key').fill(viewerKey);
      await reader.keyboard.press('Enter');
      await reader.locator('.review-key-result.error').waitFor();
      expect(await reader.locator('.review-key-result').textContent()).toMatch(/^The key was not accepted: /);
      expect(await reader.locator('#report-text').count()).toBe(0);
      expect(await reader.locator('body').textContent()).not.toContain(secret);
    } finally {
      await reader.close();
    }
  });

  it('lists the drafts ten at a time, opens one, relinks a name, and accepts a sanction that brings a new party', async () => {
    const DRAFT = 'mutation($input: AddSourceInput!) { draftSource(input: $input) { id } }';
    const drafted = await server.gql(
      DRAFT,
      {
        input: {
          slug: '2021-09-14-kestrel-sanctions',
          title: 'New sanctions on a Huawei supplier',
          publisher: 'Review Wire',
          publishedOn: '2021-09-14',
          text: readFileSync(path.resolve(__dirname, '../bench/draft-eval/sanction.txt'), 'utf8'),
        },
      },
      bearer(editorKey),
    );
    expect(drafted.errors).toBeUndefined();
    // Ten newer drafts: the sanctions draft is on the list's second page.
    for (let i = 0; i < 10; i++) {
      const filler = await server.gql(
        DRAFT,
        {
          input: {
            slug: `review-filler-${i}`,
            title: `Filler ${i}`,
            publisher: 'Review Wire',
            publishedOn: '2021-10-01',
            text: `Huawei said on Monday that filler ${i} is a test.`,
          },
        },
        bearer(editorKey),
      );
      expect(filler.errors).toBeUndefined();
    }
    await page.goto(`${origin}/explorer/#/review`);
    await enterKey(editorKey);
    const rows = page.locator('ol.review-drafts > li');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10);
    expect(await page.getByRole('link', { name: 'New sanctions on a Huawei supplier' }).count()).toBe(0);
    await page.getByRole('button', { name: 'More drafts' }).click();
    await page.getByRole('link', { name: 'New sanctions on a Huawei supplier' }).click();
    await page.getByRole('heading', { level: 2, name: /^Review: New sanctions on a Huawei supplier/ }).waitFor();

    // "US Commerce Department": proposed as a new authority; relinked to the US government, the sanction's authority follows.
    const commerce = page.locator('li.review-mention', { hasText: 'Commerce Department' }).first();
    expect(await commerce.locator('.mention-link').textContent()).toMatch(/^proposed as a new authority, /);
    const kestrel = page.locator('li.review-mention', { hasText: 'Kestrel Microsystems' }).first();
    expect(await kestrel.locator('.mention-link').textContent()).toMatch(/^proposed as a new company, kestrel-microsystems$/);
    await commerce.getByLabel('or another party').fill('us-government');
    await commerce.getByRole('button', { name: 'Relink' }).click();
    await page
      .locator('li.review-mention', { hasText: 'Commerce Department' })
      .locator('.mention-link', { hasText: /^us-government \(editor, score 1\.00\)$/ })
      .waitFor();
    const sanction = page
      .locator('li.review-item', { has: page.locator('.entry-title', { hasText: 'sanction' }) })
      .filter({ hasText: 'Kestrel Microsystems (kestrel-microsystems)' })
      .first();
    expect(await sanction.locator('dd[data-field="authority"] .field-value').textContent()).toMatch(/us-government/);

    // Accept it with the mouse: the new party is written with it, and its page is linked.
    await sanction.getByRole('button', { name: 'Accept' }).click();
    const partyLink = sanction.locator('.item-places').getByRole('link', { name: 'Kestrel Microsystems' });
    await partyLink.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'review-relinked.png'), fullPage: true });
    await partyLink.click();
    await page.getByRole('heading', { level: 2, name: /Kestrel Microsystems/ }).waitFor();
    await page.goBack();
    await page.locator('li.review-item').first().waitFor();
  });

  it('adds a field the engine left out (a suit’s court) and writes it with the fact, stated by the sentence', async () => {
    const drafted = await server.gql(
      'mutation($input: AddSourceInput!) { draftSource(input: $input) { id items { key typeName entry } } }',
      {
        input: {
          slug: '2021-11-02-norrland-fine',
          title: 'Regulator fines Norrland Telecom',
          publisher: 'Review Wire',
          publishedOn: '2021-11-02',
          text: readFileSync(path.resolve(__dirname, '../bench/draft-eval/fine.txt'), 'utf8'),
        },
      },
      bearer(editorKey),
    );
    expect(drafted.errors).toBeUndefined();
    const suit = (drafted.data.draftSource.items as Item[]).find((i) => i.typeName === 'Lawsuit')!;
    expect(suit.entry.venue).toBeUndefined();
    await page.goto(`${origin}/explorer/#/review/${encodeURIComponent(drafted.data.draftSource.id)}`);
    await page.locator('li.review-item').first().waitFor();
    await page.locator('li.review-item.selected').focus();
    await selectWithKeys(suit.key);
    await page.keyboard.press('e');
    await page.locator(`#edit-field-${suit.key}`).selectOption('');
    await page.locator(`#edit-name-${suit.key}`).fill('venue');
    await page.locator(`#edit-value-${suit.key}`).fill('Stockholm court');
    await page.keyboard.press('Enter');
    await itemEl(suit.key).locator('dd[data-field="venue"] .stated-flag').waitFor();
    await page.keyboard.press('a');
    await itemEl(suit.key).locator('.item-status-accepted').waitFor();
    const written = await server.gql(`{ lawsuit(slug: "${String(suit.entry.slug)}") { venue provenance { field basis } } }`);
    expect(written.data.lawsuit.venue).toBe('Stockholm court');
    expect(written.data.lawsuit.provenance).toEqual(expect.arrayContaining([{ field: 'venue', basis: 'STATED' }]));
  });

  it('drafts a new suit from a pasted report, shows the dispute it joins, edits and accepts it, and finds it on the dispute page', async () => {
    const report =
      'Huawei Technologies sued Verizon Communications on Monday for breach of contract, alleging that the carrier had stopped paying for the use of its network designs.\n\n' +
      'Separately, Qualcomm sued Apple in a San Diego court, alleging that the phone maker had copied its modem designs.';
    await page.goto(`${origin}/explorer/#/review`);
    await page.getByRole('heading', { name: 'Draft a new report' }).waitFor();
    await page.getByLabel(/Report text/).fill(report);
    await page.getByLabel('Title').fill('Huawei sues Verizon over unpaid designs');
    await page.getByLabel('Publisher').fill('Review Wire');
    await page.getByLabel('Published on').fill('2022-03-09');
    await page.getByRole('button', { name: 'Draft the report' }).click();
    await page.getByRole('heading', { level: 2, name: /^Review: Huawei sues Verizon over unpaid designs/ }).waitFor();
    const id = decodeURIComponent(page.url().split('#/review/')[1]);
    const items = await draftItems(id);
    const suit = items.find((i) => i.typeName === 'Lawsuit' && i.kind === 'NEW' && (i.entry.plaintiffs as string[]).includes('huawei'))!;
    const unrelated = items.find((i) => i.typeName === 'Lawsuit' && i.kind === 'NEW' && i !== suit)!;
    const DISPUTE = 'Huawei versus Verizon over patents';

    // The new suit joins the Huawei–Verizon dispute (its parties are on its two sides); the other suit joins none.
    const joins = itemEl(suit.key).locator('.item-disputes li[data-dispute="huawei-verizon-patents"]');
    expect(await joins.textContent()).toMatch(
      /^Joins dispute Huawei versus Verizon over patents \(huawei \(side A\) and verizon \(side B\) of this PATENT dispute/,
    );
    expect(await itemEl(unrelated.key).locator('.item-disputes').textContent()).toBe('Joins no dispute.');

    // With the mouse: removed, then the removal undone.
    await joins.getByRole('button', { name: `Remove ${DISPUTE} from ${suit.key}` }).click();
    await itemEl(suit.key).locator('.item-disputes', { hasText: 'Joins no dispute.' }).waitFor();
    await itemEl(suit.key).getByRole('button', { name: 'Undo edits' }).click();
    await itemEl(suit.key).locator('.item-disputes li[data-dispute="huawei-verizon-patents"]').waitFor();

    // With the keys: d, a dispute that does not exist, Enter; a: refused beside the item, nothing written.
    await page.locator('li.review-item.selected').focus();
    await selectWithKeys(suit.key);
    await page.keyboard.press('d');
    expect(await page.locator(`#disputes-${suit.key}`).inputValue()).toBe('huawei-verizon-patents');
    await page.keyboard.type('no-such-dispute');
    await page.keyboard.press('Enter');
    await itemEl(suit.key).locator('.item-disputes li[data-dispute="no-such-dispute"]').waitFor();
    await page.keyboard.press('a');
    const refusal = itemEl(suit.key).locator('.item-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(new RegExp(`^Not accepted: .*${suit.key}: no dispute .*no-such-dispute`));
    expect((await draftItems(id)).find((i) => i.key === suit.key)!.status).toBe('PENDING');

    // d again, the proposed dispute back; e: the suit's court added; a: accepted, linked to the dispute it joined.
    await page.keyboard.press('d');
    await page.keyboard.type('huawei-verizon-patents');
    await page.keyboard.press('Enter');
    await itemEl(suit.key).locator('.item-disputes li[data-dispute="huawei-verizon-patents"]').waitFor();
    await page.keyboard.press('e');
    await page.locator(`#edit-field-${suit.key}`).selectOption('');
    await page.locator(`#edit-name-${suit.key}`).fill('venue');
    await page.locator(`#edit-value-${suit.key}`).fill('US District Court in Texas');
    await page.keyboard.press('Enter');
    await itemEl(suit.key).locator('dd[data-field="venue"] .inferred-flag').waitFor();
    await page.keyboard.press('a');
    await itemEl(suit.key).locator('.item-status-accepted').waitFor();
    expect(await itemEl(suit.key).locator('.item-disputes li').textContent()).toMatch(/^Joined dispute Huawei versus Verizon over patents/);
    const link = itemEl(suit.key).locator('.item-places').getByRole('link', { name: DISPUTE });
    await link.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'review-joins-dispute.png'), fullPage: true });

    // The dispute page: the new suit among its lawsuits, with the editor's court.
    await link.click();
    await page.getByRole('heading', { level: 2, name: /Huawei versus Verizon over patents/ }).waitFor();
    const suits = page.locator('section[aria-labelledby="lawsuits-h"] ul.facts > li');
    await suits.first().waitFor();
    const added = suits.filter({ hasText: String(suit.entry.title) });
    expect(await added.count()).toBe(1);
    expect(await added.locator('dd', { hasText: /^US District Court in Texas/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'review-dispute-joined.png'), fullPage: true });
  });

  it('reads at 1280×900 and at phone width without sideways scrolling', async () => {
    await page.goto('about:blank');
    await page.goto(`${origin}/explorer/#/review/${encodeURIComponent(draftId)}`);
    await enterKey(editorKey);
    await page.locator('li.review-item').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(SHOTS, 'review-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  /** "Correct": a fact of the seed's own document (the gold), as in `npm run draft:eval`: an update of a stored fact to its
   * stored status, or a new fact with the same parties in the same roles quoting the same words. */
  const ROLES: Record<string, string[]> = {
    lawsuits: ['plaintiffs', 'defendants'],
    sanctions: ['authority', 'target'],
    regulatoryActions: ['authority', 'subject'],
    negotiations: ['parties'],
    statements: ['speaker'],
    events: ['participants'],
  };
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).sort() : v == null ? [] : [String(v)]);
  const correct = (item: Item) => {
    const gold = (SEED[item.documentKey] ?? []) as Record<string, unknown>[];
    if (item.kind === 'UPDATE') return gold.some((g) => g.slug === item.targetSlug && g.status === item.entry.status);
    return gold.some(
      (g) =>
        (ROLES[item.documentKey] ?? []).every((f) => JSON.stringify(list(g[f])) === JSON.stringify(list(item.entry[f]))) &&
        list(g.quotes).some((q) => item.quote.includes(q) || q.includes(item.quote)),
    );
  };
  const REASON = 'not in the report as drafted';
  const effort: Record<string, unknown>[] = [];

  /**
   * Drafts the seed report on a store holding exactly the seed (a server of its own) and reviews it
   * with the keyboard only, or with the mouse only, counting what the editor does after the draft opens.
   */
  async function reviewSeedReport(how: 'keyboard' | 'mouse') {
    const fresh = await startTestServer();
    const at = new URL(fresh.url).origin;
    own.add(at);
    try {
      const key = await createKey(fresh, Role.EDITOR, 'review-desk');
      await page.goto('about:blank');
      await page.goto(`${at}/explorer/#/review`);
      await enterKey(key);
      await page.getByRole('heading', { name: 'Draft a new report' }).waitFor();
      await page.getByLabel(/Report text/).fill(SEED.source.text);
      await page.getByLabel('Title').fill('The seed report, drafted again');
      await page.getByLabel('Publisher').fill('Review Wire');
      await page.getByLabel('Published on').fill(String(SEED.source.publishedOn));
      await page.getByRole('button', { name: 'Draft the report' }).click();
      await page.getByRole('heading', { level: 2, name: /^Review: The seed report/ }).waitFor();
      const id = decodeURIComponent(page.url().split('#/review/')[1]);
      const items = (await fresh.gql(`{ draft(id: "${id}") { items { key kind status typeName documentKey quote entry targetSlug } } }`, {}, bearer(key))).data
        .draft.items as Item[];

      let keystrokes = 0;
      let clicks = 0;
      let reasonTyped = false;
      const press = async (k: string) => {
        keystrokes++;
        await page.keyboard.press(k);
      };
      const type = async (text: string) => {
        keystrokes += text.length;
        await page.keyboard.type(text);
      };
      const click = async (locator: ReturnType<Page['locator']>) => {
        clicks++;
        await locator.click();
      };
      const reject = async (item: Item) => {
        if (how === 'keyboard') await press('r');
        else await click(itemEl(item.key).getByRole('button', { name: 'Reject' }));
        await page.locator(`#reason-${item.key}`).waitFor();
        if (!reasonTyped) await type(REASON);
        reasonTyped = true;
        if (how === 'keyboard') await press('Enter');
        else await click(itemEl(item.key).locator('.review-inline').getByRole('button', { name: 'Reject' }));
        await itemEl(item.key).locator('.item-status-rejected').waitFor();
      };
      if (how === 'keyboard') await page.locator('li.review-item.selected').focus();
      let accepted = 0;
      let rejected = 0;
      let refused = 0;
      const rejectedItems: string[] = [];
      // Each decision moves the selection to the next item to decide: no j needed.
      for (const item of items) {
        await page.locator(`li.review-item.selected[data-key="${item.key}"]`).waitFor();
        if (!correct(item)) {
          await reject(item);
          rejectedItems.push(`${item.key} ${item.kind} ${item.typeName} ${item.targetSlug ?? ''} ${JSON.stringify(item.entry.status ?? '')}: ${item.quote}`);
          rejected++;
          continue;
        }
        if (how === 'keyboard') await press('a');
        else await click(itemEl(item.key).getByRole('button', { name: 'Accept' }));
        await itemEl(item.key).locator('.item-status-accepted, .item-error').first().waitFor();
        if (await itemEl(item.key).locator('.item-error').count()) {
          refused++; // refused by the server (nothing written): rejected instead
          await reject(item);
          rejected++;
        } else accepted++;
      }
      await page.locator('#review-draft-h .review-status-reviewed').waitFor();
      expect(accepted + rejected).toBe(items.length);
      effort.push({ how, items: items.length, accepted, rejected, refused, keystrokes, clicks, rejectedItems });
      await page.screenshot({ path: path.join(SHOTS, `review-seed-${how}.png`), fullPage: true });
      return { items: items.length, accepted, rejected, keystrokes, clicks };
    } finally {
      await fresh.close();
    }
  }

  it('counts what reviewing the seed report takes with the keyboard: a key per acceptance, r, a reason and Enter per rejection', async () => {
    const run = await reviewSeedReport('keyboard');
    expect(run.clicks).toBe(0);
    expect(run.keystrokes).toBe(run.accepted + run.rejected * 2 + (run.rejected ? REASON.length : 0));
  });

  it('counts what reviewing the seed report takes with the mouse: a click per acceptance, two per rejection', async () => {
    const run = await reviewSeedReport('mouse');
    expect(run.clicks).toBe(run.accepted + run.rejected * 2);
    expect(run.keystrokes).toBe(run.rejected ? REASON.length : 0);
    writeFileSync(path.join(SHOTS, 'review-effort.json'), `${JSON.stringify({ report: 'seed report (2020-02-06)', runs: effort }, null, 2)}\n`);
  });

  it('talked only to its own server, without script errors or Content-Security-Policy violations', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
  });
});
