// Live updates of the dispute page: a `disputeChanged` subscription over graphql-ws on the same
// server and path (the client is bundled by esbuild: nothing loads from elsewhere, and the page's
// Content-Security-Policy lets it connect only to itself). Each change is only a signal: the page
// reads the dispute again, as it would on a reload, so what it shows is always one consistent read.
import { createClient, type Client } from 'graphql-ws';
import { DisputeLiveDocument, type DisputeLiveSubscription } from './generated/graphql';

type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

const LABEL: Record<LiveState, string> = {
  connecting: 'Connecting for live updates…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  stopped: 'Not live',
};

/** Waits before reconnect attempt `retries` (0, 1, …): exponential from 1 s up to 30 s, with jitter so readers do not return all at once. */
export function backoffMs(retries: number, random = Math.random()): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(retries, 10)) * (0.5 + random / 2);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The route part of a hash (`#/dispute/SLUG?asOf=…` → ['dispute', 'SLUG']), as main.ts's router reads it. */
function routeOf(hash: string): [string, string] {
  const [, page = '', arg = ''] = /^#\/([a-z]*)\/?([^?]*)/.exec(hash) ?? [];
  try {
    return [page, decodeURIComponent(arg)];
  } catch {
    return [page, arg];
  }
}

/** Which of the page's <details> are open, by position, so a refresh does not fold what the reader unfolded. */
function openDetails(root: HTMLElement): number[] {
  return [...root.querySelectorAll('details')].flatMap((d, i) => (d.open ? [i] : []));
}

const words = (value: string) => value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** One dispute page's subscription, its indicator, and the refreshes it starts. */
class DisputeWatch {
  readonly indicator: HTMLElement;
  private readonly label: HTMLElement;
  private readonly client: Client;
  private unsubscribe: (() => void) | null = null;
  private refreshing: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;
  private readonly onHashChange = () => {
    const [page, slug] = routeOf(location.hash);
    if (page !== 'dispute' || slug !== this.slug) this.stop();
  };

  constructor(
    readonly slug: string,
    public refresh: () => Promise<void>,
  ) {
    this.label = document.createElement('span');
    this.label.className = 'live-label';
    // role=status is a polite live region: the state and each update are read out without moving focus.
    this.indicator = document.createElement('p');
    this.indicator.className = 'live';
    this.indicator.setAttribute('role', 'status');
    this.indicator.setAttribute('aria-live', 'polite');
    this.indicator.append(this.label);
    this.client = createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      lazy: true,
      lazyCloseTimeout: 0,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => sleep(backoffMs(retries)),
      on: {
        connecting: (isRetry) => this.show(isRetry ? 'reconnecting' : 'connecting'),
        connected: (_socket, _payload, wasRetry) => {
          this.failures = 0;
          this.show('live');
          // Changes made while the socket was down were not delivered: read the page again.
          if (wasRetry) this.changed(null);
        },
        closed: () => {
          if (!this.stopped) this.show('reconnecting');
        },
      },
    });
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('pagehide', () => this.stop(), { once: true });
    this.subscribe();
  }

  private subscribe(): void {
    if (this.stopped) return;
    this.show('connecting');
    this.unsubscribe = this.client.subscribe<DisputeLiveSubscription>(
      { query: DisputeLiveDocument.toString(), variables: { slug: this.slug } },
      {
        next: (result) => this.changed(result.data?.disputeChanged.change ?? null),
        error: (error) => void this.failed(error),
        complete: () => {
          if (!this.stopped) this.show('stopped');
        },
      },
    );
  }

  /**
   * A refusal of the subscription itself (the server's subscription cap, a fatal close code):
   * graphql-ws does not retry those, so this does, with the same backoff; an unknown dispute
   * (BAD_USER_INPUT) is final.
   */
  private async failed(error: unknown): Promise<void> {
    this.unsubscribe = null;
    if (this.stopped) return;
    const codes = Array.isArray(error) ? error.map((e: { extensions?: { code?: string } }) => e.extensions?.code) : [];
    if (codes.includes('BAD_USER_INPUT')) return this.show('stopped');
    this.show('reconnecting');
    await sleep(backoffMs(this.failures++));
    this.subscribe();
  }

  /** A change arrived (or may have been missed): one refresh at a time, and one more after it if others arrived meanwhile. */
  private changed(change: DisputeLiveSubscription['disputeChanged']['change'] | null): void {
    if (this.stopped) return;
    if (change) this.indicator.dataset.lastCursor = change.cursor;
    const what = change ? `${words(change.subjectType)}${change.field ? ` ${words(change.field)}` : ''} ${words(change.kind).replace(/_/g, ' ')}` : null;
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = this.refreshPage(what).finally(() => {
      this.refreshing = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.changed(null);
      }
    });
  }

  private async refreshPage(what: string | null): Promise<void> {
    // Someone typing in the page's form keeps what they typed: the refresh waits until they leave the field.
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (main && active instanceof HTMLInputElement && main.contains(active)) {
      await new Promise<void>((resolve) => active.addEventListener('blur', () => resolve(), { once: true }));
      if (this.stopped) return;
    }
    const open = main ? openDetails(main) : [];
    const scroll = window.scrollY;
    try {
      await this.refresh();
    } catch {
      this.show('live', 'Updating the page failed; it will try again at the next change.');
      return;
    }
    if (this.stopped || !main) return;
    const details = [...main.querySelectorAll('details')];
    for (const i of open) if (details[i]) details[i].open = true;
    window.scrollTo({ top: scroll });
    const at = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    this.show('live', `Updated at ${at}${what ? `: ${what}` : ''}.`);
    this.indicator.dataset.updates = String(Number(this.indicator.dataset.updates ?? 0) + 1);
  }

  private show(state: LiveState, note?: string): void {
    this.indicator.dataset.state = state;
    this.label.textContent = note ? `${LABEL[state]} · ${note}` : LABEL[state];
  }

  /** Leaves the page: unsubscribes and closes the socket. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    window.removeEventListener('hashchange', this.onHashChange);
    this.unsubscribe?.();
    void this.client.dispose();
    this.show('stopped');
    if (current === this) current = null;
  }
}

let current: DisputeWatch | null = null;

/**
 * Keeps the dispute page of `slug` live: subscribes (once per visit of the page: a refresh or an
 * as-of change of the same dispute keeps the subscription), calls `refresh` after each change, and
 * returns the live indicator to show on the page. Leaving the dispute's page unsubscribes.
 */
export function followDispute(slug: string, refresh: () => Promise<void>): HTMLElement {
  if (current && current.slug === slug) {
    current.refresh = refresh;
    return current.indicator;
  }
  current?.stop();
  current = new DisputeWatch(slug, refresh);
  return current.indicator;
}
