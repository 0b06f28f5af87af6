/**
 * The opaque cursor of a catalog page: where the previous page ended in the catalog's
 * order (popularity descending, then title, then id), as base64url JSON.
 */
import { ApiError } from '../api-error.js';

/** The place of a service in the catalog's order. */
export interface CatalogPosition {
  popularity: number;
  title: string;
  id: string;
}

export function encodeCursor({ popularity, title, id }: CatalogPosition): string {
  return Buffer.from(JSON.stringify([popularity, title, id])).toString('base64url');
}

/**
 * The position a cursor names.
 *
 * @throws {ApiError} `validation_failed` at `cursor` when it was not made by {@link encodeCursor}
 */
export function decodeCursor(cursor: string): CatalogPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 3) {
    const [popularity, title, id] = decoded as unknown[];
    if (Number.isInteger(popularity) && typeof title === 'string' && typeof id === 'string') {
      return { popularity: popularity as number, title, id };
    }
  }
  throw new ApiError('validation_failed', {
    errors: [{ field: 'cursor', code: 'invalid', message: 'Список изменился или ссылка устарела: откройте каталог заново' }],
  });
}
