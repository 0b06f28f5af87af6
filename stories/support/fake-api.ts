/**
 * A fake Cabinet API for stories: a `fetch` that answers the SDK with real `Response`
 * objects shaped by the schemas of `@mfc-cabinet/core`, without a server. By default it
 * behaves like the demo server: any login and password, registration and password recovery
 * work, and every one-time code is {@link demoCode}; a few common passwords, and the
 * account's last ones at recovery, are refused as the server refuses them. A story replaces
 * the answer of any endpoint to stage a state.
 *
 * @example
 * ```ts
 * const api = new FakeCabinetApi({ replies: { 'POST auth/login': problem(423, 'account_locked', { retryAfter: 900 }) } });
 * const client = api.createClient('ru');
 * ```
 */
import {
  createCabinetClient,
  errorMessages,
  isValidSnils,
  passwordProblems,
  type AccountLevel,
  type CabinetClient,
  type CabinetErrorCode,
  type FieldError,
  type Locale,
  type OtpChallenge,
  type OtpChannel,
  type Profile,
  type RecoveryChallenge,
  type Session,
} from '@mfc-cabinet/core';

/** The one-time code the fake server accepts, whatever it was sent for. */
export const demoCode = '123456';

/** The endpoints of the Cabinet API the fake server knows: method and path under the base URL. */
export type Endpoint =
  | 'GET auth/session'
  | 'POST auth/login'
  | 'POST auth/login/code'
  | 'POST auth/login/code/resend'
  | 'POST auth/logout'
  | 'GET consents/personal-data'
  | 'POST auth/registration'
  | 'POST auth/registration/code'
  | 'POST auth/registration/code/resend'
  | 'POST auth/recovery'
  | 'POST auth/recovery/code'
  | 'POST auth/recovery/code/resend'
  | 'POST auth/recovery/password'
  | 'GET profile'
  | 'PUT profile/personal-data'
  | 'POST profile/email/code'
  | 'POST profile/email/code/resend';

/** One request as the fake server sees it. */
export interface FakeRequest {
  endpoint: Endpoint;
  /** The parsed JSON body, or `undefined`. */
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
  /** Where the sign-in code goes; `null` for an account that signs in with the password alone. @default 'sms' */
  secondFactor?: OtpChannel | null;
  /** Masked phone or e-mail in the sign-in challenge. @default by `secondFactor` */
  destination?: string;
  /** Seconds until the first code (of sign-in, registration or recovery) may be re-sent. @default 60 */
  resendAfter?: number;
  /**
   * How the registry check of saved personal data ends, seen at the widget's next look
   * (`GET profile`). By default it stays `pending`, as it does for a few minutes in life.
   */
  registryCheck?: 'verified' | 'rejected';
  /** The browser drops the session cookie: after sign-in, `GET auth/session` still says nobody. */
  cookieBlocked?: boolean;
  /** Milliseconds before every answer (a slow connection). @default 0 */
  delay?: number;
  /** Milliseconds before the SDK gives up with `timeout`. @default never */
  timeout?: number;
  /** Answers that replace the demo behaviour, per endpoint. */
  replies?: Partial<Record<Endpoint, Handler>>;
}

type CodePurpose = 'login' | 'registration' | 'email' | 'recovery';

/** A one-time code the server is waiting for. */
interface PendingCode {
  purpose: CodePurpose;
  attemptsLeft: number;
}

const codeAttempts = 3;

const defaultDestinations: Record<OtpChannel, string> = {
  sms: '+7 *** ***-45-67',
  email: 'i***@mail.ru',
};

/** Seconds a session lasts without activity, and at most (the server's defaults). */
const idleTimeout = 5 * 60;
const absoluteTimeout = 8 * 3600;

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
  /** The session the browser's cookie points to, if any. */
  session: Session | null = null;
  /** The account signed in or registering. */
  profile: Profile;
  /** Codes sent and not yet used, by challenge id. */
  readonly codes = new Map<string, PendingCode>();
  /** Where a registration's e-mail code goes, once the phone is confirmed. */
  pendingEmail: string | undefined;
  /**
   * The account's last passwords, which recovery refuses as `password_reused`; it starts
   * with the one the sign-in stories type.
   */
  readonly usedPasswords: string[] = ['Parol-2024!'];
  #ids = 0;

  constructor(options: FakeApiOptions = {}) {
    this.options = options;
    const [lastName = null, firstName = null, middleName = null] = (
      options.account?.displayName ?? 'Иванов Иван Иванович'
    ).split(' ');
    this.profile = {
      id: 'user-1',
      level: options.account?.level ?? 'standard',
      lastName,
      firstName,
      middleName,
      birthDate: '1985-04-12',
      phone: '+7 900 123-45-67',
      email: 'ivanov@mail.ru',
      snils: '112-233-445 95',
      inn: null,
      passport: { series: '4509', number: '123456', issuedAt: '2015-05-20' },
      secondFactor: options.secondFactor === undefined ? 'sms' : options.secondFactor,
      registryCheck: { status: options.account?.level === 'simplified' ? 'not_submitted' : 'verified', reason: null },
      createdAt: new Date(Date.now() - 400 * 86_400_000).toISOString(),
    };
    if (options.signedIn) this.session = this.newSession();
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
    const basePath = new URL(this.baseUrl, request.url).pathname;
    const endpoint = `${request.method} ${new URL(request.url).pathname.slice(basePath.length + 1)}`;
    const locale: Locale = request.headers.get('accept-language')?.startsWith('en') ? 'en' : 'ru';
    let reply: Reply;
    if (isEndpoint(endpoint)) {
      const body = request.body ? ((await request.json()) as Record<string, unknown>) : undefined;
      const fakeRequest: FakeRequest = { endpoint, body, locale };
      this.requests.push(fakeRequest);
      const handler = this.options.replies?.[endpoint] ?? demoHandlers[endpoint];
      reply = typeof handler === 'function' ? handler(fakeRequest, this) : handler;
    } else {
      reply = problemReply(locale, 404, 'not_found');
    }
    await pause(this.options.delay ?? 0, request.signal);
    return respond(reply, request.signal);
  };

  /** A session of the account, as the server creates it at sign-in. */
  newSession(): Session {
    const now = Date.now();
    const { lastName, firstName, middleName, phone } = this.profile;
    return {
      user: {
        id: this.profile.id,
        displayName: [lastName, firstName, middleName].filter(Boolean).join(' ') || phone || '',
        level: this.profile.level,
        role: 'citizen',
      },
      csrfToken: 'fake-csrf-token',
      createdAt: new Date(now).toISOString(),
      idleExpiresAt: new Date(now + idleTimeout * 1000).toISOString(),
      expiresAt: new Date(now + absoluteTimeout * 1000).toISOString(),
      idleExpiresIn: idleTimeout,
      expiresIn: absoluteTimeout,
      idleTimeout,
    };
  }

  /** Signs in on the server and returns the session (which the browser may not keep). */
  signIn(): Session {
    const session = this.newSession();
    if (!this.options.cookieBlocked) this.session = session;
    return session;
  }

  /** Sends a code: the challenge of a sign-in, a registration or an e-mail confirmation. */
  sendCode(purpose: CodePurpose, channel: OtpChannel, destination: string, resendAfter = 60, id = this.#newId(purpose)): OtpChallenge {
    this.codes.set(id, { purpose, attemptsLeft: codeAttempts });
    return { id, channel, destination, codeLength: demoCode.length, expiresIn: 300, resendAfter, attemptsLeft: codeAttempts };
  }

  /** Sends a recovery code, without saying where to (that would reveal the account). */
  sendRecoveryCode(resendAfter = 60, id = this.#newId('recovery')): RecoveryChallenge {
    this.codes.set(id, { purpose: 'recovery', attemptsLeft: codeAttempts });
    return { id, codeLength: demoCode.length, expiresIn: 300, resendAfter, attemptsLeft: codeAttempts };
  }

  #newId(purpose: CodePurpose): string {
    return `${purpose}-${++this.#ids}`;
  }
}

const endpoints: ReadonlySet<string> = new Set<Endpoint>([
  'GET auth/session',
  'POST auth/login',
  'POST auth/login/code',
  'POST auth/login/code/resend',
  'POST auth/logout',
  'GET consents/personal-data',
  'POST auth/registration',
  'POST auth/registration/code',
  'POST auth/registration/code/resend',
  'POST auth/recovery',
  'POST auth/recovery/code',
  'POST auth/recovery/code/resend',
  'POST auth/recovery/password',
  'GET profile',
  'PUT profile/personal-data',
  'POST profile/email/code',
  'POST profile/email/code/resend',
]);

function isEndpoint(value: string): value is Endpoint {
  return endpoints.has(value);
}

// ------------------------------------------------------------------ the demo behaviour

const demoHandlers: Record<Endpoint, Handler> = {
  'GET auth/session': (_request, api) => ok({ session: api.session }),

  'POST auth/login': ({ body, locale }, api) => {
    const errors = required(body, ['identifier', 'password'], locale);
    if (errors.length > 0) return problemReply(locale, 400, 'validation_failed', { errors });
    const channel = api.options.secondFactor === undefined ? 'sms' : api.options.secondFactor;
    if (channel === null) return ok({ status: 'authenticated', session: api.signIn() });
    const destination = api.options.destination ?? defaultDestinations[channel];
    return ok({ status: 'code_required', challenge: api.sendCode('login', channel, destination, api.options.resendAfter) });
  },

  'POST auth/login/code': (request, api) =>
    checkCode(request, api, 'login', () => ok({ status: 'authenticated', session: api.signIn() })),

  'POST auth/login/code/resend': (request, api) =>
    resendCode(request, api, 'login', (id) => {
      const channel = api.options.secondFactor ?? 'sms';
      return ok(api.sendCode('login', channel, api.options.destination ?? defaultDestinations[channel], 60, id));
    }),

  'POST auth/logout': (_request, api) => {
    api.endSession();
    return { kind: 'empty', status: 204 };
  },

  'GET consents/personal-data': ({ locale }) => ok(consents[locale]),

  'POST auth/registration': ({ body, locale }, api) => {
    const phone = String(body?.['phone'] ?? '');
    const email = typeof body?.['email'] === 'string' && body['email'] ? body['email'] : undefined;
    const errors = [
      ...required(body, ['phone', 'password'], locale),
      ...passwordErrors(String(body?.['password'] ?? ''), [phone, email ?? ''], locale),
    ];
    const consent = body?.['consent'] as { version?: unknown; accepted?: unknown } | undefined;
    if (consent?.accepted !== true) {
      errors.push({ field: 'consent.accepted', code: 'consent_required', message: fieldMessages[locale].consent });
    } else if (consent.version !== consents[locale].version) {
      errors.push({ field: 'consent.version', code: 'consent_outdated', message: fieldMessages[locale].consentOutdated });
    }
    if (errors.length > 0) return problemReply(locale, 400, 'validation_failed', { errors });
    api.profile = newAccount(phone);
    api.pendingEmail = email;
    return ok({ challenge: api.sendCode('registration', 'sms', maskPhone(phone), api.options.resendAfter) });
  },

  'POST auth/registration/code': (request, api) =>
    checkCode(request, api, 'registration', () => {
      const session = api.signIn();
      const email = api.pendingEmail;
      return ok({
        status: 'authenticated',
        session,
        emailChallenge: email ? api.sendCode('email', 'email', maskEmail(email)) : null,
      });
    }),

  'POST auth/registration/code/resend': (request, api) =>
    resendCode(request, api, 'registration', (id) =>
      ok({ challenge: api.sendCode('registration', 'sms', maskPhone(api.profile.phone ?? ''), 60, id) }),
    ),

  'POST auth/recovery': ({ body, locale }, api) => {
    const errors = required(body, ['identifier'], locale);
    if (errors.length > 0) return problemReply(locale, 400, 'validation_failed', { errors });
    return ok({ challenge: api.sendRecoveryCode(api.options.resendAfter) });
  },

  'POST auth/recovery/code': (request, api) =>
    checkCode(request, api, 'recovery', () => ok({ resetToken: 'fake-reset-token', expiresIn: 600 })),

  'POST auth/recovery/code/resend': (request, api) =>
    resendCode(request, api, 'recovery', (id) => ok({ challenge: api.sendRecoveryCode(60, id) })),

  'POST auth/recovery/password': ({ body, locale }, api) => {
    if (body?.['resetToken'] !== 'fake-reset-token') return problemReply(locale, 400, 'otp_expired');
    const password = String(body['password'] ?? '');
    const errors = passwordErrors(password, [], locale);
    if (errors.length === 0 && api.usedPasswords.includes(password)) {
      errors.push({ field: 'password', code: 'password_reused', message: fieldMessages[locale].passwordReused });
    }
    if (errors.length > 0) return problemReply(locale, 400, 'validation_failed', { errors });
    api.usedPasswords.unshift(password);
    api.usedPasswords.splice(5);
    api.endSession();
    return { kind: 'empty', status: 204 };
  },

  'GET profile': ({ locale }, api) => {
    if (!api.session) return problemReply(locale, 401, 'unauthenticated');
    const outcome = api.options.registryCheck;
    if (outcome && api.profile.registryCheck.status === 'pending') {
      api.profile = {
        ...api.profile,
        level: outcome === 'verified' ? 'standard' : api.profile.level,
        registryCheck: { status: outcome, reason: outcome === 'rejected' ? registryRejections[locale] : null },
      };
    }
    return ok(api.profile);
  },

  'PUT profile/personal-data': ({ body, locale }, api) => {
    if (!api.session) return problemReply(locale, 401, 'unauthenticated');
    const passport = (body?.['passport'] ?? {}) as Record<string, unknown>;
    const errors = required(body, ['lastName', 'firstName', 'birthDate', 'snils'], locale);
    if (typeof body?.['snils'] === 'string' && body['snils'] && !isValidSnils(body['snils'])) {
      errors.push({ field: 'snils', code: 'snils_checksum', message: fieldMessages[locale].snils });
    }
    for (const field of ['series', 'number', 'issuedAt'] as const) {
      if (!passport[field]) errors.push({ field: `passport.${field}`, code: 'required', message: fieldMessages[locale].required });
    }
    if (errors.length > 0) return problemReply(locale, 400, 'validation_failed', { errors });
    const text = (name: string) => (typeof body?.[name] === 'string' && body[name] ? String(body[name]) : null);
    api.profile = {
      ...api.profile,
      lastName: text('lastName'),
      firstName: text('firstName'),
      middleName: text('middleName'),
      birthDate: text('birthDate'),
      snils: text('snils'),
      inn: text('inn'),
      passport: {
        series: String(passport['series']),
        number: String(passport['number']),
        issuedAt: String(passport['issuedAt']),
        ...(passport['issuedBy'] ? { issuedBy: String(passport['issuedBy']) } : {}),
      },
      registryCheck: { status: 'pending', reason: null },
    };
    return ok(api.profile);
  },

  'POST profile/email/code': (request, api) =>
    checkCode(request, api, 'email', () => {
      api.profile = { ...api.profile, email: api.pendingEmail ?? api.profile.email };
      api.pendingEmail = undefined;
      return ok(api.profile);
    }),

  'POST profile/email/code/resend': (request, api) =>
    resendCode(request, api, 'email', (id) =>
      ok({ challenge: api.sendCode('email', 'email', maskEmail(api.pendingEmail ?? ''), 60, id) }),
    ),
};

/** Checks a one-time code: {@link demoCode} passes; three wrong ones end the attempt. */
function checkCode({ body, locale }: FakeRequest, api: FakeCabinetApi, purpose: CodePurpose, passed: () => Reply): Reply {
  const id = String(body?.['challengeId'] ?? '');
  const pending = api.codes.get(id);
  if (!pending || pending.purpose !== purpose) return problemReply(locale, 400, 'otp_expired');
  if (body?.['code'] === demoCode) {
    api.codes.delete(id);
    return passed();
  }
  pending.attemptsLeft -= 1;
  if (pending.attemptsLeft > 0) return problemReply(locale, 400, 'otp_invalid', { attemptsLeft: pending.attemptsLeft });
  api.codes.delete(id);
  return problemReply(locale, 400, 'otp_attempts_exceeded');
}

/** Sends a new code for the same attempt, which keeps its id. */
function resendCode({ body, locale }: FakeRequest, api: FakeCabinetApi, purpose: CodePurpose, send: (id: string) => Reply): Reply {
  const id = String(body?.['challengeId'] ?? '');
  return api.codes.get(id)?.purpose === purpose ? send(id) : problemReply(locale, 400, 'otp_expired');
}

function newAccount(phone: string): Profile {
  return {
    id: 'user-2',
    level: 'simplified',
    lastName: null,
    firstName: null,
    middleName: null,
    birthDate: null,
    phone,
    email: null,
    snils: null,
    inn: null,
    passport: null,
    secondFactor: 'sms',
    registryCheck: { status: 'not_submitted', reason: null },
    createdAt: new Date().toISOString(),
  };
}

function maskPhone(phone: string): string {
  return `+7 *** ***-${phone.replace(/\D/g, '').slice(-4).replace(/(\d\d)(\d\d)/, '$1-$2')}`;
}

function maskEmail(email: string): string {
  const [name = '', domain = ''] = email.split('@');
  return `${name.slice(0, 1)}***@${domain}`;
}

const consents: Record<Locale, { version: string; title: string; text: string }> = {
  ru: {
    version: '2026-01',
    title: 'Согласие на обработку персональных данных',
    text:
      'Я даю согласие МФЦ на обработку моих персональных данных для предоставления государственных и муниципальных услуг.\n\n' +
      'Согласие действует до его отзыва. Отозвать его можно в личном кабинете или в любом офисе МФЦ.',
  },
  en: {
    version: '2026-01',
    title: 'Consent to the processing of personal data',
    text:
      'I consent to the MFC processing my personal data to provide state and municipal services.\n\n' +
      'The consent is valid until withdrawn. It can be withdrawn in the personal cabinet or at any MFC office.',
  },
};

/** Why the registry check refused the data, as the server words it. */
const registryRejections: Record<Locale, string> = {
  ru: 'СНИЛС не найден в реестре Социального фонда России. Проверьте номер или обратитесь в МФЦ.',
  en: 'The SNILS was not found in the register of the Social Fund of Russia. Check the number or visit an MFC office.',
};

/** A few of the common passwords the server refuses (it knows thousands); they pass the other rules. */
const commonPasswords: ReadonlySet<string> = new Set(['Qwerty123!', 'Password1!', 'P@ssw0rd', 'Qwerty-2024', 'Parol-123']);

type FieldMessage = 'required' | 'password' | 'passwordCommon' | 'passwordReused' | 'consent' | 'consentOutdated' | 'snils';

const fieldMessages: Record<Locale, Record<FieldMessage, string>> = {
  ru: {
    required: 'Заполните это поле.',
    password: 'Пароль не отвечает требованиям.',
    passwordCommon: 'Этот пароль слишком распространён, его легко подобрать. Придумайте другой.',
    passwordReused: 'Этот пароль уже использовался. Придумайте новый.',
    consent: 'Нужно согласие на обработку персональных данных.',
    consentOutdated: 'Текст согласия обновился. Прочитайте его ещё раз.',
    snils: 'В номере СНИЛС ошибка.',
  },
  en: {
    required: 'Fill in this field.',
    password: 'The password does not meet the rules.',
    passwordCommon: 'This password is too common and easy to guess. Choose another one.',
    passwordReused: 'This password has been used before. Choose a new one.',
    consent: 'The consent to the processing of personal data is required.',
    consentOutdated: 'The consent text has changed. Please read it again.',
    snils: 'The SNILS number has a mistake.',
  },
};

function required(body: Record<string, unknown> | undefined, fields: readonly string[], locale: Locale): FieldError[] {
  return fields
    .filter((field) => typeof body?.[field] !== 'string' || !String(body[field]).trim())
    .map((field) => ({ field, code: 'required', message: fieldMessages[locale].required }));
}

function passwordErrors(password: string, logins: readonly string[], locale: Locale): FieldError[] {
  const [problem] = passwordProblems(password, logins.filter(Boolean));
  if (problem) return [{ field: 'password', code: problem, message: fieldMessages[locale].password }];
  if (commonPasswords.has(password)) return [{ field: 'password', code: 'password_common', message: fieldMessages[locale].passwordCommon }];
  return [];
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

/**
 * A 400 `validation_failed` answer with errors of these fields, e.g.
 * `invalidFields({ field: 'consent.version', code: 'consent_outdated' })`. The messages are the
 * server's, in the request's language, where the fake server knows the code.
 */
export function invalidFields(...errors: Array<{ field: string; code: string }>): Handler {
  const messageKeys: Record<string, FieldMessage> = {
    required: 'required',
    consent_required: 'consent',
    consent_outdated: 'consentOutdated',
    password_common: 'passwordCommon',
    password_reused: 'passwordReused',
    snils_checksum: 'snils',
  };
  return ({ locale }) =>
    problemReply(locale, 400, 'validation_failed', {
      errors: errors.map(({ field, code }) => ({
        field,
        code,
        message: fieldMessages[locale][messageKeys[code] ?? (code.startsWith('password_') ? 'password' : 'required')],
      })),
    });
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

/** The story's fake Cabinet API options: `parameters.fakeApi`. */
export function fakeApiOf(context: { parameters: Record<string, unknown> }): FakeApiOptions {
  return (context.parameters['fakeApi'] as FakeApiOptions | undefined) ?? {};
}

/** The fake server and client the story rendered with, for its `play` function. */
export function mountedCabinet(context: { abortSignal: AbortSignal }): StoryCabinet {
  const cabinet = mounted.get(context.abortSignal);
  if (!cabinet) throw new Error('The story has not rendered a fake cabinet yet.');
  return cabinet;
}
