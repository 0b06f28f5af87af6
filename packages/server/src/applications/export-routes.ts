/** The citizen's history of applications to download: CSV for Excel, and PDF; for citizens only (an operator's account is `forbidden`). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { applicationsCsv } from '../applications/export-csv.js';
import { fullName } from '../accounts/accounts.js';
import type { AppContext } from '../context.js';
import { citizenProblems, problemResponses } from '../http/openapi.js';

const tags = ['applications'];

export const applicationExportRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, applications, pdfExports } = context;
  app.addHook('onRequest', guard.citizen);

  app.get(
    '/applications/export.csv',
    {
      schema: {
        operationId: 'exportApplicationsCsv',
        tags,
        summary: "The citizen's applications as CSV",
        description: 'UTF-8 with a byte order mark and `;` between values, as Excel opens it; newest first.',
        security: [{ session: [] }],
        response: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...problemResponses(...citizenProblems) },
      },
    },
    async (request, reply) => {
      const csv = applicationsCsv(await applications.all(guard.citizenOf(request).account.id));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="applications.csv"')
        .serializer((payload: string) => payload)
        .send(csv);
    },
  );

  app.get(
    '/applications/export.pdf',
    {
      schema: {
        operationId: 'exportApplicationsPdf',
        tags,
        summary: "The citizen's applications and their histories as PDF",
        description:
          'Drawn in a worker thread, one at a time per account: a second request while one is drawn is `rate_limited` with `Retry-After`. While the applications do not change, the same document is answered again (its «Сформировано» is when it was first drawn). A drawing over `PDF_EXPORT_TIMEOUT_SECONDS` is `server_unavailable`.',
        security: [{ session: [] }],
        response: {
          200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
          ...problemResponses(...citizenProblems, 'server_unavailable', 'internal'),
        },
      },
    },
    async (request, reply) => {
      const { account } = guard.citizenOf(request);
      const pdf = await pdfExports.pdf({ id: account.id, name: fullName(account) ?? '—' });
      // Bytes, sent as they are; the schema above only documents them.
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="applications.pdf"').send(pdf as unknown as string);
    },
  );
};
