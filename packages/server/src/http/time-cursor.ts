/**
 * The cursor of a list read newest first by `(at, id)`: the last row of a page, opaque to
 * the client (base64url of `[at, id]`). A cursor the server did not make is refused with
 * `validation_failed` at `cursor`, in words that say which list to open again.
 */
import { ApiError } from '../api-error.js';

/** Where a page ended. */
export interface TimeCursor {
  at: number;
  id: string;
}

export function encodeTimeCursor({ at, id }: TimeCursor): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

/** @throws {ApiError} `validation_failed` at `cursor`, with `message`, when `cursor` is not one of {@link encodeTimeCursor} */
export function decodeTimeCursor(cursor: string, message: string): TimeCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 2 && Number.isInteger(decoded[0]) && typeof decoded[1] === 'string') {
    return { at: decoded[0] as number, id: decoded[1] };
  }
  throw new ApiError('validation_failed', { errors: [{ field: 'cursor', code: 'invalid', message }] });
}
