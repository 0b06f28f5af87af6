/**
 * The server's configuration, read once from environment variables. Every setting has a
 * safe default and a description; {@link configDocs} lists them for the README.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OtpChannel } from '@mfc-cabinet/core/schemas';

/**
 * How the server runs:
 * - `production`: real senders (webhooks), no demo data, no developer pages;
 * - `demo`: seeded demo citizens, one-time codes go to the dev outbox page and the log;
 * - `test`: demo plus test endpoints, a clock tests move forward, and cheap password hashing.
 */
export type Mode = 'production' | 'demo' | 'test';
const modes: readonly Mode[] = ['production', 'demo', 'test'];

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** The time-based and counting rules of sign-in and sessions (docs/security.md lists them). */
export interface SecurityRules {
  /** How long a one-time code is valid. */
  otpTtlMs: number;
  /** Wrong codes allowed per code; the last one ends the sign-in attempt. */
  otpMaxAttempts: number;
  /** How long after a send the next code may be requested. */
  otpResendAfterMs: number;
  /**
   * Codes (and notices in their place) sent within an hour, sign-in and resend alike: per
   * account for sign-in, per phone for registration, per address for e-mail confirmation,
   * per login for recovery.
   */
  otpMaxSendsPerHour: number;
  /**
   * How long an attempt waiting for its code lives (sign-in, registration, e-mail
   * confirmation, recovery), so that a code can be re-sent.
   */
  loginChallengeTtlMs: number;
  /**
   * How long the permission to set a new password lasts after a right recovery code, or
   * after signing in with a temporary password.
   */
  recoveryTokenTtlMs: number;
  /** How long a temporary password an МФЦ operator issued works (once). */
  temporaryPasswordTtlMs: number;
  /** How long the code for confirming the identity at an МФЦ is valid. */
  identityCodeTtlMs: number;
  /** How many recent passwords of an account (the current one included) a new one may not repeat. */
  passwordHistorySize: number;
  /** Wrong passwords in a row before sign-in is locked. */
  lockoutThreshold: number;
  /** The first lockout; each later one doubles. */
  lockoutBaseMs: number;
  /** The longest lockout. */
  lockoutMaxMs: number;
  /** A session ends after this long without use. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in whatever happens. */
  sessionAbsoluteMs: number;
  /** How long a browser stays known to an account (the lockout exemption of the device cookie). */
  deviceTtlMs: number;
}

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  /** Absolute path of the folder holding `cabinet.sqlite`. */
  dataDir: string;
  /** Origins (`https://site.example`) allowed to call the API with credentials (CORS). */
  allowedOrigins: readonly string[];
  siteDir: string;
  widgetsDir: string;
  storybookDir: string;
  logLevel: LogLevel;
  rateLimitPerMinute: number;
  /** Where one-time codes are POSTed, per channel; set when both SMS_WEBHOOK_URL and EMAIL_WEBHOOK_URL are. */
  codeWebhooks: Record<OtpChannel, string> | undefined;
  /** Fastify's `trustProxy`: whether (and which) X-Forwarded-* headers give the client's address and host. */
  trustProxy: boolean | number | string[];
  /** log2 of the scrypt cost N: 15 normally, 10 in test mode. */
  passwordHashCost: number;
  /** How long the demo registry takes to check passport and СНИЛС data. */
  registryCheckDelayMs: number;
  /** Absolute path of the folder of uploaded files: unfinished uploads and the document vault. */
  documentsDir: string;
  /** How long an unfinished upload is kept after it was created. */
  uploadTtlMs: number;
  rules: SecurityRules;
}

/** The repository root, found from this file's place in both `src/` (tsx) and `dist/`. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** One environment variable, as documented in the README. */
export interface ConfigDoc {
  name: string;
  default: string;
  description: string;
}

/** Thrown when the environment describes a configuration the server refuses to run with. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

interface Setting<T> extends ConfigDoc {
  /** Turns the raw value (the default when the variable is unset or blank) into a setting. */
  parse(raw: string, cwd: string): T;
}

const second = 1000;
const day = 86_400 * second;

function wholeNumber(raw: string, max?: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > (max ?? Number.MAX_SAFE_INTEGER)) {
    throw new ConfigError(`expected a whole number from 1${max ? ` to ${max}` : ''}, got "${raw}"`);
  }
  return value;
}

/** A count that may be 0. */
function countFrom0(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > Number.MAX_SAFE_INTEGER) throw new ConfigError(`expected a whole number from 0, got "${raw}"`);
  return Number(raw);
}

const integer = (name: string, fallback: number, description: string, max?: number): Setting<number> => ({
  name,
  default: String(fallback),
  description,
  parse: (raw) => wholeNumber(raw, max),
});

/** A duration given in `unit`s (milliseconds of one unit), kept in milliseconds. */
const duration = (name: string, fallback: number, unit: number, description: string): Setting<number> => ({
  name,
  default: String(fallback),
  description,
  parse: (raw) => wholeNumber(raw) * unit,
});

/** A folder: `<repo>/…` is inside the repository, anything else relative to the working directory. */
const folder = (name: string, fallback: string, description: string): Setting<string> => ({
  name,
  default: fallback,
  description,
  parse: (raw, cwd) => (raw.startsWith('<repo>/') ? resolve(repoRoot, raw.slice('<repo>/'.length)) : resolve(cwd, raw)),
});

/** A folder that may be inside DATA_DIR (`<DATA_DIR>/…`, resolved once DATA_DIR is known) or anywhere else. */
const dataFolder = (name: string, fallback: string, description: string): Setting<{ inData: string } | string> => ({
  name,
  default: fallback,
  description,
  parse: (raw, cwd) => (raw.startsWith('<DATA_DIR>/') ? { inData: raw.slice('<DATA_DIR>/'.length) } : resolve(cwd, raw)),
});

function webhookUrl(raw: string): string | undefined {
  if (raw === '') return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new ConfigError(`expected an http(s) URL, got "${raw}"`);
  }
  return raw;
}

function proxyTrust(raw: string): boolean | number | string[] {
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return wholeNumber(raw, 10);
  return raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function origins(raw: string): string[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : undefined;
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
        throw new ConfigError(`"${entry}" is not an origin such as https://gorod.example`);
      }
      return url.origin;
    });
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): T => {
    if (!(values as readonly string[]).includes(raw)) {
      throw new ConfigError(`expected one of ${values.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  };
}

const settings = {
  port: integer('PORT', 8080, 'TCP port the server listens on.', 65_535),
  host: {
    name: 'HOST',
    default: 'localhost',
    description: 'Interface to listen on; `0.0.0.0` for every interface (in a container).',
    parse: (raw: string) => raw,
  },
  dataDir: folder('DATA_DIR', './data', 'Folder of the embedded database `cabinet.sqlite`; created when missing.'),
  documentsDir: dataFolder(
    'DOCUMENTS_DIR',
    '<DATA_DIR>/documents',
    'Folder of uploaded files: unfinished uploads in `uploads/`, the files of the document vault in `vault/`; created when missing.',
  ),
  uploadTtlMs: duration(
    'UPLOAD_TTL_SECONDS',
    86_400,
    second,
    'How long an unfinished upload is kept, from its start; then it expires and its bytes are deleted.',
  ),
  allowedOrigins: {
    name: 'ALLOWED_ORIGINS',
    default: '',
    description:
      'Comma-separated origins of sites on another origin that may call the API with the session cookie (CORS with credentials). Empty: same origin only.',
    parse: origins,
  },
  mode: {
    name: 'MFC_MODE',
    default: 'production',
    description:
      '`production`, `demo` (seeded demo citizens, codes in the dev outbox at /dev/outbox) or `test` (demo plus test endpoints and a clock tests move; refused when NODE_ENV=production).',
    parse: oneOf(modes),
  },
  siteDir: folder('SITE_DIR', '<repo>/examples/municipal-site', 'Example municipal site served at `/`; its .html files get a CSP nonce.'),
  widgetsDir: folder('WIDGETS_DIR', '<repo>/packages/widgets/cdn', 'Widget bundles served at `/mfc-cabinet/`.'),
  storybookDir: folder('STORYBOOK_DIR', '<repo>/storybook-static', 'Built Storybook served at `/storybook/`.'),
  logLevel: {
    name: 'LOG_LEVEL',
    default: 'info',
    description: `Level of the JSON log on stderr: ${logLevels.join(', ')}.`,
    parse: oneOf(logLevels),
  },
  rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 300, 'API requests allowed per client IP address per minute.'),
  smsWebhookUrl: {
    name: 'SMS_WEBHOOK_URL',
    default: '',
    description: 'SMS gateway: one-time codes are POSTed to it as JSON. Required in production mode.',
    parse: webhookUrl,
  },
  emailWebhookUrl: {
    name: 'EMAIL_WEBHOOK_URL',
    default: '',
    description: 'E-mail gateway: one-time codes are POSTed to it as JSON. Required in production mode.',
    parse: webhookUrl,
  },
  trustProxy: {
    name: 'TRUST_PROXY',
    default: '',
    description:
      'Behind a reverse proxy: `true`, the number of proxies, or a comma-separated list of their addresses/CIDRs, so that X-Forwarded-For/-Host/-Proto give the client IP (rate limit, audit) and the public host (Origin check). Empty: not trusted.',
    parse: proxyTrust,
  },
  otpTtlMs: duration('OTP_TTL_SECONDS', 300, second, 'How long a one-time code is valid.'),
  otpMaxAttempts: integer('OTP_MAX_ATTEMPTS', 3, 'Tries per one-time code; the last wrong one ends the sign-in attempt.'),
  otpResendAfterMs: duration('OTP_RESEND_AFTER_SECONDS', 60, second, 'Wait before a new code may be requested.'),
  otpMaxSendsPerHour: integer(
    'OTP_MAX_SENDS_PER_HOUR',
    5,
    'Codes (or notices in their place) sent within an hour: to one account at sign-in, to one phone at registration, to one address for e-mail confirmation, for one login at password recovery.',
  ),
  loginChallengeTtlMs: duration(
    'LOGIN_CHALLENGE_TTL_SECONDS',
    900,
    second,
    'How long a sign-in, registration, e-mail confirmation or password recovery waits for its code (codes can be re-sent within it).',
  ),
  recoveryTokenTtlMs: duration(
    'RECOVERY_TOKEN_TTL_SECONDS',
    900,
    second,
    'How long the permission to set a new password lasts once the recovery code was right, or after signing in with a temporary password.',
  ),
  temporaryPasswordTtlMs: duration(
    'TEMPORARY_PASSWORD_TTL_SECONDS',
    86_400,
    second,
    'How long a temporary password issued by an МФЦ operator works; it works once, and then the citizen chooses a new password.',
  ),
  identityCodeTtlMs: duration(
    'IDENTITY_CODE_TTL_SECONDS',
    600,
    second,
    'How long the code the cabinet shows for confirming the identity at an МФЦ (and its QR code) is valid.',
  ),
  passwordHistorySize: integer(
    'PASSWORD_HISTORY_SIZE',
    5,
    'How many recent passwords of an account, the current one included, a new password may not repeat.',
    24,
  ),
  registryCheckDelayMs: {
    name: 'REGISTRY_CHECK_DELAY_MS',
    default: '2000',
    description:
      'How long the demo check of passport and СНИЛС against the state registries takes before it accepts well-formed data; 0 answers at once (still after the HTTP answer).',
    parse: countFrom0,
  },
  lockoutThreshold: integer('LOCKOUT_THRESHOLD', 5, 'Wrong passwords in a row before sign-in with that login is locked.'),
  lockoutBaseMs: duration('LOCKOUT_SECONDS', 900, second, 'The first lockout; each later one doubles.'),
  lockoutMaxMs: duration('LOCKOUT_MAX_SECONDS', 86_400, second, 'The longest lockout.'),
  sessionIdleMs: duration('SESSION_IDLE_SECONDS', 300, second, 'A session ends after this long without use.'),
  sessionAbsoluteMs: duration('SESSION_ABSOLUTE_SECONDS', 28_800, second, 'A session ends this long after sign-in.'),
  deviceTtlMs: duration(
    'DEVICE_COOKIE_DAYS',
    180,
    day,
    'How long a browser that signed in stays exempt from the lockout of its account (the device cookie).',
  ),
} satisfies Record<string, Setting<unknown>>;

/** Every environment variable the server reads, with its default and meaning. */
export const configDocs: readonly ConfigDoc[] = Object.values(settings).map(({ name, default: fallback, description }) => ({
  name,
  default: fallback,
  description,
}));

type Values = { [K in keyof typeof settings]: ReturnType<(typeof settings)[K]['parse']> };

/**
 * Reads the configuration from `env`. Throws a {@link ConfigError} naming every variable
 * that is wrong, and refuses combinations that are unsafe: test mode with
 * `NODE_ENV=production`, production mode without a way to send codes.
 *
 * @example
 * ```ts
 * const config = loadConfig({ MFC_MODE: 'test', DATA_DIR: tmp, LOG_LEVEL: 'silent' });
 * ```
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const values = {} as Record<string, unknown>;
  for (const [key, setting] of Object.entries(settings) as Array<[string, Setting<unknown>]>) {
    const raw = env[setting.name]?.trim() || setting.default;
    try {
      values[key] = setting.parse(raw, cwd);
    } catch (error) {
      problems.push(`${setting.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const v = values as Values;
  if (problems.length === 0) problems.push(...crossChecks(v, env));
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);

  return {
    mode: v.mode,
    port: v.port,
    host: v.host,
    dataDir: v.dataDir,
    allowedOrigins: v.allowedOrigins,
    siteDir: v.siteDir,
    widgetsDir: v.widgetsDir,
    storybookDir: v.storybookDir,
    logLevel: v.logLevel,
    rateLimitPerMinute: v.rateLimitPerMinute,
    codeWebhooks: v.smsWebhookUrl && v.emailWebhookUrl ? { sms: v.smsWebhookUrl, email: v.emailWebhookUrl } : undefined,
    trustProxy: v.trustProxy,
    passwordHashCost: v.mode === 'test' ? 10 : 15,
    registryCheckDelayMs: v.registryCheckDelayMs,
    documentsDir: typeof v.documentsDir === 'string' ? v.documentsDir : resolve(v.dataDir, v.documentsDir.inData),
    uploadTtlMs: v.uploadTtlMs,
    rules: {
      otpTtlMs: v.otpTtlMs,
      otpMaxAttempts: v.otpMaxAttempts,
      otpResendAfterMs: v.otpResendAfterMs,
      otpMaxSendsPerHour: v.otpMaxSendsPerHour,
      loginChallengeTtlMs: v.loginChallengeTtlMs,
      recoveryTokenTtlMs: v.recoveryTokenTtlMs,
      temporaryPasswordTtlMs: v.temporaryPasswordTtlMs,
      identityCodeTtlMs: v.identityCodeTtlMs,
      passwordHistorySize: v.passwordHistorySize,
      lockoutThreshold: v.lockoutThreshold,
      lockoutBaseMs: v.lockoutBaseMs,
      lockoutMaxMs: v.lockoutMaxMs,
      sessionIdleMs: v.sessionIdleMs,
      sessionAbsoluteMs: v.sessionAbsoluteMs,
      deviceTtlMs: v.deviceTtlMs,
    },
  };
}

function crossChecks(v: Values, env: Env): string[] {
  const problems: string[] = [];
  if (v.mode === 'test' && env.NODE_ENV === 'production') {
    problems.push('MFC_MODE=test is refused when NODE_ENV=production: test mode lets anyone move the clock and create accounts.');
  }
  if (v.mode === 'production' && (!v.smsWebhookUrl || !v.emailWebhookUrl)) {
    problems.push(
      'Production mode sends one-time codes through gateways: set SMS_WEBHOOK_URL and EMAIL_WEBHOOK_URL. ' +
        'To try the server on this machine, run it with MFC_MODE=demo.',
    );
  }
  if (v.sessionIdleMs > v.sessionAbsoluteMs) problems.push('SESSION_IDLE_SECONDS must not exceed SESSION_ABSOLUTE_SECONDS.');
  if (v.lockoutBaseMs > v.lockoutMaxMs) problems.push('LOCKOUT_SECONDS must not exceed LOCKOUT_MAX_SECONDS.');
  if (v.otpTtlMs > v.loginChallengeTtlMs) problems.push('OTP_TTL_SECONDS must not exceed LOGIN_CHALLENGE_TTL_SECONDS.');
  return problems;
}
