/**
 * The signed-in citizen's own catalog data: favourites, recently viewed services and saved
 * filter presets. Every route needs a session, which its use extends, and changes need the
 * CSRF token.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { CatalogPersonal, FilterPreset, FilterPresetRequest } from '@mfc-cabinet/core/catalog-schemas';
import type { AppContext } from '../context.js';
import { bodyProblems, IdParams, problemResponses, sessionProblems } from '../http/openapi.js';

const tags = ['catalog'];
const security = [{ session: [], csrf: [] }];

const ServiceParams = z.object({ serviceId: z.string().check(z.maxLength(100)) });
const RecentViewRequest = z.strictObject({ serviceId: z.string().check(z.minLength(1), z.maxLength(100)) });

export const catalogPersonalRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, personalCatalog } = context;
  app.addHook('onRequest', guard.signedIn);
  const accountOf = (request: Parameters<typeof guard.citizenOf>[0]) => guard.citizenOf(request).account.id;

  app.get(
    '/catalog/me',
    {
      schema: {
        operationId: 'getPersonalCatalog',
        tags,
        summary: "The citizen's favourites, recently viewed services (newest first) and filter presets",
        security: [{ session: [] }],
        response: { 200: CatalogPersonal, ...problemResponses(...sessionProblems) },
      },
    },
    (request) => personalCatalog.of(accountOf(request)),
  );

  app.put(
    '/catalog/favourites/:serviceId',
    {
      schema: {
        operationId: 'addFavouriteService',
        tags,
        summary: 'Add a service to the favourites',
        description: 'Idempotent: a service among the favourites keeps its place. Answers the citizen’s catalog data.',
        security,
        params: ServiceParams,
        response: { 200: CatalogPersonal, ...problemResponses('not_found', 'validation_failed', ...sessionProblems) },
      },
    },
    (request) => personalCatalog.addFavourite(accountOf(request), request.params.serviceId),
  );

  app.delete(
    '/catalog/favourites/:serviceId',
    {
      schema: {
        operationId: 'removeFavouriteService',
        tags,
        summary: 'Remove a service from the favourites',
        description: 'Idempotent. Answers the citizen’s catalog data.',
        security,
        params: ServiceParams,
        response: { 200: CatalogPersonal, ...problemResponses('not_found', 'validation_failed', ...sessionProblems) },
      },
    },
    (request) => personalCatalog.removeFavourite(accountOf(request), request.params.serviceId),
  );

  app.post(
    '/catalog/recent',
    {
      schema: {
        operationId: 'addRecentService',
        tags,
        summary: 'Note that the citizen opened a service',
        description: 'The service goes first among the recently viewed, which keep the last 20 without repeats. Answers the citizen’s catalog data.',
        security,
        body: RecentViewRequest,
        response: { 200: CatalogPersonal, ...problemResponses('not_found', ...sessionProblems, ...bodyProblems) },
      },
    },
    (request) => personalCatalog.viewed(accountOf(request), request.body.serviceId),
  );

  app.post(
    '/catalog/presets',
    {
      schema: {
        operationId: 'createFilterPreset',
        tags,
        summary: 'Save a set of catalog filters under a name',
        description: 'At most 20 per citizen (`conflict` beyond). An unknown category or municipality is `validation_failed`.',
        security,
        body: FilterPresetRequest,
        response: { 201: FilterPreset, ...problemResponses('conflict', ...sessionProblems, ...bodyProblems) },
      },
    },
    async (request, reply) => reply.code(201).send(await personalCatalog.savePreset(accountOf(request), request.body)),
  );

  app.delete(
    '/catalog/presets/:id',
    {
      schema: {
        operationId: 'deleteFilterPreset',
        tags,
        summary: 'Delete a saved set of filters',
        description: 'A preset of another citizen is `not_found`.',
        security,
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses('not_found', 'validation_failed', ...sessionProblems) },
      },
    },
    async (request, reply) => {
      await personalCatalog.deletePreset(accountOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
