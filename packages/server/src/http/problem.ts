/** Answers an {@link ApiError} as RFC 9457 `application/problem+json`. */
import { problemType } from '@mfc-cabinet/core/schemas';
import type { FastifyReply } from 'fastify';
import { errorMessagesRu } from '@mfc-cabinet/core/messages';
import type { Problem } from '@mfc-cabinet/core/schemas';
import type { ApiError } from '../api-error.js';

export const problemContentType = 'application/problem+json; charset=utf-8';

/** The `type` URI of a problem code (core's); it names the code, nothing is served there. */
export { problemType } from '@mfc-cabinet/core/schemas';

/** The problem of `error`; `status` when the protocol answers it with another than its code's (tus). */
export function toProblem(error: ApiError, status = error.status): Problem {
  const { detail, errors, retryAfter, attemptsLeft } = error.init;
  const title = errorMessagesRu[error.code];
  return {
    type: problemType(error.code),
    title,
    status,
    code: error.code,
    detail: detail ?? title,
    ...(errors ? { errors } : {}),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(attemptsLeft === undefined ? {} : { attemptsLeft }),
  };
}

/** Sends the problem; serialised here, so no route's response schema applies to it. */
export function sendProblem(reply: FastifyReply, error: ApiError, status = error.status): FastifyReply {
  const problem = toProblem(error, status);
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  return reply.code(problem.status).type(problemContentType).send(JSON.stringify(problem));
}
