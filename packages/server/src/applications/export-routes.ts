/**
 * The citizen's history of applications to download: CSV for Excel, and PDF; and the
 * printable copy of one application. For citizens only (an operator's account is `forbidden`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { applicationsCsv } from '../applications/export-csv.js';
import { fullName } from '../accounts/accounts.js';
import type { AppContext } from '../context.js';
import { citizenProblems, IdParams, problemResponses } from '../http/openapi.js';
import { copyContent } from './copy-pdf.js';

const tags = ['applications'];

export const applicationExportRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, applications, pdfExports, catalog, documents } = context;
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

  app.get(
    '/applications/:id/copy.pdf',
    {
      schema: {
        operationId: 'getApplicationCopyPdf',
        tags,
        summary: 'A printable copy of one application',
        description:
          'What the citizen submitted, to print or keep: the service, number, date submitted and status, the answers by the steps of the service’s form with their labels (dates ДД.ММ.ГГГГ, the options’ labels, «Да»/«Нет», «Не указано» when empty), the attached documents by what they are, and the history; times in `TIME_ZONE`. Another citizen’s application is `not_found`. Drawn in a worker thread under the rules of `export.pdf`.',
        security: [{ session: [] }],
        params: IdParams,
        response: {
          200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
          ...problemResponses('not_found', 'validation_failed', ...citizenProblems, 'server_unavailable', 'internal'),
        },
      },
    },
    async (request, reply) => {
      const { account } = guard.citizenOf(request);
      const { id } = request.params;
      const pdf = await pdfExports.copyPdf(account.id, id, async () => {
        const application = await applications.get(account.id, id);
        const [service, vault] = await Promise.all([catalog.get(application.serviceId), documents.list(account.id, { applicationId: id })]);
        return copyContent(fullName(account) ?? '—', application, service, vault.documents);
      });
      const name = (application: string) => `copy-${application.replace(/[^\w-]/g, '_')}.pdf`;
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name(id)}"`).send(pdf as unknown as string);
    },
  );
};
