/**
 * The operator API of applications: moving one through its lifecycle. Needs the session of
 * an operator, checked before the body is read.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Application, ApplicationTransitionRequest } from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { bodyProblems, problemResponses, sessionProblems } from '../http/openapi.js';
import { ApplicationParams } from './applications.js';

export const operatorApplicationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, applications } = context;
  app.addHook('onRequest', guard.operator);

  app.post(
    '/operator/applications/:id/transitions',
    {
      schema: {
        tags: ['operator'],
        summary: 'Move an application to another status',
        description:
          'Allowed: submitted → in_review; in_review → needs_info, approved or rejected; needs_info → in_review; approved → ready_for_issue; ready_for_issue → completed. Anything else is `conflict`, naming both statuses. `needs_info` needs `requested`: at least one document, or field ids of the service’s form. The step is kept in the history with the officer and comment, and audited.',
        security: [{ session: [], csrf: [] }],
        params: ApplicationParams,
        body: ApplicationTransitionRequest,
        response: { 200: Application, ...problemResponses('not_found', 'conflict', 'forbidden', ...sessionProblems, ...bodyProblems) },
      },
    },
    (request) => applications.transition(guard.citizenOf(request).account, request.params.id, request.body, request.ip),
  );
};
