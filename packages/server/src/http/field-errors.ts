/**
 * Schema failures as per-field errors with Russian messages written for the citizen, not
 * zod's English ones. `field` is the dotted path of the value ('' for the whole body).
 * A few values have one error of their own whatever went wrong (the consent checkbox), and
 * a route may word the messages of its own fields (`config.fieldMessages`).
 */
import type { FastifySchemaValidationError } from 'fastify';
import type { FieldError } from '@mfc-cabinet/core/errors';
import { consentMessagesRu, fieldMessageRu } from '@mfc-cabinet/core/schemas';

/** The stable `code` of a field error. */
type FieldErrorCode = 'required' | 'invalid' | 'too_long' | 'unknown_field';

/** What a field's errors say, by code. */
export type FieldMessages = Record<Exclude<FieldErrorCode, 'unknown_field'>, string>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Messages of this route's fields, by the last segment of their path, instead of the usual ones. */
    fieldMessages?: Record<string, FieldMessages>;
  }
}

/** The usual message of an error of the field named `name` (the last segment of its path): core's table, which the stories' fake words its field errors with too. */
export const fieldMessage = (name: string, code: Exclude<FieldErrorCode, 'unknown_field'>): string => fieldMessageRu(name, code);

/** The consent to the processing of personal data: one error at its checkbox, whatever is missing. */
const consentRequired: FieldError = {
  field: 'consent.accepted',
  code: 'consent_required',
  message: consentMessagesRu.required,
};

/** Values whose every failure is one error of their own, by the dotted path of the value. */
const byPath: Record<string, FieldError> = {
  consent: consentRequired,
  'consent.accepted': consentRequired,
};

function valueAt(input: unknown, path: readonly string[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * One error per field, in the order of the issues.
 *
 * @param issues the `validation` of Fastify's error (zod issues, as fastify-type-provider-zod reports them)
 * @param input the value that was validated, to tell a missing field from a wrong one
 * @param ownMessages the route's own messages of some fields, by the last segment of their path
 */
export function toFieldErrors(
  issues: readonly FastifySchemaValidationError[],
  input: unknown,
  ownMessages: Record<string, FieldMessages> = {},
): FieldError[] {
  const errors = new Map<string, FieldError>();
  for (const issue of issues) {
    const path = issue.instancePath.split('/').filter((segment) => segment !== '');
    if (issue.keyword === 'unrecognized_keys') {
      const keys = (issue.params as { keys?: unknown }).keys;
      for (const key of Array.isArray(keys) ? keys.map(String) : []) {
        const field = [...path, key].join('.');
        errors.set(field, { field, code: 'unknown_field', message: `Поле «${field}» не предусмотрено` });
      }
      continue;
    }
    const field = path.join('.');
    const own = byPath[field];
    if (own) {
      errors.set(own.field, own);
      continue;
    }
    if (errors.has(field)) continue;
    const code: FieldErrorCode =
      valueAt(input, path) === undefined ? 'required' : issue.keyword === 'too_big' ? 'too_long' : 'invalid';
    const name = path.at(-1) ?? '';
    const message = ownMessages[name]?.[code] ?? fieldMessage(name, code);
    errors.set(field, { field, code, message: path.length === 0 ? 'Запрос должен быть объектом JSON' : message });
  }
  return [...errors.values()];
}
