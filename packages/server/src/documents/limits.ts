/** What files the vault takes: the limits of a documents field, the ceiling, and what a result may be. */
import type { FormField } from '@mfc-cabinet/core/catalog-schemas';
import { defaultMaxSize, fileLimits, type FileKind } from '@mfc-cabinet/core/file-signatures';

/** No documents field may take files larger than this, whatever its service says: 50 MB. */
export const uploadCeiling = 50 * 1024 * 1024;

/** What an МФЦ issues as a result: PDF, JPG or PNG up to 20 MB. */
export const resultLimits = { accept: ['pdf', 'jpg', 'png'] as FileKind[], maxSize: 20 * 1024 * 1024 };

/** Most documents one field holds (as the shared form validation says). */
export const maxPerField = 20;

/** The limits of a documents field, the defaults filled in and the ceiling applied. */
export interface Limits {
  accept: FileKind[];
  maxSize: number;
}

/** The limits of a documents field (or the defaults), at most {@link uploadCeiling}. */
export function limitsOf(field?: Pick<FormField, 'accept' | 'maxSize'>): Limits {
  const { accept, maxSize } = fileLimits({ accept: field?.accept, maxSize: field?.maxSize ?? defaultMaxSize });
  return { accept: [...accept], maxSize: Math.min(maxSize, uploadCeiling) };
}
