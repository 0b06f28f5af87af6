/**
 * The file types documents may have: a module of its own, so that the catalog's schemas
 * (which name them) do not bring the file checks of `file-signatures.ts` to a page.
 */
export const fileKinds = ['pdf', 'jpg', 'png', 'doc', 'docx'] as const;
export type FileKind = (typeof fileKinds)[number];
