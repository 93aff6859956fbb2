import http from 'node:http';
import https from 'node:https';
import { resolveWebhookTarget, type AddressPolicy, type Resolver } from './address-policy';

/** What one attempt gave: a status (any, 2xx meaning accepted) or an error before one came. */
export interface AttemptResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

export interface SendOptions {
  policy: AddressPolicy;
  resolve: Resolver;
  /** The whole attempt (resolving, connecting, the answer's head and the part of its body read) must end within this. */
  timeoutMs: number;
  /** CA certificates to trust besides the system's (tests with a local https receiver). */
  ca?: string | Buffer;
  /** Abandons the attempt (the server is stopping). */
  signal?: AbortSignal;
}

/** Bytes of a receiver's answer read (for the delivery log's error text); the rest is not read. */
export const MAX_RESPONSE_BYTES = 4096;
/** Characters of a receiver's answer kept in the delivery log. */
const MAX_ERROR_CHARS = 500;

/**
 * POSTs one delivery. The host is resolved once here and checked (address-policy.ts); the
 * connection goes to that very address, with the URL's host name in the Host header and as TLS
 * SNI (so the certificate is checked against the name). Redirects are not followed (a 3xx is a
 * failure), at most MAX_RESPONSE_BYTES of the answer are read, and the attempt is abandoned at its
 * deadline.
 */
export async function sendDelivery(url: URL, headers: Record<string, string>, body: string, options: SendOptions): Promise<AttemptResult> {
  const deadline = options.signal ? AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.signal]) : AbortSignal.timeout(options.timeoutMs);
  let address: string;
  try {
    address = await Promise.race([resolveWebhookTarget(url, options.policy, options.resolve), aborted(deadline)]);
  } catch (error) {
    return { ok: false, status: null, error: deadline.aborted ? `no answer within ${options.timeoutMs} ms (resolving)` : (error as Error).message };
  }
  const secure = url.protocol === 'https:';
  const isName = !/^\[|^\d+\.\d+\.\d+\.\d+$/.test(url.hostname);
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      deadline.removeEventListener('abort', onAbort);
      request.destroy();
      resolve(result);
    };
    const request = (secure ? https : http).request({
      method: 'POST',
      host: address,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) },
      // No pooled sockets: each attempt connects to the address it checked.
      agent: false,
      ...(secure ? { servername: isName ? url.hostname : undefined, ca: options.ca } : {}),
    });
    const onAbort = () => finish({ ok: false, status: null, error: `no answer within ${options.timeoutMs} ms` });
    deadline.addEventListener('abort', onAbort);
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, status: null, error: error.code ? `${error.code}: ${error.message}` : error.message }),
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let read = 0;
      const done = () => {
        const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_CHARS);
        if (status >= 200 && status < 300) finish({ ok: true, status, error: null });
        else if (status >= 300 && status < 400)
          finish({ ok: false, status, error: `redirect to ${response.headers.location ?? '(no location)'} not followed` });
        else finish({ ok: false, status, error: `HTTP ${status}${text ? `: ${text}` : ''}` });
      };
      response.on('data', (chunk: Buffer) => {
        if (read < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - read));
        read += chunk.length;
        if (read >= MAX_RESPONSE_BYTES) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(body);
  });
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}
