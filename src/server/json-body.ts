import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Middleware } from './middleware';

/** The content types of nearly every GraphQL POST: JSON, UTF-8 by default or by name. */
const PLAIN_JSON = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8']);

/**
 * `express.json`'s answer for the common request, reached without its generic machinery (media
 * type parsing, charset lookup, iconv decoding, raw-body's stream bookkeeping), which at a small
 * query costs as much as Apollo's whole pipeline. Taken only for a plain JSON type, a declared
 * length within the limit, no content or transfer encoding, and a body that is a UTF-8 JSON object
 * (the first byte `{`, no byte-order mark); every other request goes to `parser` (express.json)
 * itself, and so does a body this path could not parse, replayed to it, so that every error and
 * edge case — invalid JSON, a scalar under strict mode, a BOM, an empty body — gets body-parser's
 * own answer.
 */
export function fastJsonBody(limitBytes: number, parser: Middleware): Middleware {
  return (req, res, next) => {
    const headers = req.headers;
    const declared = headers['content-length'];
    const type = headers['content-type'];
    const length = declared !== undefined && /^\d{1,9}$/.test(declared) ? Number(declared) : NaN;
    if (
      !(length <= limitBytes) ||
      headers['transfer-encoding'] !== undefined ||
      headers['content-encoding'] !== undefined ||
      type === undefined ||
      !PLAIN_JSON.has(type.toLowerCase())
    ) {
      return parser(req, res, next);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    };
    const onEnd = () => {
      req.off('error', onError);
      const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received);
      if (bytes[0] === 0x7b /* { */ && received === length) {
        try {
          (req as { body?: unknown }).body = JSON.parse(bytes.toString('utf8'));
          return next();
        } catch {
          // body-parser's own error below
        }
      }
      replay(req, bytes, parser, res, next);
    };
    const onError = (error: Error) => {
      req.off('data', onData).off('end', onEnd);
      next(Object.assign(error, { status: 400, expose: true, type: 'request.aborted' }));
    };
    req.on('data', onData).once('end', onEnd).once('error', onError);
  };
}

/** The body already read, handed to `parser` as the request it came with. */
function replay(req: IncomingMessage, bytes: Buffer, parser: Middleware, res: Parameters<Middleware>[1], next: Parameters<Middleware>[2]): void {
  const again = Object.assign(Readable.from([bytes], { objectMode: false }), { headers: req.headers, method: req.method, url: req.url });
  parser(again as unknown as IncomingMessage, res, (error) => {
    (req as { body?: unknown }).body = (again as { body?: unknown }).body;
    next(error);
  });
}
