/**
 * What a feature of the server brings: its OpenAPI tags, its tables (a type), its
 * migrations, its routes. `features.ts` lists the features; `app.ts` registers their routes
 * and tags, `db/migrations.ts` applies their migrations and `db/database.ts` types the
 * database with their tables.
 */
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { OpenApiTag } from './http/openapi.js';
import type { DevOutbox } from './senders/dev-outbox.js';

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
 * which the database's type is assembled from.
 */
export interface ServerFeature<Tables extends object = object> {
  /** The feature's folder under `src/`. */
  name: string;
  /** The groups of the OpenAPI document its operations are in (each route names one of them). */
  tags?: readonly OpenApiTag[];
  /** Type only: never set at run time, it carries `Tables` for `db/database.ts`. */
  readonly tables?: Tables;
  /**
   * The migrations that create and change its tables, by their global name (`NNNN_what`).
   * Every feature's migrations are applied together in name order, so a new one takes the
   * next free number; a migration once shipped is never edited or renamed.
   */
  migrations?: Readonly<Record<string, Migration>>;
  /** Request headers the API accepts from other origins besides the common ones (CORS). */
  requestHeaders?: readonly string[];
  /** Registers the feature's routes under `/api/v1` (the rate limit applies). */
  routes?(api: FastifyInstance, deps: FeatureDeps): Promise<void>;
  /** Registers pages outside the API (the developer pages), at the site's root. */
  pages?(app: FastifyInstance, deps: FeatureDeps): Promise<void>;
}

/** Declares a feature; give `Tables` when it has tables. */
export function defineFeature<Tables extends object = object>(feature: ServerFeature<Tables>): ServerFeature<Tables> {
  return feature;
}

/** The tables of the features in `List`, as one schema (the intersection of their `Tables`). */
export type TablesOf<List extends readonly ServerFeature<object>[]> = UnionToIntersection<
  List[number] extends infer F ? (F extends ServerFeature<infer T> ? T : never) : never
>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
