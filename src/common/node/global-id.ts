import { BadUserInputError, echo } from '../errors';

/**
 * Global object IDs: base64url of `Type:databaseId`. Opaque to clients, but decodable here
 * so `node(id)` knows which table to read.
 */
export function encodeGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  type: string;
  id: number;
}

export function decodeGlobalId(globalId: string): DecodedGlobalId {
  const decoded = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const match = /^([A-Z][A-Za-z]*):([1-9]\d{0,15})$/.exec(decoded);
  if (!match) {
    throw new BadUserInputError(`${echo(globalId)} is not a valid ID: IDs are opaque strings returned by this API`, {
      argument: 'id',
    });
  }
  return { type: match[1], id: Number(match[2]) };
}
