/**
 * Test harness: a server in test mode on a fresh temporary DATA_DIR and database (cheap
 * scrypt, movable clock, silent log), and a browser-like client that keeps cookies.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { LoginResponse, type Session } from '@mfc-cabinet/core/schemas';
import { buildApp, type App, type AppDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { personalDataConsentVersion } from '../src/consent/personal-data-consent.js';
import type { Database } from '../src/db/database.js';
import type { OutboxEntry } from '../src/senders/dev-outbox.js';
import { createTestDatabase } from './database.js';

export interface TestServer extends App {
  /** A new browser with its own cookies (and, when given, its own `User-Agent` and address). */
  browser(identity?: BrowserIdentity): TestBrowser;
  /** Moves the server's clock through the test endpoint. */
  advance(ms: number): Promise<void>;
  /** A fresh citizen (or operator) from the test endpoint. */
  createAccount(options?: { secondFactor?: 'sms' | 'email' | null; level?: string; role?: 'citizen' | 'operator' }): Promise<TestAccount>;
  /** The newest code the dev outbox holds for `to` (notices left aside). */
  latestCode(to: string): string;
  /** The messages the dev outbox holds for `to`, newest first. */
  messagesTo(to: string): OutboxEntry[];
}

export interface TestAccount {
  id: string;
  phone: string;
  email: string;
  snils: string;
  password: string;
}

/**
 * Starts a server on a database of its own (SQLite, or PostgreSQL when the suite runs
 * there: `database.ts`); `env` overrides the test defaults. Close it with `close()`, which
 * removes the database.
 */
export async function startServer(env: Record<string, string> = {}, deps: AppDeps = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  let built: App;
  try {
    const config = loadConfig({
      MFC_MODE: 'test',
      // TEST_LOG_LEVEL=error shows what a failing test's server logged.
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      RATE_LIMIT_PER_MINUTE: '100000',
      REGISTRY_CHECK_DELAY_MS: '0',
      ...database.env,
      ...env,
    });
    built = await buildApp(config, deps);
    // PostgreSQL: every connection of the pool opened now, as in a server that has run a
    // while, so that a burst of requests in a test is not spread out by their opening.
    if (config.databaseUrl) await Promise.all(Array.from({ length: config.databasePoolSize }, () => sql`select 1`.execute(built.db)));
  } catch (error) {
    await database.drop();
    throw error;
  }
  const server: TestServer = {
    ...built,
    async close() {
      try {
        await built.close();
      } finally {
        await database.drop();
      }
    },
    browser: (identity) => new TestBrowser(built, identity),
    async advance(ms) {
      const response = await new TestBrowser(built).post('/api/v1/test/clock', { advanceMs: ms });
      assert.equal(response.statusCode, 200, response.body);
    },
    async createAccount(options = {}) {
      const response = await new TestBrowser(built).post('/api/v1/test/accounts', options);
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as TestAccount;
    },
    latestCode(to) {
      // Notices are jobs, delivered a moment later than the answer: one may land after a code.
      const entry = built.outbox?.entries(to).find((message) => message.code !== null);
      assert.ok(entry?.code, `no code was sent to ${to}`);
      return entry.code;
    },
    messagesTo: (to) => built.outbox?.entries(to) ?? [],
  };
  return server;
}

/** What a browser shows of itself to the server. */
export interface BrowserIdentity {
  userAgent?: string;
  /** The client's IP address (127.0.0.1 by default). */
  remoteAddress?: string;
}

/** A client that keeps cookies the way a browser does (ignoring Secure: tests run over inject). */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  readonly #app: App;
  readonly #identity: BrowserIdentity;

  constructor(app: App, identity: BrowserIdentity = {}) {
    this.#app = app;
    this.#identity = identity;
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const { userAgent, remoteAddress } = this.#identity;
    const response = await this.#app.app.inject({
      ...(remoteAddress ? { remoteAddress } : {}),
      ...options,
      headers: { ...(userAgent ? { 'user-agent': userAgent } : {}), ...(cookie ? { cookie } : {}), ...options.headers },
    });
    for (const set of response.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (set.maxAge === 0 || set.value === '') this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    return response;
  }

  get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url, headers });
  }

  post(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request({
      method: 'POST',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
  }

  delete(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request({ method: 'DELETE', url, headers });
  }

  login(identifier: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/api/v1/auth/login', { identifier, password });
  }

  verifyCode(challengeId: string, code: string): Promise<LightMyRequestResponse> {
    return this.post('/api/v1/auth/login/code', { challengeId, code });
  }

  resend(challengeId: string): Promise<LightMyRequestResponse> {
    return this.post('/api/v1/auth/login/code/resend', { challengeId });
  }

  /** Sends the registration form; the consent is given to the current text unless `form` says otherwise. */
  register(form: { phone: string; password: string; email?: string; consent?: unknown }): Promise<LightMyRequestResponse> {
    return this.post('/api/v1/auth/registration', { consent: { version: personalDataConsentVersion, accepted: true }, ...form });
  }
}

/** A phone number no test account has (test accounts get +7999…). */
export function newPhone(): string {
  return `+7988${String(randomInt(10_000_000)).padStart(7, '0')}`;
}

/** A password that meets every rule; `n` makes another one. */
export const goodPassword = (n = 0): string => `Zarechny-river-${n}`;

/** Signs `browser` in as an account without a second factor; returns the session JSON. */
export async function signIn(browser: TestBrowser, account: TestAccount): Promise<Session> {
  const response = await browser.login(account.phone, account.password);
  assert.equal(response.statusCode, 200, response.body);
  const body = LoginResponse.parse(response.json());
  assert.equal(body.status, 'authenticated');
  return (body as Extract<LoginResponse, { status: 'authenticated' }>).session;
}

/** A signed-in account of `role` and `level`: its browser, and the CSRF header of its session. */
export async function signedIn(
  server: TestServer,
  options: { role?: 'citizen' | 'operator'; level?: 'simplified' | 'standard' | 'confirmed'; identity?: BrowserIdentity } = {},
): Promise<{ account: TestAccount; browser: TestBrowser; session: Session; csrf: Record<string, string> }> {
  const { identity, ...kind } = options;
  const account = await server.createAccount(kind);
  const browser = server.browser(identity);
  const session = await signIn(browser, account);
  return { account, browser, session, csrf: { 'x-csrf-token': session.csrfToken } };
}

/** Asserts an `application/problem+json` answer with `status` and `code`; returns the problem. */
export function assertProblem(response: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = response.json();
  assert.equal(problem.code, code);
  assert.equal(problem.status, status);
  assert.equal(problem.type, `https://mfc-cabinet.dev/problems/${code}`);
  assert.equal(typeof problem.title, 'string');
  assert.match(problem.detail, /[а-яё]/i, 'the detail is in Russian');
  assert.doesNotMatch(response.body, /at .+\.(ts|js):\d+|stack/i, 'no stack trace');
  return problem;
}

/** Every row of every table, to prove a refused request changed nothing. */
export async function snapshot(db: Database): Promise<Record<string, unknown[]>> {
  const tables = [
    'accounts',
    'passwordHistory',
    'consentRecords',
    'sessions',
    'codeChallenges',
    'codeSends',
    'pendingRegistrations',
    'passwordResets',
    'loginThrottles',
    'trustedDevices',
    'auditEvents',
    'identityConfirmations',
    'profileChanges',
    'catalogCategories',
    'municipalities',
    'services',
    'serviceDeliveryMethods',
    'personalServiceLists',
    'filterPresets',
    'applications',
    'applicationTransitions',
    'trackingCounters',
  ] as const;
  const result: Record<string, unknown[]> = {};
  for (const table of tables) result[table] = await db.selectFrom(table).selectAll().execute();
  return result;
}

export const demo = {
  password: 'Demo-2026!',
  ivanov: { phone: '+79000000001', email: 'ivanov@example.ru', snils: '112-233-445 95' },
  petrova: { phone: '+79000000002', email: 'petrova@example.ru' },
  sidorov: { phone: '+79000000003', email: 'sidorov@example.ru' },
  operator: { phone: '+79000000009', email: 'operator@mfc.example', password: 'Mfc-Desk-2026!' },
};
