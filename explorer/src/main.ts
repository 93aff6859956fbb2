import { ApiFailure, request } from './api';
import {
  PartyNetworkDocument,
  PartyPageDocument,
  PartyTimelineDocument,
  SearchDocument,
  type DayFragment,
  type PartyNameFragment,
  type PartyNetworkQuery,
  type PartyPageQuery,
  type PartyTimelineQuery,
  type QuoteFragment,
  type SearchQuery,
} from './generated/graphql';
import { drawNetwork } from './graph';
import { webHref } from './links';

declare global {
  interface Window {
    /** The cytoscape instance on screen (the browser test clicks its nodes). */
    explorerGraph?: ReturnType<typeof drawNetwork>;
  }
}

const main = document.getElementById('main') as HTMLElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-text') as HTMLInputElement;

// ---------- small DOM helpers (text is always set as text, never parsed as HTML) ----------

type Child = Node | string | null | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

/** A source's title, a link only to a web (http/https) address; any other URL is shown as text after it. */
function sourceTitle(source: { title: string; url?: string | null }): Child[] {
  const href = webHref(source.url);
  if (href) return [h('a', { href, rel: 'noopener noreferrer' }, source.title)];
  return source.url ? [source.title, ' ', h('span', { class: 'source-url' }, `(${source.url})`)] : [source.title];
}

const partyHref = (slug: string) => `#/party/${encodeURIComponent(slug)}`;
const partyLink = (p: { slug: string; name: string }) => h('a', { href: partyHref(p.slug) }, p.name);

const KIND_LABEL: Record<string, string> = { Company: 'company', Person: 'person', Authority: 'authority' };

/** A snippet from the API: plain text with the matches between <mark> and </mark>. */
function snippet(text: string): HTMLElement {
  const el = h('span', { class: 'snippet' });
  text.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
    if (part === '<mark>') return true;
    if (part === '</mark>') return false;
    if (part) el.append(marked ? h('mark', {}, part) : part);
    return marked;
  }, false);
  return el;
}

function fuzzyDate(date: DayFragment | null): string {
  if (!date) return 'undated';
  const [y, m, d] = date.iso.split('-');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  let text = d ? `${Number(d)} ${months[Number(m) - 1]} ${y}` : m ? `${months[Number(m) - 1]} ${y}` : y;
  if (date.approximate) text = `about ${text}`;
  if (date.bound === 'BEFORE') text = `before ${text}`;
  if (date.bound === 'AFTER') text = `after ${text}`;
  return text;
}

function quotes(citations: readonly QuoteFragment[]): HTMLElement {
  return h(
    'ul',
    { class: 'quotes' },
    ...citations.map((c) =>
      h(
        'li',
        {},
        h('blockquote', {}, `“${c.quote}”`),
        h('cite', {}, ...sourceTitle(c.source), ` — ${c.source.publisher}, ${c.source.publishedOn.iso}`),
      ),
    ),
  );
}

function showError(error: unknown) {
  const message = error instanceof ApiFailure || error instanceof Error ? error.message : String(error);
  main.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Something went wrong: ${message}`));
}

function setTitle(text: string) {
  document.title = `${text} — Conflict Explorer`;
}

/** Moves focus to the new page's heading, so keyboard and screen-reader users land on it. */
function focusHeading() {
  const heading = main.querySelector('h1, h2');
  if (heading instanceof HTMLElement) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: false });
  }
}

// ---------- pages ----------

function renderHome() {
  setTitle('Search');
  main.replaceChildren(
    h('h2', {}, 'Who is fighting whom, since when, and says who?'),
    h('p', {}, 'Search for a company, a person, an authority, a technology or words from a source — for example ',
      h('a', { href: '#/search/Meng' }, 'Meng'), ', ', h('a', { href: '#/search/5G' }, '5G'), ' or ', h('a', { href: '#/search/parental%20controls' }, 'parental controls'), '.'),
  );
}

type Hit = SearchQuery['search'][number];

/** The parties a hit is about: itself when it is a party, else those its fact involves. */
function hitParties(node: Hit['node']): PartyNameFragment[] {
  switch (node.__typename) {
    case 'Lawsuit': return [...node.plaintiffs, ...node.defendants];
    case 'Event': return node.participants;
    case 'Statement': return [node.speaker];
    case 'Sanction': return [node.target];
    case 'RegulatoryAction': return node.subject ? [node.subject] : [];
    case 'LicensingNegotiation': return node.parties;
    case 'Characterization': return [node.party];
    default: return [];
  }
}

function hitTitle(node: Hit['node']): string {
  switch (node.__typename) {
    case 'Company': case 'Person': case 'Authority': return node.name;
    case 'Lawsuit': case 'Event': return node.title;
    case 'Statement': return node.text;
    case 'Sanction': case 'RegulatoryAction': return node.description;
    case 'LicensingNegotiation': return node.topic;
    case 'Characterization': return node.text;
    default: return node.__typename;
  }
}

async function renderSearch(text: string) {
  input.value = text;
  setTitle(`Search: ${text}`);
  main.replaceChildren(h('p', { role: 'status' }, 'Searching…'));
  let data: SearchQuery;
  try {
    data = await request(SearchDocument, { text });
  } catch (error) {
    return showError(error);
  }
  const list = h('ol', { class: 'hits' });
  for (const hit of data.search) {
    const node = hit.node;
    const isParty = node.__typename === 'Company' || node.__typename === 'Person' || node.__typename === 'Authority';
    const title = isParty ? partyLink(node) : h('span', {}, hitTitle(node));
    const parties = hitParties(node);
    list.append(
      h('li', {},
        h('p', { class: 'hit-title' }, title, ' ', h('span', { class: 'badge' }, isParty ? KIND_LABEL[node.__typename] : node.__typename.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())),
        h('p', {}, snippet(hit.snippet)),
        parties.length ? h('p', { class: 'involves' }, 'Involves: ', ...parties.flatMap((p, i) => [i ? ', ' : '', partyLink(p)])) : null,
      ),
    );
  }
  main.replaceChildren(
    h('h2', {}, `${data.search.length} result${data.search.length === 1 ? '' : 's'} for “${text}”`),
    data.search.length ? list : h('p', {}, 'Nothing matches. Try fewer or shorter words.'),
  );
  focusHeading();
}

type PartyData = NonNullable<PartyPageQuery['company'] | PartyPageQuery['person'] | PartyPageQuery['authority']>;

async function renderParty(slug: string) {
  main.replaceChildren(h('p', { role: 'status' }, 'Loading…'));
  let page: PartyPageQuery, network: PartyNetworkQuery, timeline: PartyTimelineQuery;
  try {
    page = await request(PartyPageDocument, { slug });
    const party = page.company ?? page.person ?? page.authority;
    if (!party) {
      setTitle('Not found');
      main.replaceChildren(h('h2', {}, 'No such party'), h('p', {}, `Nothing is known about “${slug}”. `, h('a', { href: '#/' }, 'Search instead.')));
      return focusHeading();
    }
    [network, timeline] = await Promise.all([request(PartyNetworkDocument, { slug, depth: 2 }), request(PartyTimelineDocument, { slug, after: null })]);
  } catch (error) {
    return showError(error);
  }
  const party = (page.company ?? page.person ?? page.authority) as PartyData;
  setTitle(party.name);

  const header = h('header', { class: 'party-header' },
    h('h2', {}, party.name, ' ', h('span', { class: `badge kind-${party.__typename}` }, KIND_LABEL[party.__typename])),
    party.aliases.length ? h('p', {}, 'Also called: ', party.aliases.join(', ')) : null,
    party.description ? h('p', {}, party.description) : null,
    party.citations.length ? h('details', {}, h('summary', {}, 'Sources for this party'), quotes(party.citations)) : null,
  );

  const characterizations = party.characterizations.length
    ? h('section', { 'aria-labelledby': 'char-h' }, h('h3', { id: 'char-h' }, 'How sources describe it'),
        h('ul', { class: 'facts' }, ...party.characterizations.map((c) => h('li', {}, h('p', {}, c.text), quotes(c.citations)))))
    : null;

  // The graph, and the same parties as a list of links (keyboard and screen readers).
  const graphBox = h('div', { id: 'graph', class: 'graph', role: 'img', 'aria-label': `Network of ${party.name}: ${network.conflictNetwork.nodes.length} parties, ${network.conflictNetwork.edges.length} links` });
  const byId = new Map(network.conflictNetwork.nodes.map((n) => [n.id, n.party]));
  const networkSection = h('section', { 'aria-labelledby': 'net-h' },
    h('h3', { id: 'net-h' }, 'Network'),
    h('p', { class: 'hint' }, 'Click a party in the graph, or choose one from the list, to open its page.'),
    graphBox,
    h('ul', { class: 'network-list' }, ...network.conflictNetwork.nodes.filter((n) => n.party.slug !== slug).map((n) =>
      h('li', {}, partyLink(n.party), h('span', { class: 'muted' }, ` · ${KIND_LABEL[n.party.__typename]}, ${n.distance} link${n.distance === 1 ? '' : 's'} away`)))),
  );

  const entries = timeline.timeline.edges.map((e) => e.node);
  const timelineSection = h('section', { 'aria-labelledby': 'tl-h' },
    h('h3', { id: 'tl-h' }, 'Timeline'),
    entries.length
      ? h('ol', { class: 'timeline' }, ...entries.map((entry) =>
          h('li', {},
            h('p', {}, h('time', { datetime: entry.date.iso, class: entry.date.approximate || entry.date.bound ? 'fuzzy' : '' }, fuzzyDate(entry.date)), ' ', h('span', { class: 'badge' }, entry.kind.replace(/_/g, ' ').toLowerCase())),
            h('p', { class: 'entry-title' }, entry.title),
            h('p', { class: 'involves' }, 'Involves: ', ...entry.participants.flatMap((p, i) => [i ? ', ' : '', partyLink(p)])),
            quotes(entry.citations),
          )))
      : h('p', {}, 'No dated facts.'),
    timeline.timeline.pageInfo.hasNextPage ? h('p', { class: 'muted' }, `Showing the first ${entries.length} of ${timeline.timeline.totalCount}.`) : null,
  );

  const centerId = network.conflictNetwork.nodes.find((n) => n.party.slug === slug)?.id;
  const links = network.conflictNetwork.edges.filter((e) => e.from === centerId || e.to === centerId);
  const factsSection = h('section', { 'aria-labelledby': 'facts-h' },
    h('h3', { id: 'facts-h' }, 'Every link, with its source'),
    h('ul', { class: 'facts' }, ...links.map((e) => {
      const from = byId.get(e.from)!;
      const to = byId.get(e.to)!;
      return h('li', {},
        h('p', {}, partyLink(from), ` ${e.kind.replace(/_/g, ' ').toLowerCase()} `, partyLink(to), e.since ? ` (${fuzzyDate(e.since)})` : ''),
        h('p', { class: 'entry-title' }, e.label),
        quotes(e.citations),
      );
    })),
  );

  main.replaceChildren(header, networkSection, timelineSection, factsSection, characterizations ?? '');
  window.explorerGraph?.destroy();
  window.explorerGraph = drawNetwork(graphBox, network.conflictNetwork, slug, (target) => {
    location.hash = partyHref(target);
  });
  focusHeading();
}

// ---------- routing: #/ , #/search/TEXT , #/party/SLUG ----------

function route() {
  const [, page, arg = ''] = /^#\/([a-z]*)\/?(.*)$/.exec(location.hash) ?? [];
  const value = decodeURIComponent(arg);
  if (page === 'search' && value.trim()) void renderSearch(value);
  else if (page === 'party' && value) void renderParty(value);
  else renderHome();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text) location.hash = `#/search/${encodeURIComponent(text)}`;
});
window.addEventListener('hashchange', route);
route();
