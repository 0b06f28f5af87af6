/**
 * Assembles the server: database (created, migrated, seeded), services, HTTP plugins,
 * the routes of every feature of `features.ts` and static hosting, for one {@link Config}.
 */
import { readFileSync } from 'node:fs';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { backgroundHeader, idempotencyKeyHeader, sessionIdleHeader } from '@mfc-cabinet/core/schemas';
import { ApiError } from './api-error.js';
import { BackgroundTasks } from './background.js';
import { ManualClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { buildContext } from './context.js';
import type { FeatureDeps, Infrastructure, ServerHooks } from './feature.js';
import { features } from './features.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrations.js';
import { seedDemoAccounts } from './db/seed.js';
import { TableWrites } from './db/table-writes.js';
import { registerCompression } from './http/compression.js';
import { csrfHeader, originGuard } from './http/csrf.js';
import { stderrLog } from './http/log-stream.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, notFoundHandler } from './http/error-handler.js';
import { apiPrefix, registerOpenApi } from './http/openapi.js';
import { securityHeaders } from './http/security-headers.js';
import { registerStaticSite } from './http/static-site.js';
import type { JobRunner } from './jobs/runner.js';
import { DemoRegistry, type RegistryChecker } from './profile/registry.js';
import { DevOutbox } from './senders/dev-outbox.js';
import type { CodeSender } from './senders/sender.js';
import { WebhookSender } from './senders/webhook.js';

/** Bodies larger than this are refused with `payload_too_large`. */
export const bodyLimitBytes = 16 * 1024;

/** The server package version. */
export const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** What {@link buildApp} may be given instead of its defaults. */
export interface AppDeps {
  /** Where codes go; by default the webhooks in production and the dev outbox otherwise. */
  sender?: CodeSender;
  /** By default the system clock, and a {@link ManualClock} in test mode (which needs one). */
  clock?: Clock;
  /** The state registries' adapter; by default {@link DemoRegistry}, which accepts well-formed data. */
  registry?: RegistryChecker;
  /** Seams for tests (none by default). */
  hooks?: ServerHooks;
}

export interface App {
  app: FastifyInstance;
  clock: Clock;
  /** The dev outbox, in demo and test modes when no other sender was given. */
  outbox: DevOutbox | undefined;
  db: Database;
  /** The durable jobs' runner (tests define and queue jobs with it). */
  jobs: JobRunner;
  /** Resolves when the work started after answers so far (registry checks, messages, due jobs) is done. */
  settled(): Promise<void>;
  /** Stops the server, lets that work finish, and closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the server for `config`; it is ready to `listen()` or `inject()`.
 *
 * @example
 * ```ts
 * const { app, close } = await buildApp(loadConfig());
 * await app.listen({ port: 8080 });
 * ```
 */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const clock = deps.clock ?? (config.mode === 'test' ? new ManualClock() : systemClock);
  if (config.mode === 'test' && !(clock instanceof ManualClock)) throw new Error('test mode needs a ManualClock');

  const { trustProxy } = config;
  const app = Fastify({
    bodyLimit: bodyLimitBytes,
    // The router's and the HTTP parser's refusals as problems with the security headers, never echoing the input.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // A number of proxies is trusted hop by hop (Fastify's types take no number).
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    logger: {
      level: config.logLevel,
      // stderr, the lines of one turn of the event loop in one write.
      stream: stderrLog(),
      redact: [
        'req.headers.cookie',
        `req.headers["${csrfHeader}"]`,
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'body.password',
        'body.code',
        'body.resetToken',
        'body.changeToken',
      ],
    },
  });
  try {
    return await assemble(app, config, clock, deps);
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function assemble(app: FastifyInstance, config: Config, clock: Clock, deps: AppDeps): Promise<App> {
  const isDemo = config.mode !== 'production';
  const writes = new TableWrites();
  const db = openDatabase(config, writes);
  app.addHook('onClose', () => db.destroy());
  await migrateToLatest(db);
  const tasks = new BackgroundTasks(app.log);
  app.addHook('preClose', () => tasks.settled());

  const outbox = deps.sender || !isDemo ? undefined : new DevOutbox(clock, app.log);
  const sender = deps.sender ?? outbox ?? webhookSender(config);
  const registry = deps.registry ?? new DemoRegistry(config.registryCheckDelayMs);

  const infrastructure: Infrastructure = { config, clock, db, writes, sender, registry, tasks, log: app.log, hooks: deps.hooks ?? {} };
  const context = buildContext(features, infrastructure);
  const { jobs } = context;
  for (const feature of features) {
    for (const [kind, definition] of Object.entries(feature.jobs?.({ ...infrastructure, ...context }) ?? {})) jobs.define(kind, definition.run, definition);
  }
  for (const feature of features) await feature.start?.(app, { ...infrastructure, ...context });
  // Jobs wait for every feature to have started; at close, the running ones finish first.
  await jobs.start();
  app.addHook('preClose', () => jobs.stop());
  if (isDemo) await seedDemoAccounts(context.accounts, context.hasher, clock);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // JSON is the only body the API reads; anything else is 415.
  app.removeContentTypeParser('text/plain');

  // Before any route: compression hooks into every route as it is added.
  await registerCompression(app);
  await app.register(cookie);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && config.allowedOrigins.includes(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'],
    allowedHeaders: [
      ...['content-type', 'accept', 'accept-language', csrfHeader, idempotencyKeyHeader, backgroundHeader],
      ...features.flatMap((feature) => feature.requestHeaders ?? []),
    ],
    // The page reads how long its session has left from every answer that used it (uploads expose the tus headers too),
    // and a download's file name and when to ask again for a file being prepared.
    exposedHeaders: [sessionIdleHeader, 'content-disposition', 'retry-after'],
    maxAge: 600,
  });
  app.addHook('onRequest', originGuard(config.allowedOrigins));
  app.addHook('onSend', securityHeaders);
  await registerOpenApi(app, version, features.flatMap((feature) => feature.tags ?? []));

  const featureDeps: FeatureDeps = { config, clock, context, outbox };
  await app.register(
    async (api) => {
      await api.register(rateLimit, {
        max: config.rateLimitPerMinute,
        timeWindow: 60_000,
        errorResponseBuilder: (_request, { ttl }) =>
          new ApiError('rate_limited', { retryAfter: Math.max(1, Math.ceil(ttl / 1000)) }),
      });
      for (const feature of features) await feature.routes?.(api, featureDeps);
    },
    { prefix: apiPrefix },
  );
  for (const feature of features) await feature.pages?.(app, featureDeps);
  await registerStaticSite(app, config, { warm: config.mode !== 'test' });

  await app.ready();
  const settled = async (): Promise<void> => {
    // Tasks may queue jobs and jobs start tasks: until both are idle.
    do {
      await tasks.settled();
      await jobs.settled();
    } while (!tasks.idle);
  };
  return { app, clock, outbox, db, jobs, settled, close: () => app.close() };
}

function webhookSender({ codeWebhooks }: Config): CodeSender {
  if (!codeWebhooks) throw new Error('production mode needs SMS_WEBHOOK_URL and EMAIL_WEBHOOK_URL');
  return new WebhookSender(codeWebhooks);
}
