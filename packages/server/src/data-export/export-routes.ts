/**
 * The citizen's data to download: everything the cabinet holds of them that they may see,
 * as JSON (for another service) and as PDF (to read and keep), before closing the account
 * or at any time (the right of access to one's personal data, 152-ФЗ art. 14). For
 * citizens only: an operator's account is `forbidden`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { Application, Profile, VaultDocument } from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { citizenProblems, problemResponses } from '../http/openapi.js';
import { accountPdfContent, readDataExport } from './content.js';

const tags = ['profile'];

const DataExport = z.object({
  format: z.literal('mfc-cabinet-data-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  profile: Profile,
  applications: z.array(Application),
  documents: z.array(VaultDocument),
});

export const dataExportRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, clock, applications, documents, pdfExports } = context;
  app.addHook('onRequest', guard.citizen);

  app.get(
    '/profile/export.json',
    {
      schema: {
        operationId: 'exportPersonalDataJson',
        tags,
        summary: "Everything the cabinet holds of the citizen, as JSON",
        description:
          'The profile, every application with its answers and history, and the documents of the vault (their list; each file downloads from `/documents/{id}/content`). `format` and `version` name the layout, so that another service can read it.',
        security: [{ session: [] }],
        response: { 200: DataExport, ...problemResponses(...citizenProblems) },
      },
    },
    async (request, reply) => {
      const data = await readDataExport(guard.citizenOf(request).account, { applications, documents }, clock.now());
      return reply.header('content-disposition', 'attachment; filename="cabinet-data.json"').send(data);
    },
  );

  app.get(
    '/profile/export.pdf',
    {
      schema: {
        operationId: 'exportPersonalDataPdf',
        tags,
        summary: "Everything the cabinet holds of the citizen, as PDF",
        description:
          'The same content as the JSON, to read: the profile, the documents (where each is), the applications and their histories. Drawn in a worker thread like the applications’ PDF, and under the same rules: one PDF of an account at a time (`rate_limited` with `Retry-After`), the same document again while the content does not change, `server_unavailable` past `PDF_EXPORT_TIMEOUT_SECONDS`.',
        security: [{ session: [] }],
        response: {
          200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
          ...problemResponses(...citizenProblems, 'server_unavailable', 'internal'),
        },
      },
    },
    async (request, reply) => {
      const { account } = guard.citizenOf(request);
      // What the PDF shows leaves out when it was asked for: the same data, the same document.
      const pdf = await pdfExports.accountPdf(account.id, async () => accountPdfContent(await readDataExport(account, { applications, documents }, clock.now())));
      // Bytes, sent as they are; the schema above only documents them.
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="cabinet-data.pdf"').send(pdf as unknown as string);
    },
  );
};
