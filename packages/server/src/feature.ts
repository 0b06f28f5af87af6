/**
 * What a feature of the server brings: its OpenAPI tags, its tables (a type), its
 * migrations, its services, its routes. `features.ts` lists the features; `app.ts` builds
 * their services and registers their routes and tags, `db/migrations.ts` applies their
 * migrations, and `db/database.ts` and `context.ts` type the database and the services.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { PdfExportHooks } from './applications/pdf-exports.js';
import type { BackgroundTasks } from './background.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/database.js';
import type { TableWrites } from './db/table-writes.js';
import type { OpenApiTag } from './http/openapi.js';
import type { JobDefinitions } from './jobs/runner.js';
import type { RegistryChecker } from './profile/registry.js';
import type { RetentionOf } from './retention.js';
import type { DevOutbox } from './senders/dev-outbox.js';
import type { CodeSender } from './senders/sender.js';

/** What every feature's services may be built with, besides the services of the features before it. */
export interface Infrastructure {
  config: Config;
  clock: Clock;
  db: Database;
  /** How often each table of `db` was written, for caches of what is read from them. */
  writes: TableWrites;
  sender: CodeSender;
  registry: RegistryChecker;
  tasks: BackgroundTasks;
  log: FastifyBaseLogger;
  /** Seams for tests; empty otherwise. */
  hooks: ServerHooks;
}

/** Seams for tests, given to `buildApp`: they observe or hold work the server does. */
export interface ServerHooks {
  /** Each drawing of the PDF export. */
  pdfExport?: PdfExportHooks;
}

/** What a feature's routes are registered with. */
export interface FeatureDeps {
  config: Config;
  clock: Clock;
  /** The services, built once by `buildApp`. */
  context: AppContext;
  /** The dev outbox, in demo and test modes when no other sender was given. */
  outbox: DevOutbox | undefined;
}

/**
 * One feature of the server; `Tables` is the type of its tables (table name to row type),
 * which the database's type is assembled from, and `Services` the type of the services it
 * adds to the {@link AppContext}.
 */
export interface ServerFeature<Tables extends object = object, Services extends object = object> {
  /** The feature's folder under `src/`. */
  name: string;
  /** The groups of the OpenAPI document its operations are in (each route names one of them). */
  tags?: readonly OpenApiTag[];
  /** Type only: never set at run time, it carries `Tables` for `db/database.ts`. */
  readonly tables?: Tables;
  /** Type only: never set at run time, it carries `Services` for `context.ts`. */
  readonly provides?: Services;
  /**
   * The migrations that create and change its tables, by their global name (`NNNN_what`).
   * Every feature's migrations are applied together in name order, so a new one takes the
   * next free number; a migration once shipped is never edited or renamed.
   */
  migrations?: Readonly<Record<string, Migration>>;
  /**
   * What becomes of the rows of each of its tables when a citizen closes the account
   * (`retention.ts`): one fate for every table of `Tables`, so none is forgotten.
   */
  retention?: RetentionOf<Tables>;
  /**
   * Builds the feature's services, once. `deps` holds the infrastructure and the services of
   * the features listed before this one (a service of a later feature is not built yet:
   * reading it throws).
   */
  services?(deps: Infrastructure & AppContext): Services;
  /**
   * The kinds of durable job it runs (`jobs/runner.ts`), named `<feature>:<what>`: each
   * one's handler and, optionally, attempts, backoff and period (a recurring job). Called
   * once, after every feature's services are built; the runner starts after `start`.
   */
  jobs?(deps: Infrastructure & AppContext): JobDefinitions;
  /** Runs once the services are built, before the server answers (seeding, background work). */
  start?(app: FastifyInstance, deps: Infrastructure & AppContext): Promise<void> | void;
  /** Request headers the API accepts from other origins besides the common ones (CORS). */
  requestHeaders?: readonly string[];
  /** Registers the feature's routes under `/api/v1` (the rate limit applies). */
  routes?(api: FastifyInstance, deps: FeatureDeps): Promise<void>;
  /** Registers pages outside the API (the developer pages), at the site's root. */
  pages?(app: FastifyInstance, deps: FeatureDeps): Promise<void>;
}

// The types below read the features' declared type arguments by indexed access only: a
// conditional type that matched whole features would have to compare their methods, whose
// parameters are typed with the database and the context these types make (a cycle).

/** The tables of the features in `List`, as one schema (the intersection of their `Tables`). */
export type TablesOf<List extends readonly ServerFeature<object, object>[]> = UnionToIntersection<
  { [K in keyof List]: NonNullable<List[K]['tables']> }[number]
>;

/** The services of the features in `List`, as one type (the intersection of their `Services`). */
export type ServicesOf<List extends readonly ServerFeature<object, object>[]> = UnionToIntersection<
  { [K in keyof List]: NonNullable<List[K]['provides']> }[number]
>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
