/**
 * The operator API of documents: the documents of an application that was submitted (the
 * applicant's attached files and the results issued), downloading them, and issuing a
 * result, which appears in the applicant's vault with the kind `result`. Needs the session
 * of an operator, checked before the body is read.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { formatSize } from '@mfc-cabinet/core/file-signatures';
import { VaultDocument, VaultDocumentList } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import type { AppContext } from '../context.js';
import { resultLimits } from './limits.js';
import { errorHandler } from '../http/error-handler.js';
import { IdParams, problemResponses, sessionProblems } from '../http/openapi.js';
import { fileResponse, sendDocument } from './documents-routes.js';

const tags = ['operator'];

const DocumentOfApplicationParams = z.object({
  id: z.string().check(z.maxLength(100)),
  documentId: z.string().check(z.maxLength(100)),
});

const ResultQuery = z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) });

/** The types a result's bytes may be declared as; the bytes decide what it is. */
const resultTypes = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png'];

/** A result larger than the limit is `file_too_large`, saying the limit, rather than a generic `payload_too_large`. */
function resultErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.statusCode === 413 && !(error instanceof ApiError)) {
    return errorHandler(new ApiError('file_too_large', { detail: `Файл больше ${formatSize(resultLimits.maxSize)}` }) as unknown as FastifyError, request, reply);
  }
  return errorHandler(error, request, reply);
}

export const operatorDocumentRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, documents } = context;
  app.addHook('onRequest', guard.operator);
  app.addContentTypeParser(resultTypes, { parseAs: 'buffer', bodyLimit: resultLimits.maxSize }, (_request, body, done) => done(null, body));

  app.get(
    '/operator/applications/:id/documents',
    {
      schema: {
        operationId: 'listOperatorApplicationDocuments',
        tags,
        summary: 'The documents of a submitted application',
        description:
          'The files its documents fields attach (the applicant’s, also ones the applicant deleted from the vault since) and the results issued for it. A draft is `not_found`.',
        security: [{ session: [] }],
        params: IdParams,
        response: { 200: VaultDocumentList, ...problemResponses('not_found', 'forbidden', 'validation_failed', ...sessionProblems) },
      },
    },
    (request) => documents.ofApplication(request.params.id),
  );

  app.get(
    '/operator/applications/:id/documents/:documentId/content',
    {
      schema: {
        operationId: 'getOperatorApplicationDocumentContent',
        tags,
        summary: 'Download a document of a submitted application',
        description: 'Only a document the application holds: any other (another citizen’s, one not attached) is `not_found`.',
        security: [{ session: [] }],
        params: DocumentOfApplicationParams,
        response: { 200: fileResponse, ...problemResponses('not_found', 'forbidden', 'validation_failed', ...sessionProblems) },
      },
    },
    async (request, reply) => sendDocument(reply, await documents.contentForOperator(guard.citizenOf(request).account, request.params.id, request.params.documentId, request.ip)),
  );

  app.post(
    '/operator/applications/:id/results',
    {
      errorHandler: resultErrors,
      schema: {
        operationId: 'issueApplicationResult',
        tags,
        summary: 'Issue a result of an application',
        description: `The body is the file itself (\`Content-Type\`: ${resultTypes.join(', ')}), \`name\` its name. It must be a PDF, JPG or PNG by its bytes, and parse or decode as one (\`file_type_not_allowed\`; bytes after the file’s own end are cut off, and the document’s \`size\` is what was kept), up to ${formatSize(resultLimits.maxSize)} (\`file_too_large\`). It appears in the applicant’s vault with the kind \`result\`. A draft is \`not_found\`, a withdrawn application \`conflict\`.`,
        security: [{ session: [], csrf: [] }],
        params: IdParams,
        querystring: ResultQuery,
        response: {
          201: VaultDocument,
          ...problemResponses('not_found', 'conflict', 'forbidden', 'file_too_large', 'file_type_not_allowed', 'unsupported_media_type', 'validation_failed', ...sessionProblems),
        },
      },
    },
    async (request, reply) => {
      const body: unknown = request.body;
      if (!(body instanceof Uint8Array)) {
        throw new ApiError('unsupported_media_type', { detail: `Отправьте файл как ${resultTypes.join(', ')}` });
      }
      const document = await documents.issueResult(guard.citizenOf(request).account, request.params.id, request.query.name, body, request.ip);
      return reply.code(201).send(document);
    },
  );
};
