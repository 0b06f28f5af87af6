/**
 * The OpenAPI 3.1 document of the public API, generated from the shared zod schemas
 * (@fastify/swagger with fastify-type-provider-zod's transforms) and served at
 * `GET /api/v1/openapi.json`. Only `/api/v1` routes are documented, test endpoints not.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import * as catalogContract from '@mfc-cabinet/core/catalog-schemas';
import * as contract from '@mfc-cabinet/core/schemas';
import { problemStatus, type ProblemCode } from '../api-error.js';
import { sessionCookie } from './cookies.js';
import { csrfHeader } from './csrf.js';

export const apiPrefix = '/api/v1';

/** The problems any route with a JSON body may answer. */
export const bodyProblems = [
  'validation_failed',
  'malformed_request',
  'payload_too_large',
  'unsupported_media_type',
  'csrf_failed',
  'rate_limited',
] as const satisfies readonly ProblemCode[];

/** The path parameters of a route about one thing named by its `:id`. */
export const IdParams = z.object({ id: z.string().check(z.maxLength(100)) });

/** The problems of a route that needs a session. */
export const sessionProblems = ['unauthenticated', 'session_expired', 'csrf_failed', 'rate_limited'] as const satisfies readonly ProblemCode[];
const undocumented = [`${apiPrefix}/test/`];

/**
 * Named components of the document: every schema the contract and its catalog part export,
 * under its own name (the capitalised exports; the others are helpers such as `accountLevels`).
 */
const components = z.registry<{ id: string }>();
for (const [id, schema] of [...Object.entries(contract), ...Object.entries(catalogContract)]) {
  if (/^[A-Z]/.test(id) && schema instanceof z.core.$ZodType) components.add(schema, { id });
}

const transform = createJsonSchemaTransform({ schemaRegistry: components });

/** The problem answers a route may give, for its `response` schema (documentation only: problems are sent pre-serialised). */
export function problemResponses(...codes: ProblemCode[]) {
  const responses: Record<number, { description: string; content: Record<string, { schema: typeof contract.Problem }> }> = {};
  for (const code of codes) {
    const status = problemStatus[code];
    const described = responses[status]?.description;
    responses[status] = {
      description: described ? `${described}, ${code}` : code,
      content: { 'application/problem+json': { schema: contract.Problem } },
    };
  }
  return responses;
}

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MFC Cabinet API',
        version,
        description:
          'Reference Cabinet API of the MFC Cabinet kit. Errors are RFC 9457 `application/problem+json` with a stable `code`. Every answer to a request that used a live session carries `Cabinet-Session-Idle-Expires-In`: the seconds the session has left unless it is used. A session that ended — timed out, signed out, revoked from another device or by a new password — is `session_expired`. The operator API (`/operator/…`) needs the session of an МФЦ operator: anyone else is `forbidden`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          csrf: { type: 'apiKey', in: 'header', name: csrfHeader },
        },
      },
    },
    transform: (route) =>
      route.url.startsWith(apiPrefix) && !undocumented.some((prefix) => route.url.startsWith(prefix))
        ? transform(route)
        : { schema: { hide: true }, url: route.url },
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: components }),
  });
  app.get(`${apiPrefix}/openapi.json`, { schema: { hide: true } }, () => app.swagger());
}
