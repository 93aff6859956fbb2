import { BadUserInputError, echo } from '../../common/errors';

const PREFIX = 'change:';

/** A change's place in the feed, opaque to clients: base64url of `change:<id>`. */
export function encodeChangeCursor(id: number): string {
  return Buffer.from(PREFIX + id, 'utf8').toString('base64url');
}

/** The change row id a cursor names; a client's bad cursor is BAD_USER_INPUT (code INVALID_CURSOR in the feed). */
export function decodeChangeCursor(cursor: string, argument = 'since'): number {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^change:(0|[1-9]\d{0,14})$/.exec(decoded);
  if (!match) throw new InvalidChangeCursorError(cursor, argument);
  return Number(match[1]);
}

export class InvalidChangeCursorError extends BadUserInputError {
  constructor(cursor: string, argument: string) {
    super(`${echo(cursor)} is not a valid change cursor: pass a \`cursor\` or \`endCursor\` of the change feed`, { argument });
  }
}
