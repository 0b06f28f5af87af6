/**
 * A fake Cabinet API for stories: a `fetch` that answers the SDK with real `Response`
 * objects shaped by the schemas of `@mfc-cabinet/core`, without a server. By default it
 * behaves like the demo server: any login and password, registration and password recovery
 * work (unless {@link FakeApiOptions.password} names the account's), and every one-time code
 * is {@link demoCode}. Its rules and numbers are the server's: `authPolicy` of
 * `@mfc-cabinet/core` (code attempts and lifetimes, session timeouts, lockout), and new
 * passwords go through the server's own checks (`passwordRuleProblems`: `checkPassword` and
 * the list of common passwords), the account's last ones refused at recovery. A password that
 * starts with {@link temporaryPasswordPrefix} is a temporary one from an МФЦ operator. The
 * session has an idle deadline that use moves, told in the `Cabinet-Session-Idle-Expires-In`
 * header, and ends when it passes; «Безопасность» lists the account's other devices and
 * gives the identity code `K7QF-2MZX`, which {@link FakeCabinetApi.confirmIdentity} confirms
 * as an operator would. A story replaces the answer of any endpoint to stage a state.
 *
 * @example
 * ```ts
 * const api = new FakeCabinetApi({ replies: { 'POST auth/login': problem(423, 'account_locked', { retryAfter: 900 }) } });
 * const client = api.createClient('ru');
 * ```
 */
import {
  authPolicy,
  createCabinetClient,
  errorMessagesRu,
  isValidSnils,
  passwordMaxLength,
  passwordMinLength,
  sessionIdleHeader,
  type AccountLevel,
  type CabinetClient,
  type CabinetErrorCode,
  type FieldError,
  type IdentityConfirmation,
  type Locale,
  type OtpChallenge,
  type OtpChannel,
  type PasswordProblem,
  type Profile,
  type RecoveryChallenge,
  type Session,
  type SessionInfo,
} from '@mfc-cabinet/core';
// The reference server draws its QR codes with the same library (packages/server/src/http/qr-svg.ts).
import { errorMessagesEn } from '@mfc-cabinet/core/messages-en';
import {
  consentMessagesRu,
  fieldMessageRu,
  passwordMessagesRu,
  passwordRuleProblems,
  problemStatus,
  problemType,
  type FieldMessageCode,
  type ProblemCode,
} from '@mfc-cabinet/core/schemas';
import qrcode from 'qrcode-generator';
import { applicationsEndpoints, applicationsHandlers, applicationsSessionNeeds, type ApplicationsEndpoint, type FakeApplicationsOptions } from './fake-applications.js';
import { catalogEndpoints, catalogHandlers, catalogSessionNeeds, type CatalogEndpoint, type FakeCatalogOptions } from './fake-catalog.js';
import { trackerEndpoints, trackerHandlers, trackerSessionNeeds, type FakeTrackerOptions, type TrackerEndpoint } from './fake-tracker.js';
import { documentsEndpoints, documentsHandlers, documentsSessionNeeds, type DocumentsEndpoint, type FakeDocumentsOptions } from './fake-documents.js';
import { profileEndpoints, profileHandlers, profileSessionNeeds, recordPersonalData, type FakeProfileOptions, type ProfileEndpoint } from './fake-profile.js';
import { historyOf } from './fake-profile-history.js';

/** The one-time code the fake server accepts, whatever it was sent for: `123456`. */
export const demoCode = '1234567890'.slice(0, authPolicy.codeLength);

/** A password that starts with this is a temporary one an МФЦ operator issued, e.g. `Temp-4821-Kx`. */
export const temporaryPasswordPrefix = 'Temp-';

/** The code for confirming the identity at an МФЦ the fake server gives. */
export const identityCode = 'K7QF-2MZX';

/** The endpoints of the Cabinet API the fake server knows: method and path under the base URL. */
export type Endpoint =
  | 'GET auth/session'
  | 'POST auth/login'
  | 'POST auth/login/code'
  | 'POST auth/login/code/resend'
  | 'POST auth/logout'
  | 'POST auth/session/extend'
  | 'POST auth/password/temporary'
  | 'GET auth/sessions'
  | 'DELETE auth/sessions/:id'
  | 'POST auth/sessions/revoke-others'
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
  | 'POST profile/email/code/resend'
  | 'POST profile/identity-confirmation'
  | 'GET profile/identity-confirmation'
  | 'GET profile/identity-confirmation/qr.svg'
  | CatalogEndpoint
  | ApplicationsEndpoint
  | DocumentsEndpoint
  | TrackerEndpoint
  | ProfileEndpoint;

/** One request as the fake server sees it. */
export interface FakeRequest {
  endpoint: Endpoint;
  /** The parsed JSON body, or `undefined`. */
  body: Record<string, unknown> | undefined;
  /** The parameters in the path, e.g. `{ id }` of `DELETE auth/sessions/:id`. */
  params: Record<string, string>;
  /** The query string, e.g. the filters and cursor of `GET catalog/services`. */
  query: URLSearchParams;
  /** From `Accept-Language`, which the SDK sets to its locale. */
  locale: Locale;
  /** The request's headers (tus reads `Upload-Length`, `Upload-Offset`, `Upload-Metadata`). */
  headers?: Headers;
  /** The bytes of a tus chunk (`PATCH uploads/:id`), which is not JSON. */
  chunk?: Blob | undefined;
}

/** What the fake server does with a request. */
export type Reply =
  | { kind: 'json'; status: number; body: unknown; contentType?: string; headers?: Record<string, string> }
  | { kind: 'text'; status: number; body: string; contentType: string; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | { kind: 'network-error' }
  | { kind: 'no-answer' };

/** A fixed reply, or one computed from the request and the server's state. */
export type Handler = Reply | ((request: FakeRequest, api: FakeCabinetApi) => Reply);

export interface FakeApiOptions {
  /** Signed in when the story starts. @default false */
  signedIn?: boolean;
  /**
   * The account's password: any other one is refused as the server refuses it
   * (`invalid_credentials` with the attempts left, then `account_locked`). @default any password signs in
   */
  password?: string;
  /**
   * Seconds the session signed in at the start has left without use (the server's idle
   * timeout is 5 minutes). At 60 or less the «Вы ещё здесь?» warning opens at once.
   * @default 300
   */
  idleExpiresIn?: number;
  /** This browser, as «Безопасность» lists it. @default «Chrome, Windows», place unknown */
  thisDevice?: Partial<Pick<SessionInfo, 'device' | 'place' | 'ip'>>;
  /** The account's sessions in other browsers. @default none */
  otherDevices?: FakeDevice[];
  /**
   * Where the identity confirmation stands when the story starts: a code already waiting (the
   * page was reloaded), or one that expired. @default none
   */
  identity?: 'waiting' | 'expired';
  /** Seconds an identity code stays valid. @default `authPolicy.identityCodeLifetimeSeconds` (600) */
  identityCodeExpiresIn?: number;
  /** Who signs in. @default { displayName: 'Иванов Иван Иванович', level: 'standard' } */
  account?: { displayName?: string; level?: AccountLevel };
  /** Where the sign-in code goes; `null` for an account that signs in with the password alone. @default 'sms' */
  secondFactor?: OtpChannel | null;
  /** Masked phone or e-mail in the sign-in challenge. @default by `secondFactor` */
  destination?: string;
  /** Seconds until the first code (of sign-in, registration or recovery) may be re-sent. @default `authPolicy.resendAfterSeconds` (60) */
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
  /** The service catalog: a dozen sample services by default (`fake-catalog.ts`). */
  catalog?: FakeCatalogOptions;
  /** Applications: the form of every service and the drafts at the start (`fake-applications.ts`). */
  applications?: FakeApplicationsOptions;
  /** The document vault and uploads: sample documents, uploads that go through (`fake-documents.ts`). */
  documents?: FakeDocumentsOptions;
  /** The citizen's applications as the tracker shows them (`fake-tracker.ts`); without it, the drafts of `applications`. */
  tracker?: FakeTrackerOptions;
  /**
   * The profile at the start (`start`: a `new` account without personal data, or a
   * `confirmed` one) and the entries of its histories of changes and sign-ins
   * (`fake-profile.ts`, `fake-profile-history.ts`).
   */
  profile?: FakeProfileOptions;
}

/** A browser where the account is signed in, as the server describes it (`SessionInfo`). */
export interface FakeDevice {
  /** Browser and system, e.g. «Chrome, Windows» (the server says «Неизвестное устройство» when it cannot tell). */
  device: string;
  /** `Локальная сеть` for a local address; `null` when unknown (the server knows no other places). */
  place: string | null;
  /** The masked address, e.g. `95.165.12.*` or `2a02:6b8:b010:*`. */
  ip: string;
  /** Minutes since it signed in. */
  signedInMinutesAgo: number;
  /** Minutes since its last request. */
  lastSeenMinutesAgo: number;
}

/** What a one-time code is for: `contact` is a change of the phone or e-mail (`fake-profile.ts`). */
export type CodePurpose = 'login' | 'registration' | 'email' | 'recovery' | 'contact';

/** A one-time code the server is waiting for. */
interface PendingCode {
  purpose: CodePurpose;
  attemptsLeft: number;
}

const defaultDestinations: Record<OtpChannel, string> = {
  sms: '+7 *** ***-45-67',
  email: 'i***@mail.ru',
};

/** Seconds a session lasts without activity, and at most (the server's defaults). */
const { idleTimeoutSeconds: idleTimeout, absoluteTimeoutSeconds: absoluteTimeout } = authPolicy;

/** A session on the server: its deadlines in `Date.now()` milliseconds. */
interface SessionRecord {
  id: string;
  csrfToken: string;
  createdAt: number;
  idleDeadline: number;
  absoluteDeadline: number;
}

/** The identity confirmation: a code waits until `expiresAt` (milliseconds). */
interface IdentityState {
  status: 'none' | 'waiting' | 'confirmed';
  code: string | null;
  expiresAt: number;
}

/** The change token of a sign-in with a temporary password. */
const changeToken = 'fake-change-token';

/** The longest timeout ky accepts: in effect, the SDK waits forever. */
const noTimeout = 2_147_483_647;

let servers = 0;
/** Tells this page's fake servers from those of other tabs with the stories open. */
const thisPage = Math.random().toString(36).slice(2, 8);

export class FakeCabinetApi {
  /**
   * Root of this server's API. Unique per server, also across tabs, because the SDK shares
   * sign-in, sign-out and the idle deadline between clients of the same `baseUrl` (other
   * tabs): stories on one Docs page, or in two tabs, must not sign each other out.
   */
  readonly baseUrl = `/fake-cabinet-${thisPage}-${++servers}/api/v1`;
  /** Every request answered so far, oldest first. */
  readonly requests: FakeRequest[] = [];
  /** The story's options (`parameters.fakeApi`), which Storybook may share between stories: not to be changed. */
  readonly options: Readonly<FakeApiOptions>;
  /**
   * This server's replies: a copy of the options', because every story of a file that sets no
   * `parameters.fakeApi` of its own gets the same object, the file's. A reply changed during
   * one story ({@link FakeCabinetApi.reply}) must not change the stories after it.
   */
  readonly #replies: Partial<Record<Endpoint, Handler>>;
  /** The account signed in or registering. */
  profile: Profile;
  /** The account's sessions in other browsers, most recently used first. */
  readonly otherDevices: FakeDevice[];
  /** The temporary password of the sign-in under way, until the citizen chooses one. */
  temporaryPassword: string | undefined;
  /** The login of the sign-in under way (a new password must not contain it). */
  loginIdentifier = '';
  /** Codes sent and not yet used, by challenge id. */
  readonly codes = new Map<string, PendingCode>();
  /** Where a registration's e-mail code goes, once the phone is confirmed. */
  pendingEmail: string | undefined;
  /**
   * The account's last passwords, which recovery refuses as `password_reused`; it starts
   * with the one the sign-in stories type (and {@link FakeApiOptions.password}).
   */
  readonly usedPasswords: string[] = ['Zarechny-2025!'];
  #ids = 0;
  /** The session the browser's cookie points to, if any. */
  #session: SessionRecord | null = null;
  /** The cookie points to a session that ended (timed out or revoked), not to none. */
  #sessionEnded = false;
  #identity: IdentityState = { status: 'none', code: null, expiresAt: 0 };
  #changeToken: string | undefined;
  #qrImage: { code: string | null; url: string } | undefined;
  /** Wrong passwords in a row, and when the lockout they caused ends (`Date.now()` milliseconds). */
  #wrongPasswords = 0;
  #lockedUntil = 0;
  /** The account's password, when {@link FakeApiOptions.password} gave one. */
  #password: string | undefined;
  /** The citizen closed the account (`POST profile/close`): no password signs in any more. */
  closed = false;

  constructor(options: FakeApiOptions = {}) {
    this.options = options;
    this.#replies = { ...options.replies };
    const [lastName = null, firstName = null, middleName = null] = (
      options.account?.displayName ?? 'Иванов Иван Иванович'
    ).split(' ');
    const start = options.profile?.start;
    const level = options.account?.level ?? (start === 'new' ? 'simplified' : start === 'confirmed' ? 'confirmed' : 'standard');
    this.profile = {
      id: 'user-1',
      level,
      lastName,
      firstName,
      middleName,
      birthDate: '1985-04-12',
      phone: '+7 900 123-45-67',
      email: 'ivanov@mail.ru',
      snils: '112-233-445 95',
      inn: null,
      passport: { series: '4509', number: '123456', issuedAt: '2015-05-20' },
      registrationAddress: 'г. Заречный, ул. Садовая, д. 5, кв. 12',
      secondFactor: options.secondFactor === undefined ? 'sms' : options.secondFactor,
      registryCheck: { status: level === 'simplified' ? 'not_submitted' : 'verified', reason: null },
      createdAt: new Date(Date.now() - 400 * 86_400_000).toISOString(),
    };
    if (start === 'new') {
      // «Заполнить позже» at registration: the phone alone, a day ago.
      this.profile = { ...newAccount(this.profile.phone ?? ''), id: 'user-1', level, secondFactor: this.profile.secondFactor };
      this.profile.createdAt = new Date(Date.now() - 86_400_000).toISOString();
    }
    this.otherDevices = [...(options.otherDevices ?? [])].sort((a, b) => a.lastSeenMinutesAgo - b.lastSeenMinutesAgo);
    if (options.identity) {
      const expiresIn = options.identity === 'waiting' ? (options.identityCodeExpiresIn ?? authPolicy.identityCodeLifetimeSeconds) : -1;
      this.#identity = { status: 'waiting', code: identityCode, expiresAt: Date.now() + expiresIn * 1000 };
    }
    this.#password = options.password;
    if (options.password !== undefined) this.usedPasswords.unshift(options.password);
    if (options.signedIn) this.#session = this.#newSession(options.idleExpiresIn);
  }

  /** The live session the browser's cookie points to, its times counted from now; `null` when none. */
  get session(): Session | null {
    const record = this.#liveSession();
    return record && this.#sessionView(record);
  }

  /**
   * A client of this server, as `createCabinetClient()` makes it for a page. An `<img>` loads
   * the identity QR code itself, past the client's `fetch`: the client names this server's
   * answer to it as a `data:` URL instead (ending in `#`, so that the `?code=` the widget
   * appends is a fragment, which a `data:` URL ignores).
   */
  createClient(locale: Locale = 'ru'): CabinetClient {
    const client = createCabinetClient({
      baseUrl: this.baseUrl,
      fetch: this.fetch,
      locale,
      timeout: this.options.timeout ?? noTimeout,
    });
    Object.defineProperty(client.profile, 'identityQrUrl', {
      configurable: true,
      get: () => this.#qrImageUrl(locale),
    });
    return client;
  }

  /** From now on, answers `endpoint` with `reply` (the network going, the server failing). */
  reply(endpoint: Endpoint, reply: Handler): void {
    this.#replies[endpoint] = reply;
  }

  /** Ends the session on the server, as the idle timeout or a revocation from another device does. */
  endSession(): void {
    if (this.#session) this.#sessionEnded = true;
    this.#session = null;
  }

  /** Signs out on the server: the session ends and the browser's cookie goes. */
  signOut(): void {
    this.#session = null;
    this.#sessionEnded = false;
  }

  /** An МФЦ operator confirms the identity with the waiting code: the account becomes «confirmed». */
  confirmIdentity(): void {
    this.profile = { ...this.profile, level: 'confirmed' };
    this.#identity = { status: 'confirmed', code: null, expiresAt: 0 };
  }

  /** Where the identity confirmation stands, as `GET profile/identity-confirmation` tells it. */
  identityConfirmation(): IdentityConfirmation {
    const { status, code, expiresAt } = this.#identity;
    if (this.profile.level === 'confirmed' || status === 'confirmed') return { status: 'confirmed', code: null, expiresIn: null };
    if (status === 'none') return { status: 'none', code: null, expiresIn: null };
    const expiresIn = Math.ceil((expiresAt - Date.now()) / 1000);
    return expiresIn > 0 ? { status: 'waiting', code, expiresIn } : { status: 'expired', code: null, expiresIn: null };
  }

  /** Gives a new identity code, valid `identityCodeExpiresIn` seconds. */
  startIdentityConfirmation(): IdentityConfirmation {
    const seconds = this.options.identityCodeExpiresIn ?? authPolicy.identityCodeLifetimeSeconds;
    this.#identity = { status: 'waiting', code: identityCode, expiresAt: Date.now() + seconds * 1000 };
    return this.identityConfirmation();
  }

  /** The sessions of the account as «Безопасность» lists them: this browser's first. */
  sessionList(): SessionInfo[] {
    const record = this.#liveSession();
    if (!record) return [];
    const now = Date.now();
    const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    const here = this.options.thisDevice;
    return [
      {
        id: record.id,
        current: true,
        device: here?.device ?? 'Chrome, Windows',
        place: here?.place ?? null,
        ip: here?.ip ?? '95.165.12.*',
        createdAt: new Date(record.createdAt).toISOString(),
        lastSeenAt: new Date(now).toISOString(),
      },
      ...this.otherDevices.map((other, index) => ({
        id: `other-${index + 1}`,
        current: false,
        device: other.device,
        place: other.place,
        ip: other.ip,
        createdAt: minutesAgo(other.signedInMinutesAgo),
        lastSeenAt: minutesAgo(other.lastSeenMinutesAgo),
      })),
    ];
  }

  /** Ends a session of the account by its id; false when there is none such. */
  revokeSession(id: string): boolean {
    if (id === this.#liveSession()?.id) {
      this.#session = null;
      return true;
    }
    const index = this.sessionList().findIndex((session) => session.id === id && !session.current);
    if (index < 1) return false;
    this.otherDevices.splice(index - 1, 1);
    return true;
  }

  /** Ends every session of the account but this browser's; returns how many ended. */
  revokeOtherSessions(): number {
    return this.otherDevices.splice(0).length;
  }

  /**
   * The session was used: its idle deadline moves to the full idle timeout from now (never
   * past the absolute end), as every request that needs the session does — «Остаться в
   * кабинете» (`POST auth/session/extend`) among them.
   */
  useSession(): void {
    const record = this.#liveSession();
    if (record) record.idleDeadline = Math.min(Date.now() + idleTimeout * 1000, record.absoluteDeadline);
  }

  /** The `fetch` to give to `createCabinetClient()`. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const basePath = new URL(this.baseUrl, request.url).pathname;
    const path = new URL(request.url).pathname.slice(basePath.length + 1);
    const locale: Locale = request.headers.get('accept-language')?.startsWith('en') ? 'en' : 'ru';
    const route = routeOf(request.method, path);
    let reply: Reply;
    if (route) {
      const chunk = request.headers.get('content-type') === 'application/offset+octet-stream' ? await request.blob() : undefined;
      const body = request.body && !chunk ? ((await request.json()) as Record<string, unknown>) : undefined;
      const fakeRequest: FakeRequest = { ...route, body, locale, query: new URL(request.url).searchParams, headers: request.headers, chunk };
      this.requests.push(fakeRequest);
      reply = this.#answer(fakeRequest);
    } else {
      reply = problemReply(locale, 'not_found');
    }
    // As on the server, an answer that looked at the live session tells how long it has left unused.
    const idle = route && tellsIdle(route.endpoint) ? this.session?.idleExpiresIn : undefined;
    await pause(this.options.delay ?? 0, request.signal);
    return respond(reply, request.signal, idle === undefined ? {} : { [sessionIdleHeader]: String(idle) });
  };

  /** The answer to a request: the story's, else the demo server's behind its session check. */
  #answer(request: FakeRequest): Reply {
    const handler = this.#replies[request.endpoint];
    if (handler) return typeof handler === 'function' ? handler(request, this) : handler;
    const need = sessionNeeds[request.endpoint];
    if (need) {
      if (!this.#liveSession()) return problemReply(request.locale, this.#sessionEnded ? 'session_expired' : 'unauthenticated');
      if (need === 'use') this.useSession();
    }
    const demo = demoHandlers[request.endpoint];
    return typeof demo === 'function' ? demo(request, this) : demo;
  }

  /** Signs in on the server and returns the session (which the browser may not keep). */
  signIn(): Session {
    const record = this.#newSession();
    historyOf(this).recordSignIn('signed_in', record.id);
    if (!this.options.cookieBlocked) {
      this.#session = record;
      this.#sessionEnded = false;
    }
    return this.#sessionView(record);
  }

  /**
   * The password (and code) were right: signed in, or, after a temporary password, the
   * permission to choose the citizen's own.
   */
  finishSignIn(): Reply {
    if (this.temporaryPassword === undefined) return ok({ status: 'authenticated', session: this.signIn() });
    this.#changeToken = changeToken;
    return ok({ status: 'password_change_required', changeToken, expiresIn: authPolicy.resetTokenLifetimeSeconds });
  }

  /**
   * Replaces the temporary password with the citizen's own: `otp_expired` for an unknown
   * token, field errors on `password` for a weak or used one (the temporary one included).
   */
  replaceTemporaryPassword({ body, locale }: FakeRequest): Reply {
    if (this.#changeToken === undefined || body?.['changeToken'] !== this.#changeToken) return problemReply(locale, 'otp_expired');
    const password = String(body['password'] ?? '');
    const reused = password === this.temporaryPassword || this.usedPasswords.includes(password);
    const errors = passwordErrors(password, [this.loginIdentifier], locale, reused);
    if (errors.length > 0) return problemReply(locale, 'validation_failed', { errors });
    this.#changeToken = undefined;
    this.temporaryPassword = undefined;
    this.rememberPassword(password);
    return ok({ status: 'authenticated', session: this.signIn() });
  }

  /** A new password of the account: it signs in from now on, and the last `authPolicy.passwordHistorySize` may not come back. */
  rememberPassword(password: string): void {
    if (this.#password !== undefined) this.#password = password;
    this.usedPasswords.unshift(password);
    this.usedPasswords.splice(authPolicy.passwordHistorySize);
  }

  /**
   * Checks the password of a sign-in against {@link FakeApiOptions.password}, counting wrong
   * ones as the server does: `undefined` when it is right, else the refusal.
   */
  checkSignInPassword(password: string, locale: Locale): Reply | undefined {
    return this.#checkPassword(password === this.#password || password.startsWith(temporaryPasswordPrefix), locale);
  }

  /**
   * Checks the current password asked again before a change of the profile, as the server
   * does (a temporary one does not count): counted with the sign-in's wrong passwords towards
   * the lockout, a wrong one is `invalid_credentials` with the attempts left and a field
   * error on `currentPassword`. `undefined` when it is right.
   */
  checkCurrentPassword(password: string, locale: Locale): Reply | undefined {
    return this.#checkPassword(password === this.#password, locale, 'currentPassword');
  }

  #checkPassword(right: boolean, locale: Locale, field?: 'currentPassword'): Reply | undefined {
    const { lockoutThreshold, lockoutSeconds } = authPolicy;
    if (this.#lockedUntil > Date.now()) return lockedReply(locale, Math.ceil((this.#lockedUntil - Date.now()) / 1000));
    if (!this.closed && (this.#password === undefined || right)) {
      this.#wrongPasswords = 0;
      return undefined;
    }
    this.#wrongPasswords += 1;
    if (this.#wrongPasswords >= lockoutThreshold) {
      this.#wrongPasswords = 0;
      this.#lockedUntil = Date.now() + lockoutSeconds * 1000;
      return lockedReply(locale, lockoutSeconds);
    }
    const attemptsLeft = lockoutThreshold - this.#wrongPasswords;
    if (field) {
      const message = wrongCurrentPassword[locale];
      return problemReply(locale, 'invalid_credentials', {
        attemptsLeft,
        detail: `${message}. ${attemptsText[locale]}: ${attemptsLeft}.`,
        errors: [{ field, code: 'invalid_credentials', message }],
      });
    }
    return problemReply(locale, 'invalid_credentials', { attemptsLeft, detail: `${messagesOf(locale).invalid_credentials} ${attemptsText[locale]}: ${attemptsLeft}.` });
  }

  /** A session of the account, as the server creates it at sign-in. */
  #newSession(idleSeconds: number = idleTimeout): SessionRecord {
    const now = Date.now();
    return {
      id: `session-${++this.#ids}`,
      csrfToken: 'fake-csrf-token',
      createdAt: now,
      idleDeadline: now + idleSeconds * 1000,
      absoluteDeadline: now + absoluteTimeout * 1000,
    };
  }

  /** The browser's session unless it has timed out meanwhile (then it ends, as on the server). */
  #liveSession(): SessionRecord | null {
    const record = this.#session;
    if (record && Date.now() >= Math.min(record.idleDeadline, record.absoluteDeadline)) this.endSession();
    return this.#session;
  }

  /** The session as the page sees it, with the times left counted from now. */
  #sessionView(record: SessionRecord): Session {
    const now = Date.now();
    const { lastName, firstName, middleName, phone } = this.profile;
    const secondsUntil = (deadline: number) => Math.max(0, Math.ceil((deadline - now) / 1000));
    return {
      user: {
        id: this.profile.id,
        displayName: [lastName, firstName, middleName].filter(Boolean).join(' ') || phone || '',
        level: this.profile.level,
        role: 'citizen',
      },
      csrfToken: record.csrfToken,
      createdAt: new Date(record.createdAt).toISOString(),
      idleExpiresAt: new Date(record.idleDeadline).toISOString(),
      expiresAt: new Date(record.absoluteDeadline).toISOString(),
      idleExpiresIn: secondsUntil(record.idleDeadline),
      expiresIn: secondsUntil(record.absoluteDeadline),
      idleTimeout,
    };
  }

  /**
   * The answer to `GET profile/identity-confirmation/qr.svg` as a URL an `<img>` can load;
   * asked once per code, as the browser loads the image once (a widget reads the URL at
   * every render).
   */
  #qrImageUrl(locale: Locale): string {
    const { code } = this.identityConfirmation();
    if (this.#qrImage?.code !== code) {
      const reply = this.#answer({ endpoint: 'GET profile/identity-confirmation/qr.svg', body: undefined, params: {}, query: new URLSearchParams(), locale });
      const svg = reply.kind === 'text' && reply.status === 200 ? reply.body : '';
      this.#qrImage = { code, url: `data:image/svg+xml,${encodeURIComponent(svg)}#` };
    }
    return this.#qrImage.url;
  }

  /** Sends a code: the challenge of a sign-in, a registration or an e-mail confirmation. */
  sendCode(purpose: CodePurpose, channel: OtpChannel, destination: string, resendAfter: number = authPolicy.resendAfterSeconds, id = this.#newId(purpose)): OtpChallenge {
    const { codeAttempts, codeLifetimeSeconds, codeLength } = authPolicy;
    this.codes.set(id, { purpose, attemptsLeft: codeAttempts });
    return { id, channel, destination, codeLength, expiresIn: codeLifetimeSeconds, resendAfter, attemptsLeft: codeAttempts };
  }

  /** Sends a recovery code, without saying where to (that would reveal the account). */
  sendRecoveryCode(resendAfter: number = authPolicy.resendAfterSeconds, id = this.#newId('recovery')): RecoveryChallenge {
    const { codeAttempts, codeLifetimeSeconds, codeLength } = authPolicy;
    this.codes.set(id, { purpose: 'recovery', attemptsLeft: codeAttempts });
    return { id, codeLength, expiresIn: codeLifetimeSeconds, resendAfter, attemptsLeft: codeAttempts };
  }

  #newId(purpose: CodePurpose): string {
    return `${purpose}-${++this.#ids}`;
  }
}

const endpoints: readonly Endpoint[] = [
  'GET auth/session',
  'POST auth/login',
  'POST auth/login/code',
  'POST auth/login/code/resend',
  'POST auth/logout',
  'POST auth/session/extend',
  'POST auth/password/temporary',
  'GET auth/sessions',
  'DELETE auth/sessions/:id',
  'POST auth/sessions/revoke-others',
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
  'POST profile/identity-confirmation',
  'GET profile/identity-confirmation',
  'GET profile/identity-confirmation/qr.svg',
  ...catalogEndpoints,
  ...applicationsEndpoints,
  ...documentsEndpoints,
  ...trackerEndpoints,
  ...profileEndpoints,
];

/** Each endpoint as a pattern of its path, `:name` for a parameter. */
const routes = endpoints.map((endpoint) => {
  const [method = '', pattern = ''] = endpoint.split(' ');
  const names: string[] = [];
  const source = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:(\w+)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { endpoint, method, path: new RegExp(`^${source}$`), names };
});

/** The endpoint a request is for, with the parameters in its path. */
function routeOf(method: string, path: string): Pick<FakeRequest, 'endpoint' | 'params'> | undefined {
  for (const route of routes) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (match) {
      const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
      return { endpoint: route.endpoint, params };
    }
  }
  return undefined;
}

/**
 * The endpoints that need a live session, as on the server: `use` moves its idle deadline,
 * `watch` does not (a page polling on its own). Without one they answer `unauthenticated`,
 * or `session_expired` when the browser's session ended.
 */
const sessionNeeds: Partial<Record<Endpoint, 'use' | 'watch'>> = {
  'POST auth/session/extend': 'use',
  'POST auth/logout': 'use',
  'GET auth/sessions': 'use',
  'DELETE auth/sessions/:id': 'use',
  'POST auth/sessions/revoke-others': 'use',
  'GET profile': 'use',
  'PUT profile/personal-data': 'use',
  'POST profile/email/code': 'use',
  'POST profile/email/code/resend': 'use',
  'POST profile/identity-confirmation': 'use',
  'GET profile/identity-confirmation': 'watch',
  'GET profile/identity-confirmation/qr.svg': 'use',
  ...catalogSessionNeeds,
  ...applicationsSessionNeeds,
  ...documentsSessionNeeds,
  ...trackerSessionNeeds,
  ...profileSessionNeeds,
};

/** Whether the server tells the session's idle deadline in its answer (when there is a live session). */
function tellsIdle(endpoint: Endpoint): boolean {
  return sessionNeeds[endpoint] !== undefined || signInEndpoints.has(endpoint);
}

/** The session's own endpoint and those that sign in, which tell the idle deadline without needing a session. */
const signInEndpoints: ReadonlySet<Endpoint> = new Set<Endpoint>([
  'GET auth/session',
  'POST auth/login',
  'POST auth/login/code',
  'POST auth/registration/code',
  'POST auth/password/temporary',
]);

// ------------------------------------------------------------------ the demo behaviour

const demoHandlers: Record<Endpoint, Handler> = {
  ...catalogHandlers,
  ...applicationsHandlers,
  ...documentsHandlers,
  ...trackerHandlers,
  ...profileHandlers,
  'GET auth/session': (_request, api) => ok({ session: api.session }),

  'POST auth/login': ({ body, locale }, api) => {
    const errors = required(body, ['identifier', 'password'], locale);
    if (errors.length > 0) return problemReply(locale, 'validation_failed', { errors });
    const password = String(body?.['password']);
    const refused = api.checkSignInPassword(password, locale);
    if (refused) {
      historyOf(api).recordSignIn(refused.kind === 'json' && refused.status === 423 ? 'locked' : 'wrong_password');
      return refused;
    }
    api.loginIdentifier = String(body?.['identifier']);
    api.temporaryPassword = password.startsWith(temporaryPasswordPrefix) ? password : undefined;
    // The channel the account has now: «Вход с кодом» of the profile changes it.
    const channel = api.profile.secondFactor;
    if (channel === null) return api.finishSignIn();
    const destination = api.options.destination ?? defaultDestinations[channel];
    return ok({ status: 'code_required', challenge: api.sendCode('login', channel, destination, api.options.resendAfter) });
  },

  'POST auth/login/code': (request, api) => checkCode(request, api, 'login', () => api.finishSignIn()),

  'POST auth/login/code/resend': (request, api) =>
    resendCode(request, api, 'login', (id) => {
      const channel = api.profile.secondFactor ?? 'sms';
      return ok(api.sendCode('login', channel, api.options.destination ?? defaultDestinations[channel], authPolicy.resendAfterSeconds, id));
    }),

  'POST auth/logout': (_request, api) => {
    api.signOut();
    return { kind: 'empty', status: 204 };
  },

  // The session check and the extension by use come first (`sessionNeeds`).
  'POST auth/session/extend': (_request, api) => ok({ session: api.session }),

  'POST auth/password/temporary': (request, api) => api.replaceTemporaryPassword(request),

  'GET auth/sessions': (_request, api) => ok({ sessions: api.sessionList() }),

  'DELETE auth/sessions/:id': ({ params, locale }, api) =>
    api.revokeSession(params['id'] ?? '') ? { kind: 'empty', status: 204 } : problemReply(locale, 'not_found'),

  'POST auth/sessions/revoke-others': (_request, api) => ok({ revoked: api.revokeOtherSessions() }),

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
      errors.push({ field: 'consent.accepted', code: 'consent_required', message: fieldMessage(locale, 'consent.accepted', 'consent_required') });
    } else if (consent.version !== consents[locale].version) {
      errors.push({ field: 'consent.version', code: 'consent_outdated', message: fieldMessage(locale, 'consent.version', 'consent_outdated') });
    }
    if (errors.length > 0) return problemReply(locale, 'validation_failed', { errors });
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
      ok({ challenge: api.sendCode('registration', 'sms', maskPhone(api.profile.phone ?? ''), authPolicy.resendAfterSeconds, id) }),
    ),

  'POST auth/recovery': ({ body, locale }, api) => {
    const errors = required(body, ['identifier'], locale);
    if (errors.length > 0) return problemReply(locale, 'validation_failed', { errors });
    return ok({ challenge: api.sendRecoveryCode(api.options.resendAfter) });
  },

  'POST auth/recovery/code': (request, api) =>
    checkCode(request, api, 'recovery', () => ok({ resetToken: 'fake-reset-token', expiresIn: authPolicy.resetTokenLifetimeSeconds })),

  'POST auth/recovery/code/resend': (request, api) =>
    resendCode(request, api, 'recovery', (id) => ok({ challenge: api.sendRecoveryCode(authPolicy.resendAfterSeconds, id) })),

  'POST auth/recovery/password': ({ body, locale }, api) => {
    if (body?.['resetToken'] !== 'fake-reset-token') return problemReply(locale, 'otp_expired');
    const password = String(body['password'] ?? '');
    const { phone, email, snils } = api.profile;
    const logins = [phone, email, snils].filter((login): login is string => login !== null);
    const errors = passwordErrors(password, logins, locale, api.usedPasswords.includes(password));
    if (errors.length > 0) return problemReply(locale, 'validation_failed', { errors });
    api.rememberPassword(password);
    api.endSession();
    return { kind: 'empty', status: 204 };
  },

  'GET profile': ({ locale }, api) => {
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
    const passport = (body?.['passport'] ?? {}) as Record<string, unknown>;
    const errors = required(body, ['lastName', 'firstName', 'birthDate', 'snils'], locale);
    if (typeof body?.['snils'] === 'string' && body['snils'] && !isValidSnils(body['snils'])) {
      errors.push({ field: 'snils', code: 'invalid', message: fieldMessage(locale, 'snils', 'invalid') });
    }
    for (const field of ['series', 'number', 'issuedAt'] as const) {
      if (!passport[field]) errors.push({ field: `passport.${field}`, code: 'required', message: fieldMessage(locale, `passport.${field}`, 'required') });
    }
    if (errors.length > 0) return problemReply(locale, 'validation_failed', { errors });
    const text = (name: string) => (typeof body?.[name] === 'string' && body[name] ? String(body[name]) : null);
    const before = api.profile;
    api.profile = {
      ...api.profile,
      lastName: text('lastName'),
      firstName: text('firstName'),
      middleName: text('middleName'),
      birthDate: text('birthDate'),
      snils: text('snils'),
      inn: text('inn'),
      registrationAddress: text('registrationAddress'),
      passport: {
        series: String(passport['series']),
        number: String(passport['number']),
        issuedAt: String(passport['issuedAt']),
        ...(passport['issuedBy'] ? { issuedBy: String(passport['issuedBy']) } : {}),
      },
      registryCheck: { status: 'pending', reason: null },
    };
    recordPersonalData(api, before, api.profile);
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
      ok({ challenge: api.sendCode('email', 'email', maskEmail(api.pendingEmail ?? ''), authPolicy.resendAfterSeconds, id) }),
    ),

  'POST profile/identity-confirmation': ({ locale }, api) =>
    api.profile.level === 'simplified' ? problemReply(locale, 'conflict') : ok(api.startIdentityConfirmation()),

  'GET profile/identity-confirmation': (_request, api) => ok(api.identityConfirmation()),

  'GET profile/identity-confirmation/qr.svg': ({ locale }, api) => {
    const { status, code } = api.identityConfirmation();
    if (status !== 'waiting' || code === null) return problemReply(locale, 'not_found');
    return { kind: 'text', status: 200, contentType: 'image/svg+xml', body: qrSvg(code) };
  },
};

/** The QR code of `text` as an SVG image, drawn as the reference server draws it. */
function qrSvg(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 8, margin: 32, scalable: true });
}

/** Checks a one-time code: {@link demoCode} passes; `authPolicy.codeAttempts` wrong ones end the attempt. */
export function checkCode({ body, locale }: FakeRequest, api: FakeCabinetApi, purpose: CodePurpose, passed: () => Reply): Reply {
  const id = String(body?.['challengeId'] ?? '');
  const pending = api.codes.get(id);
  if (!pending || pending.purpose !== purpose) return problemReply(locale, 'otp_expired');
  if (body?.['code'] === demoCode) {
    api.codes.delete(id);
    return passed();
  }
  pending.attemptsLeft -= 1;
  const { attemptsLeft } = pending;
  if (attemptsLeft > 0) {
    return problemReply(locale, 'otp_invalid', { attemptsLeft, detail: `${messagesOf(locale).otp_invalid} ${attemptsText[locale]}: ${attemptsLeft}.` });
  }
  api.codes.delete(id);
  return problemReply(locale, 'otp_attempts_exceeded', { attemptsLeft: 0, detail: `${messagesOf(locale).otp_attempts_exceeded} ${startOver[locale][purpose]}` });
}

/** The server's words for a wrong current password (`packages/server/src/profile/current-password.ts`). */
const wrongCurrentPassword: Record<Locale, string> = { ru: 'Текущий пароль введён неверно', en: 'The current password is wrong' };

/** «Осталось попыток: 2.», as the server ends the detail of a wrong password or code. */
const attemptsText: Record<Locale, string> = { ru: 'Осталось попыток', en: 'Attempts left' };

/** How the server tells the citizen to start again once the code's attempts are used up. */
const startOver: Record<Locale, Record<CodePurpose, string>> = {
  ru: {
    login: 'Начните вход заново.',
    registration: 'Начните регистрацию заново.',
    email: 'Запросите подтверждение почты заново.',
    recovery: 'Начните восстановление пароля заново.',
    contact: 'Запросите смену контакта заново.',
  },
  en: {
    login: 'Sign in again.',
    registration: 'Start the registration again.',
    email: 'Ask for the e-mail confirmation again.',
    recovery: 'Start the password recovery again.',
    contact: 'Ask for the change of the contact again.',
  },
};

/** `account_locked` for `seconds` more. */
function lockedReply(locale: Locale, seconds: number): Reply {
  return problemReply(locale, 'account_locked', { retryAfter: seconds, detail: messagesOf(locale).account_locked });
}

/** Sends a new code for the same attempt, which keeps its id. */
export function resendCode({ body, locale }: FakeRequest, api: FakeCabinetApi, purpose: CodePurpose, send: (id: string) => Reply): Reply {
  const id = String(body?.['challengeId'] ?? '');
  return api.codes.get(id)?.purpose === purpose ? send(id) : problemReply(locale, 'otp_expired');
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
    registrationAddress: null,
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

/** The stories' English for the server's field messages (the server speaks Russian). */
const fieldMessagesEn = {
  required: 'Fill in this field.',
  invalid: 'Check the value.',
  too_long: 'The value is too long.',
  consent_required: 'The consent to the processing of personal data is required.',
  consent_outdated: 'The consent text has changed. Please read it again.',
  snils: 'The SNILS number has a mistake.',
} as const;

/**
 * What the server says about an error `code` of `field` (a dotted path): a password rule's
 * message, the consent's, or the field's own for `required`, `invalid` and `too_long`.
 */
function fieldMessage(locale: Locale, field: string, code: string): string {
  const password = (passwordMessages[locale] as Partial<Record<string, string>>)[code];
  if (password) return password;
  if (code === 'consent_required') return locale === 'en' ? fieldMessagesEn.consent_required : consentMessagesRu.required;
  if (code === 'consent_outdated') return locale === 'en' ? fieldMessagesEn.consent_outdated : consentMessagesRu.outdated;
  const known: FieldMessageCode = code === 'required' || code === 'too_long' ? code : 'invalid';
  const name = field.split('.').pop() ?? field;
  if (locale === 'ru') return fieldMessageRu(name, known);
  return name === 'snils' && known === 'invalid' ? fieldMessagesEn.snils : fieldMessagesEn[known];
}

function required(body: Record<string, unknown> | undefined, fields: readonly string[], locale: Locale): FieldError[] {
  return fields
    .filter((field) => typeof body?.[field] !== 'string' || !String(body[field]).trim())
    .map((field) => ({ field, code: 'required', message: fieldMessage(locale, field, 'required') }));
}

/** The server's messages of refused passwords; the English ones are the stories' own (the server speaks Russian). */
const passwordMessages: Record<Locale, Record<PasswordProblem, string>> = {
  ru: passwordMessagesRu,
  en: {
    password_length: `The password must be ${passwordMinLength} to ${passwordMaxLength} characters long`,
    password_lowercase: 'Add a lowercase letter',
    password_uppercase: 'Add an uppercase letter',
    password_digit: 'Add a digit',
    password_special: 'Add a special character, such as ! ? % or -',
    password_not_login: 'The password must not contain the phone, e-mail or SNILS',
    password_common: 'This password is too common and easy to guess. Choose another one.',
    password_reused: 'This password has been used before. Choose a new one.',
  },
};

/**
 * The field errors of a new password, as the server words them: every rule it breaks
 * (`passwordRuleProblems` of `@mfc-cabinet/core/schemas`, the server's own check), then
 * `password_reused` when it is one of the account's recent passwords.
 */
export function passwordErrors(password: string, logins: readonly string[], locale: Locale, reused = false): FieldError[] {
  const problems: PasswordProblem[] = passwordRuleProblems(password, logins.filter(Boolean));
  if (reused) problems.push('password_reused');
  return problems.map((code) => ({ field: 'password', code, message: passwordMessages[locale][code] }));
}

function messagesOf(locale: Locale) {
  return locale === 'en' ? errorMessagesEn : errorMessagesRu;
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
  return ({ locale }) => problemReply(locale, code as ProblemCode, extra, status);
}

/** A problem as the server answers it: the status of its code, the code's title when there is no `detail`. */
function problemReply(locale: Locale, code: ProblemCode, extra: ProblemExtra = {}, status = problemStatus[code]): Reply {
  const title = messagesOf(locale)[code];
  return {
    kind: 'json',
    status,
    contentType: 'application/problem+json',
    body: { type: problemType(code), title, status, code, detail: title, ...extra },
    ...(extra.retryAfter === undefined ? {} : { headers: { 'retry-after': String(extra.retryAfter) } }),
  };
}

/**
 * A 400 `validation_failed` answer with errors of these fields, e.g.
 * `invalidFields({ field: 'consent.version', code: 'consent_outdated' })`. The messages are the
 * server's, in the request's language, where the fake server knows the code.
 */
export function invalidFields(...errors: Array<{ field: string; code: string }>): Handler {
  return ({ locale }) =>
    problemReply(locale, 'validation_failed', {
      errors: errors.map(({ field, code }) => ({ field, code, message: fieldMessage(locale, field, code) })),
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

function respond(reply: Reply, signal: AbortSignal, headers: Record<string, string>): Promise<Response> {
  switch (reply.kind) {
    case 'json':
      return Promise.resolve(
        new Response(JSON.stringify(reply.body), {
          status: reply.status,
          headers: { ...headers, ...reply.headers, 'content-type': reply.contentType ?? 'application/json' },
        }),
      );
    case 'text':
      return Promise.resolve(
        new Response(reply.body, { status: reply.status, headers: { ...headers, ...reply.headers, 'content-type': reply.contentType } }),
      );
    case 'empty':
      return Promise.resolve(new Response(null, { status: reply.status, headers: { ...headers, ...reply.headers } }));
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
