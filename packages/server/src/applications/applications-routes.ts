/**
 * The citizen's applications: a draft from a service, saving it, submitting it once with
 * an idempotency key, withdrawing it, the list with filters and the detail with history.
 * Every route needs a citizen's session (an МФЦ operator's account is `forbidden`: it
 * acts through the operator API), and changes need the CSRF token; another citizen's
 * application is `not_found`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import {
  Application,
  ApplicationPage,
  AnswerRequest,
  ApplicationStatus,
  CreateApplicationRequest,
  idempotencyKeyHeader,
  SaveDraftRequest,
} from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import type { AppContext } from '../context.js';
import { bodyProblems, citizenProblems, IdParams, problemResponses } from '../http/openapi.js';
import { isCalendarDate } from '../profile/dates.js';
import { requestLanguage } from '../catalog/languages.js';

const tags = ['applications'];
const security = [{ session: [], csrf: [] }];

const Day = z.string().check(z.refine(isCalendarDate));
export const ApplicationQuery = z.object({
  status: z.optional(ApplicationStatus),
  serviceId: z.optional(z.string().check(z.maxLength(100))),
  from: z.optional(Day),
  to: z.optional(Day),
  q: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
});

/** Headers are parameters, not a component of the document: the schema stays here. */
const SubmitHeaders = z.object({
  [idempotencyKeyHeader]: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)),
});

/** Messages of the parameters that are not fields of a form. */
export const parameterMessages = {
  from: { required: 'Укажите дату', invalid: 'Укажите дату в формате ГГГГ-ММ-ДД', too_long: 'Укажите дату в формате ГГГГ-ММ-ДД' },
  to: { required: 'Укажите дату', invalid: 'Укажите дату в формате ГГГГ-ММ-ДД', too_long: 'Укажите дату в формате ГГГГ-ММ-ДД' },
  status: { required: 'Выберите статус', invalid: 'Такого статуса нет', too_long: 'Такого статуса нет' },
  limit: { required: 'Укажите число', invalid: 'Число от 1 до 100', too_long: 'Число от 1 до 100' },
  [idempotencyKeyHeader]: {
    required: 'Нужен заголовок Idempotency-Key: UUID, один на заявление',
    invalid: 'Idempotency-Key должен быть UUID',
    too_long: 'Idempotency-Key должен быть UUID',
  },
};

/** Something an answer holds that names a service: an application, a summary. */
type Titled = { serviceId: string; serviceTitle: string };
const isTitled = (value: unknown): value is Titled =>
  typeof value === 'object' && value !== null && typeof (value as Titled).serviceId === 'string' && typeof (value as Titled).serviceTitle === 'string';

/** `payload` (an application, a page of them, or a submit's answer with one) with the services' titles of `titles`. */
function retitled(payload: unknown, titles: ReadonlyMap<string, string>): unknown {
  const retitle = (value: unknown): unknown => (isTitled(value) ? { ...value, serviceTitle: titles.get(value.serviceId) ?? value.serviceTitle } : value);
  if (typeof payload !== 'object' || payload === null) return payload;
  const { items, application } = payload as { items?: unknown; application?: unknown };
  if (Array.isArray(items)) return { ...payload, items: items.map(retitle) };
  if (application !== undefined) return { ...payload, application: retitle(application) };
  return retitle(payload);
}

export const applicationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, applications, catalog } = context;
  app.addHook('onRequest', guard.citizen);
  // The rows keep the catalog's own (Russian) title of the service: an answer asked for in
  // another language (`Accept-Language`, as the catalog's) names it in that language.
  app.addHook('preSerialization', async (request, _reply, payload) => {
    const language = requestLanguage(request);
    return language === 'ru' ? payload : retitled(payload, await catalog.titles(language));
  });

  app.post(
    '/applications',
    {
      schema: {
        operationId: 'createApplication',
        tags,
        summary: 'Start a draft application for a service',
        description:
          'The draft’s values are filled in from the profile (the fields whose form says so). An unknown service is `not_found`; one that takes no applications online now is `conflict`; a citizen with `MAX_OPEN_DRAFTS` drafts already gets `limit_reached`.',
        security,
        body: CreateApplicationRequest,
        response: { 201: Application, ...problemResponses('not_found', 'conflict', 'limit_reached', ...citizenProblems, ...bodyProblems) },
      },
    },
    async (request, reply) => reply.code(201).send(await applications.create(guard.citizenOf(request).account, request.body.serviceId)),
  );

  app.get(
    '/applications',
    {
      config: { fieldMessages: parameterMessages },
      schema: {
        operationId: 'listApplications',
        tags,
        summary: "The citizen's applications, most recently changed first",
        description:
          'Filters: `status`, `serviceId`, `from`/`to` (Moscow dates the application was created within, inclusive), `q` (the beginning of a tracking number). `limit` 1–100, 20 by default; `nextCursor` fetches the next page.',
        security: [{ session: [] }],
        querystring: ApplicationQuery,
        response: { 200: ApplicationPage, ...problemResponses('validation_failed', ...citizenProblems) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if (from !== undefined && to !== undefined && from > to) {
        throw new ApiError('validation_failed', { errors: [{ field: 'to', code: 'invalid', message: 'Конец периода раньше его начала' }] });
      }
      return applications.page(guard.citizenOf(request).account.id, { ...request.query, limit: request.query.limit ?? 20 });
    },
  );

  app.get(
    '/applications/:id',
    {
      schema: {
        operationId: 'getApplication',
        tags,
        summary: 'An application with its values and history',
        description: 'Another citizen’s application is `not_found`.',
        security: [{ session: [] }],
        params: IdParams,
        response: { 200: Application, ...problemResponses('not_found', 'validation_failed', ...citizenProblems) },
      },
    },
    (request) => applications.get(guard.citizenOf(request).account.id, request.params.id),
  );

  app.put(
    '/applications/:id/draft',
    {
      schema: {
        operationId: 'saveApplicationDraft',
        tags,
        summary: 'Save the values of a draft',
        description:
          'Replaces the values saved before, so that the draft can be finished on another device. Only what is filled in is checked (`validation_failed` per field); each id in a documents field must name a document of the citizen’s own vault, once, that fits the field’s file types and size (else an error of that field: `unknown_document`, `invalid`, `file_type_not_allowed` or `file_too_large`). An application submitted already is `conflict`.',
        security,
        params: IdParams,
        body: SaveDraftRequest,
        response: { 200: Application, ...problemResponses('not_found', 'conflict', ...citizenProblems, ...bodyProblems) },
      },
    },
    (request) => applications.saveDraft(guard.citizenOf(request).account.id, request.params.id, request.body.values),
  );

  app.post(
    '/applications/:id/submit',
    {
      config: { fieldMessages: parameterMessages },
      schema: {
        operationId: 'submitApplication',
        tags,
        summary: 'Submit a draft, exactly once',
        description:
          'Needs an `Idempotency-Key` header (a UUID made once per application): the same key again, also concurrently, answers the same application and never submits twice; another key on a submitted application is `conflict`. Every field is checked (`validation_failed` per field), the documents fields again against the citizen’s vault as when saving; an account below the service’s level is `forbidden`, with what to do. Answers the application `submitted`, with its tracking number and the expected completion date (the service’s term in working days).',
        security,
        params: IdParams,
        headers: SubmitHeaders,
        response: { 200: Application, ...problemResponses('not_found', 'conflict', 'validation_failed', ...citizenProblems) },
      },
    },
    (request) => {
      const { account } = guard.citizenOf(request);
      return applications.submit(account, request.params.id, request.headers[idempotencyKeyHeader].toLowerCase(), request.ip);
    },
  );

  app.post(
    '/applications/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawApplication',
        tags,
        summary: 'Withdraw a submitted application',
        description: 'Allowed while it is submitted, in review or needs information; otherwise `conflict`.',
        security,
        params: IdParams,
        response: { 200: Application, ...problemResponses('not_found', 'conflict', 'validation_failed', ...citizenProblems) },
      },
    },
    (request) => applications.withdraw(guard.citizenOf(request).account, request.params.id, request.ip),
  );

  app.post(
    '/applications/:id/answer',
    {
      schema: {
        operationId: 'answerApplication',
        tags,
        summary: 'Answer a request for information',
        description:
          'While the application needs information (`needs_info`): `values` of the requested fields only (another field is `validation_failed`, code `not_requested`), checked with the service’s form; every requested field must be filled in anew, and for every requested kind of document and every requested documents field a document must have been attached since the request (through `/documents/{id}/attach` first): those the application held when it was asked do not count. What is missing is `validation_failed`, an error per field (code `required`). The application goes back to review (`in_review`), the step kept in its history with the actor `citizen`. Any other status is `conflict`.',
        security,
        params: IdParams,
        body: AnswerRequest,
        response: { 200: Application, ...problemResponses('not_found', 'conflict', ...citizenProblems, ...bodyProblems) },
      },
    },
    (request) => applications.answer(guard.citizenOf(request).account, request.params.id, request.body.values, request.ip),
  );
};
