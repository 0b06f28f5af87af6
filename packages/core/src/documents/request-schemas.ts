/**
 * What the browser sends about documents. The server validates it; the SDK needs only the
 * types, so these live apart from the answers' schemas and stay out of browser bundles.
 */
import * as z from 'zod/mini';

const Id = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** Attach a document of the vault to a `documents` field of an application. */
export const AttachDocumentRequest = z.strictObject({ applicationId: Id, fieldId: Id });
export type AttachDocumentRequest = z.infer<typeof AttachDocumentRequest>;

/** Take a document off an application (from every `documents` field it is in). */
export const DetachDocumentRequest = z.strictObject({ applicationId: Id });
export type DetachDocumentRequest = z.infer<typeof DetachDocumentRequest>;

/**
 * The tus `Upload-Metadata` of a new upload (each value base64, as tus sends them):
 * - `filename`: the file's name; only its last part is kept, so folders and `..` are dropped;
 * - `kind`: what the document is (see `VaultDocument.kind`); `result` is reserved;
 * - `filetype`: the type the browser declares; ignored, the bytes decide;
 * - `applicationId` and `fieldId`, together: the documents field the file is meant for, whose
 *   limits (types, size) apply instead of the default PDF, JPG or PNG up to 5 MB. The
 *   application must be the citizen's draft, or need information. Other keys are ignored.
 */
export const UploadMetadata = z.object({
  filename: z.string().check(z.minLength(1), z.maxLength(1000)),
  kind: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  filetype: z.optional(z.nullable(z.string())),
  applicationId: z.optional(Id),
  fieldId: z.optional(Id),
});
export type UploadMetadata = z.infer<typeof UploadMetadata>;
