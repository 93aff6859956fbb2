import { ApiFailure, request } from './api';
import {
  DisputeListDocument,
  DisputePageDocument,
  PartyNetworkDocument,
  PartyPageDocument,
  PartyTimelineDocument,
  SearchDocument,
  type Attribution,
  type Basis,
  type DayFragment,
  type DisputeListQuery,
  type DisputePageQuery,
  type PartyNameFragment,
  type PartyNetworkQuery,
  type PartyPageQuery,
  type PartyTimelineQuery,
  type QuoteFragment,
  type SearchQuery,
  type SinceFragment,
  type TimelineFactFragment,
} from './generated/graphql';
import { drawNetwork } from './graph';
import { webHref } from './links';
import { followDispute } from './live';
import { renderReview } from './review';
import { h, words, type Child } from './dom';

declare global {
  interface Window {
    /** The cytoscape instance on screen (the browser test clicks its nodes). */
    explorerGraph?: ReturnType<typeof drawNetwork>;
  }
}

const main = document.getElementById('main') as HTMLElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-text') as HTMLInputElement;

// ---------- small DOM helpers (h and words are in dom.ts) ----------

/** A source's title, a link only to a web (http/https) address; any other URL is shown as text after it. */
function sourceTitle(source: { title: string; url?: string | null }): Child[] {
  const href = webHref(source.url);
  if (href) return [h('a', { href, rel: 'noopener noreferrer' }, source.title)];
  return source.url ? [source.title, ' ', h('span', { class: 'source-url' }, `(${source.url})`)] : [source.title];
}

/** The as-of date of the page (`#/dispute/SLUG?asOf=2020-06`), or null for now. */
function asOfParam(): string | null {
  const query = location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('asOf') || null;
}
const withAsOf = (href: string, asOf = asOfParam()) => (asOf ? `${href}?asOf=${encodeURIComponent(asOf)}` : href);

/** "As of" a date: a form that reloads the page with it, and a way back to now. */
function asOfForm(base: string): HTMLElement {
  const asOf = asOfParam();
  const field = h('input', { id: 'as-of', name: 'asOf', type: 'text', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD', value: asOf ?? '', size: '12' });
  const form = h(
    'form',
    { class: 'as-of', role: 'search', 'aria-label': 'As of a date' },
    h('label', { for: 'as-of' }, 'As of '),
    field,
    ' ',
    h('button', { type: 'submit' }, 'Show'),
    asOf ? h('span', {}, ' · ', h('a', { href: base }, 'now')) : '',
    asOf ? h('p', { class: 'muted' }, `What the sources had published by ${asOf}: later facts are left out, each value as it stood then.`) : '',
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = field.value.trim();
    location.hash = value ? withAsOf(base, value) : base;
  });
  return form;
}

const partyHref = (slug: string) => `#/party/${encodeURIComponent(slug)}`;
const disputeHref = (slug: string) => withAsOf(`#/dispute/${encodeURIComponent(slug)}`);
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
  if (date.bound === 'ON_OR_BEFORE') text = `on or before ${text}`;
  if (date.bound === 'ON_OR_AFTER') text = `on or after ${text}`;
  return text;
}

function dateEl(date: DayFragment): HTMLElement {
  return h('time', { datetime: date.iso, class: date.approximate || date.bound ? 'fuzzy' : '' }, fuzzyDate(date));
}

// ---------- says who: attribution, hedges, and inferred values (every Cited fact) ----------

/** What the explorer reads of any Cited fact (the Says fragment of operations.graphql). */
interface Says {
  attribution: Attribution;
  claimedBy: PartyNameFragment | null;
  claimant?: string | null;
  hedges: readonly string[];
  provenance: readonly {
    field: string;
    basis: Basis;
    note: string | null;
    knownSince?: { iso: string };
    source?: { publisher: string; title: string } | null;
  }[];
  statusHistory?: readonly SinceFragment[];
  disagreements?: readonly { field: string; statements: readonly SinceFragment[] }[];
}

/** The Says part of a fact typed only as a Node (a timeline entry's or a link's fact): null when it is not Cited. */
function saysOf(fact: object | null | undefined): Says | null {
  return fact && 'attribution' in fact && 'provenance' in fact ? (fact as Says) : null;
}

/**
 * "Claimed by …" / "Alleged by …" for a party's claim or an accusation; nothing for what the
 * publication states in its own voice (REPORTED).
 */
function attributionMark(says: Says | null): HTMLElement | null {
  if (!says || says.attribution === 'REPORTED') return null;
  const claimed = says.attribution === 'CLAIMED';
  return h(
    'p',
    { class: `says says-${says.attribution.toLowerCase()}` },
    h('span', { class: 'says-label' }, claimed ? 'Claimed by ' : 'Alleged by '),
    says.claimedBy ? partyLink(says.claimedBy) : (says.claimant ?? 'a party the source does not name'),
    h(
      'span',
      { class: 'muted' },
      claimed ? ' — according to this party; the source reports the claim, not the fact' : ' — an accusation under legal process, not a finding',
    ),
  );
}

/** The source's own qualifying words, verbatim. */
function hedgesMark(says: Says | null): HTMLElement | null {
  if (!says?.hedges.length) return null;
  return h('p', { class: 'hedges' }, 'The source hedges: ', ...says.hedges.flatMap((hedge, i) => [i ? ', ' : '', h('q', { class: 'hedge' }, hedge)]));
}

/** The provenance entry of one field when it is INFERRED. */
function inferred(says: Says | null, field: string) {
  return says?.provenance.find((p) => p.field === field && p.basis === 'INFERRED') ?? null;
}

/** A visible mark on an inferred value, with its note as text (and as a tooltip). */
function inferredMark(says: Says | null, field: string): HTMLElement | null {
  const entry = inferred(says, field);
  if (!entry) return null;
  const note = entry.note ?? 'the source does not state it';
  return h(
    'span',
    { class: 'inferred', title: `Inferred: ${note}` },
    h('span', { class: 'inferred-flag' }, 'inferred'),
    h('span', { class: 'inferred-note' }, ` (${note})`),
  );
}

/** A date of publication (an ISO prefix) as words. */
const isoDate = (iso: string) => fuzzyDate({ iso, approximate: false, bound: null } as DayFragment);

/** "since 6 February 2020 (Bloomberg LP)": when the current value of a field was first published, and by whom. */
function sinceMark(says: Says | null, field: string): HTMLElement | null {
  const entry = says?.provenance.find((p) => p.field === field);
  if (!entry?.knownSince) return null;
  return h(
    'span',
    { class: 'since', title: entry.source?.title ?? '' },
    `since ${isoDate(entry.knownSince.iso)}${entry.source ? ` (${entry.source.publisher})` : ''}`,
  );
}

/** One statement of a field: its value, when and by whom it was published, how it counts. */
function statementLine(st: SinceFragment): HTMLLIElement {
  const value = JSON.parse(st.value) as unknown;
  return h(
    'li',
    { class: `statement rank-${st.rank.toLowerCase()}` },
    h('span', { class: 'statement-value' }, typeof value === 'string' ? words(value) : JSON.stringify(value)),
    ` — ${isoDate(st.knownSince.iso)}`,
    st.source ? ` (${st.source.publisher}: ${st.source.title})` : '',
    st.basis === 'INFERRED' ? h('span', { class: 'inferred-note' }, ` inferred: ${st.note ?? ''}`) : '',
    st.rank !== 'NORMAL' ? h('span', { class: 'badge' }, words(st.rank)) : '',
  );
}

/** The status's earlier statements, behind a toggle, when it has any. */
function historyToggle(says: Says | null): HTMLElement | null {
  const history = says?.statusHistory ?? [];
  if (history.length < 2) return null;
  return h(
    'details',
    { class: 'history' },
    h('summary', {}, `Status history (${history.length} statements)`),
    h('ol', { class: 'statements' }, ...history.map(statementLine)),
  );
}

/** Fields whose sources disagree, their statements side by side. */
function disagreementsMark(says: Says | null): HTMLElement | null {
  const found = says?.disagreements ?? [];
  if (!found.length) return null;
  return h(
    'div',
    { class: 'disagreements' },
    ...found.map((d) =>
      h(
        'p',
        {},
        h('span', { class: 'says-label' }, `Sources disagree on ${fieldLabel(d.field)}: `),
        h('ul', { class: 'statements side-by-side' }, ...d.statements.map(statementLine)),
      ),
    ),
  );
}

/** Field names as labels ("regulatoryActions" -> "regulatory actions"). */
const fieldLabel = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** The inferred fields a page does not show beside their value, each with its note. */
function otherInferred(says: Says | null, shown: readonly string[]): HTMLElement | null {
  const rest = says?.provenance.filter((p) => p.basis === 'INFERRED' && !shown.includes(p.field)) ?? [];
  if (!rest.length) return null;
  return h(
    'ul',
    { class: 'inferred-list' },
    ...rest.map((p) =>
      h(
        'li',
        {},
        h(
          'span',
          { class: 'inferred' },
          h('span', { class: 'inferred-flag' }, 'inferred'),
          h('span', { class: 'inferred-note' }, ` (${fieldLabel(p.field)}: ${p.note ?? 'the source does not state it'})`),
        ),
      ),
    ),
  );
}

/** One value of a fact, labelled, with its inferred mark. */
type Row = [field: string, label: string, value: Child | Child[]];

function fieldRows(says: Says | null, rows: Row[]): HTMLElement | null {
  const shown = rows.filter(([, , value]) => (Array.isArray(value) ? value.some(Boolean) : Boolean(value)));
  if (!shown.length) return null;
  return h(
    'dl',
    { class: 'fields' },
    ...shown.flatMap(([field, label, value]) => [
      h('dt', {}, label),
      h(
        'dd',
        {},
        ...(Array.isArray(value) ? value : [value]),
        inferredMark(says, field) ? ' ' : '',
        inferredMark(says, field),
        sinceMark(says, field) ? ' ' : '',
        sinceMark(says, field),
      ),
    ]),
  );
}

const partyList = (parties: readonly PartyNameFragment[]): Child[] => parties.flatMap((p, i) => [i ? ', ' : '', partyLink(p)]);

function quotes(citations: readonly QuoteFragment[]): HTMLElement {
  return h(
    'ul',
    { class: 'quotes' },
    ...citations.map((c) =>
      h('li', {}, h('blockquote', {}, `“${c.quote}”`), h('cite', {}, ...sourceTitle(c.source), ` — ${c.source.publisher}, ${c.source.publishedOn.iso}`)),
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

/** The field of a fact that a timeline entry's date is (a suit's filing, a sanction's imposition, …). */
const DATE_FIELD: Record<string, string> = {
  LAWSUIT_FILED: 'filed',
  CHARGES_FILED: 'filed',
  SANCTION_IMPOSED: 'imposed',
  REGULATORY_ACTION: 'date',
  NEGOTIATION_STARTED: 'started',
  STATEMENT: 'date',
  EVENT: 'date',
};
/** The field of a fact that its one-line title is. */
const TITLE_FIELD: Record<string, string> = {
  Lawsuit: 'title',
  Event: 'title',
  Statement: 'text',
  Sanction: 'description',
  RegulatoryAction: 'description',
  LicensingNegotiation: 'subject',
  Characterization: 'text',
};

/** One dated fact on a timeline: its date and title (each marked when inferred), who says so, the hedges, and its quotes. */
function timelineItem(entry: TimelineFactFragment, withQuotes = true): HTMLLIElement {
  const says = saysOf(entry.fact);
  const dateField = DATE_FIELD[entry.kind] ?? 'date';
  const titleField = TITLE_FIELD[entry.fact.__typename] ?? 'title';
  const dateMark = inferredMark(says, dateField);
  const titleMark = inferredMark(says, titleField);
  return h(
    'li',
    {},
    h('p', {}, dateEl(entry.date), dateMark ? ' ' : '', dateMark, ' ', h('span', { class: 'badge' }, words(entry.kind))),
    h('p', { class: 'entry-title' }, entry.title, titleMark ? ' ' : '', titleMark),
    attributionMark(says),
    hedgesMark(says),
    entry.participants.length ? h('p', { class: 'involves' }, 'Involves: ', ...partyList(entry.participants)) : null,
    withQuotes ? quotes(entry.citations) : null,
  );
}

/** Side A versus side B, each party with its label ("patent holder"). */
function sidesLine(sides: readonly { side: string; label: string | null; party: PartyNameFragment }[]): Child[] {
  const bySide = ['A', 'B'].map((name) => sides.filter((s) => s.side === name)).filter((group) => group.length);
  return bySide.flatMap((group, i) => [
    i ? h('span', { class: 'versus' }, ' versus ') : '',
    ...group.flatMap((s, j) => [
      j ? ', ' : '',
      h('span', { class: 'side' }, partyLink(s.party), s.label ? h('span', { class: 'side-label' }, ` (${s.label})`) : ''),
    ]),
  ]);
}

// ---------- pages ----------

/** Counts page renders: an answer that arrives after the reader moved on is dropped. */
let renders = 0;

type ListedEntry = DisputeListQuery['disputes']['edges'][number]['node']['timeline']['edges'][number]['node'];

/** A dispute's latest dated fact on the landing page: its date and title (each marked when inferred) and who says so. */
function latestFact(entry: ListedEntry, ofFirst: number | null): HTMLElement {
  const says = saysOf(entry.fact);
  const dateMark = inferredMark(says, DATE_FIELD[entry.kind] ?? 'date');
  const titleMark = inferredMark(says, TITLE_FIELD[entry.fact.__typename] ?? 'title');
  const claimed = says && says.attribution !== 'REPORTED';
  const hedges = hedgesMark(says);
  return h(
    'span',
    {},
    `Latest dated fact${ofFirst ? ` (of its first ${ofFirst})` : ''}: `,
    dateEl(entry.date),
    dateMark ? ' ' : '',
    dateMark,
    ' — ',
    entry.title,
    titleMark ? ' ' : '',
    titleMark,
    ' ',
    h('span', { class: 'badge' }, words(entry.kind)),
    claimed
      ? h(
          'span',
          { class: 'says-inline' },
          ` · ${says.attribution === 'CLAIMED' ? 'claimed' : 'alleged'} by `,
          says.claimedBy ? partyLink(says.claimedBy) : 'a party the source does not name',
        )
      : '',
    hedges ? h('span', { class: 'hedges' }, ' · ', ...Array.from(hedges.childNodes)) : '',
  );
}

async function renderHome() {
  const ticket = renders;
  setTitle('Disputes');
  const list = h('section', { 'aria-labelledby': 'disputes-h' }, h('h3', { id: 'disputes-h' }, 'Disputes'), h('p', { role: 'status' }, 'Loading…'));
  main.replaceChildren(
    h('h2', {}, 'Who is fighting whom, since when, and says who?'),
    asOfForm('#/'),
    h(
      'p',
      {},
      'Open a dispute below, or search for a company, a person, an authority, a technology or words from a source — for example ',
      h('a', { href: '#/search/Meng' }, 'Meng'),
      ', ',
      h('a', { href: '#/search/5G' }, '5G'),
      ' or ',
      h('a', { href: '#/search/parental%20controls' }, 'parental controls'),
      '.',
    ),
    list,
  );
  let data: DisputeListQuery;
  try {
    // As of a date a page costs more (its reads are priced 1.5 times): half as many disputes fit the query limit.
    const asOf = asOfParam();
    data = await request(DisputeListDocument, asOf ? { asOf, first: 5 } : { asOf: null });
  } catch (error) {
    return showError(error);
  }
  if (ticket !== renders) return; // the reader went elsewhere meanwhile
  const disputes = data.disputes.edges.map((e) => e.node);
  list.replaceChildren(
    h('h3', { id: 'disputes-h' }, 'Disputes'),
    disputes.length
      ? h(
          'ol',
          { class: 'hits disputes' },
          ...disputes.map((d) => {
            const dated = d.timeline.edges.map((e) => e.node);
            const latest = dated[dated.length - 1];
            const statusMark = inferredMark(d, 'status');
            const startedMark = inferredMark(d, 'started');
            const sidesMark = inferredMark(d, 'sides');
            return h(
              'li',
              { class: 'dispute' },
              h('p', { class: 'hit-title' }, h('a', { href: disputeHref(d.slug) }, d.title), ' ', h('span', { class: 'badge' }, words(d.kind))),
              h('p', { class: 'sides' }, ...sidesLine(d.sides), sidesMark ? ' ' : '', sidesMark),
              h(
                'p',
                {},
                'Status: ',
                h('span', { class: 'status' }, words(d.status)),
                statusMark ? ' ' : '',
                statusMark,
                ' ',
                sinceMark(d, 'status'),
                ...(d.started ? [' · started ', dateEl(d.started), startedMark ? ' ' : '', startedMark] : []),
              ),
              attributionMark(d),
              hedgesMark(d),
              h(
                'p',
                { class: 'latest' },
                latest ? latestFact(latest, d.timeline.pageInfo.hasNextPage ? dated.length : null) : h('span', { class: 'muted' }, 'No dated facts.'),
              ),
            );
          }),
        )
      : h('p', {}, 'No disputes yet.'),
    data.disputes.totalCount > disputes.length
      ? h('p', { class: 'muted' }, `Showing the first ${disputes.length} of ${data.disputes.totalCount}; search to find the others.`)
      : '',
  );
}

type Hit = SearchQuery['search'][number];

/** The parties a hit is about: itself when it is a party, else those its fact involves. */
function hitParties(node: Hit['node']): PartyNameFragment[] {
  switch (node.__typename) {
    case 'Lawsuit':
      return [...node.plaintiffs, ...node.defendants];
    case 'Event':
      return node.participants;
    case 'Statement':
      return [node.speaker];
    case 'Sanction':
      return [node.target];
    case 'RegulatoryAction':
      return node.subject ? [node.subject] : [];
    case 'LicensingNegotiation':
      return node.parties;
    case 'Characterization':
      return [node.party];
    default:
      return [];
  }
}

function hitTitle(node: Hit['node']): string {
  switch (node.__typename) {
    case 'Company':
    case 'Person':
    case 'Authority':
      return node.name;
    case 'Lawsuit':
    case 'Event':
      return node.title;
    case 'Statement':
      return node.text;
    case 'Sanction':
    case 'RegulatoryAction':
      return node.description;
    case 'LicensingNegotiation':
      return node.topic;
    case 'Characterization':
      return node.text;
    default:
      return node.__typename;
  }
}

async function renderSearch(text: string) {
  const ticket = renders;
  input.value = text;
  setTitle(`Search: ${text}`);
  main.replaceChildren(h('p', { role: 'status' }, 'Searching…'));
  let data: SearchQuery;
  try {
    data = await request(SearchDocument, { text });
  } catch (error) {
    return showError(error);
  }
  if (ticket !== renders) return;
  const list = h('ol', { class: 'hits' });
  for (const hit of data.search) {
    const node = hit.node;
    const isParty = node.__typename === 'Company' || node.__typename === 'Person' || node.__typename === 'Authority';
    const title = isParty ? partyLink(node) : h('span', {}, hitTitle(node));
    const parties = hitParties(node);
    const says = saysOf(node);
    const titleMark = isParty ? null : inferredMark(says, TITLE_FIELD[node.__typename] ?? 'title');
    list.append(
      h(
        'li',
        {},
        h(
          'p',
          { class: 'hit-title' },
          title,
          titleMark ? ' ' : '',
          titleMark,
          ' ',
          h('span', { class: 'badge' }, isParty ? KIND_LABEL[node.__typename] : node.__typename.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()),
        ),
        attributionMark(says),
        hedgesMark(says),
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
  const ticket = renders;
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
  if (ticket !== renders) return;
  const party = (page.company ?? page.person ?? page.authority) as PartyData;
  setTitle(party.name);

  const aliasesMark = inferredMark(party, 'aliases');
  const descriptionMark = inferredMark(party, 'description');
  const header = h(
    'header',
    { class: 'party-header' },
    h('h2', {}, party.name, ' ', h('span', { class: `badge kind-${party.__typename}` }, KIND_LABEL[party.__typename])),
    attributionMark(party),
    hedgesMark(party),
    party.aliases.length ? h('p', {}, 'Also called: ', party.aliases.join(', '), aliasesMark ? ' ' : '', aliasesMark) : null,
    party.description ? h('p', {}, party.description, descriptionMark ? ' ' : '', descriptionMark) : null,
    otherInferred(party, ['name', 'aliases', 'description']),
    party.citations.length ? h('details', {}, h('summary', {}, 'Sources for this party'), quotes(party.citations)) : null,
  );

  const disputesSection = party.disputes.length
    ? h(
        'section',
        { 'aria-labelledby': 'disp-h' },
        h('h3', { id: 'disp-h' }, 'Disputes'),
        h(
          'ul',
          { class: 'facts' },
          ...party.disputes.map((d) =>
            h(
              'li',
              {},
              h(
                'p',
                { class: 'entry-title' },
                h('a', { href: disputeHref(d.slug) }, d.title),
                ' ',
                h('span', { class: 'badge' }, words(d.kind)),
                ' ',
                h('span', { class: 'muted' }, words(d.status)),
              ),
            ),
          ),
        ),
      )
    : null;

  const characterizations = party.characterizations.length
    ? h(
        'section',
        { 'aria-labelledby': 'char-h' },
        h('h3', { id: 'char-h' }, 'How sources describe it'),
        h(
          'ul',
          { class: 'facts' },
          ...party.characterizations.map((c) => {
            const textMark = inferredMark(c, 'text');
            return h(
              'li',
              {},
              h('p', {}, c.text, textMark ? ' ' : '', textMark),
              attributionMark(c),
              hedgesMark(c),
              otherInferred(c, ['text']),
              quotes(c.citations),
            );
          }),
        ),
      )
    : null;

  // The graph, and the same parties as a list of links (keyboard and screen readers).
  const graphBox = h('div', {
    id: 'graph',
    class: 'graph',
    role: 'img',
    'aria-label': `Network of ${party.name}: ${network.conflictNetwork.nodes.length} parties, ${network.conflictNetwork.edges.length} links`,
  });
  const byId = new Map(network.conflictNetwork.nodes.map((n) => [n.id, n.party]));
  const networkSection = h(
    'section',
    { 'aria-labelledby': 'net-h' },
    h('h3', { id: 'net-h' }, 'Network'),
    h('p', { class: 'hint' }, 'Click a party in the graph, or choose one from the list, to open its page.'),
    graphBox,
    h(
      'ul',
      { class: 'network-list' },
      ...network.conflictNetwork.nodes
        .filter((n) => n.party.slug !== slug)
        .map((n) =>
          h(
            'li',
            {},
            partyLink(n.party),
            h('span', { class: 'muted' }, ` · ${KIND_LABEL[n.party.__typename]}, ${n.distance} link${n.distance === 1 ? '' : 's'} away`),
          ),
        ),
    ),
  );

  const entries = timeline.timeline.edges.map((e) => e.node);
  const timelineSection = h(
    'section',
    { 'aria-labelledby': 'tl-h' },
    h('h3', { id: 'tl-h' }, 'Timeline'),
    entries.length ? h('ol', { class: 'timeline' }, ...entries.map((entry) => timelineItem(entry))) : h('p', {}, 'No dated facts.'),
    timeline.timeline.pageInfo.hasNextPage ? h('p', { class: 'muted' }, `Showing the first ${entries.length} of ${timeline.timeline.totalCount}.`) : null,
  );

  const centerId = network.conflictNetwork.nodes.find((n) => n.party.slug === slug)?.id;
  const links = network.conflictNetwork.edges.filter((e) => e.from === centerId || e.to === centerId);
  const factsSection = h(
    'section',
    { 'aria-labelledby': 'facts-h' },
    h('h3', { id: 'facts-h' }, 'Every link, with its source'),
    h(
      'ul',
      { class: 'facts' },
      ...links.map((e) => {
        const from = byId.get(e.from)!;
        const to = byId.get(e.to)!;
        const says = saysOf(e.fact);
        return h(
          'li',
          {},
          h('p', {}, partyLink(from), ` ${e.kind.replace(/_/g, ' ').toLowerCase()} `, partyLink(to), e.since ? ` (${fuzzyDate(e.since)})` : ''),
          h('p', { class: 'entry-title' }, e.label),
          attributionMark(says),
          hedgesMark(says),
          otherInferred(says, []),
          quotes(e.citations),
        );
      }),
    ),
  );

  main.replaceChildren(header, disputesSection ?? '', networkSection, timelineSection, factsSection, characterizations ?? '');
  window.explorerGraph?.destroy();
  window.explorerGraph = drawNetwork(graphBox, network.conflictNetwork, slug, (target) => {
    location.hash = partyHref(target);
  });
  focusHeading();
}

// ---------- a dispute: its sides, its facts by type, its timeline ----------

type DisputeData = NonNullable<DisputePageQuery['dispute']>;

/** One fact of a dispute: title, who says so, the hedges, its values (inferred ones marked), and its quotes. */
function factItem(title: string, titleField: string, badge: string, says: Says, rows: Row[], citations: readonly QuoteFragment[]): HTMLLIElement {
  const titleMark = inferredMark(says, titleField);
  return h(
    'li',
    { class: 'fact' },
    h('p', { class: 'entry-title' }, title, titleMark ? ' ' : '', titleMark, ' ', h('span', { class: 'badge' }, badge)),
    attributionMark(says),
    hedgesMark(says),
    fieldRows(says, rows),
    historyToggle(says),
    disagreementsMark(says),
    otherInferred(says, [titleField, ...rows.map(([field]) => field)]),
    citations.length ? quotes(citations) : null,
  );
}

function factSection(id: string, heading: string, items: HTMLLIElement[]): HTMLElement | null {
  if (!items.length) return null;
  return h('section', { 'aria-labelledby': id, class: 'fact-group' }, h('h3', { id }, `${heading} (${items.length})`), h('ul', { class: 'facts' }, ...items));
}

function disputeFacts(d: DisputeData): (HTMLElement | null)[] {
  const date = (value: DayFragment | null) => (value ? dateEl(value) : null);
  return [
    factSection(
      'lawsuits-h',
      'Lawsuits',
      d.lawsuits.map((l) =>
        factItem(
          l.title,
          'title',
          words(l.kind),
          l,
          [
            ['status', 'Status', words(l.status)],
            ['filed', 'Filed', date(l.filed)],
            ['venue', 'Court', l.venue],
            ['plaintiffs', 'Plaintiffs', partyList(l.plaintiffs)],
            ['defendants', 'Defendants', partyList(l.defendants)],
            ['technologies', 'Technologies', l.technologies.join(', ')],
            ['summary', 'Summary', l.summary],
          ],
          l.citations,
        ),
      ),
    ),
    factSection(
      'negotiations-h',
      'Licensing negotiations',
      d.negotiations.map((n) =>
        factItem(
          n.subject,
          'subject',
          'licensing negotiation',
          n,
          [
            ['status', 'Status', words(n.status)],
            ['started', 'Started', date(n.started)],
            ['parties', 'Parties', partyList(n.parties)],
            ['summary', 'Summary', n.summary],
          ],
          n.citations,
        ),
      ),
    ),
    factSection(
      'sanctions-h',
      'Sanctions',
      d.sanctions.map((x) =>
        factItem(
          x.description,
          'description',
          'sanction',
          x,
          [
            ['status', 'Status', words(x.status)],
            ['imposed', 'Imposed', date(x.imposed)],
            ['authority', 'By', partyLink(x.authority)],
            ['target', 'On', partyLink(x.target)],
          ],
          x.citations,
        ),
      ),
    ),
    factSection(
      'regulatory-h',
      'Regulatory actions',
      d.regulatoryActions.map((r) =>
        factItem(
          r.description,
          'description',
          'regulatory action',
          r,
          [
            ['date', 'Date', date(r.date)],
            ['authority', 'By', partyLink(r.authority)],
            ['subject', 'About', r.subject ? partyLink(r.subject) : null],
          ],
          r.citations,
        ),
      ),
    ),
    factSection(
      'events-h',
      'Events',
      d.events.map((e) =>
        factItem(
          e.title,
          'title',
          'event',
          e,
          [
            ['date', 'Date', date(e.date)],
            ['location', 'Where', e.location],
            ['participants', 'Involves', partyList(e.participants)],
          ],
          e.citations,
        ),
      ),
    ),
    factSection(
      'statements-h',
      'Statements',
      d.statements.map((st) =>
        factItem(
          st.text,
          'text',
          'statement',
          st,
          [
            ['speaker', 'Said by', partyLink(st.speaker)],
            ['date', 'Date', date(st.date)],
          ],
          st.citations,
        ),
      ),
    ),
  ];
}

/** A dispute's page; `live` is a refresh after a change (explorer/src/live.ts): no "Loading…", focus stays where it is. */
async function renderDispute(slug: string, live = false) {
  const ticket = renders;
  if (!live) main.replaceChildren(h('p', { role: 'status' }, 'Loading…'));
  let data: DisputePageQuery;
  try {
    data = await request(DisputePageDocument, { slug, asOf: asOfParam() });
  } catch (error) {
    if (live) throw error; // the page stays; the live indicator says the refresh failed
    return showError(error);
  }
  if (ticket !== renders) return;
  const d = data.dispute;
  if (!d) {
    setTitle('Not found');
    const asOf = asOfParam();
    main.replaceChildren(
      h('h2', {}, 'No such dispute'),
      h(
        'p',
        {},
        asOf ? `Nothing was known about “${slug}” by ${asOf}. ` : `Nothing is known about “${slug}”. `,
        h('a', { href: asOf ? `#/dispute/${encodeURIComponent(slug)}` : '#/' }, asOf ? 'See it now.' : 'See every dispute.'),
      ),
    );
    return focusHeading();
  }
  setTitle(d.title);
  const statusMark = inferredMark(d, 'status');
  const startedMark = inferredMark(d, 'started');
  const header = h(
    'header',
    { class: 'dispute-header' },
    h('h2', {}, d.title, ' ', h('span', { class: 'badge' }, words(d.kind))),
    asOfForm(`#/dispute/${encodeURIComponent(slug)}`),
    attributionMark(d),
    hedgesMark(d),
    h(
      'p',
      {},
      'Status: ',
      h('span', { class: 'status' }, words(d.status)),
      statusMark ? ' ' : '',
      statusMark,
      ' ',
      sinceMark(d, 'status'),
      ...(d.started ? [' · started ', dateEl(d.started), startedMark ? ' ' : '', startedMark] : []),
    ),
    historyToggle(d),
    disagreementsMark(d),
    otherInferred(d, ['status', 'started', 'sides', 'kind']),
    d.citations.length ? h('details', {}, h('summary', {}, 'Sources for this dispute'), quotes(d.citations)) : null,
  );
  const sidesMark = inferredMark(d, 'sides');
  const sides = h(
    'section',
    { 'aria-labelledby': 'sides-h' },
    h('h3', { id: 'sides-h' }, 'Sides'),
    h(
      'ul',
      { class: 'facts sides' },
      ...['A', 'B'].flatMap((name) =>
        d.sides
          .filter((s) => s.side === name)
          .map((s) =>
            h(
              'li',
              {},
              h('span', { class: 'badge' }, `side ${s.side}`),
              ' ',
              partyLink(s.party),
              s.label ? h('span', { class: 'side-label' }, ` — ${s.label}`) : '',
            ),
          ),
      ),
    ),
    sidesMark ? h('p', {}, 'Sides ', sidesMark) : null,
  );
  const entries = d.timeline.edges.map((e) => e.node);
  const timelineSection = h(
    'section',
    { 'aria-labelledby': 'tl-h' },
    h('h3', { id: 'tl-h' }, 'Timeline'),
    // (Each fact's quotes are above, with the fact.)
    entries.length ? h('ol', { class: 'timeline' }, ...entries.map((entry) => timelineItem(entry, false))) : h('p', {}, 'No dated facts.'),
    d.timeline.pageInfo.hasNextPage ? h('p', { class: 'muted' }, `Showing the first ${entries.length} of ${d.timeline.totalCount}.`) : null,
  );
  header.append(followDispute(slug, () => renderDispute(slug, true)));
  main.replaceChildren(header, sides, ...disputeFacts(d).filter((x): x is HTMLElement => x !== null), timelineSection);
  if (!live) focusHeading();
}

// ---------- routing: #/ , #/search/TEXT , #/party/SLUG , #/dispute/SLUG , #/review[/DRAFT_ID] (review.ts) ----------

function route() {
  renders++;
  const [, page, arg = ''] = /^#\/([a-z]*)\/?([^?]*)/.exec(location.hash) ?? [];
  const value = decodeURIComponent(arg);
  if (page === 'search' && value.trim()) void renderSearch(value);
  else if (page === 'party' && value) void renderParty(value);
  else if (page === 'dispute' && value) void renderDispute(value);
  else if (page === 'review') void renderReview(main, value);
  else void renderHome();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text) location.hash = `#/search/${encodeURIComponent(text)}`;
});
window.addEventListener('hashchange', route);
route();
