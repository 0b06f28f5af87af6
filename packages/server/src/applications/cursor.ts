/**
 * The opaque cursor of a page of applications: where the previous page ended in the
 * list's order (last change descending, then id descending), as base64url JSON.
 */
import { ApiError } from '../api-error.js';

/** The place of an application in the list. */
export interface ApplicationPosition {
  updatedAt: number;
  id: string;
}

export function encodeCursor({ updatedAt, id }: ApplicationPosition): string {
  return Buffer.from(JSON.stringify([updatedAt, id])).toString('base64url');
}

/**
 * The position a cursor names.
 *
 * @throws {ApiError} `validation_failed` at `cursor` when it was not made by {@link encodeCursor}
 */
export function decodeCursor(cursor: string): ApplicationPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 2 && Number.isInteger(decoded[0]) && typeof decoded[1] === 'string') {
    return { updatedAt: decoded[0] as number, id: decoded[1] };
  }
  throw new ApiError('validation_failed', {
    errors: [{ field: 'cursor', code: 'invalid', message: 'Список изменился или ссылка устарела: откройте список заявлений заново' }],
  });
}
