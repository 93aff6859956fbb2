import type http from 'node:http';
import net, { isIPv6, type Socket } from 'node:net';
import type { Logger } from '../logger';

/** MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS and the socket timeouts (docs/connections-and-shutdown.md). */
export interface ConnectionSettings {
  /** Open sockets at once, from everyone. */
  max: number;
  /** Open sockets at once from one address (an IPv6 client: from its /64). */
  perAddress: number;
  /** A request's head (request line and headers) must be in within this long of its first byte, or of the socket's opening. */
  headersTimeoutMs: number;
  /** A keep-alive socket with no request in progress is closed after this long. */
  keepAliveTimeoutMs: number;
}

export interface ConnectionsOptions {
  logger: Logger;
  /** Whether an address is a trusted proxy (TRUST_PROXY): its sockets carry many clients, so only the total cap applies to them. */
  isTrustedProxy: (address: string) => boolean;
}

/**
 * How often node:http looks for sockets past their header or request timeout: that is how late
 * a timeout can fire (Node's default, 30 s, let a silent socket live ~40 s with a 10 s timeout).
 */
export function checkingIntervalFor(headersTimeoutMs: number): number {
  return Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4)));
}

/** The address a per-address cap counts: an IPv4 address as it is, an IPv6 one by its /64 (one client's usual allocation). */
export function addressKey(address: string): string {
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** How often a refused socket is logged at most (a flood would otherwise flood the log). */
const REFUSAL_LOG_EVERY_MS = 10_000;
/** While draining, how often keep-alive sockets that have gone idle are closed. */
const DRAIN_POLL_MS = 50;
/** How long after the drain starts a request arriving on an idle keep-alive socket is still read (and answered 503). */
const DRAIN_LINGER_MS = 250;

/**
 * The server's sockets: caps on how many are open (per address, and in all), and the drain at
 * shutdown.
 *
 * Caps. A socket over a cap is closed as soon as it is accepted, before anything is read from it:
 * answering it would mean reading a request, which is what the cap spares (a flood of idle sockets
 * from one address once took every file descriptor, and `/healthz` with them). The count is by
 * the socket's own peer address, never X-Forwarded-For: at the TCP level nothing else is known,
 * and a header can say anything. The sockets of a trusted proxy (TRUST_PROXY) carry many clients,
 * so only the total cap applies to them; the proxy owns per-client limits then.
 *
 * Drain. From `drain()` on, a new request is answered 503 SERVICE_UNAVAILABLE with
 * `Connection: close` and not run; every request admitted before gets its whole answer, with
 * `Connection: close` when its head is not sent yet; the port is closed (new connections are
 * refused by the system: nothing was sent, so a client can retry elsewhere), and idle keep-alive
 * sockets are closed after DRAIN_LINGER_MS, so a request a client is sending on one just now is
 * read (and answered 503) rather than cut. When every socket has closed, or the grace period is
 * over (then the rest are cut, and logged), it resolves.
 */
export class Connections {
  private readonly sockets = new Set<Socket>();
  private readonly byAddress = new Map<string, number>();
  private refusedSinceLog = 0;
  private lastRefusalLog = 0;
  private drained: Promise<void> | null = null;
  /** True from the start of the drain: new requests are refused. */
  draining = false;
  /** Sockets closed at once for being over a cap, since start. */
  refused = 0;

  constructor(
    private readonly server: http.Server,
    private readonly settings: ConnectionSettings,
    private readonly options: ConnectionsOptions,
  ) {
    server.headersTimeout = settings.headersTimeoutMs;
    server.keepAliveTimeout = settings.keepAliveTimeoutMs;
    // The check runs before node:http's own listener (the one http.Server adds when it is made),
    // so a refused socket costs no HTTP parser nor its listeners: a flood is refused cheaply.
    const [http1, ...others] = server.listeners('connection') as ((socket: Socket) => void)[];
    if (http1 && others.length === 0) {
      server.removeListener('connection', http1);
      server.on('connection', (socket: Socket) => {
        if (this.accept(socket)) http1.call(server, socket);
      });
    } else {
      server.on('connection', (socket: Socket) => void this.accept(socket));
    }
  }

  /** Sockets open now. */
  get open(): number {
    return this.sockets.size;
  }

  /** Counts a new socket in, or closes it when it is over a cap; whether it was taken. */
  private accept(socket: Socket): boolean {
    const address = socket.remoteAddress;
    if (address === undefined) {
      socket.destroy(); // already gone
      return false;
    }
    const key = this.options.isTrustedProxy(address) ? null : addressKey(address);
    const fromAddress = key === null ? 0 : (this.byAddress.get(key) ?? 0);
    if (this.sockets.size >= this.settings.max || fromAddress >= this.settings.perAddress) {
      this.refuse(socket, address, this.sockets.size >= this.settings.max ? 'MAX_CONNECTIONS' : 'MAX_CONNECTIONS_PER_ADDRESS');
      return false;
    }
    this.sockets.add(socket);
    if (key !== null) this.byAddress.set(key, fromAddress + 1);
    socket.once('close', () => {
      this.sockets.delete(socket);
      if (key === null) return;
      const left = (this.byAddress.get(key) ?? 1) - 1;
      if (left === 0) this.byAddress.delete(key);
      else this.byAddress.set(key, left);
    });
    return true;
  }

  private refuse(socket: Socket, address: string, cap: string): void {
    // A reset: the client knows at once, and the server keeps no closing socket (TIME_WAIT) per refusal.
    socket.resetAndDestroy();
    this.refused++;
    this.refusedSinceLog++;
    const now = Date.now();
    if (now - this.lastRefusalLog < REFUSAL_LOG_EVERY_MS) return;
    this.options.logger.warn(
      { address, cap, refused: this.refusedSinceLog, open: this.sockets.size, max: this.settings.max, perAddress: this.settings.perAddress },
      'connections refused: over a cap',
    );
    this.lastRefusalLog = now;
    this.refusedSinceLog = 0;
  }

  /** Stops taking requests and waits for the admitted ones to be answered (see the class comment). Called again, the same drain. */
  drain(graceMs: number): Promise<void> {
    this.drained ??= this.runDrain(graceMs);
    return this.drained;
  }

  private async runDrain(graceMs: number): Promise<void> {
    this.draining = true;
    // An answer whose head is not written yet is the socket's last: `Connection: close`.
    for (const socket of this.sockets) {
      const res = (socket as Socket & { _httpMessage?: http.ServerResponse | null })._httpMessage;
      if (res && !res.headersSent) res.shouldKeepAlive = false;
    }
    // The port closes (http.Server's own close would also cut the idle sockets at once: see below).
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(this.server, () => resolve()));
    // Timers that keep the process alive (not unref'd): with the port closed and the last socket gone,
    // an empty event loop would otherwise end the process here, before the database is closed.
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace'>((resolve) => (graceTimer = setTimeout(() => resolve('grace'), graceMs)));
    // A client may be sending on a keep-alive socket just now (one that got its answer a moment
    // ago sends its next request at once): for a while that request is read and answered 503.
    // Then the idle sockets close, and those that go idle later (a keep-alive answer begun before).
    if (this.sockets.size > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(DRAIN_LINGER_MS, graceMs)));
    const closeIdle = () => {
      this.server.closeIdleConnections();
      // Sockets that never sent a byte (closeIdleConnections leaves them to the header timeout).
      for (const socket of this.sockets) if (socket.bytesRead === 0 && !(socket as { _httpMessage?: unknown })._httpMessage) socket.destroy();
    };
    closeIdle();
    const poll = setInterval(() => setImmediate(closeIdle), DRAIN_POLL_MS);
    try {
      if ((await Promise.race([closed, graceOver])) === 'grace') {
        this.options.logger.warn({ sockets: this.sockets.size, graceMs }, 'shutdown grace period over: closing the sockets still open');
        this.server.closeAllConnections();
        await closed;
      }
    } finally {
      clearTimeout(graceTimer);
      clearInterval(poll);
      // http.Server's close: stops its timeout checks (the port is closed already).
      this.server.close();
    }
  }
}
