/**
 * The tus 1.0 endpoint of resumable uploads (documents/uploads.ts does the work). tus sends
 * the bytes as `application/offset+octet-stream`: that body is handed on unread, as a
 * stream, never buffered. `OPTIONS` (what the server supports) needs no session; the
 * others need a citizen's (an МФЦ operator's account is `forbidden`), and `POST`, `PATCH`
 * and `DELETE` its CSRF token, like every change.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { sessionIdleHeader, uploadDocumentHeader } from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { citizenProblems, IdParams, problemResponses } from '../http/openapi.js';

const tags = ['uploads'];

/** The headers of tus requests a page on another allowed origin sends (allowed by the API's CORS preflight). */
export const tusRequestHeaders = ['tus-resumable', 'upload-length', 'upload-defer-length', 'upload-offset', 'upload-metadata', 'upload-concat'];

/** The headers of tus answers such a page reads. */
const tusResponseHeaders = ['location', 'tus-resumable', 'tus-version', 'tus-extension', 'tus-max-size', 'upload-offset', 'upload-length', 'upload-expires', uploadDocumentHeader];

const protocol =
  'tus 1.0 (https://tus.io/protocols/resumable-upload): core, creation, creation-with-upload, creation-defer-length, termination, expiration; every request but OPTIONS carries `Tus-Resumable: 1.0.0`. Failures are problem+json with the tus status.';

export const uploadRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, uploads } = context;
  app.addContentTypeParser('application/offset+octet-stream', (_request, payload, done) => done(null, payload));
  // A page on another allowed origin (CORS answered it already) may read the tus headers of these answers.
  app.addHook('onSend', async (_request, reply) => {
    if (reply.hasHeader('access-control-allow-origin')) reply.header('access-control-expose-headers', [sessionIdleHeader, ...tusResponseHeaders].join(', '));
  });

  app.options(
    '/uploads',
    {
      schema: {
        operationId: 'getUploadOptions',
        tags,
        summary: 'What the upload endpoint supports (tus)',
        description: `${protocol} Answers \`Tus-Version\`, \`Tus-Extension\` and \`Tus-Max-Size\`.`,
        response: { 204: z.undefined() },
      },
    },
    (request, reply) => uploads.handle(request, reply, undefined),
  );

  await app.register(async (signed) => {
    signed.addHook('onRequest', guard.citizen);

    signed.post(
      '/uploads',
      {
        schema: {
          operationId: 'createUpload',
          tags,
          summary: 'Start an upload (tus creation)',
          description: `${protocol} \`Upload-Length\` (or \`Upload-Defer-Length: 1\`) and \`Upload-Metadata\`: \`filename\` and \`kind\` are required; \`applicationId\` with \`fieldId\` apply the limits of that documents field of the citizen’s draft (or application that needs information); \`filetype\` is ignored. Without them a file may be PDF, JPG or PNG up to 5 MB. A declared length over the limit is \`file_too_large\` at once. An account with \`MAX_OPEN_UPLOADS\` unfinished uploads, or whose vault (its documents and unfinished uploads) would pass \`MAX_VAULT_DOCUMENTS\` or \`MAX_VAULT_BYTES\`, is \`limit_reached\` (409). Answers 201 with \`Location\` and \`Upload-Expires\`; with a body (\`Content-Type: application/offset+octet-stream\`) the bytes are taken at once.`,
          security: [{ session: [], csrf: [] }],
          response: {
            201: z.undefined(),
            ...problemResponses('validation_failed', 'malformed_request', 'file_too_large', 'file_type_not_allowed', 'not_found', 'conflict', 'limit_reached', ...citizenProblems),
          },
        },
      },
      (request, reply) => uploads.handle(request, reply, guard.citizenOf(request).account),
    );

    signed.route({
      method: 'HEAD',
      url: '/uploads/:id',
      schema: {
        operationId: 'getUploadOffset',
        tags,
        summary: 'How much of an upload has arrived',
        description: `${protocol} \`Upload-Offset\`, \`Upload-Length\`, \`Upload-Expires\`. A finished upload answers its full length and names its document in \`Cabinet-Document-Id\`. Another account’s upload is \`not_found\`; an expired one \`upload_expired\` (410).`,
        security: [{ session: [] }],
        params: IdParams,
        response: { 200: z.undefined(), ...problemResponses('not_found', 'upload_expired', ...citizenProblems) },
      },
      handler: (request, reply) => uploads.handle(request, reply, guard.citizenOf(request).account),
    });

    signed.patch(
      '/uploads/:id',
      {
        schema: {
          operationId: 'appendUpload',
          tags,
          summary: 'Send the next bytes of an upload',
          description: `${protocol} \`Upload-Offset\` must equal the bytes received so far (\`HEAD\` tells), otherwise \`conflict\` (409). When the last byte arrives the file is checked by its bytes (its signature, then a PDF, JPG or PNG must parse or decode as one): refused (\`file_type_not_allowed\`, \`file_too_large\`, saying why) it is deleted; accepted it is cut to its own end (bytes after a PNG’s \`IEND\`, a JPEG’s \`EOI\` or a PDF’s last \`%%EOF\` are not kept) and becomes a document of the vault, named in \`Cabinet-Document-Id\`, unless the vault is full by then (\`limit_reached\`: the upload is deleted).`,
          security: [{ session: [], csrf: [] }],
          params: IdParams,
          response: {
            204: z.undefined(),
            ...problemResponses('not_found', 'conflict', 'limit_reached', 'upload_expired', 'malformed_request', 'file_too_large', 'file_type_not_allowed', ...citizenProblems),
          },
        },
      },
      (request, reply) => uploads.handle(request, reply, guard.citizenOf(request).account),
    );

    signed.delete(
      '/uploads/:id',
      {
        schema: {
          operationId: 'cancelUpload',
          tags,
          summary: 'Cancel an upload (tus termination)',
          description: `${protocol} Its bytes are deleted. A finished upload is \`conflict\`: delete its document instead.`,
          security: [{ session: [], csrf: [] }],
          params: IdParams,
          response: { 204: z.undefined(), ...problemResponses('not_found', 'conflict', 'upload_expired', ...citizenProblems) },
        },
      },
      (request, reply) => uploads.handle(request, reply, guard.citizenOf(request).account),
    );
  });
};
