import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Middleware } from './middleware';

/**
 * Response headers as one flat list — name, value, name, value … — the form in which node:http's
 * `writeHead` takes them all at once.
 *
 * Why: `setHeader` validates, lower-cases and stores each header as it is set, and every answer
 * here carries about twenty (request id, security, CORS, Apollo's). Set one by one they cost about
 * 10 µs of CPU per request, more than Apollo's execution of a small query; written by one
 * `writeHead` on a response with no header set yet, they are validated and written in one loop
 * (bench/results/latest.md, "Sixth pass").
 */
export type HeaderList = string[];

const HELD = Symbol('headers held for the answer');
type Holding = ServerResponse & { [HELD]?: HeaderList };

/**
 * A response with room for the held headers from the start (node:http's `ServerResponse` option of
 * `createServer`). Held on a plain response, they are a property added to it on every request,
 * which makes V8 move it to a new shape at run time (app.ts, ServedResponse).
 */
export class HeaderHoldingResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  [HELD]: HeaderList | undefined = undefined;
}

/** Holds the headers every answer to this request gets (whoever writes it) until it is written. */
export function holdHeaders(res: ServerResponse, headers: HeaderList): void {
  (res as Holding)[HELD] = headers;
}

/** Writes the status line and the headers: those held for the response, then `own`. */
export function writeHead(res: ServerResponse, status: number, own: HeaderList): void {
  const held = (res as Holding)[HELD];
  res.writeHead(status, held === undefined || held.length === 0 ? own : held.concat(own));
}

/**
 * For code that sets headers one at a time (Express's handlers, cors's preflight answer): the held
 * headers are set on the response now, and no longer held. A repeated name is appended, not replaced.
 */
export function setHeldHeaders(res: ServerResponse): void {
  const held = (res as Holding)[HELD];
  if (held === undefined) return;
  (res as Holding)[HELD] = undefined;
  for (let i = 0; i < held.length; i += 2) res.appendHeader(held[i], held[i + 1]);
}

/** What a middleware did to a response's headers: the headers it left set, and the names it removed. */
export interface RecordedHeaders {
  headers: HeaderList;
  removed: string[];
}

/**
 * Runs a middleware on `req` against a response that only records headers, and returns what it
 * set. For middleware whose headers are found once (helmet's) or once per distinct input (cors's,
 * per Origin), so that each request is spared running it. The middleware must finish synchronously
 * and touch nothing of the response but its headers; otherwise this throws (a thrown error, or one
 * passed to `next`, is thrown on).
 */
export function recordHeaders(middleware: Middleware, req: IncomingMessage): RecordedHeaders {
  const set = new Map<string, { name: string; values: string[] }>();
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name.toLowerCase(), { name, values: Array.isArray(value) ? value.map(String) : [String(value)] });
      return recorder;
    },
    getHeader(name: string) {
      const found = set.get(name.toLowerCase());
      return found && (found.values.length === 1 ? found.values[0] : found.values);
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
      removed.push(name);
    },
  };
  const refuse = (key: string | symbol): never => {
    throw new Error(`the middleware used res.${String(key)}: only its headers can be recorded`);
  };
  const response = new Proxy(recorder, {
    get: (target, key) => (key in target ? target[key as keyof typeof target] : refuse(key)),
    set: (_target, key) => refuse(key),
  });
  let finished = false;
  middleware(req, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished) throw new Error('the middleware did not finish synchronously: its headers cannot be recorded');
  const headers: HeaderList = [];
  for (const { name, values } of set.values()) for (const value of values) headers.push(name, value);
  return { headers, removed };
}
