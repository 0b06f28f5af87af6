/**
 * Developer pages of demo and test modes: the outbox of one-time codes and notices that a
 * real deployment would send by SMS or e-mail. Absent in production mode.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { OtpChannel } from '@mfc-cabinet/core/schemas';
import { sendPage } from '../http/html.js';
import type { DevOutbox } from '../senders/dev-outbox.js';
import { outboxPage, outboxStylesheet } from './outbox-page.js';

const stylesheetPath = '/dev/outbox.css';

const OutboxQuery = z.object({ to: z.optional(z.string()) });
const OutboxEntries = z.array(
  z.object({
    at: z.string(),
    channel: OtpChannel,
    to: z.string(),
    /** `null` for a notice. */
    code: z.nullable(z.string()),
    purpose: z.string(),
    text: z.string(),
  }),
);

export const devRoutes: FastifyPluginAsyncZod<{ outbox: DevOutbox }> = async (app, { outbox }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/dev/outbox', (_request, reply) => sendPage(reply, 200, outboxPage(outbox.entries(), stylesheetPath)));

  app.get(stylesheetPath, (_request, reply) => reply.type('text/css; charset=utf-8').send(outboxStylesheet));

  /** The messages, newest first; `?to=` keeps those to one phone (any spelling) or e-mail. */
  app.get('/dev/outbox.json', { schema: { querystring: OutboxQuery, response: { 200: OutboxEntries } } }, (request) =>
    outbox.entries(request.query.to),
  );
};
