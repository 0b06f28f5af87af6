/**
 * Every failure as `application/problem+json`, Fastify's own included: malformed JSON,
 * schema failures, oversized bodies, unsupported content types, unknown routes, and
 * anything unexpected (answered as `internal`, the real error only in the log).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.js';
import { toFieldErrors } from './field-errors.js';
import { sendPage } from './html.js';
import { sendProblem } from './problem.js';

function fromFastify(error: FastifyError, request: FastifyRequest): ApiError | undefined {
  if (error.validation) {
    const inputs = { body: request.body, querystring: request.query, params: request.params, headers: request.headers };
    const input = inputs[error.validationContext ?? 'body'];
    return new ApiError('validation_failed', { errors: toFieldErrors(error.validation, input, request.routeOptions.config.fieldMessages) });
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError('payload_too_large');
  if (status === 415) return new ApiError('unsupported_media_type', { detail: 'Отправьте данные в формате JSON (application/json).' });
  if (status === 403) return new ApiError('forbidden');
  if (status === 404) return new ApiError('not_found');
  if (status >= 400 && status < 500) return new ApiError('malformed_request');
  return undefined;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = error instanceof ApiError ? error : fromFastify(error, request);
  if (known) {
    if (!(error instanceof ApiError)) request.log.info({ code: error.code, reason: error.message }, 'request refused');
    return sendProblem(reply, known);
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(reply, new ApiError('internal'));
}

/** Unknown API routes answer a problem; anything else a small page. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (request.url.startsWith('/api/')) return sendProblem(reply, new ApiError('not_found'));
  return sendPage(reply, 404, {
    title: 'Страница не найдена',
    body: '<h1>Страница не найдена</h1>\n<p>Проверьте адрес или перейдите на <a href="/">главную страницу</a>.</p>',
  });
}
