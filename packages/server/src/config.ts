/**
 * The server's configuration, read once from environment variables. Every setting has a
 * safe default and a description; {@link configDocs} lists them for the README. The
 * sections of the features are in their folders (`security/config.ts`, …).
 */
import { existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { OtpChannel } from '@mfc-cabinet/core/schemas';
import { applicationsSettings } from './applications/config.js';
import { defaultPoolSize } from './db/dialect.js';
import { documentLimitSettings, documentsSettings } from './documents/config.js';
import { jobsSettings } from './jobs/config.js';
import { profileSettings } from './profile/config.js';
import { securityChecks, securityRules, securitySettings, type SecurityRules } from './security/config.js';
import { ConfigError, folder, integer, oneOf, origins, proxyTrust, webhookUrl, type ConfigDoc, type Env, type Setting } from './settings.js';

export type { SecurityRules } from './security/config.js';
export { ConfigError, repoRoot, type ConfigDoc } from './settings.js';

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

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  /** Absolute path of the folder holding `cabinet.sqlite` (and, by default, the documents). */
  dataDir: string;
  /** `postgres://…` when the database is PostgreSQL; `undefined` for SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections of the PostgreSQL pool. */
  databasePoolSize: number;
  /** Origins (`https://site.example`) allowed to call the API with credentials (CORS). */
  allowedOrigins: readonly string[];
  siteDir: string;
  widgetsDir: string;
  storybookDir: string;
  logLevel: LogLevel;
  rateLimitPerMinute: number;
  /** Where one-time codes are POSTed, per channel; set when both SMS_WEBHOOK_URL and EMAIL_WEBHOOK_URL are. */
  codeWebhooks: Record<OtpChannel, string> | undefined;
  /** The folder of MaxMind's GeoLite2-City CSV files, when the city of an address is to be shown (`GEOIP_CITY_CSV`). */
  geoIpCityCsv: string | undefined;
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
  /** What one account may hold at a time. */
  limits: AccountLimits;
  /** Longest the PDF export of one citizen may take to draw. */
  pdfExportTimeoutMs: number;
  /** How often (real ms) each instance looks for due jobs. */
  jobPollMs: number;
  /** How long an instance holds a job it took. */
  jobLeaseMs: number;
  /** The municipality's IANA time zone, which the PDF exports tell their times in. */
  timeZone: string;
  rules: SecurityRules;
}

/** What one account may hold at a time; each is checked in the database, so every instance of the server shares it. */
export interface AccountLimits {
  /** Drafts of applications. */
  openDrafts: number;
  /** Unfinished uploads. */
  openUploads: number;
  /** Documents the citizen put in the vault and did not delete (results issued by operators are not counted). */
  vaultDocuments: number;
  /** Bytes of those documents, with the declared lengths of unfinished uploads. */
  vaultBytes: number;
}

const settings = {
  port: integer('PORT', 8080, 'TCP port the server listens on.', 65_535),
  host: {
    name: 'HOST',
    default: 'localhost',
    description: 'Interface to listen on; `0.0.0.0` for every interface (in a container).',
    parse: (raw: string) => raw,
  },
  allowDemoOnNetwork: {
    name: 'ALLOW_DEMO_ON_NETWORK',
    default: '0',
    description:
      '`1` lets demo and test modes listen on a HOST other than this machine (localhost, 127.0.0.1, ::1); they publish every one-time code at /dev/outbox without sign-in and have demo accounts with published passwords, so they refuse it otherwise.',
    parse: flag,
  },
  dataDir: folder('DATA_DIR', './data', 'Folder of the embedded database `cabinet.sqlite`; created when missing.'),
  databaseUrl: {
    name: 'DATABASE_URL',
    default: '',
    description:
      '`postgres://user:password@host:port/database`: the database is that PostgreSQL (tested with 15) instead of `cabinet.sqlite` in DATA_DIR; the schema is created there at start. Empty: SQLite.',
    parse: postgresUrl,
  },
  databasePoolSize: integer('DATABASE_POOL_SIZE', defaultPoolSize, 'Connections to PostgreSQL the server keeps open at most (with DATABASE_URL).', 1000),
  ...documentsSettings,
  ...documentLimitSettings,
  ...applicationsSettings,
  ...jobsSettings,
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
  geoIpCityCsv: {
    name: 'GEOIP_CITY_CSV',
    default: '',
    description:
      'Folder of MaxMind’s GeoLite2-City CSV files (`GeoLite2-City-Blocks-IPv4.csv`, `-IPv6.csv` when present, `GeoLite2-City-Locations-ru.csv` and/or `-en.csv`): sessions and the sign-in history then show the city of an address. Read once at start; a folder without them, or a malformed file, stops the start. Empty: only the local network is told.',
    parse: optionalFolder,
  },
  ...securitySettings,
  ...profileSettings,
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
    databaseUrl: v.databaseUrl,
    databasePoolSize: v.databasePoolSize,
    allowedOrigins: v.allowedOrigins,
    siteDir: v.siteDir,
    widgetsDir: v.widgetsDir,
    storybookDir: v.storybookDir,
    logLevel: v.logLevel,
    rateLimitPerMinute: v.rateLimitPerMinute,
    codeWebhooks: v.smsWebhookUrl && v.emailWebhookUrl ? { sms: v.smsWebhookUrl, email: v.emailWebhookUrl } : undefined,
    geoIpCityCsv: v.geoIpCityCsv,
    trustProxy: v.trustProxy,
    passwordHashCost: v.mode === 'test' ? 10 : 15,
    registryCheckDelayMs: v.registryCheckDelayMs,
    documentsDir: typeof v.documentsDir === 'string' ? v.documentsDir : resolve(v.dataDir, v.documentsDir.inData),
    uploadTtlMs: v.uploadTtlMs,
    limits: { openDrafts: v.maxOpenDrafts, openUploads: v.maxOpenUploads, vaultDocuments: v.maxVaultDocuments, vaultBytes: v.maxVaultBytes },
    pdfExportTimeoutMs: v.pdfExportTimeoutMs,
    jobPollMs: v.jobPollMs,
    jobLeaseMs: v.jobLeaseMs,
    timeZone: v.timeZone,
    rules: securityRules(v),
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
  if (v.mode !== 'production' && !v.allowDemoOnNetwork && !isLoopback(v.host)) {
    problems.push(
      `MFC_MODE=${v.mode} is refused on HOST=${v.host}: it shows every one-time code at /dev/outbox without sign-in ` +
        'and has demo accounts with published passwords, so it listens on this machine only (HOST=localhost). ' +
        'To show it on a network anyway, set ALLOW_DEMO_ON_NETWORK=1.',
    );
  }
  problems.push(...securityChecks(v));
  return problems;
}

/** Whether `host` is this machine only: `localhost`, 127.0.0.0/8 or ::1 (bracketed or not, IPv4-mapped too). */
export function isLoopback(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === 'localhost') return true;
  if (isIP(address) === 4) return address.startsWith('127.');
  if (isIP(address) === 6) {
    // The URL parser writes an IPv6 address in its shortest form, IPv4-mapped ones in hex (::ffff:7f00:1).
    const shortest = new URL(`http://[${address}]`).hostname;
    return shortest === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(shortest);
  }
  return false;
}

/** A PostgreSQL connection URL (`postgres://` or `postgresql://`), or `undefined` for none. */
function postgresUrl(raw: string): string | undefined {
  if (raw === '') return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !/^postgres(ql)?:$/.test(url.protocol)) {
    // Never echo the value: it may hold a password.
    throw new ConfigError('expected a URL such as postgres://user:password@host:5432/database');
  }
  return raw;
}

/** An existing folder (relative to the working directory), or `undefined` for none. */
function optionalFolder(raw: string, cwd: string): string | undefined {
  if (raw === '') return undefined;
  const path = resolve(cwd, raw);
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new ConfigError(`no such folder: ${path}`);
  return path;
}

function flag(raw: string): boolean {
  if (raw === '0') return false;
  if (raw === '1') return true;
  throw new ConfigError(`expected 0 or 1, got "${raw}"`);
}
