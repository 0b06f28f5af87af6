/**
 * Every failure as `application/problem+json`, Fastify's own included: malformed JSON,
 * schema failures, oversized bodies, unsupported content types, unknown routes, the
 * router's refusals (too long a path parameter, a path that does not decode), the HTTP
 * parser's (too large headers, a request it cannot read), and anything unexpected
 * (answered as `internal`, the real error only in the log). None echoes the input, and each
 * carries the security headers.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.js';
import { toFieldErrors } from './field-errors.js';
import { sendPage } from './html.js';
import { problemContentType, sendProblem, toProblem } from './problem.js';
import { applySecurityHeaders, securityHeaderValues } from './security-headers.js';

/** A request line whose path is too long: a path parameter over Fastify's limit. */
const uriTooLong = (): ApiError => new ApiError('payload_too_large', { detail: 'Адрес запроса слишком длинный.' });

function fromFastify(error: FastifyError, request: FastifyRequest): ApiError | undefined {
  if (error.validation) {
    const inputs = { body: request.body, querystring: request.query, params: request.params, headers: request.headers };
    const input = inputs[error.validationContext ?? 'body'];
    return new ApiError('validation_failed', { errors: toFieldErrors(error.validation, input, request.routeOptions.config.fieldMessages) });
  }
  const status = error.statusCode ?? 500;
  if (status === 414) return uriTooLong();
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

/**
 * The router's refusals, before any route or hook: a path parameter over the length limit
 * (414) and a path that does not decode (400). Fastify's own answers would echo the path.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ code: error.code }, 'request refused');
  applySecurityHeaders(request, reply);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') sendProblem(reply, uriTooLong(), 414);
  else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) sendProblem(reply, new ApiError('malformed_request'));
  else sendProblem(reply, new ApiError('internal'));
}

/** What the HTTP parser refused, as a problem and its status. */
function parserRefusal(error: NodeJS.ErrnoException): { problem: ApiError; status: number } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return { problem: new ApiError('payload_too_large', { detail: 'Заголовки запроса слишком большие.' }), status: 431 };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { problem: new ApiError('malformed_request', { detail: 'Запрос не пришёл целиком вовремя.' }), status: 408 };
  }
  return { problem: new ApiError('malformed_request'), status: 400 };
}

/**
 * The HTTP parser's refusals (Node's `clientError`): there is no request, so the answer is
 * written to the socket as it is, with the security headers of an API answer, and the
 * connection closed.
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { problem, status } = parserRefusal(error);
  this.log.info({ code: error.code }, 'request refused by the HTTP parser');
  if (socket.writable) {
    const body = JSON.stringify(toProblem(problem, status));
    const headers = {
      'content-type': problemContentType,
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
      ...securityHeaderValues({ api: true, https: (socket as Partial<TLSSocket>).encrypted === true }),
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    // Ended, not destroyed at once, so that the answer is not lost with unread bytes of the request.
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`, () => socket.destroy());
  } else {
    socket.destroy();
  }
}
