import type { IncomingMessage, ServerResponse } from 'node:http';

/** A middleware in the (req, res, next) style of Express, cors, helmet and body-parser, on plain node:http. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
