/**
 * A fake Cabinet API for stories: a `fetch` that answers the SDK with real `Response`
 * objects shaped by the schemas of `@mfc-cabinet/core`, without a server. By default it
 * behaves like the demo server (any login and password, then the one-time code
 * {@link demoCode}); a story replaces the answer of any endpoint to stage a state.
 *
 * @example
 * ```ts
 * const api = new FakeCabinetApi({ replies: { login: problem(423, 'account_locked', { retryAfter: 900 }) } });
 * const client = api.createClient('ru');
 * ```
 */
import {
  createCabinetClient,
  errorMessages,
  type AccountLevel,
  type CabinetClient,
  type CabinetErrorCode,
  type FieldError,
  type Locale,
  type OtpChallenge,
  type OtpChannel,
  type Session,
} from '@mfc-cabinet/core';

/** The one-time code the fake server accepts. */
export const demoCode = '123456';

/** The endpoints of the Cabinet API the fake server knows. */
export type Endpoint = 'session' | 'login' | 'verify' | 'resend' | 'logout';

const routes: ReadonlyArray<{ endpoint: Endpoint; method: string; path: RegExp }> = [
  { endpoint: 'session', method: 'GET', path: /\/auth\/session$/ },
  { endpoint: 'login', method: 'POST', path: /\/auth\/login$/ },
  { endpoint: 'verify', method: 'POST', path: /\/auth\/login\/code$/ },
  { endpoint: 'resend', method: 'POST', path: /\/auth\/login\/code\/resend$/ },
  { endpoint: 'logout', method: 'POST', path: /\/auth\/logout$/ },
];

/** One request as the fake server sees it. */
export interface FakeRequest {
  endpoint: Endpoint;
  /** The parsed JSON body of a POST, or `undefined`. */
  body: Record<string, unknown> | undefined;
  /** From `Accept-Language`, which the SDK sets to its locale. */
  locale: Locale;
}

/** What the fake server does with a request. */
export type Reply =
  | { kind: 'json'; status: number; body: unknown; contentType?: string }
  | { kind: 'text'; status: number; body: string; contentType: string }
  | { kind: 'empty'; status: number }
  | { kind: 'network-error' }
  | { kind: 'no-answer' };

/** A fixed reply, or one computed from the request and the server's state. */
export type Handler = Reply | ((request: FakeRequest, api: FakeCabinetApi) => Reply);

export interface FakeApiOptions {
  /** Signed in when the story starts. @default false */
  signedIn?: boolean;
  /** Who signs in. @default { displayName: 'Иванов Иван Иванович', level: 'standard' } */
  account?: { displayName?: string; level?: AccountLevel };
  /** Where the one-time code goes; `null` for an account that signs in with the password alone. @default 'sms' */
  secondFactor?: OtpChannel | null;
  /** Masked phone or e-mail in the challenge. @default by `secondFactor` */
  destination?: string;
  /** Seconds until the first code may be re-sent. @default 60 */
  resendAfter?: number;
  /** The browser drops the session cookie: after sign-in, `GET auth/session` still says nobody. */
  cookieBlocked?: boolean;
  /** Milliseconds before every answer (a slow connection). @default 0 */
  delay?: number;
  /** Milliseconds before the SDK gives up with `timeout`. @default never */
  timeout?: number;
  /** Answers that replace the demo behaviour, per endpoint. */
  replies?: Partial<Record<Endpoint, Handler>>;
}

const defaultDestinations: Record<OtpChannel, string> = {
  sms: '+7 *** ***-45-67',
  email: 'i***@mail.ru',
};

/** The longest timeout ky accepts: in effect, the SDK waits forever. */
const noTimeout = 2_147_483_647;

let servers = 0;

export class FakeCabinetApi {
  /**
   * Root of this server's API. Unique per server because the SDK shares sign-in and
   * sign-out between clients of the same `baseUrl` (other tabs): stories on one Docs page
   * must not sign each other out.
   */
  readonly baseUrl = `/fake-cabinet-${++servers}/api/v1`;
  /** Every request answered so far, oldest first. */
  readonly requests: FakeRequest[] = [];
  readonly options: FakeApiOptions;
  session: Session | null;
  challenge: OtpChallenge | undefined;

  constructor(options: FakeApiOptions = {}) {
    this.options = options;
    this.session = options.signedIn ? this.newSession() : null;
  }

  /** A client of this server, as `createCabinetClient()` makes it for a page. */
  createClient(locale: Locale = 'ru'): CabinetClient {
    return createCabinetClient({
      baseUrl: this.baseUrl,
      fetch: this.fetch,
      locale,
      timeout: this.options.timeout ?? noTimeout,
    });
  }

  /** Ends the session on the server, as the idle timeout does. */
  endSession(): void {
    this.session = null;
  }

  /** The `fetch` to give to `createCabinetClient()`. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const route = routes.find(
      ({ method, path }) => method === request.method && path.test(new URL(request.url).pathname),
    );
    const locale: Locale = request.headers.get('accept-language')?.startsWith('en') ? 'en' : 'ru';
    let reply: Reply;
    if (route) {
      const body = request.method === 'POST' && request.body ? await request.json() : undefined;
      const fakeRequest: FakeRequest = { endpoint: route.endpoint, body, locale };
      this.requests.push(fakeRequest);
      const handler = this.options.replies?.[route.endpoint] ?? demoHandlers[route.endpoint];
      reply = typeof handler === 'function' ? handler(fakeRequest, this) : handler;
    } else {
      reply = problemReply(locale, 404, 'not_found');
    }
    await pause(this.options.delay ?? 0, request.signal);
    return respond(reply, request.signal);
  };

  /** A session for the account of the options, as the server creates it at sign-in. */
  newSession(): Session {
    const now = Date.now();
    return {
      user: {
        id: 'user-1',
        displayName: this.options.account?.displayName ?? 'Иванов Иван Иванович',
        level: this.options.account?.level ?? 'standard',
      },
      csrfToken: 'fake-csrf-token',
      createdAt: new Date(now).toISOString(),
      idleExpiresAt: new Date(now + 5 * 60_000).toISOString(),
      expiresAt: new Date(now + 8 * 3_600_000).toISOString(),
    };
  }

  /** Signs in on the server and answers with the session (which the browser may not keep). */
  signIn(): Reply {
    const session = this.newSession();
    this.challenge = undefined;
    if (!this.options.cookieBlocked) this.session = session;
    return ok({ status: 'authenticated', session });
  }

  newChallenge(resendAfter: number): OtpChallenge {
    const channel = this.options.secondFactor ?? 'sms';
    this.challenge = {
      id: 'challenge-1',
      channel,
      destination: this.options.destination ?? defaultDestinations[channel],
      codeLength: demoCode.length,
      expiresIn: 300,
      resendAfter,
      attemptsLeft: 3,
    };
    return this.challenge;
  }
}

// ------------------------------------------------------------------ the demo behaviour

const demoHandlers: Record<Endpoint, Handler> = {
  session: (_request, api) => ok({ session: api.session }),

  login: ({ body, locale }, api) => {
    const errors: FieldError[] = [];
    if (typeof body?.['identifier'] !== 'string' || !body['identifier'].trim()) {
      errors.push(fieldError('identifier', locale));
    }
    if (typeof body?.['password'] !== 'string' || !body['password']) errors.push(fieldError('password', locale));
    if (errors.length > 0) return problemReply(locale, 400, 'validation_failed', { errors });
    if (api.options.secondFactor === null) return api.signIn();
    return ok({ status: 'code_required', challenge: api.newChallenge(api.options.resendAfter ?? 60) });
  },

  verify: ({ body, locale }, api) => {
    const { challenge } = api;
    if (!challenge || body?.['challengeId'] !== challenge.id) return problemReply(locale, 400, 'otp_expired');
    if (body['code'] === demoCode) return api.signIn();
    challenge.attemptsLeft -= 1;
    if (challenge.attemptsLeft <= 0) {
      api.challenge = undefined;
      return problemReply(locale, 400, 'otp_attempts_exceeded');
    }
    return problemReply(locale, 400, 'otp_invalid', { attemptsLeft: challenge.attemptsLeft });
  },

  resend: ({ body, locale }, api) => {
    if (!api.challenge || body?.['challengeId'] !== api.challenge.id) return problemReply(locale, 400, 'otp_expired');
    return ok(api.newChallenge(60));
  },

  logout: (_request, api) => {
    api.endSession();
    return { kind: 'empty', status: 204 };
  },
};

const fieldMessages: Record<Locale, Record<'identifier' | 'password', string>> = {
  ru: { identifier: 'Укажите телефон, почту или СНИЛС.', password: 'Укажите пароль.' },
  en: { identifier: 'Enter a phone, e-mail or SNILS.', password: 'Enter the password.' },
};

function fieldError(field: 'identifier' | 'password', locale: Locale): FieldError {
  return { field, code: 'required', message: fieldMessages[locale][field] };
}

// ------------------------------------------------------------------ replies

/** 200 with a JSON body. */
export function ok(body: unknown): Reply {
  return { kind: 'json', status: 200, body };
}

type ProblemExtra = { detail?: string; errors?: FieldError[]; retryAfter?: number; attemptsLeft?: number };

/**
 * An RFC 9457 `application/problem+json` answer with the stable `code`, its title in the
 * request's language.
 */
export function problem(status: number, code: CabinetErrorCode, extra: ProblemExtra = {}): Handler {
  return ({ locale }) => problemReply(locale, status, code, extra);
}

function problemReply(locale: Locale, status: number, code: CabinetErrorCode, extra: ProblemExtra = {}): Reply {
  return {
    kind: 'json',
    status,
    contentType: 'application/problem+json',
    body: { type: `urn:mfc-cabinet:problem:${code}`, title: errorMessages[locale][code], status, code, ...extra },
  };
}

/** A proxy in front of the API answers 503 with its own HTML page, as when the API is down. */
export const unavailable: Reply = {
  kind: 'text',
  status: 503,
  contentType: 'text/html',
  body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>',
};

/** The request fails as `fetch` fails offline. */
export const networkError: Reply = { kind: 'network-error' };

/** The server never answers (until the request is aborted): a loading state that stays. */
export const noAnswer: Reply = { kind: 'no-answer' };

function respond(reply: Reply, signal: AbortSignal): Promise<Response> {
  switch (reply.kind) {
    case 'json':
      return Promise.resolve(
        new Response(JSON.stringify(reply.body), {
          status: reply.status,
          headers: { 'content-type': reply.contentType ?? 'application/json' },
        }),
      );
    case 'text':
      return Promise.resolve(new Response(reply.body, { status: reply.status, headers: { 'content-type': reply.contentType } }));
    case 'empty':
      return Promise.resolve(new Response(null, { status: reply.status }));
    case 'network-error':
      return Promise.reject(new TypeError('Failed to fetch'));
    case 'no-answer':
      return pause(Number.POSITIVE_INFINITY, signal) as Promise<never>;
  }
}

/** Waits `ms` (forever for `Infinity`); rejects as `fetch` does when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

// ------------------------------------------------------------------ one client per story

export interface StoryCabinet {
  api: FakeCabinetApi;
  client: CabinetClient;
}

const mounted = new WeakMap<AbortSignal, StoryCabinet>();

/**
 * The fake server and client of the story being shown: created when the story mounts, kept
 * while its args or the toolbar change (so the widget keeps its state), closed when the
 * story unmounts. Storybook gives each mount its own `abortSignal`, aborted at unmount.
 */
export function storyCabinet(context: { abortSignal: AbortSignal }, options: FakeApiOptions, locale: Locale): StoryCabinet {
  let cabinet = mounted.get(context.abortSignal);
  if (!cabinet) {
    const api = new FakeCabinetApi(options);
    const client = api.createClient(locale);
    cabinet = { api, client };
    mounted.set(context.abortSignal, cabinet);
    context.abortSignal.addEventListener('abort', () => client.close(), { once: true });
  }
  return cabinet;
}

/** The fake server and client the story rendered with, for its `play` function. */
export function mountedCabinet(context: { abortSignal: AbortSignal }): StoryCabinet {
  const cabinet = mounted.get(context.abortSignal);
  if (!cabinet) throw new Error('The story has not rendered a fake cabinet yet.');
  return cabinet;
}
