/**
 * The services the routes work with, built once by `buildApp`: the configuration and the
 * clock, and the services of every feature of `features.ts` (each declares its own).
 */
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Infrastructure, ServerFeature, ServicesOf } from './feature.js';
import type { features } from './features.js';

export interface CoreContext {
  config: Config;
  clock: Clock;
}

export type AppContext = CoreContext & ServicesOf<typeof features>;

/**
 * Builds the services of the features of `list`, in its order; each gets the
 * infrastructure and the services built before it. Throws when a feature reads a service
 * that no feature before it built.
 */
export function buildContext(list: readonly ServerFeature[], infrastructure: Infrastructure): AppContext {
  const built: Record<string, unknown> = { config: infrastructure.config, clock: infrastructure.clock };
  let building = '';
  const deps = new Proxy(infrastructure as Infrastructure & AppContext, {
    get(target, key) {
      if (typeof key !== 'string' || key in target) return Reflect.get(target, key);
      if (key in built) return built[key];
      throw new Error(`the ${building} feature uses ${key}, which no feature listed before it in features.ts provides`);
    },
  });
  for (const feature of list) {
    building = feature.name;
    Object.assign(built, feature.services?.(deps));
  }
  return built as AppContext;
}
