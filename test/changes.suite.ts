import { readFileSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../src/common/role.enum';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import { seedAll } from '../seeds/seed-all';
import { documentPrice } from '../src/server/query-limits';
import {
  bearer,
  createKey,
  describeOnPostgres,
  eventually,
  freshDatabaseUrl,
  openTestDatabase,
  SEED_DOCUMENT_PATH,
  startTestServer,
  type TestServer,
} from './helpers';
import { post, startServer, stop } from './server-process';
import { followUpReport, SEED_SUITS as SUITS, SETTLED_SENTENCE as SETTLED, withoutSaysWho } from '../bench/follow-up-report';

/**
 * The change feed: every accepted write records its changes; the feed reads them by cursor (GraphQL
 * and NDJSON, across a restart), and subscriptions over graphql-ws deliver them as they happen,
 * within the query limits and the subscription caps. Nothing here is timed: events are waited for
 * with generous limits and counted.
 */

const SEED = JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8'));
const DISPUTE = 'huawei-verizon-patents';
const OVER = 'the patent fight between the two companies is over';

function followUp(n: number) {
  const source = {
    slug: `2021-07-${String(20 + n).padStart(2, '0')}-huawei-verizon-settled`,
    title: 'Huawei and Verizon settle their patent suits',
    publisher: 'Test Wire',
    publishedOn: `2021-07-${String(20 + n).padStart(2, '0')}`,
    text: `Test Wire, July 2021. ${SETTLED} that Huawei filed against the carrier. With the settlement, ${OVER}.`,
  };
  const item = (key: string, slug: string) => withoutSaysWho(structuredClone(SEED[key].find((i: { slug: string }) => i.slug === slug)));
  return {
    source,
    lawsuits: SUITS.map((slug) => ({
      ...item('lawsuits', slug),
      status: 'SETTLED',
      quotes: [SETTLED],
      attribution: 'REPORTED',
      provenance: { status: { basis: 'STATED', quotes: [SETTLED] } },
    })),
    disputes: [{ ...item('disputes', DISPUTE), status: 'RESOLVED', quotes: [OVER], provenance: { status: { basis: 'STATED', quotes: [OVER] } } }],
  };
}

const IMPORT = 'mutation($input: JSONObject!) { importSource(input: $input) { status } }';
const PAGE = `query($since: String, $after: String, $first: Int, $party: String, $dispute: String) {
  changes(since: $since, after: $after, first: $first, party: $party, dispute: $dispute) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { cursor kind subjectType subject field value rank source actor action parties disputes } }
  } }`;

type Change = {
  cursor: string;
  kind: string;
  subjectType: string;
  field: string | null;
  value: string | null;
  source: string | null;
  actor: string;
  action: string;
  parties: string[];
  disputes: string[];
};

async function allChanges(server: TestServer, args: Record<string, unknown> = {}): Promise<Change[]> {
  const out: Change[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { errors?: unknown; data?: any } = await server.gql(PAGE, { ...args, after, first: 100 });
    expect(res.errors).toBeUndefined();
    out.push(...res.data.changes.edges.map((e: { node: Change }) => e.node));
    if (!res.data.changes.pageInfo.hasNextPage) return out;
    after = res.data.changes.pageInfo.endCursor;
  }
}

const origin = (server: TestServer) => server.url.replace(/\/graphql$/, '');

async function ndjson(server: TestServer, since?: string) {
  const res = await fetch(`${origin(server)}/changes.ndjson${since === undefined ? '' : `?since=${encodeURIComponent(since)}`}`);
  const body = await res.text();
  return { status: res.status, next: res.headers.get('x-next-since'), more: res.headers.get('x-more'), body, lines: body.split('\n').filter(Boolean) };
}

function wsClient(server: TestServer, connectionParams: Record<string, unknown> = {}, onClose?: (code: number) => void): Client {
  return createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClose?.((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
}

/** Subscribes; collects its results and errors. */
function collect(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: any[] = [];
  const errors: any[] = [];
  let completed = false;
  const dispose = client.subscribe({ query, variables }, { next: (r) => results.push(r), error: (e) => errors.push(e), complete: () => (completed = true) });
  return { results, errors, dispose, completed: () => completed };
}

describe('the change feed', () => {
  let server: TestServer;
  let url: string;
  let editor: Record<string, string>;
  let beforeImport: string;

  beforeAll(async () => {
    url = await freshDatabaseUrl();
    server = await startTestServer({ url, env: { CHANGES_NDJSON_MAX: '7' } });
    editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
  }, 180_000);
  afterAll(() => server.close());

  it('records what the seed created, each change with who it touches', async () => {
    const changes = await allChanges(server);
    expect(changes.length).toBeGreaterThan(100);
    const suit = changes.find((c) => c.kind === 'CREATED' && c.subjectType === 'Lawsuit')!;
    expect(suit.parties).toEqual(['huawei', 'verizon']);
    expect(suit.disputes).toEqual([DISPUTE]);
    expect(changes.filter((c) => c.kind === 'STATEMENT_ADDED').every((c) => c.source === '2020-02-06-huawei-verizon' && c.field && c.value)).toBe(true);
    beforeImport = changes.at(-1)!.cursor;
  });

  it('records an import in its transaction: statements added and deprecated, with source, actor and action', async () => {
    const res = await server.gql(IMPORT, { input: followUp(0) }, editor);
    expect(res.errors).toBeUndefined();
    const since = await allChanges(server, { since: beforeImport });
    const settled = since.filter((c) => c.kind === 'STATEMENT_ADDED' && c.subjectType === 'Lawsuit' && c.field === 'status');
    expect(settled.map((c) => c.value)).toEqual(['"SETTLED"', '"SETTLED"']);
    expect(settled.every((c) => c.actor === 'desk' && c.action === 'importSource' && c.source === '2021-07-20-huawei-verizon-settled')).toBe(true);
    expect(settled[0].disputes).toEqual([DISPUTE]);
    // Filters: every change of the dispute touches it; none of them touches the FCC's suit.
    const ofDispute = await allChanges(server, { since: beforeImport, dispute: DISPUTE });
    expect(ofDispute.length).toBeGreaterThan(0);
    expect(ofDispute.every((c) => c.disputes.includes(DISPUTE))).toBe(true);
    expect(await allChanges(server, { since: beforeImport, party: 'fcc' })).toEqual([]);
    const both = await allChanges(server, { since: beforeImport, party: 'verizon', dispute: DISPUTE });
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((c) => c.parties.includes('verizon') && c.disputes.includes(DISPUTE))).toBe(true);
  });

  it('records nothing for a refused write', async () => {
    const before = await allChanges(server, { since: beforeImport });
    const bad = followUp(0);
    bad.lawsuits[0].provenance = { status: { basis: 'STATED', quotes: ['a quote the source does not have'] } };
    bad.source = { ...bad.source, slug: 'refused-source' };
    const res = await server.gql(IMPORT, { input: bad }, editor);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await allChanges(server, { since: beforeImport })).toEqual(before);
  });

  it('refuses a bad cursor or an unknown slug with BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async () => {
    for (const args of [{ since: 'not-a-cursor' }, { after: 'bm9wZQ' }, { party: 'nobody-at-all' }, { dispute: 'no-such-dispute' }]) {
      const res = await server.gql(PAGE, args);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('streams NDJSON in bounded answers that resume by cursor, and an empty answer when nothing changed', async () => {
    const whole = await allChanges(server);
    const lines: Change[] = [];
    let since: string | undefined = undefined;
    let answers = 0;
    for (;;) {
      const answer = await ndjson(server, since);
      expect(answer.status).toBe(200);
      answers += 1;
      expect(answer.lines.length).toBeLessThanOrEqual(7);
      lines.push(...answer.lines.map((line) => JSON.parse(line)));
      if (answer.lines.length === 0) {
        expect(answer.body).toBe('');
        expect(answer.next).toBe(since);
        break;
      }
      expect(answer.next).toBe(lines.at(-1)!.cursor);
      since = answer.next!;
    }
    expect(answers).toBeGreaterThan(whole.length / 7);
    expect(lines.map((c) => c.cursor)).toEqual(whole.map((c) => c.cursor));
    expect(lines.map(({ subjectType, field, value, actor, parties, disputes }) => ({ subjectType, field, value, actor, parties, disputes }))).toEqual(
      whole.map(({ subjectType, field, value, actor, parties, disputes }) => ({ subjectType, field, value, actor, parties, disputes })),
    );
    const bad = await ndjson(server, '%%%');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps its cursors valid across a restart', async () => {
    const before = await allChanges(server, { since: beforeImport });
    await server.close();
    server = await startTestServer({ url, env: { CHANGES_NDJSON_MAX: '7' } });
    expect(await allChanges(server, { since: beforeImport })).toEqual(before);
    const res = await server.gql(IMPORT, { input: followUp(1) }, editor);
    expect(res.errors).toBeUndefined();
    const after = await allChanges(server, { since: before.at(-1)!.cursor });
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.action === 'importSource')).toBe(true);
  }, 180_000);
});

describe('subscriptions over graphql-ws', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let key: string;
  const clients: Client[] = [];
  const client = (params: Record<string, unknown> = {}, onClose?: (code: number) => void) => {
    const made = wsClient(server, params, onClose);
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    server = await startTestServer({
      url: await freshDatabaseUrl(),
      env: { SUBSCRIPTIONS_PER_CONNECTION: '2', SUBSCRIPTIONS_PER_CLIENT: '3', QUERY_MAX_DEPTH: '6' },
    });
    key = await createKey(server, Role.EDITOR, 'desk');
    editor = bearer(key);
  }, 180_000);
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
    await eventually(() => server.app.subscriptions.running === 0, 'subscriptions released');
  });
  afterAll(() => server.close());

  it('delivers a write to anonymous and keyed subscribers of the dispute, its parties and the feed, and not to others', async () => {
    const anonymous = client();
    const keyed = client({ authorization: `Bearer ${key}` });
    const dispute = collect(anonymous, 'subscription($s: String!) { disputeChanged(slug: $s) { change { kind field value } dispute { slug status } } }', {
      s: DISPUTE,
    });
    const party = collect(keyed, 'subscription { partyChanged(slug: "verizon") { change { kind subjectType } party { ... on Company { slug } } } }');
    const other = collect(keyed, 'subscription { changes(party: "fcc") { kind } }');
    await eventually(() => server.app.subscriptions.running === 3, 'three subscriptions running');
    const res = await server.gql(IMPORT, { input: followUp(0) }, editor);
    expect(res.errors).toBeUndefined();
    await eventually(() => dispute.results.some((r) => r.data?.disputeChanged.change.value === '"RESOLVED"'), 'the dispute resolved');
    await eventually(() => party.results.length >= 2, 'the party changes');
    expect(dispute.errors).toEqual([]);
    expect(dispute.results.every((r) => r.data.disputeChanged.dispute.slug === DISPUTE)).toBe(true);
    expect(dispute.results.at(-1).data.disputeChanged.dispute.status).toBe('RESOLVED');
    expect(party.results.every((r) => r.data.partyChanged.party.slug === 'verizon')).toBe(true);
    // Every change of the import that touches the dispute, counted against the feed.
    const feed = await server.gql('{ changes(dispute: "huawei-verizon-patents", first: 100) { edges { node { action } } } }');
    const imported = feed.data.changes.edges.filter((e: { node: { action: string } }) => e.node.action === 'importSource').length;
    await eventually(() => dispute.results.length === imported, 'every change of the dispute');
    expect(other.results).toEqual([]);
  });

  it('executes an event once for the subscriptions that ask the same thing, and sends each the same answer', async () => {
    const query = 'subscription($s: String!) { disputeChanged(slug: $s) { change { kind field value cursor } dispute { slug status } } }';
    const same = [client(), client()].map((c) => collect(c, query, { s: DISPUTE }));
    const other = collect(client(), query.replace('($s: String!)', '').replace('$s', `"${DISPUTE}"`));
    await eventually(() => server.app.subscriptions.running === 3, 'three subscriptions running');
    const count = async () => (await server.gql('query($d: String) { changes(dispute: $d, first: 1) { totalCount } }', { d: DISPUTE })).data.changes.totalCount;
    const before = await count();
    const executed = server.app.subscriptions.eventsExecuted;
    expect((await server.gql(IMPORT, { input: followUp(1) }, editor)).errors).toBeUndefined();
    const events = (await count()) - before;
    expect(events).toBeGreaterThan(0);
    await eventually(() => [...same, other].every((sub) => sub.results.length === events), 'every event to every subscription');
    // Two distinct documents: two executions per event, not three.
    expect(server.app.subscriptions.eventsExecuted - executed).toBe(2 * events);
    expect(same[0].results).toEqual(same[1].results);
    expect(other.results).toEqual(same[0].results);
  });

  it('refuses an unknown API key (4403) and an unknown slug (BAD_USER_INPUT)', async () => {
    let code = 0;
    const wrong = client({ authorization: 'Bearer not-a-key' }, (c) => (code = c));
    collect(wrong, 'subscription { changes { kind } }');
    await eventually(() => code !== 0, 'the socket closed');
    expect(code).toBe(4403);
    const sub = collect(client(), 'subscription { disputeChanged(slug: "no-such-dispute") { change { kind } } }');
    // Refused when it starts: an answer with the error, then complete.
    await eventually(() => sub.completed(), 'complete');
    expect(sub.results[0].errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('checks the query limits before a subscription starts', async () => {
    const deep = collect(
      client(),
      'subscription { disputeChanged(slug: "huawei-verizon-patents") { dispute { lawsuits { plaintiffs { ... on Company { lawsuits { plaintiffs { ... on Company { slug } } } } } } } } }',
    );
    await eventually(() => deep.errors.length > 0, 'a refusal');
    expect(deep.errors[0][0].message).toMatch(/depth limit of 6 exceeded, found 7/);
    const query = collect(client(), '{ __typename }');
    await eventually(() => query.errors.length > 0, 'a refusal');
    expect(server.app.subscriptions.running).toBe(0);
  });

  it('caps subscriptions per connection and per client', async () => {
    const one = client();
    const subs = [1, 2, 3].map(() => collect(one, 'subscription { changes { kind } }'));
    await eventually(() => subs[2].errors.length > 0, 'the third refused');
    expect(subs[2].errors[0][0].extensions.code).toBe('SUBSCRIPTION_LIMIT');
    const two = client();
    const more = [1, 2].map(() => collect(two, 'subscription { changes { kind } }'));
    await eventually(() => more[1].errors.length > 0, 'the fourth of the client refused');
    expect(more[1].errors[0][0].message).toMatch(/per client/);
    expect(server.app.subscriptions.running).toBe(3);
  });

  it('closes its sockets at shutdown (1001)', async () => {
    let code = 0;
    const c = wsClient(server, {}, (closedWith) => (code = closedWith));
    collect(c, 'subscription { changes { kind } }');
    await eventually(() => server.app.subscriptions.running === 1, 'subscribed');
    await server.close();
    await eventually(() => code !== 0, 'closed');
    expect(code).toBe(1001);
    server = await startTestServer({ url: await freshDatabaseUrl() });
  }, 180_000);
});

/** A report for the flood of writes below: the suits stated SETTLED or FILED again by a new source each time. */
const floodReport = (n: number) => followUpReport(SEED, n, { wire: 'Flood Wire', publishedOn: '2022-01-01' });

/** A large answer per event (the seed report's text, several times over), so that a few writes fill a socket. */
const HEAVY = `subscription { disputeChanged(slug: "${DISPUTE}") { change { cursor } dispute { citations { source { text } } lawsuits { citations { quote source { text } } } } } }`;
const MAX_BUFFERED = 64 * 1024;

describe('a slow consumer over a real socket', () => {
  let server: TestServer;
  let editor: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ url: await freshDatabaseUrl(), env: { SUBSCRIPTION_MAX_BUFFERED_BYTES: String(MAX_BUFFERED) } });
    editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
  }, 180_000);
  afterAll(() => server.close());

  it('closes a socket that stopped reading with 4420, its unsent bytes bounded, while the other subscribers keep receiving', async () => {
    const wss = (server.app.subscriptions as unknown as { wss: { clients: Set<WebSocket> } }).wss;
    // The slow consumer: a plain ws client, 20 subscriptions (the cap per connection) of a heavy answer.
    const slow = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const slowMessages: string[] = [];
    let slowClosed = 0;
    slow.on('close', (code) => (slowClosed = code));
    await new Promise<void>((resolve, reject) => {
      slow.on('error', reject);
      slow.on('open', () => slow.send(JSON.stringify({ type: 'connection_init' })));
      slow.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'connection_ack') {
          for (let i = 0; i < 20; i++) slow.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: HEAVY } }));
          slow.send(JSON.stringify({ type: 'ping' }));
        } else if (message.type === 'pong') resolve();
        else slowMessages.push(message.type);
      });
    });
    await eventually(() => server.app.subscriptions.running === 20, 'the slow client subscribed');
    // What the server writes to it: the largest unsent amount it ever has after a send, and the sends.
    expect(wss.clients.size).toBe(1);
    const serverSide = [...wss.clients][0];
    let sends = 0;
    let largest = 0;
    let maxBuffered = 0;
    const send = serverSide.send.bind(serverSide);
    serverSide.send = ((data: string, ...rest: never[]) => {
      sends += 1;
      largest = Math.max(largest, Buffer.byteLength(data));
      (send as (...a: unknown[]) => void)(data, ...rest);
      maxBuffered = Math.max(maxBuffered, serverSide.bufferedAmount);
    }) as typeof serverSide.send;

    // Another subscriber, reading.
    const healthy = collect(wsClient(server), `subscription { disputeChanged(slug: "${DISPUTE}") { change { cursor } } }`);
    await eventually(() => server.app.subscriptions.running === 21, 'the reading client subscribed');
    // The slow client stops reading: what the server sends piles up in the kernel, then in the server.
    (slow as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();

    let writes = 0;
    const feedCount = async () => (await allChanges(server, { dispute: DISPUTE })).length;
    const start = await feedCount();
    while (server.app.subscriptions.slowConsumersClosed === 0) {
      writes += 1;
      if (writes > 150) throw new Error(`no slow consumer closed after ${writes} writes (${sends} sends, ${maxBuffered} bytes buffered)`);
      const res = await server.gql(IMPORT, { input: floodReport(writes) }, editor);
      expect(res.errors).toBeUndefined();
      const total = (await feedCount()) - start;
      await eventually(() => healthy.results.length === total, `the reading subscriber has every change of write ${writes}`);
    }
    expect(server.app.subscriptions.slowConsumersClosed).toBe(1);
    const sendsAtClose = sends;
    // Bounded: never more unsent than the limit and the one message sent on top of it.
    expect(maxBuffered).toBeGreaterThan(MAX_BUFFERED);
    expect(maxBuffered).toBeLessThanOrEqual(MAX_BUFFERED + largest);
    // Its subscriptions are released, the other's is not, and it keeps receiving.
    await eventually(() => server.app.subscriptions.running === 1, 'the slow client released');
    const res = await server.gql(IMPORT, { input: floodReport(writes + 1) }, editor);
    expect(res.errors).toBeUndefined();
    const total = (await feedCount()) - start;
    await eventually(() => healthy.results.length === total, 'the reading subscriber has the change after the close');
    expect(healthy.errors).toEqual([]);
    expect(sends).toBe(sendsAtClose); // nothing more was sent to the closed socket
    // Reading again, the client finds what was sent before the close, then the close frame: 4420.
    (slow as unknown as { _socket: { resume(): void } })._socket.resume();
    await eventually(() => slowClosed !== 0, 'the slow socket closed');
    expect(slowClosed).toBe(4420);
    expect(slowMessages.filter((t) => t !== 'next')).toEqual([]);
    expect(slowMessages.length).toBeLessThanOrEqual(sendsAtClose);
    healthy.dispose();
  });
});

describe("subscriptions charged to the client's budget", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let reader: string;
  let clock = 1_000_000;
  const BUDGET = 5000;
  // A subscription with a real price: a page of the dispute's timeline on every event.
  const PRICED = `subscription { disputeChanged(slug: "${DISPUTE}") { change { cursor } dispute { timeline(first: 50) { edges { node { title } } } } } }`;

  beforeAll(async () => {
    // A clock that stands still: the budget refills only when the test moves it.
    server = await startTestServer({ url: await freshDatabaseUrl(), env: { CLIENT_COST_BUDGET: String(BUDGET) }, appOptions: { now: () => clock } });
    // The desk writes and reads the feed on a budget of its own, large enough for the whole test.
    const { key } = await server.app.database.write((manager) => new ApiKeyService(server.dataSource).create(manager, 'desk', Role.EDITOR, 1_000_000_000));
    editor = bearer(key);
    reader = await createKey(server, Role.VIEWER, 'reader');
  }, 180_000);
  afterAll(() => server.close());

  /** What the reader's key has left, from an HTTP answer (the probe's own charge is measured and taken out). */
  const remaining = async () => {
    const res: any = await server.gql('{ __typename }', {}, bearer(reader));
    return res.extensions.cost.budget.remaining as number;
  };

  it('charges the document and the operation at subscribe and the operation per event; over budget, RATE_LIMITED ends it', async () => {
    const r0 = await remaining();
    const probe = r0 - (await remaining());
    expect(probe).toBeGreaterThan(0);
    const r1 = r0 - probe;
    const client = wsClient(server, { authorization: `Bearer ${reader}` });
    const sub = collect(client, PRICED);
    await eventually(() => server.app.subscriptions.running === 1, 'subscribed');
    const r2 = await remaining();
    const atSubscribe = r1 - r2 - probe;
    const operation = atSubscribe - documentPrice(PRICED);
    expect(operation).toBeGreaterThan(100);

    // Two writes: each event delivered costs the operation's price.
    const feed = async () => {
      const res: any = await server.gql('query($d: String) { changes(dispute: $d, first: 1) { totalCount } }', { d: DISPUTE }, editor);
      return res.data.changes.totalCount as number;
    };
    const start = await feed();
    const write = async (n: number) => {
      expect((await server.gql(IMPORT, { input: floodReport(n) }, editor)).errors).toBeUndefined();
      const total = (await feed()) - start;
      await eventually(() => sub.errors.length > 0 || sub.results.length === total, `the events of write ${n}`);
    };
    await write(1);
    await write(2);
    expect(sub.errors).toEqual([]);
    expect(sub.results.length).toBeGreaterThan(1);
    const r3 = await remaining();
    expect(r2 - r3 - probe).toBe(sub.results.length * operation);

    // Writes until the budget cannot pay for the next event: the subscription ends with RATE_LIMITED.
    for (let n = 3; sub.errors.length === 0; n++) {
      if (n > 60) throw new Error('the subscription was never stopped by its budget');
      await write(n);
    }
    const [error] = sub.errors[0];
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    // What it was charged never went past the budget: every event it got was paid for.
    expect(sub.results.length * operation + atSubscribe).toBeLessThanOrEqual(BUDGET);
    await eventually(() => server.app.subscriptions.running === 0, 'released');
    // Subscribing again is refused while the budget is spent, and admitted once the minute has passed.
    const again = collect(client, PRICED);
    await eventually(() => again.errors.length > 0, 'refused');
    expect(again.errors[0][0].extensions.code).toBe('RATE_LIMITED');
    expect(server.app.subscriptions.running).toBe(0);
    clock += 60_000;
    const later = collect(client, PRICED);
    await eventually(() => server.app.subscriptions.running === 1, 'admitted after a minute');
    expect(later.errors).toEqual([]);
    await client.dispose();
  });
});

describeOnPostgres('subscriptions across instances (PostgreSQL LISTEN/NOTIFY)', () => {
  const children: Awaited<ReturnType<typeof startServer>>[] = [];
  let key = '';
  let url = '';

  beforeAll(async () => {
    url = await freshDatabaseUrl();
    const dataSource = await openTestDatabase({ url });
    await seedAll(dataSource);
    key = (await dataSource.transaction((manager) => new ApiKeyService(dataSource).create(manager, 'desk', Role.EDITOR))).key;
    await dataSource.destroy();
    for (let i = 0; i < 2; i++) children.push(await startServer({ DATABASE_URL: url, MAX_CONNECTIONS_PER_ADDRESS: '1000', CLIENT_COST_BUDGET: 'off' }));
  }, 180_000);
  afterAll(async () => {
    for (const child of children) await stop(child.child);
  });

  it('delivers a write made on one instance to the subscribers of the other', async () => {
    const [a, b] = children;
    const client = createClient({
      url: b.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    const got: any[] = [];
    let started = false;
    client.subscribe(
      { query: 'subscription { disputeChanged(slug: "huawei-verizon-patents") { change { kind field value action } dispute { status } } }' },
      { next: (r) => got.push(r), error: (e) => got.push({ error: e }), complete: () => undefined },
    );
    await new Promise<void>((resolve) => client.on('connected', () => ((started = true), resolve())));
    expect(started).toBe(true);
    // A first write proves the subscription is registered on B (it waits until one event arrives); the second is counted.
    const write = async (n: number) => {
      const response = await fetch(a.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: IMPORT, variables: { input: followUp(n) } }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    };
    const last = async () => {
      const page = await post(a.url, '{ changes(dispute: "huawei-verizon-patents", first: 100) { edges { cursor } } }');
      return page.body.data.changes.edges.at(-1).cursor as string;
    };
    await write(0);
    await eventually(() => got.length > 0, 'the first write on the other instance', 60_000);
    const first = (
      await post(a.url, '{ changes(dispute: "huawei-verizon-patents", first: 100) { edges { node { action } } } }')
    ).body.data.changes.edges.filter((e: { node: { action: string } }) => e.node.action === 'importSource').length;
    await eventually(() => got.length === first, 'every change of the first write', 60_000);
    const since = await last();
    got.length = 0;
    await write(1);
    const feed = await post(a.url, `{ changes(since: "${since}", dispute: "huawei-verizon-patents", first: 100) { edges { node { action } } } }`);
    const written = feed.body.data.changes.edges.length;
    expect(written).toBeGreaterThan(0);
    await eventually(() => got.length >= written, 'every change of the second write on the other instance', 60_000);
    expect(got.length).toBe(written);
    expect(got.every((r) => r.data?.disputeChanged.change.action === 'importSource')).toBe(true);
    await client.dispose();
  }, 120_000);
});
