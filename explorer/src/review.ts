import { ApiFailure, request } from './api';
import {
  ReviewAcceptDocument,
  ReviewDraftByIdDocument,
  ReviewDraftSourceDocument,
  ReviewDraftsDocument,
  ReviewLinkMentionDocument,
  ReviewPlacesDocument,
  ReviewRejectDocument,
  ReviewUpdatedFactDocument,
  type ReviewDraftFragment,
  type ReviewDraftsQuery,
  type ReviewItemFragment,
  type ReviewMentionFragment,
} from './generated/graphql';
import { webHref } from './links';
import { h, words, type Child } from './dom';

/**
 * The review page for editors (`#/review`, `#/review/DRAFT_ID`): paste a report to draft it, read its
 * text with every name and candidate fact highlighted, relink names, and accept, edit or reject the
 * items with the keyboard or the mouse. Every request carries the editor's key, which lives in this
 * module's memory only: never in storage, cookies or the address, and gone when the page is reloaded.
 */
let editorKey: string | null = null;

// ---------- helpers (h and words are in dom.ts) ----------

const messageOf = (error: unknown) => (error instanceof ApiFailure || error instanceof Error ? error.message : String(error));
/** A field name as a label: "regulatoryActions" -> "regulatory actions". */
const fieldLabel = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const draftHref = (id: string) => `#/review/${encodeURIComponent(id)}`;

function setTitle(text: string) {
  document.title = `${text} — Conflict Explorer`;
}

function focusHeading(root: HTMLElement) {
  const heading = root.querySelector('h2');
  if (heading instanceof HTMLElement) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

/** Entry fields that name parties by slug (any fact type's). */
const PARTY_FIELDS = ['plaintiffs', 'defendants', 'speaker', 'target', 'authority', 'subject', 'parties', 'participants', 'party', 'claimedBy'];
/** Entry fields shown apart from the others (quotes, says who, provenance). */
const APART = new Set(['quotes', 'citations', 'provenance', 'attribution', 'claimedBy', 'claimant', 'hedges']);

type Entry = Record<string, unknown>;
type Provenance = Record<string, { basis?: string; note?: string; quotes?: unknown[] }>;

/** An entry's value as text in a field (lists as "a, b"). */
function valueText(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FUZZY_DATE = /^(<=|>=|<|>)?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(~)?$/;

/** A FuzzyDate as an entry writes it ("<=2021-07-20", "2019-02~") in words ("on or before 20 July 2021"), or null. */
function dateWords(value: string): string | null {
  const match = FUZZY_DATE.exec(value);
  if (!match) return null;
  const [, bound, y, m, d, approximate] = match;
  let text = d ? `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}` : m ? `${MONTHS[Number(m) - 1]} ${y}` : y;
  if (approximate) text = `about ${text}`;
  const prefix: Record<string, string> = { '<': 'before ', '>': 'after ', '<=': 'on or before ', '>=': 'on or after ' };
  return `${bound ? prefix[bound] : ''}${text}`;
}

/** Text typed into the edit form as the field's value, shaped like the value it replaces. */
function parseValue(text: string, before: unknown): unknown {
  const trimmed = text.trim();
  if (Array.isArray(before))
    return trimmed
      ? trimmed
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  if (typeof before === 'number') return Number(trimmed);
  if (typeof before === 'boolean') return trimmed === 'true';
  if (before !== null && typeof before === 'object') return JSON.parse(trimmed) as unknown;
  return trimmed === '' && before == null ? null : trimmed;
}

/**
 * An edited field's provenance, by the engine's own rule: STATED, quoting the item's sentence, when the
 * sentence contains the new value (`candidates`: the ways it can be written); otherwise INFERRED, with a
 * note saying an editor corrected it. A field without provenance keeps none, unless the editor added it.
 */
function restated(entry: Entry, field: string, sentence: string, candidates: string[], added = false): Entry {
  const lower = sentence.toLowerCase();
  const stated = candidates.some((c) => c.trim().length > 0 && lower.includes(c.trim().toLowerCase()));
  const note = `corrected by an editor in review; the report’s sentence does not state ${candidates[0] ? `“${candidates[0]}”` : 'it'}`;
  const provenance = entry.provenance;
  if (Array.isArray(provenance)) {
    // A status update's input: [{ field, basis, quotes: [{ source, quote }] | note }].
    const list = provenance as { field: string; quotes?: { source: string }[] }[];
    return {
      ...entry,
      provenance: list.map((p) =>
        p.field !== field
          ? p
          : stated
            ? { field, basis: 'STATED', quotes: [{ source: p.quotes?.[0]?.source ?? '', quote: sentence }] }
            : { field, basis: 'INFERRED', note },
      ),
    };
  }
  if (provenance && typeof provenance === 'object' && (field in provenance || added))
    return { ...entry, provenance: { ...(provenance as Provenance), [field]: stated ? { basis: 'STATED', quotes: [sentence] } : { basis: 'INFERRED', note } } };
  return entry;
}

/** Provenance by field, from either shape: a source document's `{ field: { basis, … } }` or a status update's `[{ field, basis, … }]`. */
function provenanceByField(provenance: unknown): Provenance {
  if (Array.isArray(provenance)) return Object.fromEntries((provenance as { field: string }[]).map((p) => [p.field, p])) as unknown as Provenance;
  return (provenance ?? {}) as Provenance;
}

/** A provenance quote as text: a string, or a status update's `{ source, quote }`. */
const quoteText = (q: unknown) =>
  typeof q === 'string' ? q : q && typeof q === 'object' && 'quote' in q ? String((q as { quote: unknown }).quote) : JSON.stringify(q);

// ---------- the key ----------

/** The key form: a password field whose value is read once, checked against the API, and kept in memory. */
function keyForm(onKey: () => void): HTMLElement {
  const field = h('input', { id: 'review-key', name: 'key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: '' });
  const result = h('p', { class: 'review-key-result', role: 'status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'review-key', 'aria-labelledby': 'review-key-h', method: 'post' },
    h('h3', { id: 'review-key-h' }, 'Your editor key'),
    h('label', { for: 'review-key' }, 'Editor API key'),
    h('div', { class: 'review-row' }, field, h('button', { type: 'submit' }, 'Use key')),
    h(
      'p',
      { class: 'hint' },
      'Drafts are for editors only. The key stays in this page’s memory: it is not saved, not put in the address, and reloading the page forgets it.',
    ),
    result,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = field.value.trim();
    field.value = '';
    if (!key) return;
    result.textContent = 'Checking the key…';
    result.className = 'review-key-result';
    request(ReviewDraftsDocument, { first: 1, after: null }, key).then(
      () => {
        editorKey = key;
        onKey();
      },
      (error: unknown) => {
        result.textContent = `The key was not accepted: ${messageOf(error)}`;
        result.className = 'review-key-result error';
        field.focus();
      },
    );
  });
  return form;
}

function keyBar(onForget: () => void): HTMLElement {
  const forget = h('button', { type: 'button', class: 'link-button' }, 'Forget the key');
  forget.addEventListener('click', () => {
    editorKey = null;
    onForget();
  });
  return h('p', { class: 'review-keybar' }, 'An editor key is in this page’s memory. ', forget);
}

// ---------- #/review: draft a report, list the drafts ----------

function slugFrom(published: string, title: string): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .join('-');
  return `${published}-${words}`.slice(0, 80).replace(/-+$/, '');
}

function labelled(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('p', { class: 'review-field' }, h('label', { for: id }, label), control, hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

function draftForm(root: HTMLElement): HTMLElement {
  const title = h('input', { id: 'draft-title', type: 'text', required: '', autocomplete: 'off' });
  const publisher = h('input', { id: 'draft-publisher', type: 'text', required: '', autocomplete: 'off' });
  const published = h('input', { id: 'draft-published', type: 'date', required: '' });
  const url = h('input', { id: 'draft-url', type: 'url', autocomplete: 'off', placeholder: 'https://…' });
  const slug = h('input', { id: 'draft-slug', type: 'text', autocomplete: 'off', 'aria-describedby': 'draft-slug-hint' });
  const text = h('textarea', { id: 'draft-text', rows: '12', required: '' });
  const result = h('p', { class: 'review-result', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Draft the report');
  const form = h(
    'form',
    { class: 'review-draft-form', 'aria-labelledby': 'draft-form-h', method: 'post' },
    h('h3', { id: 'draft-form-h' }, 'Draft a new report'),
    labelled('draft-text', 'Report text (pasted verbatim: every quote is cut from it)', text),
    h(
      'div',
      { class: 'review-grid' },
      labelled('draft-title', 'Title', title),
      labelled('draft-publisher', 'Publisher', publisher),
      labelled('draft-published', 'Published on', published),
      labelled('draft-url', 'URL (optional)', url),
      labelled('draft-slug', 'Slug (optional)', slug, 'default: the date and the title’s words'),
    ),
    h('p', {}, submit),
    result,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = editorKey;
    if (!key) return;
    const input = {
      slug: slug.value.trim() || slugFrom(published.value, title.value),
      title: title.value.trim(),
      publisher: publisher.value.trim(),
      publishedOn: published.value,
      url: url.value.trim() || null,
      text: text.value,
    };
    submit.disabled = true;
    result.className = 'review-result';
    result.textContent = 'Reading the report…';
    request(ReviewDraftSourceDocument, { input }, key).then(
      (data) => {
        if (!root.isConnected) return;
        location.hash = draftHref(data.draftSource.id);
      },
      (error: unknown) => {
        submit.disabled = false;
        result.className = 'review-result error';
        result.textContent = `Not drafted: ${messageOf(error)}`;
      },
    );
  });
  return form;
}

type DraftRow = ReviewDraftsQuery['drafts']['edges'][number]['node'];

function draftList(root: HTMLElement): HTMLElement {
  const list = h('ol', { class: 'hits review-drafts' });
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' }, 'Loading drafts…');
  const more = h('button', { type: 'button', hidden: '' }, 'More drafts');
  let after: string | null = null;
  const load = async () => {
    const key = editorKey;
    if (!key) return;
    more.disabled = true;
    try {
      const data = await request(ReviewDraftsDocument, { first: 10, after }, key);
      if (!root.isConnected) return;
      list.append(...data.drafts.edges.map((e) => draftRow(e.node)));
      after = data.drafts.pageInfo.endCursor ?? null;
      more.hidden = !data.drafts.pageInfo.hasNextPage;
      status.textContent = data.drafts.totalCount
        ? `${list.children.length} of ${data.drafts.totalCount} draft${data.drafts.totalCount === 1 ? '' : 's'}, newest first.`
        : 'No drafts yet.';
    } catch (error) {
      status.textContent = `The drafts could not be read: ${messageOf(error)}`;
      status.className = 'error';
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load());
  void load();
  return h('section', { 'aria-labelledby': 'drafts-h' }, h('h3', { id: 'drafts-h' }, 'Drafts'), status, list, more);
}

function draftRow(d: DraftRow): HTMLLIElement {
  return h(
    'li',
    {},
    h(
      'p',
      { class: 'hit-title' },
      h('a', { href: draftHref(d.id) }, d.source.title),
      ' ',
      h('span', { class: `badge review-status-${d.status.toLowerCase()}` }, words(d.status)),
    ),
    h(
      'p',
      { class: 'muted' },
      `${d.source.publisher}, ${d.source.publishedOn.iso} · ${d.pendingCount} item${d.pendingCount === 1 ? '' : 's'} to decide · drafted by ${d.createdBy} at ${d.createdAt.slice(0, 16).replace('T', ' ')}`,
    ),
  );
}

// ---------- #/review/ID: one draft ----------

const KEYS: [string, string][] = [
  ['j / ↓', 'next item'],
  ['k / ↑', 'previous item'],
  ['a', 'accept the item (with your edits)'],
  ['r', 'reject the item, saying why (Enter rejects; the last reason is offered again)'],
  ['e', 'edit a field of the item, or add one it lacks (choose the field, Tab, type the value, Enter)'],
  ['d', 'change the disputes a new fact joins (their slugs, comma-separated; empty: none; Enter)'],
  ['Escape', 'cancel an edit or a rejection, close this help'],
  ['?', 'show or hide these keys'],
];

interface ReviewState {
  draft: ReviewDraftFragment;
  selected: number;
  edits: Map<string, Entry>;
  /** NEW items whose disputes the editor changed: the slugs they join instead. */
  disputeEdits: Map<string, string[]>;
  errors: Map<string, string>;
  places: Map<string, HTMLElement>;
  mode: { kind: 'reject' | 'edit' | 'disputes'; key: string } | null;
  lastReason: string;
  help: boolean;
  busy: boolean;
}

class DraftView {
  private readonly state: ReviewState;
  private readonly text = h('div', { class: 'report-text', id: 'report-text' });
  private readonly items = h('ol', { class: 'review-items', 'aria-label': 'Candidate facts' });
  private readonly mentions = h('ul', { class: 'review-mentions' });
  private readonly live = h('p', { class: 'review-live', role: 'status', 'aria-live': 'polite' });
  private readonly helpPanel = h('div', { class: 'review-help', id: 'review-help', hidden: '' });
  private readonly counts = h('span', { class: 'muted' });
  private readonly heading = h('h2', { id: 'review-draft-h' });
  private readonly onKey = (event: KeyboardEvent) => this.key(event);

  constructor(
    private readonly root: HTMLElement,
    draft: ReviewDraftFragment,
    private readonly onForget: () => void,
  ) {
    const firstPending = draft.items.findIndex((i) => i.status === 'PENDING');
    this.state = {
      draft,
      selected: Math.max(0, firstPending),
      edits: new Map(),
      disputeEdits: new Map(),
      errors: new Map(),
      places: new Map(),
      mode: null,
      lastReason: '',
      help: false,
      busy: false,
    };
    this.helpPanel.append(
      h('h3', {}, 'Keys'),
      h('dl', { class: 'fields' }, ...KEYS.flatMap(([key, what]) => [h('dt', {}, h('kbd', {}, key)), h('dd', {}, what)])),
      h('p', { class: 'hint' }, 'The mouse works too: click an item or its sentence to select it, and use its buttons.'),
    );
    document.addEventListener('keydown', this.onKey);
  }

  private get draft() {
    return this.state.draft;
  }

  mount(): void {
    const d = this.draft;
    setTitle(`Review: ${d.source.title}`);
    const helpButton = h('button', { type: 'button', 'aria-controls': 'review-help', 'aria-expanded': 'false' }, 'Keys (?)');
    helpButton.addEventListener('click', () => this.toggleHelp());
    const href = webHref(d.source.url);
    this.root.replaceChildren(
      keyBar(() => {
        document.removeEventListener('keydown', this.onKey);
        this.onForget();
      }),
      h('p', {}, h('a', { href: '#/review' }, '← All drafts')),
      this.heading,
      h(
        'p',
        { class: 'muted' },
        d.source.publisher,
        ', ',
        d.source.publishedOn.iso,
        href ? ' · ' : '',
        href ? h('a', { href, rel: 'noopener noreferrer' }, 'original') : '',
        ` · drafted by ${d.createdBy} · `,
        this.counts,
      ),
      h('p', { class: 'hint' }, 'Read the highlighted sentences, then accept (a), edit (e) or reject (r) each item; j and k move between items. ', helpButton),
      this.helpPanel,
      this.live,
      h(
        'div',
        { class: 'review-layout' },
        h(
          'section',
          { class: 'review-text', 'aria-labelledby': 'report-h' },
          h('h3', { id: 'report-h' }, 'Report'),
          h(
            'p',
            { class: 'hint review-legend' },
            h('mark', { class: 'mention mention-linked' }, 'known party'),
            ' ',
            h('mark', { class: 'mention mention-new' }, 'new party'),
            ' ',
            h('span', { class: 'quote' }, 'an item’s sentence'),
            ' ',
            h('span', { class: 'quote current' }, 'the selected item’s'),
          ),
          this.text,
        ),
        h(
          'div',
          { class: 'review-side' },
          h('section', { 'aria-labelledby': 'items-h' }, h('h3', { id: 'items-h' }, 'Items'), this.items),
          h('section', { 'aria-labelledby': 'names-h' }, h('h3', { id: 'names-h' }, 'Names'), this.mentions),
        ),
      ),
    );
    this.render();
    focusHeading(this.root);
  }

  private toggleHelp(force?: boolean) {
    this.state.help = force ?? !this.state.help;
    this.helpPanel.hidden = !this.state.help;
    this.root.querySelector('[aria-controls="review-help"]')?.setAttribute('aria-expanded', String(this.state.help));
  }

  private say(text: string) {
    this.live.textContent = text;
  }

  /** Everything that shows the draft's state, rebuilt from it. */
  private render(focus = false) {
    const d = this.draft;
    this.heading.replaceChildren(`Review: ${d.source.title} `, h('span', { class: `badge review-status-${d.status.toLowerCase()}` }, words(d.status)));
    const decided = d.items.length - d.pendingCount;
    this.counts.textContent = `${d.items.length} item${d.items.length === 1 ? '' : 's'}, ${d.pendingCount} to decide, ${decided} decided · ${d.mentions.length} names`;
    this.renderText();
    this.items.replaceChildren(...d.items.map((item, i) => this.itemEl(item, i)));
    this.mentions.replaceChildren(...d.mentions.map((m) => this.mentionEl(m)));
    if (focus) this.focusSelected();
  }

  /**
   * One item redrawn in place (the links of an accepted one, which arrive later): the others, and a form
   * the editor may be typing in, stay as they are, and so does the focus unless it was in this item.
   */
  private renderItem(key: string) {
    const index = this.draft.items.findIndex((item) => item.key === key);
    const old = this.items.children[index];
    if (index < 0 || !old) return;
    const hadFocus = old.contains(document.activeElement);
    const fresh = this.itemEl(this.draft.items[index], index);
    old.replaceWith(fresh);
    if (hadFocus) fresh.focus();
  }

  private focusSelected() {
    const el = this.items.children[this.state.selected];
    if (!(el instanceof HTMLElement)) return;
    const field = el.querySelector<HTMLElement>('.review-inline input, .review-inline select');
    (field ?? el).focus();
    el.scrollIntoView({ block: 'nearest' });
  }

  /** The report's text with the names and the items' sentences marked at their spans. */
  private renderText() {
    const d = this.draft;
    const text = d.source.text;
    const selectedKey = d.items[this.state.selected]?.key;
    const cuts = new Set([0, text.length]);
    for (const m of d.mentions) for (const sp of m.spans) cuts.add(sp.start).add(sp.end);
    for (const item of d.items) cuts.add(item.start).add(item.end);
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    // What covers each piece between two cuts, marked span by span (names do not overlap, and few items
    // share a sentence): linear in the pieces, not pieces × spans.
    const mentionAt: (ReviewMentionFragment | undefined)[] = new Array(points.length);
    const itemsAt: ReviewItemFragment[][] = Array.from({ length: points.length }, () => []);
    const firstPiece = (start: number) => {
      let [lo, hi] = [0, points.length - 1];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (points[mid] < start) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    for (const m of d.mentions)
      for (const sp of m.spans) for (let k = firstPiece(sp.start); k + 1 < points.length && points[k + 1] <= sp.end; k++) mentionAt[k] ??= m;
    for (const item of d.items) for (let k = firstPiece(item.start); k + 1 < points.length && points[k + 1] <= item.end; k++) itemsAt[k].push(item);
    const nodes: Node[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [start, end] = [points[i], points[i + 1]];
      const piece = text.slice(start, end);
      const mention = mentionAt[i];
      const covering = itemsAt[i];
      let node: Node = document.createTextNode(piece);
      if (mention) {
        node = h(
          'mark',
          {
            class: `mention ${mention.linked ? 'mention-linked' : 'mention-new'}`,
            'data-mention': mention.key,
            title: mention.linked
              ? `${mention.name} → ${mention.linked.slug} (${mention.linked.rule}, ${mention.linked.score.toFixed(2)})`
              : `${mention.name} → a new ${mention.kind.toLowerCase()} (${mention.slug})`,
          },
          node,
        );
      }
      if (covering.length) {
        const current = covering.some((item) => item.key === selectedKey);
        const quote = h(
          'span',
          {
            class: `quote${current ? ' current' : ''} quote-${covering[0].status.toLowerCase()}`,
            'data-items': covering.map((item) => item.key).join(' '),
          },
          node,
        );
        // A sentence of several items: each click selects the next of them.
        quote.addEventListener('click', () => {
          const at = covering.findIndex((item) => item.key === this.draft.items[this.state.selected]?.key);
          const next = covering[(at + 1) % covering.length];
          this.select(this.draft.items.findIndex((item) => item.key === next.key));
        });
        node = quote;
      }
      nodes.push(node);
    }
    this.text.replaceChildren(...nodes);
  }

  private nameOf(slug: string): string | null {
    return this.draft.mentions.find((m) => m.slug === slug)?.name ?? null;
  }

  private partyText(slug: string): string {
    const name = this.nameOf(slug);
    return name && name !== slug ? `${name} (${slug})` : slug;
  }

  /** One item: what it proposes, who says so, its fields with their provenance, and what can be done with it. */
  private itemEl(item: ReviewItemFragment, index: number): HTMLLIElement {
    const selected = index === this.state.selected;
    const edited = this.state.edits.get(item.key);
    const entry = (edited ?? item.entry) as Entry;
    const provenance = provenanceByField(entry.provenance);
    const li = h('li', {
      class: `review-item status-${item.status.toLowerCase()}${selected ? ' selected' : ''}`,
      tabindex: '-1',
      'data-key': item.key,
      'aria-current': selected ? 'true' : 'false',
      'aria-labelledby': `item-${item.key}-h`,
    });
    li.addEventListener('click', (event) => {
      if (event.target instanceof HTMLElement && event.target.closest('button, input, select, a, label')) return;
      this.select(index);
    });
    const isUpdate = item.kind === 'UPDATE';
    li.append(
      h(
        'p',
        { class: 'entry-title', id: `item-${item.key}-h` },
        h('span', { class: 'item-key' }, item.key),
        ' ',
        h('span', { class: 'badge' }, fieldLabel(item.typeName)),
        ' ',
        isUpdate ? h('span', { class: 'badge badge-update' }, 'update of a stored fact') : h('span', { class: 'badge' }, 'new fact'),
        ' ',
        h('span', { class: `badge item-status item-status-${item.status.toLowerCase()}` }, words(item.status)),
        edited ? h('span', { class: 'badge badge-edited' }, 'edited') : '',
      ),
    );
    if (isUpdate)
      li.append(
        h(
          'p',
          { class: 'update-line' },
          `Updates the stored ${fieldLabel(item.typeName)} `,
          h('code', {}, item.targetSlug ?? '?'),
          ': status ',
          h('span', { class: 'status-from' }, words(item.targetStatus ?? 'unknown')),
          ' → ',
          h('span', { class: 'status-to' }, words(String(entry.status ?? ''))),
        ),
      );
    li.append(h('blockquote', { class: 'item-quote' }, `“${item.quote}”`));
    const attribution = String(entry.attribution ?? (isUpdate ? '' : 'REPORTED'));
    if (attribution)
      li.append(
        h(
          'p',
          { class: `says says-${attribution.toLowerCase()}` },
          h('span', { class: 'says-label' }, attribution === 'CLAIMED' ? 'Claimed by ' : attribution === 'ALLEGED' ? 'Alleged by ' : 'Reported'),
          attribution === 'REPORTED'
            ? ' by the source in its own voice'
            : entry.claimedBy
              ? this.partyText(String(entry.claimedBy))
              : String(entry.claimant ?? 'a party the source does not name'),
        ),
      );
    const hedges = Array.isArray(entry.hedges) ? (entry.hedges as string[]) : [];
    if (hedges.length)
      li.append(h('p', { class: 'hedges' }, 'The source hedges: ', ...hedges.flatMap((x, i) => [i ? ', ' : '', h('q', { class: 'hedge' }, x)])));
    li.append(this.fieldsEl(entry, provenance, isUpdate));
    if (!isUpdate) li.append(this.disputesEl(item, index));
    const phrases = this.draft.dates.filter((d) => d.start >= item.start && d.end <= item.end);
    if (phrases.length)
      li.append(
        h(
          'p',
          { class: 'item-dates' },
          'Date phrases: ',
          ...phrases.flatMap((d, i) => [i ? '; ' : '', h('q', {}, d.phrase), ` → ${d.date.iso}`, h('span', { class: 'muted' }, ` (${d.note})`)]),
        ),
      );
    li.append(h('p', { class: 'muted item-cue' }, `Found by the cue ${item.cue}.`));
    const error = this.state.errors.get(item.key);
    if (error) li.append(h('p', { class: 'error item-error', role: 'alert' }, `Not accepted: ${error}`));
    if (item.status === 'REJECTED') li.append(h('p', { class: 'item-decision' }, `Rejected by ${item.decidedBy ?? 'an editor'}: ${item.reason ?? ''}`));
    if (item.status === 'ACCEPTED') {
      li.append(h('p', { class: 'item-decision' }, `Accepted by ${item.decidedBy ?? 'an editor'}.`));
      const places = this.state.places.get(item.key);
      if (places) li.append(places);
      else {
        // (Found at once after an acceptance in this page; for one accepted before, on request.)
        const find = h('button', { type: 'button', class: 'link-button' }, 'Where does it appear now?');
        find.addEventListener('click', () => {
          find.disabled = true;
          void this.findPlaces(item, item.entry as Entry);
        });
        li.append(h('p', { class: 'item-places' }, find));
      }
    }
    if (item.status === 'PENDING') {
      const mode = this.state.mode?.key === item.key ? this.state.mode.kind : null;
      if (mode) li.append(mode === 'reject' ? this.rejectForm(item) : mode === 'disputes' ? this.disputesForm(item) : this.editForm(item, entry));
      else li.append(this.actions(item, index));
    }
    return li;
  }

  private fieldsEl(entry: Entry, provenance: Provenance, isUpdate: boolean): HTMLElement {
    const rows = Object.entries(entry).filter(([field]) => !APART.has(field) && !(isUpdate && field === 'slug'));
    return h(
      'dl',
      { class: 'fields' },
      ...rows.flatMap(([field, value]) => {
        const p = provenance[field];
        const shown = PARTY_FIELDS.includes(field)
          ? (Array.isArray(value) ? (value as string[]) : [String(value)]).map((slug) => this.partyText(slug)).join(', ')
          : typeof value === 'string' && /^[A-Z_]+$/.test(value)
            ? words(value)
            : typeof value === 'string' && dateWords(value)
              ? `${dateWords(value)} (${value})`
              : valueText(value);
        return [
          h('dt', {}, fieldLabel(field)),
          h(
            'dd',
            { 'data-field': field },
            h('span', { class: 'field-value' }, shown),
            p?.basis
              ? h(
                  'span',
                  {
                    class: `basis basis-${p.basis.toLowerCase()}`,
                    title: p.basis === 'STATED' ? `Stated: ${(p.quotes ?? []).map(quoteText).join(' … ')}` : '',
                  },
                  ' ',
                  h('span', { class: p.basis === 'INFERRED' ? 'inferred-flag' : 'stated-flag' }, p.basis.toLowerCase()),
                  p.note ? h('span', { class: 'inferred-note' }, ` (${p.note})`) : '',
                )
              : '',
          ),
        ];
      }),
    );
  }

  /** The disputes a NEW item joins (as drafted, or as the editor changed them): shown before it is accepted. */
  private joined(item: ReviewItemFragment): { slug: string; title: string; why: string }[] {
    const edited = item.status === 'PENDING' ? this.state.disputeEdits.get(item.key) : undefined;
    if (!edited) return item.disputes;
    return edited.map((slug) => item.disputes.find((d) => d.slug === slug) ?? { slug, title: slug, why: 'chosen by you' });
  }

  /** "Joins dispute X" per dispute, with a button removing it while the item is pending. */
  private disputesEl(item: ReviewItemFragment, index: number): HTMLElement {
    const joined = this.joined(item);
    const pending = item.status === 'PENDING';
    if (!joined.length) return h('p', { class: 'item-disputes muted' }, pending ? 'Joins no dispute.' : 'Joined no dispute.');
    return h(
      'ul',
      { class: 'item-disputes' },
      ...joined.map((d) => {
        const remove = h('button', { type: 'button', class: 'link-button', 'aria-label': `Remove ${d.title} from ${item.key}` }, 'Remove');
        remove.addEventListener('click', () => {
          this.state.selected = index;
          this.setDisputes(
            item,
            joined.filter((other) => other.slug !== d.slug).map((other) => other.slug),
          );
        });
        return h(
          'li',
          { 'data-dispute': d.slug },
          pending ? 'Joins dispute ' : 'Joined dispute ',
          h('a', { href: `#/dispute/${encodeURIComponent(d.slug)}` }, d.title),
          h('span', { class: 'muted' }, ` (${d.why})`),
          pending ? ' ' : '',
          pending ? remove : '',
        );
      }),
    );
  }

  private setDisputes(item: ReviewItemFragment, slugs: string[]) {
    const same = slugs.join(',') === item.disputes.map((d) => d.slug).join(',');
    if (same) this.state.disputeEdits.delete(item.key);
    else this.state.disputeEdits.set(item.key, slugs);
    this.state.errors.delete(item.key);
    this.state.mode = null;
    this.say(`${item.key} ${slugs.length ? `joins ${slugs.join(', ')}` : 'joins no dispute'}; accept (a) to write it.`);
    this.render(true);
  }

  private disputesForm(item: ReviewItemFragment): HTMLElement {
    const id = `disputes-${item.key}`;
    const value = h('input', {
      id,
      type: 'text',
      autocomplete: 'off',
      value: this.joined(item)
        .map((d) => d.slug)
        .join(', '),
      'aria-describedby': `${id}-hint`,
    });
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const form = h(
      'form',
      { class: 'review-inline', method: 'post' },
      h('label', { for: id }, `Disputes ${item.key} joins`),
      h('div', { class: 'review-row' }, value, h('button', { type: 'submit' }, 'Keep'), cancel),
      h('span', { class: 'hint', id: `${id}-hint` }, 'Their slugs, separated by commas; empty: none.'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.setDisputes(
        item,
        value.value
          .split(',')
          .map((slug) => slug.trim())
          .filter(Boolean),
      );
    });
    cancel.addEventListener('click', () => this.cancelMode());
    value.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.cancelMode();
    });
    queueMicrotask(() => value.select());
    return form;
  }

  private actions(item: ReviewItemFragment, index: number): HTMLElement {
    const button = (label: string, keyHint: string, run: () => void) => {
      const b = h('button', { type: 'button', 'aria-keyshortcuts': keyHint }, label);
      b.addEventListener('click', () => {
        this.state.selected = index;
        run();
      });
      return b;
    };
    return h(
      'p',
      { class: 'item-actions' },
      button('Accept', 'a', () => void this.accept()),
      ' ',
      button('Edit', 'e', () => this.startMode('edit')),
      ' ',
      button('Reject', 'r', () => this.startMode('reject')),
      item.kind === 'NEW' ? ' ' : '',
      item.kind === 'NEW' ? button('Change disputes', 'd', () => this.startMode('disputes')) : '',
      this.state.edits.has(item.key) || this.state.disputeEdits.has(item.key) ? ' ' : '',
      this.state.edits.has(item.key) || this.state.disputeEdits.has(item.key)
        ? button('Undo edits', '', () => {
            this.state.edits.delete(item.key);
            this.state.disputeEdits.delete(item.key);
            this.say(`${item.key}: edits undone.`);
            this.render(true);
          })
        : '',
    );
  }

  private rejectForm(item: ReviewItemFragment): HTMLElement {
    const id = `reason-${item.key}`;
    const reason = h('input', { id, type: 'text', required: '', autocomplete: 'off', value: this.state.lastReason });
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const form = h(
      'form',
      { class: 'review-inline', method: 'post' },
      h('label', { for: id }, `Why reject ${item.key}?`),
      h('div', { class: 'review-row' }, reason, h('button', { type: 'submit' }, 'Reject'), cancel),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.reject(reason.value);
    });
    cancel.addEventListener('click', () => this.cancelMode());
    reason.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.cancelMode();
    });
    queueMicrotask(() => reason.select());
    return form;
  }

  private editForm(item: ReviewItemFragment, entry: Entry): HTMLElement {
    const editable = Object.keys(entry).filter((f) => !['quotes', 'citations', 'provenance'].includes(f) && !(item.kind === 'UPDATE' && f === 'slug'));
    const fieldId = `edit-field-${item.key}`;
    const valueId = `edit-value-${item.key}`;
    const OTHER = '';
    const field = h(
      'select',
      { id: fieldId },
      ...editable.map((f) => h('option', { value: f }, fieldLabel(f))),
      // A field the engine left out (a suit's court, an event's place): its name as the import format spells it.
      ...(item.kind === 'NEW' ? [h('option', { value: OTHER }, 'a field it lacks…')] : []),
    );
    const nameId = `edit-name-${item.key}`;
    const name = h('input', { id: nameId, type: 'text', autocomplete: 'off', placeholder: 'e.g. venue', pattern: '[a-z][A-Za-z0-9]*' });
    const nameRow = h('p', { class: 'review-field', hidden: '' }, h('label', { for: nameId }, 'Its name in the import format'), name);
    const fieldName = () => (field.value === OTHER ? name.value.trim() : field.value);
    const value = h('input', { id: valueId, type: 'text', autocomplete: 'off', 'aria-describedby': `${valueId}-hint` });
    const hint = h('span', { class: 'hint', id: `${valueId}-hint` });
    const show = () => {
      nameRow.hidden = field.value !== OTHER;
      name.required = field.value === OTHER;
      const before = entry[field.value];
      value.value = valueText(before);
      hint.textContent = Array.isArray(before)
        ? 'A list: separate the values with commas.'
        : PARTY_FIELDS.includes(field.value)
          ? 'A party’s slug (who claims the item follows when it was this party).'
          : typeof before === 'string' && /^[A-Z_]+$/.test(before)
            ? 'A value such as SETTLED, FILED, DISMISSED.'
            : '';
    };
    field.addEventListener('change', show);
    value.addEventListener('focus', () => value.select());
    show();
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const form = h(
      'form',
      { class: 'review-inline', method: 'post' },
      h('p', { class: 'review-field' }, h('label', { for: fieldId }, `Field of ${item.key} to correct`), field),
      nameRow,
      h('p', { class: 'review-field' }, h('label', { for: valueId }, 'Its value'), value, hint),
      h('div', { class: 'review-row' }, h('button', { type: 'submit' }, 'Keep the edit'), cancel),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const key = fieldName();
      if (!key || ['quotes', 'citations', 'provenance'].includes(key)) return name.focus();
      let parsed: unknown;
      try {
        parsed = parseValue(value.value, entry[key]);
      } catch {
        this.say(`${item.key}: the value is not valid JSON.`);
        return;
      }
      let next: Entry = { ...entry, [key]: parsed };
      // Who claims it follows the party it was: a statement's speaker is its claimant.
      if (PARTY_FIELDS.includes(key) && typeof entry.claimedBy === 'string' && entry.claimedBy === entry[key] && typeof parsed === 'string')
        next.claimedBy = parsed;
      const values = Array.isArray(parsed) ? parsed.map(String) : [valueText(parsed)];
      const candidates = PARTY_FIELDS.includes(key)
        ? values.flatMap((slug) => [this.nameOf(slug) ?? slug])
        : values.flatMap((v) => (/^[A-Z_]+$/.test(v) ? [words(v), v] : [v]));
      next = restated(next, key, item.quote, candidates, !(key in entry));
      this.state.edits.set(item.key, next);
      this.state.errors.delete(item.key);
      this.state.mode = null;
      this.say(`${item.key}: ${fieldLabel(fieldName())} edited; accept (a) to write it.`);
      this.render(true);
    });
    cancel.addEventListener('click', () => this.cancelMode());
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.cancelMode();
    });
    return form;
  }

  private mentionEl(m: ReviewMentionFragment): HTMLLIElement {
    const id = `relink-${m.key}`;
    const reviewed = this.draft.status === 'REVIEWED';
    const options = [...(m.linked ? [m.linked] : []), ...m.alternatives.filter((a) => a.slug !== m.linked?.slug)];
    const choice = h(
      'select',
      { id },
      ...options.map((o) => h('option', { value: o.slug }, `${o.slug} (${o.rule.toLowerCase()}, ${o.score.toFixed(2)})`)),
      h('option', { value: '' }, `a new ${m.kind.toLowerCase()}`),
    );
    choice.value = m.linked?.slug ?? '';
    const other = h('input', { id: `${id}-other`, type: 'text', autocomplete: 'off', placeholder: 'slug', size: '14' });
    const result = h('span', { class: 'relink-result', role: 'status', 'aria-live': 'polite' });
    const form = h(
      'form',
      { class: 'review-relink', method: 'post' },
      h('label', { for: id }, 'Link to '),
      choice,
      ' ',
      h('label', { for: `${id}-other` }, 'or another party '),
      other,
      ' ',
      h('button', { type: 'submit' }, 'Relink'),
      ' ',
      result,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const party = other.value.trim() || choice.value;
      void this.relink(m, party || null, result);
    });
    return h(
      'li',
      { class: 'review-mention', 'data-mention': m.key },
      h(
        'p',
        {},
        h('mark', { class: `mention ${m.linked ? 'mention-linked' : 'mention-new'}` }, m.name),
        ' ',
        h('span', { class: `badge kind-${m.kind.charAt(0)}${m.kind.slice(1).toLowerCase()}` }, m.kind.toLowerCase()),
        ` ×${m.spans.length} → `,
        m.linked
          ? h(
              'span',
              { class: 'mention-link' },
              h('a', { href: `#/party/${encodeURIComponent(m.linked.slug)}` }, m.linked.slug),
              ` (${m.linked.rule.toLowerCase()}, score ${m.linked.score.toFixed(2)})`,
            )
          : h('span', { class: 'mention-link' }, `proposed as a new ${m.kind.toLowerCase()}, `, h('code', {}, m.slug)),
        m.decision !== 'SUGGESTED' ? h('span', { class: 'muted' }, ` · ${m.decision === 'LINKED' ? 'linked' : 'made new'} by an editor`) : '',
      ),
      m.alternatives.length ? h('p', { class: 'muted' }, 'Alternatives: ', m.alternatives.map((a) => `${a.slug} (${a.score.toFixed(2)})`).join(', ')) : null,
      reviewed ? null : form,
    );
  }

  // ---------- actions ----------

  private key(event: KeyboardEvent) {
    if (!this.root.isConnected) {
      document.removeEventListener('keydown', this.onKey);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    const onItem = target instanceof HTMLElement && target.closest('.review-items') !== null;
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        if (event.key === 'ArrowDown' && !onItem) return;
        this.select(this.state.selected + 1);
        break;
      case 'k':
      case 'ArrowUp':
        if (event.key === 'ArrowUp' && !onItem) return;
        this.select(this.state.selected - 1);
        break;
      case 'a':
        void this.accept();
        break;
      case 'r':
        this.startMode('reject');
        break;
      case 'e':
        this.startMode('edit');
        break;
      case 'd':
        if (this.current()?.kind !== 'NEW') return;
        this.startMode('disputes');
        break;
      case '?':
        this.toggleHelp();
        break;
      case 'Escape':
        if (!this.state.help) return;
        this.toggleHelp(false);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private select(index: number) {
    const count = this.draft.items.length;
    if (!count) return;
    const before = this.draft.items[this.state.selected]?.key;
    this.state.selected = Math.min(count - 1, Math.max(0, index));
    const key = this.draft.items[this.state.selected].key;
    const open = this.state.mode?.key;
    if (open && open !== key) {
      this.state.mode = null;
      this.renderItem(open);
    }
    // Only the marks move: the selected item's class and its sentence's outline.
    for (const li of this.items.querySelectorAll('li.review-item.selected')) {
      li.classList.remove('selected');
      li.setAttribute('aria-current', 'false');
    }
    const li = this.items.querySelector(`li.review-item[data-key="${key}"]`);
    li?.classList.add('selected');
    li?.setAttribute('aria-current', 'true');
    if (before !== key) {
      for (const el of this.text.querySelectorAll('.quote.current')) el.classList.remove('current');
      for (const el of this.text.querySelectorAll(`.quote[data-items~="${key}"]`)) el.classList.add('current');
    }
    this.focusSelected();
  }

  private current(): ReviewItemFragment | null {
    return this.draft.items[this.state.selected] ?? null;
  }

  private startMode(kind: 'reject' | 'edit' | 'disputes') {
    const item = this.current();
    if (!item || item.status !== 'PENDING' || this.state.busy) {
      if (item) this.say(`${item.key} is ${words(item.status)}: nothing to ${kind}.`);
      return;
    }
    this.state.mode = { kind, key: item.key };
    this.render(true);
  }

  private cancelMode() {
    this.state.mode = null;
    this.render(true);
  }

  /** After a decision: the next item still to decide (after this one, else from the top). */
  private nextPending() {
    const items = this.draft.items;
    const after = items.findIndex((item, i) => i > this.state.selected && item.status === 'PENDING');
    const any = items.findIndex((item) => item.status === 'PENDING');
    if (after >= 0) this.state.selected = after;
    else if (any >= 0) this.state.selected = any;
  }

  private async accept() {
    const item = this.current();
    const key = editorKey;
    if (!item || !key || this.state.busy) return;
    if (item.status !== 'PENDING') return this.say(`${item.key} is already ${words(item.status)}.`);
    const entry = this.state.edits.get(item.key);
    const disputes = this.state.disputeEdits.get(item.key);
    this.state.busy = true;
    this.say(`Accepting ${item.key}…`);
    try {
      const edits = entry || disputes ? [{ item: item.key, entry: entry ?? null, disputes: disputes ?? null }] : null;
      const data = await request(ReviewAcceptDocument, { draft: this.draft.id, items: [item.key], edits }, key);
      if (!this.root.isConnected) return;
      this.state.draft = data.acceptDraftItems;
      this.state.errors.delete(item.key);
      this.state.edits.delete(item.key);
      this.state.disputeEdits.delete(item.key);
      this.say(`${item.key} accepted${entry || disputes ? ' with your edits' : ''}. ${this.draft.pendingCount} left to decide.`);
      const accepted = this.draft.items.find((i) => i.key === item.key)!;
      void this.findPlaces(accepted, entry ?? (accepted.entry as Entry));
      this.nextPending();
    } catch (error) {
      // The server refuses the whole acceptance (nothing written): its message goes beside the item.
      this.state.errors.set(item.key, messageOf(error));
      this.say(`${item.key} was not accepted: ${messageOf(error)}`);
    } finally {
      this.state.busy = false;
    }
    this.render(true);
  }

  private async reject(reason: string) {
    const item = this.current();
    const key = editorKey;
    if (!item || !key || this.state.busy) return;
    this.state.busy = true;
    try {
      const data = await request(ReviewRejectDocument, { draft: this.draft.id, items: [item.key], reason }, key);
      if (!this.root.isConnected) return;
      this.state.draft = data.rejectDraftItems;
      this.state.lastReason = reason;
      this.state.mode = null;
      this.state.errors.delete(item.key);
      this.say(`${item.key} rejected: ${reason}. ${this.draft.pendingCount} left to decide.`);
      this.nextPending();
    } catch (error) {
      this.state.errors.set(item.key, messageOf(error));
      this.say(`${item.key} was not rejected: ${messageOf(error)}`);
    } finally {
      this.state.busy = false;
    }
    this.render(true);
  }

  private async relink(m: ReviewMentionFragment, party: string | null, result: HTMLElement) {
    const key = editorKey;
    if (!key) return;
    result.textContent = 'Relinking…';
    try {
      await request(ReviewLinkMentionDocument, { input: { mention: m.id, party, asNew: party ? null : true } }, key);
      const data = await request(ReviewDraftByIdDocument, { id: this.draft.id }, key);
      if (!this.root.isConnected || !data.draft) return;
      this.state.draft = data.draft;
      this.say(`${m.name} now ${party ? `links to ${party}` : 'is a new party'}; the items that name it follow.`);
      this.render();
      this.root.querySelector<HTMLElement>(`#relink-${m.key}`)?.focus();
    } catch (error) {
      result.textContent = `Not relinked: ${messageOf(error)}`;
      result.className = 'relink-result error';
    }
  }

  /** Where an accepted fact now appears: its parties' pages and the disputes they are sides of. */
  private async findPlaces(item: ReviewItemFragment, entry: Entry) {
    const key = editorKey;
    if (!key) return;
    let parties: string[] = [];
    try {
      if (item.kind === 'UPDATE' && item.targetSlug) {
        const fact = await request(ReviewUpdatedFactDocument, { slug: item.targetSlug }, key);
        const slugs = (list: readonly { slug?: string }[]) => list.map((p) => p.slug).filter((s): s is string => !!s);
        if (fact.lawsuit) parties = [...slugs(fact.lawsuit.plaintiffs), ...slugs(fact.lawsuit.defendants)];
        else if (fact.sanction) parties = slugs([fact.sanction.target]);
      } else {
        for (const field of PARTY_FIELDS) {
          const value = entry[field];
          for (const slug of Array.isArray(value) ? value : value == null ? [] : [value]) if (typeof slug === 'string') parties.push(slug);
        }
      }
      parties = [...new Set(parties)].slice(0, 4);
      const disputes = new Map<string, string>();
      // A new fact is on the pages of the disputes it joined; an updated one, on its parties' disputes'.
      if (item.kind === 'NEW') for (const d of item.disputes) disputes.set(d.slug, d.title);
      else
        for (const party of parties) {
          const data = await request(ReviewPlacesDocument, { party }, key);
          for (const e of data.disputes.edges) disputes.set(e.node.slug, e.node.title);
        }
      if (!this.root.isConnected) return;
      const links: Child[] = [];
      for (const [slug, title] of disputes) links.push(links.length ? ' · ' : '', h('a', { href: `#/dispute/${encodeURIComponent(slug)}` }, title));
      const partyLinks: Child[] = parties.flatMap((slug, i) => [
        i ? ', ' : '',
        h('a', { href: `#/party/${encodeURIComponent(slug)}` }, this.nameOf(slug) ?? slug),
      ]);
      this.state.places.set(
        item.key,
        h(
          'p',
          { class: 'item-places' },
          links.length ? 'Now on the dispute pages: ' : '',
          ...links,
          links.length && partyLinks.length ? '; ' : '',
          partyLinks.length ? 'and the pages of ' : '',
          ...partyLinks,
          links.length || partyLinks.length ? '.' : '',
        ),
      );
      this.renderItem(item.key);
    } catch {
      // The links are a convenience: the fact is written either way.
    }
  }
}

// ---------- routing ----------

/** `#/review` (arg empty) or `#/review/DRAFT_ID`, rendered into `main`. */
export async function renderReview(main: HTMLElement, arg: string): Promise<void> {
  const root = h('section', { class: 'review', 'aria-labelledby': 'review-h' });
  main.replaceChildren(root);
  const again = () => {
    if (root.isConnected) void renderReview(main, arg);
  };
  if (!editorKey) {
    setTitle('Review drafts');
    root.replaceChildren(
      h('h2', { id: 'review-h' }, 'Review drafts'),
      h('p', {}, 'Editors read drafted reports here: each name linked to a party we know, each candidate fact with its quote, to accept, correct or reject.'),
      keyForm(again),
    );
    return focusHeading(root);
  }
  if (!arg) {
    setTitle('Review drafts');
    root.replaceChildren(keyBar(again), h('h2', { id: 'review-h' }, 'Review drafts'), draftForm(root), draftList(root));
    return focusHeading(root);
  }
  root.replaceChildren(h('p', { role: 'status' }, 'Loading the draft…'));
  let draft: ReviewDraftFragment | null | undefined;
  try {
    draft = (await request(ReviewDraftByIdDocument, { id: arg }, editorKey)).draft;
  } catch (error) {
    if (!root.isConnected) return;
    root.replaceChildren(
      keyBar(again),
      h('h2', { id: 'review-h' }, 'Review'),
      h('p', { class: 'error', role: 'alert' }, `The draft could not be read: ${messageOf(error)}`),
    );
    return focusHeading(root);
  }
  if (!root.isConnected) return;
  if (!draft) {
    setTitle('No such draft');
    root.replaceChildren(keyBar(again), h('h2', { id: 'review-h' }, 'No such draft'), h('p', {}, h('a', { href: '#/review' }, 'See every draft.')));
    return focusHeading(root);
  }
  root.setAttribute('aria-labelledby', 'review-draft-h');
  const view = new DraftView(root, draft, () => {
    location.hash = '#/review';
  });
  view.mount();
}
