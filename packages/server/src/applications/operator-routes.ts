/**
 * The operator API of applications: the submitted ones of every citizen, one in full, and
 * moving one through its lifecycle. Needs the session of an operator, checked before the
 * body is read. Drafts stay the citizen's own: an operator never sees them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Application, ApplicationPage, ApplicationTransitionRequest } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import type { AppContext } from '../context.js';
import { bodyProblems, IdParams, problemResponses, sessionProblems } from '../http/openapi.js';
import { ApplicationQuery, parameterMessages } from './applications-routes.js';

export const operatorApplicationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, applications } = context;
  app.addHook('onRequest', guard.operator);

  app.get(
    '/operator/applications',
    {
      config: { fieldMessages: parameterMessages },
      schema: {
        operationId: 'listOperatorApplications',
        tags: ['operator'],
        summary: "Every citizen's submitted applications, most recently changed first",
        description:
          'The same filters and cursor as the citizen’s list (`status`, `serviceId`, `from`/`to`, `q` — the beginning of a tracking number). Drafts are never listed.',
        security: [{ session: [] }],
        querystring: ApplicationQuery,
        response: { 200: ApplicationPage, ...problemResponses('validation_failed', 'forbidden', ...sessionProblems) },
      },
    },
    (request) => applications.page(undefined, { ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/operator/applications/:id',
    {
      schema: {
        operationId: 'getOperatorApplication',
        tags: ['operator'],
        summary: 'A submitted application with its values and history',
        description: 'A draft is `not_found`: it is still the citizen’s own.',
        security: [{ session: [] }],
        params: IdParams,
        response: { 200: Application, ...problemResponses('not_found', 'forbidden', ...sessionProblems) },
      },
    },
    async (request) => {
      const application = await applications.get(undefined, request.params.id);
      if (application.status === 'draft') throw new ApiError('not_found', { detail: 'Заявление не найдено' });
      return application;
    },
  );

  app.post(
    '/operator/applications/:id/transitions',
    {
      schema: {
        operationId: 'transitionApplication',
        tags: ['operator'],
        summary: 'Move an application to another status',
        description:
          'Allowed: submitted → in_review; in_review → needs_info, approved or rejected; needs_info → in_review; approved → ready_for_issue; ready_for_issue → completed. Anything else is `conflict`, naming both statuses. `needs_info` needs `requested`: at least one document, or field ids of the service’s form. The step is kept in the history with the officer and comment, and audited.',
        security: [{ session: [], csrf: [] }],
        params: IdParams,
        body: ApplicationTransitionRequest,
        response: { 200: Application, ...problemResponses('not_found', 'conflict', 'forbidden', ...sessionProblems, ...bodyProblems) },
      },
    },
    (request) => applications.transition(guard.citizenOf(request).account, request.params.id, request.body, request.ip),
  );
};
