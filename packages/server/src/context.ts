/**
 * The services the routes work with, built once by `buildApp`: the configuration and the
 * clock, and the services of every feature of `features.ts` (each declares its own).
 */
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { ServicesOf } from './feature.js';
import type { features } from './features.js';

export interface CoreContext {
  config: Config;
  clock: Clock;
}

export type AppContext = CoreContext & ServicesOf<typeof features>;
