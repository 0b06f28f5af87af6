/**
 * A small tus 1.0 client (core, creation, termination) over the client's one HTTP channel
 * (`Http.raw`) and `Blob`, so that it runs in browsers and in Node alike: create an upload,
 * send it in chunks from the offset the server confirmed, ask the server for that offset
 * again after a dropped connection (with backoff), and terminate it. Failures are the
 * channel's {@link CabinetError}s, problem+json answers mapped like every other request's.
 */
import { CabinetError, type CabinetErrorCode } from '../errors.js';
import type { Http } from '../http.js';

/** How a tus client reaches the server: the client's HTTP channel. */
export type TusTransport = Http;

const tusVersion = '1.0.0';

/** The header naming the vault document a finished upload became. */
const documentHeader = 'cabinet-document-id';

/** Codes after which the same request may succeed later: the connection, not the request. */
const transientCodes: ReadonlySet<CabinetErrorCode> = new Set(['network', 'timeout', 'server_unavailable', 'rate_limited']);

/** Where an upload stands on the server. */
export interface TusState {
  offset: number;
  /** Set once the last byte arrived and the file became a document. */
  documentId: string | null;
}

/** What {@link sendFile} reports as it goes. */
export interface TusCallbacks {
  /** After every chunk the server confirmed. */
  onOffset?: (offset: number) => void;
  /** Before waiting to try again after a dropped connection. */
  onRetry?: (info: { attempt: number; delay: number; error: CabinetError }) => void;
}

/** Options of {@link sendFile}. */
export interface TusSendOptions extends TusCallbacks {
  /** Bytes per `PATCH`. */
  chunkSize: number;
  /** Milliseconds to wait before each retry; when they run out the last error is thrown. */
  retryDelays: readonly number[];
  signal?: AbortSignal | undefined;
}

/** `Upload-Metadata`: keys and base64 of the values' UTF-8. */
export function encodeMetadata(metadata: Record<string, string | undefined>): string {
  return Object.entries(metadata)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key} ${base64(new TextEncoder().encode(value))}`)
    .join(',');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Creates an upload of `length` bytes; answers its absolute URL. A dropped connection is
 * retried like a chunk (an upload made twice leaves one unused, which expires).
 */
export async function createUpload(
  transport: TusTransport,
  endpoint: string,
  length: number,
  metadata: Record<string, string | undefined>,
  options: Omit<TusSendOptions, 'chunkSize' | 'onOffset'>,
): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await createOnce(transport, endpoint, length, metadata, options.signal);
    } catch (error) {
      await backOff(transport, error, attempt, options);
    }
  }
}

async function backOff(transport: TusTransport, error: unknown, attempt: number, options: Omit<TusSendOptions, 'chunkSize' | 'onOffset'>): Promise<void> {
  const delay = options.retryDelays[attempt];
  if (!(error instanceof CabinetError) || !transientCodes.has(error.code) || delay === undefined) throw error;
  options.onRetry?.({ attempt: attempt + 1, delay, error });
  await wait(delay, options.signal, transport);
}

async function createOnce(
  transport: TusTransport,
  endpoint: string,
  length: number,
  metadata: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<string> {
  const response = await request(transport, endpoint, 'post', { 'upload-length': String(length), 'upload-metadata': encodeMetadata(metadata) }, signal);
  const location = response.headers.get('location');
  if (!location) throw invalidResponse(transport, response);
  return new URL(location, endpoint).href;
}

/** Asks the server where an upload stands. */
export async function uploadState(transport: TusTransport, url: string, signal?: AbortSignal): Promise<TusState> {
  return stateOf(transport, await request(transport, url, 'head', {}, signal));
}

/** Deletes an unfinished upload (and its bytes) on the server; one already gone is fine. */
export async function terminateUpload(transport: TusTransport, url: string, signal?: AbortSignal): Promise<void> {
  try {
    await request(transport, url, 'delete', {}, signal);
  } catch (error) {
    if (!(error instanceof CabinetError && (error.code === 'not_found' || error.code === 'upload_expired'))) throw error;
  }
}

/**
 * Sends `file` to the upload at `url` from `offset` (the server's) to the end, chunk by
 * chunk. A chunk that fails for the connection is retried after the next delay, from the
 * offset a `HEAD` reports (the server may have kept part of it, or all of it if only its
 * answer was lost). Answers the id of the document the finished file became.
 */
export async function sendFile(transport: TusTransport, url: string, file: Blob, from: TusState | null, options: TusSendOptions): Promise<string> {
  let state = from ?? { offset: 0, documentId: null };
  let attempt = 0;
  let ask = from === null;
  while (state.documentId === null) {
    try {
      if (ask) state = await uploadState(transport, url, options.signal);
      ask = true;
      if (state.documentId !== null) break;
      const end = Math.min(file.size, state.offset + options.chunkSize);
      const response = await request(
        transport,
        url,
        'patch',
        { 'upload-offset': String(state.offset), 'content-type': 'application/offset+octet-stream' },
        options.signal,
        file.slice(state.offset, end),
      );
      state = stateOf(transport, response);
      attempt = 0;
      ask = false;
      options.onOffset?.(state.offset);
      if (state.documentId === null && state.offset >= file.size) {
        throw invalidResponse(transport, response);
      }
    } catch (error) {
      await backOff(transport, error, attempt, options);
      attempt += 1;
    }
  }
  return state.documentId;
}

function stateOf(transport: TusTransport, response: Response): TusState {
  const offset = Number(response.headers.get('upload-offset'));
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw invalidResponse(transport, response);
  }
  return { offset, documentId: response.headers.get(documentHeader) };
}

async function request(
  transport: TusTransport,
  url: string,
  method: 'post' | 'head' | 'patch' | 'delete',
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  body?: Blob,
): Promise<Response> {
  try {
    return await transport.raw(method, url, { headers: { ...headers, 'tus-resumable': tusVersion }, ...(body ? { body } : {}), signal });
  } catch (error) {
    if (signal?.aborted) throw new CabinetError('aborted', { message: transport.message('aborted'), cause: error });
    throw error;
  }
}

/** An answer that is not what tus promises. */
function invalidResponse(transport: TusTransport, response: Response): CabinetError {
  return new CabinetError('invalid_response', { status: response.status, message: transport.message('invalid_response') });
}

function wait(ms: number, signal: AbortSignal | undefined, transport: TusTransport): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(new CabinetError('aborted', { message: transport.message('aborted') }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}
