/**
 * The public service catalog: pages of services by filters, one service in full, the
 * categories, and the search index the browser caches. Nobody needs to be signed in, and
 * reading the catalog does not count as use of a session.
 *
 * The answers are the same for everybody, so each is kept serialized with its `ETag`
 * (a {@link ReplyCache} per process, by URL) until the catalog's tables are written: a
 * read of a kept answer runs no query, and is sent before its query is validated again.
 * `If-None-Match` naming the tag answers 304.
 *
 * Every answer is in the language the request asks for (`?lang=`, else `Accept-Language`;
 * Russian by default), says it with `Content-Language` and `Vary: Accept-Language`, and is
 * kept and tagged per language.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { CatalogFilters, CategoryList, SearchIndex, Service, ServicePage } from '@mfc-cabinet/core/catalog-schemas';
import { ApiError } from '../api-error.js';
import type { AppContext } from '../context.js';
import type { FieldMessages } from '../http/field-errors.js';
import { IdParams, problemResponses } from '../http/openapi.js';
import { answerKept, ReplyCache, sendCached, type ReplyKey } from '../http/reply-cache.js';
import { catalogLanguages, languageHeaders, requestLanguage } from './languages.js';

const tags = ['catalog'];

/** A page holds this many services unless `limit` says otherwise. */
export const defaultPageSize = 20;

/** How long browsers and proxies may reuse the search index without asking again. */
const searchIndexMaxAgeSeconds = 300;

/** `?lang=`: the language of the answer, over `Accept-Language`. */
const LanguageQuery = z.object({ lang: z.optional(z.enum(catalogLanguages)) });

const ServiceQuery = z.object({
  ...CatalogFilters.shape,
  category: z.optional(z.string().check(z.maxLength(60))),
  municipality: z.optional(z.string().check(z.maxLength(60))),
  maxTermDays: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(365))),
  cursor: z.optional(z.string().check(z.maxLength(300))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  ...LanguageQuery.shape,
});

/** One message for every way a query parameter can be wrong. */
const always = (message: string): FieldMessages => ({ required: message, invalid: message, too_long: message });

const queryMessages: Record<string, FieldMessages> = {
  category: always('Выберите категорию из списка'),
  level: always('Уровень — federal, regional или municipal'),
  municipality: always('Выберите муниципалитет из списка'),
  delivery: always('Способ получения — online, office или mail'),
  maxTermDays: always('Срок — целое число рабочих дней от 1 до 365'),
  availability: always('Доступность — available, in_development или unavailable'),
  cursor: always('Список изменился или ссылка устарела: откройте каталог заново'),
  limit: always('Количество — целое число от 1 до 100'),
  lang: always('Язык — ru или en'),
};

/** The languages, for the OpenAPI descriptions. */
const inLanguage = ' In the language of `?lang=` (`ru`, `en`), else of `Accept-Language` (Russian unless English is preferred), with `Content-Language` and `Vary: Accept-Language`; the `ETag` differs by language.';

/** Kept answers are keyed by language and URL. */
const replyKey: ReplyKey = (request) => `${requestLanguage(request)} ${request.url}`;

export const catalogRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { catalog } = context;
  const replies = new ReplyCache(() => catalog.version());
  const preParsing = answerKept(replies, replyKey);

  app.get(
    '/catalog/services',
    {
      config: { fieldMessages: queryMessages },
      preParsing,
      schema: {
        operationId: 'listCatalogServices',
        tags,
        summary: 'A page of services matching the filters, popular first',
        description:
          'Filters combine with AND. `municipality` gives that municipality’s services and the federal and regional ones, offered everywhere. Ordered by `popularity` descending, then by the Russian title (the same order in every language); `nextCursor` fetches the next page (`limit` 1–100, 20 by default). A wrong value, an unknown category or municipality, or a stale cursor is `validation_failed` naming the parameter. The `ETag` changes with the answer; `If-None-Match` with the current one answers 304 without a body.' +
          inLanguage,
        querystring: ServiceQuery,
        response: { 200: ServicePage, 304: z.undefined(), ...problemResponses('validation_failed', 'rate_limited') },
      },
    },
    async (request, reply) => {
      const language = requestLanguage(request);
      const cached = await replies.get(replyKey(request), async () => {
        const { cursor, limit, lang: _lang, ...filters } = request.query;
        return { json: reply.serialize(await catalog.page({ filters, cursor, limit: limit ?? defaultPageSize }, language)), headers: languageHeaders(language) };
      });
      return sendCached(request, reply, cached);
    },
  );

  app.get(
    '/catalog/services/:id',
    {
      preParsing,
      schema: {
        operationId: 'getCatalogService',
        tags,
        summary: 'One service in full: description, documents, provider and form',
        description: 'The form’s steps, fields, ids and option values are the same in every language; only its texts differ.' + inLanguage,
        params: IdParams,
        querystring: LanguageQuery,
        response: { 200: Service, 304: z.undefined(), ...problemResponses('not_found', 'validation_failed', 'rate_limited') },
      },
    },
    async (request, reply) => {
      const language = requestLanguage(request);
      const cached = await replies.get(replyKey(request), async () => {
        const service = await catalog.get(request.params.id, language);
        if (!service) throw new ApiError('not_found', { detail: 'Такой услуги в каталоге нет.' });
        return { json: reply.serialize(service), headers: languageHeaders(language) };
      });
      return sendCached(request, reply, cached);
    },
  );

  app.get(
    '/catalog/categories',
    {
      preParsing,
      schema: {
        operationId: 'listCatalogCategories',
        tags,
        summary: 'The categories with how many services each holds, and the municipalities',
        description: inLanguage.trim(),
        querystring: LanguageQuery,
        response: { 200: CategoryList, 304: z.undefined(), ...problemResponses('rate_limited') },
      },
    },
    async (request, reply) => {
      const language = requestLanguage(request);
      const cached = await replies.get(replyKey(request), async () => ({
        json: reply.serialize(await catalog.categories(language)),
        headers: languageHeaders(language),
      }));
      return sendCached(request, reply, cached);
    },
  );

  app.get(
    '/catalog/search-index',
    {
      preParsing,
      schema: {
        operationId: 'getCatalogSearchIndex',
        tags,
        summary: 'The whole catalog in summary, for searching in the browser',
        description: `Cacheable: \`ETag\` is the \`version\` (a hash of the catalog), \`Cache-Control: public, max-age=${searchIndexMaxAgeSeconds}\`; \`If-None-Match\` with the current ETag answers 304 without a body. One index per language, each with its own version.${inLanguage}`,
        querystring: LanguageQuery,
        response: {
          200: SearchIndex,
          304: z.undefined(),
          ...problemResponses('rate_limited'),
        },
      },
    },
    async (request, reply) => {
      const language = requestLanguage(request);
      const cached = await replies.get(replyKey(request), async () => {
        const index = await catalog.searchIndex(language);
        return {
          json: reply.serialize(index),
          tag: index.version,
          headers: { 'cache-control': `public, max-age=${searchIndexMaxAgeSeconds}`, ...languageHeaders(language) },
        };
      });
      return sendCached(request, reply, cached);
    },
  );
};
