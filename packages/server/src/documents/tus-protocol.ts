/**
 * The protocol side of the tus uploads: the web `Request` tus reads, the metadata an upload
 * declares, and the problem answered for each failure of tus.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FastifyRequest } from 'fastify';
import { formatSize } from '@mfc-cabinet/core/file-signatures';
import { resultDocumentKind, UploadMetadata } from '@mfc-cabinet/core/schemas';
import type { FieldError } from '@mfc-cabinet/core/errors';
import { ApiError } from '../api-error.js';

export const tusVersion = '1.0.0';

/**
 * The problem for a failure of tus (its status and what it said), and the status to answer
 * it with; `maxSize` is the limit of the upload.
 */
export function tusProblem(status: number, said: string, maxSize: number): [ApiError, number] {
  switch (status) {
    case 400:
    case 403:
      return [new ApiError('malformed_request', { detail: 'Запрос загрузки не по протоколу tus 1.0: проверьте заголовки Upload-Length, Upload-Offset, Upload-Metadata и Content-Type' }), 400];
    case 404:
      return [new ApiError('not_found', { detail: 'Загрузка не найдена' }), 404];
    case 409:
      return [new ApiError('conflict', { detail: 'Upload-Offset не совпадает с тем, сколько уже загружено: узнайте это запросом HEAD и продолжите оттуда' }), 409];
    case 410:
      return [new ApiError('upload_expired'), 410];
    case 412:
      return [new ApiError('malformed_request', { detail: `Нужен заголовок Tus-Resumable: ${tusVersion}` }), 412];
    case 413:
      // ERR_MAX_SIZE_EXCEEDED: the declared length is over the limit; ERR_SIZE_EXCEEDED: more bytes than declared.
      return said.startsWith('Maximum size')
        ? [new ApiError('file_too_large', { detail: `Файл больше ${formatSize(maxSize)}` }), 413]
        : [new ApiError('payload_too_large', { detail: 'Байтов больше, чем объявлено в Upload-Length' }), 413];
    case 501:
      return [new ApiError('malformed_request', { detail: 'Такой вид загрузки не поддерживается: отправляйте файл одной загрузкой' }), 501];
    default:
      return [new ApiError('internal'), 500];
  }
}

type ReadMetadata = { filename: string; kind: string; applicationId?: string | undefined; fieldId?: string | undefined } | { errors: FieldError[] };

const metadataMessages: Readonly<Record<string, string>> = {
  filename: 'Укажите имя файла в метаданных загрузки (filename)',
  kind: 'Укажите вид документа в метаданных загрузки (kind), не длиннее 100 символов',
  applicationId: 'Проверьте заявление (applicationId)',
  fieldId: 'Проверьте поле формы (fieldId)',
};

/** The upload's metadata, or what is wrong with it (fields named `metadata.…`). */
export function readMetadata(raw: Record<string, string | null>): ReadMetadata {
  const parsed = UploadMetadata.safeParse(Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null)));
  const errors: FieldError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const code = issue.code === 'invalid_type' && issue.input === undefined ? 'required' : 'invalid';
      if (!errors.some(({ field }) => field === `metadata.${key}`)) {
        errors.push({ field: `metadata.${key}`, code, message: metadataMessages[key] ?? 'Проверьте метаданные загрузки' });
      }
    }
    return { errors };
  }
  const { filename, kind, applicationId, fieldId } = parsed.data;
  if (kind === resultDocumentKind) errors.push({ field: 'metadata.kind', code: 'invalid', message: 'Результаты выдаёт только МФЦ: выберите другой вид документа' });
  if ((applicationId === undefined) !== (fieldId === undefined)) {
    const missing = applicationId === undefined ? 'applicationId' : 'fieldId';
    errors.push({ field: `metadata.${missing}`, code: 'required', message: 'Укажите и заявление (applicationId), и поле формы (fieldId)' });
  }
  return errors.length > 0 ? { errors } : { filename, kind, applicationId, fieldId };
}

/** The Fastify request as a web `Request` for tus; the body is the unread request stream. */
export function toWebRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(request.url, 'http://cabinet.invalid');
  const stream = request.body instanceof Readable ? (Readable.toWeb(request.body) as WebReadableStream<Uint8Array>) : undefined;
  return new Request(url, {
    method: request.method,
    headers,
    ...(stream ? { body: stream as unknown as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}
