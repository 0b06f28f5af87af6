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

/** The problems of a route for citizens only: an МФЦ operator's account is `forbidden` there. */
export const citizenProblems = [...sessionProblems, 'forbidden'] as const satisfies readonly ProblemCode[];
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

/** A documented route must name its operation (`schema.operationId`, camelCase, unique) and its tag. */
function named<T extends { url: string; schema?: { operationId?: unknown; tags?: unknown; hide?: unknown } }>(route: T): T {
  const { operationId, tags, hide } = route.schema ?? {};
  if (hide === true) return route;
  if (typeof operationId !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(operationId)) throw new Error(`${route.url}: the route's schema needs a camelCase operationId`);
  if (!Array.isArray(tags) || tags.length === 0) throw new Error(`${route.url}: the route's schema needs its feature's tag`);
  return route;
}

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

/** A group of operations in the document: one per feature, or several for a large one. */
export interface OpenApiTag {
  name: string;
  description: string;
}

/** Every `/api/v1` route answers these besides its own problems: the rate limit, and an unexpected failure. */
const commonResponses = {
  '429': { $ref: '#/components/responses/RateLimited' },
  '500': { $ref: '#/components/responses/Internal' },
};

type Operation = { operationId?: string; security?: unknown[]; responses?: Record<string, unknown> };
type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

/**
 * What the generated document lacks: public operations say `security: []` (a route that
 * needs a session names it in its schema), every operation documents the refusals every
 * route may give, and the `…Input` twins zod makes of answers, which no operation
 * uses, are left out (the contract's own schemas all stay).
 */
function complete(document: Document): void {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item)) {
      operation.security ??= [];
      operation.responses = { ...commonResponses, ...operation.responses };
    }
  }
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) {
          const name = inner.slice('#/components/schemas/'.length);
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(inner);
      }
    }
  };
  visit(document.paths);
  visit({ $ref: '#/components/schemas/Problem' });
  for (const name of Object.keys(schemas)) if (name.endsWith('Input') && !used.has(name)) delete schemas[name];
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

export async function registerOpenApi(app: FastifyInstance, version: string, tags: readonly OpenApiTag[]): Promise<void> {
  const transformObject = createJsonSchemaTransformObject({ schemaRegistry: components });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MFC Cabinet API',
        version,
        description:
          'Reference Cabinet API of the MFC Cabinet kit. Errors are RFC 9457 `application/problem+json` with a stable `code`. Every answer to a request that used a live session carries `Cabinet-Session-Idle-Expires-In`: the seconds the session has left unless it is used. A session that ended — timed out, signed out, revoked from another device or by a new password — is `session_expired`. The operator API (`/operator/…`) needs the session of an МФЦ operator: anyone else is `forbidden`.',
      },
      servers: [{ url: '/', description: 'The host that serves the cabinet; the API is under /api/v1' }],
      tags: [...tags],
      components: {
        responses: {
          RateLimited: { description: 'rate_limited: too many requests from this address; `Retry-After` tells when to try again', content: problemContent },
          Internal: { description: 'internal: an unexpected failure (the details are only in the server log)', content: problemContent },
        },
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          csrf: { type: 'apiKey', in: 'header', name: csrfHeader },
        },
      },
    },
    transform: (route) =>
      route.url.startsWith(apiPrefix) && !undocumented.some((prefix) => route.url.startsWith(prefix))
        ? transform(named(route))
        : { schema: { hide: true }, url: route.url },
    transformObject: (input) => {
      const document = transformObject(input) as Document;
      complete(document);
      return document as ReturnType<typeof transformObject>;
    },
  });
  app.get(`${apiPrefix}/openapi.json`, { schema: { hide: true } }, () => app.swagger());
}
