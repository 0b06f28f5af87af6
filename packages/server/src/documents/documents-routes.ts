/**
 * The citizen's document vault: the list, one document, its file, deleting it, and
 * attaching it to (or taking it off) an application. Files arrive through the tus uploads
 * (routes/uploads.ts). Every route needs a citizen's session (an МФЦ operator's account
 * is `forbidden`), and changes need the CSRF token; another citizen's document is
 * `not_found`.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { fileMimeTypes } from '@mfc-cabinet/core/file-signatures';
import { Application, AttachDocumentRequest, DetachDocumentRequest, VaultDocument, VaultDocumentList } from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { attachment } from '../documents/names.js';
import type { DocumentContent } from './vault.js';
import { bodyProblems, citizenProblems, IdParams, problemResponses } from '../http/openapi.js';

const tags = ['documents'];
const security = [{ session: [], csrf: [] }];

const DocumentQuery = z.object({
  kind: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  applicationId: z.optional(z.string().check(z.maxLength(100))),
});

/** The file of a document, downloaded under its name; never shown inline, never cached. */
export function sendDocument(reply: FastifyReply, { name, size, fileType, stream }: DocumentContent): FastifyReply {
  return reply
    .type(fileMimeTypes[fileType])
    .header('content-length', String(size))
    .header('content-disposition', attachment(name))
    .header('cache-control', 'private, no-store')
    .send(stream);
}

/** What the OpenAPI document says of a file answer. */
export const fileResponse = {
  description: 'The file, as an attachment; its type is the one its bytes showed',
  content: Object.fromEntries(Object.values(fileMimeTypes).map((type) => [type, { schema: z.string() }])),
};

export const documentRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, documents } = context;
  app.addHook('onRequest', guard.citizen);

  app.get(
    '/documents',
    {
      schema: {
        operationId: 'listDocuments',
        tags,
        summary: "The citizen's documents, newest first",
        description:
          'Uploads and the results an МФЦ issued (kind `result`). Filters: `kind`; `applicationId` — the documents attached to that application of the citizen and the results issued for it.',
        security: [{ session: [] }],
        querystring: DocumentQuery,
        response: { 200: VaultDocumentList, ...problemResponses('validation_failed', ...citizenProblems) },
      },
    },
    (request) => documents.list(guard.citizenOf(request).account.id, request.query),
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        operationId: 'getDocument',
        tags,
        summary: 'One document of the vault',
        description: 'Another citizen’s document is `not_found`.',
        security: [{ session: [] }],
        params: IdParams,
        response: { 200: VaultDocument, ...problemResponses('not_found', 'validation_failed', ...citizenProblems) },
      },
    },
    (request) => documents.get(guard.citizenOf(request).account.id, request.params.id),
  );

  app.get(
    '/documents/:id/content',
    {
      schema: {
        operationId: 'getDocumentContent',
        tags,
        summary: 'Download the file of a document',
        description:
          'Only the owner downloads it here (operators use `/operator/applications/{id}/documents/{documentId}/content`). The `Content-Type` is the one the bytes showed; `Content-Disposition: attachment` with the document’s name.',
        security: [{ session: [] }],
        params: IdParams,
        response: { 200: fileResponse, ...problemResponses('not_found', 'validation_failed', ...citizenProblems) },
      },
    },
    async (request, reply) => sendDocument(reply, await documents.content(guard.citizenOf(request).account.id, request.params.id)),
  );

  app.delete(
    '/documents/:id',
    {
      schema: {
        operationId: 'deleteDocument',
        tags,
        summary: 'Delete a document from the vault',
        description:
          'It leaves every draft it was attached to. An application submitted with it keeps it for the МФЦ (so does an application a result was issued for): then it only leaves the vault; otherwise its file is deleted.',
        security,
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses('not_found', 'validation_failed', ...citizenProblems) },
      },
    },
    async (request, reply) => {
      await documents.remove(guard.citizenOf(request).account.id, request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/documents/:id/attach',
    {
      schema: {
        operationId: 'attachDocument',
        tags,
        summary: 'Attach a document to a documents field of an application',
        description:
          'The application must be the citizen’s draft, or need information and have asked for this document (its kind among `requested.documents`, or the field among `requested.fields`); otherwise `conflict`. The document must fit the field’s limits (`file_type_not_allowed`, `file_too_large`). Attaching it again changes nothing. Answers the application.',
        security,
        params: IdParams,
        body: AttachDocumentRequest,
        response: {
          200: Application,
          ...problemResponses('not_found', 'conflict', 'file_too_large', 'file_type_not_allowed', ...citizenProblems, ...bodyProblems),
        },
      },
    },
    (request) => {
      const { applicationId, fieldId } = request.body;
      return documents.attach(guard.citizenOf(request).account.id, request.params.id, applicationId, fieldId);
    },
  );

  app.post(
    '/documents/:id/detach',
    {
      schema: {
        operationId: 'detachDocument',
        tags,
        summary: 'Take a document off an application',
        description: 'From every documents field of the citizen’s draft (or of an application that needs information and asked for it). Not attached: nothing changes. Answers the application.',
        security,
        params: IdParams,
        body: DetachDocumentRequest,
        response: { 200: Application, ...problemResponses('not_found', 'conflict', ...citizenProblems, ...bodyProblems) },
      },
    },
    (request) => documents.detach(guard.citizenOf(request).account.id, request.params.id, request.body.applicationId),
  );
};
