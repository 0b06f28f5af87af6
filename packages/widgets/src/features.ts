/**
 * The widget features: the one list `mfc-cabinet.js` and the CDN build are made from. A
 * feature is a folder (`src/<name>/`) with its registration file `src/<tag>.ts`, and one
 * entry here: its tags, how its module loads (a dynamic import, so the bundle loads it when
 * needed), and what it contributes to the extension points of other elements.
 *
 * - `mfc-cabinet.js` defines the `eager` features as it starts and the `in-page` ones when
 *   one of their tags appears in the page; widgets that render another widget inside their
 *   shadow root load it themselves.
 * - `rollup.config.mjs` reads this list (from `dist/features.js`): the `eager` features go
 *   into `mfc-cabinet.js` itself, every `in-page` one is a chunk of its own, and every
 *   `standalone` one is also built apart as `cdn/<first tag>.js` from its registration file.
 * - `contributions` are added to their points by {@link addFeatureContributions}, which the
 *   registration of `<mfc-cabinet>` calls; any {@link ExtensionPoint} may be the target.
 *
 * Keep this module free of element code: Node imports it to build.
 *
 * @example
 * ```ts
 * {
 *   id: 'payments',
 *   tags: ['mfc-payments'],
 *   load: () => import('./mfc-payments.js'),
 *   bundle: 'in-page',
 *   contributions: [
 *     contribute(cabinetRoutes, paymentRoute),
 *     contribute(homeSections, { id: 'payments', order: 20, render: () => html`<mfc-payments></mfc-payments>` }),
 *   ],
 * },
 * ```
 */
import type { SubClients } from '@mfc-cabinet/core';
import type { Contribution, ExtensionPoint } from './base/extension-point.js';
import { cabinetRoutes } from './cabinet/cabinet-route.js';
import { homeSections } from './cabinet/home-sections.js';
import { applicationHomeSections } from './features/application-home-sections.js';
import { applicationRoute, applicationsRoute, applyRoute } from './features/application-routes.js';
import { catalogRoute, profileRoute, securityRoute } from './features/cabinet-views.js';
import { profileHomeSection } from './features/profile-home-section.js';

/** Contributions of a feature to one extension point. */
export interface PointContributions {
  readonly point: ExtensionPoint<Contribution>;
  readonly items: readonly Contribution[];
}

export interface WidgetFeature {
  /** The feature's name (its folder). */
  readonly id: string;
  /** The elements it defines; the first names its registration file `src/<tag>.ts`. */
  readonly tags: readonly [string, ...string[]];
  /** Imports the registration file, which defines the tags. */
  readonly load: () => Promise<unknown>;
  /**
   * When `mfc-cabinet.js` loads it: with itself (every page has it: keep this to what every
   * page of a site shows), or when one of its tags is in the page.
   */
  readonly bundle: 'eager' | 'in-page';
  /** Also a file of its own in the CDN folder, `cdn/<first tag>.js`, for a page with only this widget. */
  readonly standalone?: boolean;
  readonly contributions?: readonly PointContributions[];
  /**
   * The height its element takes before it is defined (its code still loading), so that the
   * page does not shift when it appears: about what it first shows on a phone. A site may
   * change it with the token `--<tag>-reserved-size`. See {@link reservedRoomCss}.
   */
  readonly reserve?: string;
  /**
   * The parts of the SDK its element reads as it opens. When `mfc-cabinet.js` finds one of
   * its tags, it prepares them (`client.prepare`) while the element's own chunk loads, so
   * that cached data is on screen as soon as the element is defined.
   */
  readonly reads?: readonly (keyof SubClients)[];
}

/** Contributions of `items` to `point`, for a feature's `contributions`. */
export function contribute<T extends Contribution>(point: ExtensionPoint<T>, ...items: T[]): PointContributions {
  return { point: point as unknown as ExtensionPoint<Contribution>, items };
}

export const features: readonly WidgetFeature[] = [
  { id: 'cabinet', tags: ['mfc-cabinet'], load: () => import('./mfc-cabinet.js'), bundle: 'eager' },
  { id: 'login-form', tags: ['mfc-login-form'], load: () => import('./mfc-login-form.js'), bundle: 'eager', standalone: true, reserve: '23.5rem' },
  {
    id: 'service-catalog',
    tags: ['mfc-service-catalog'],
    load: () => import('./mfc-service-catalog.js'),
    bundle: 'in-page',
    reserve: '100svh',
    reads: ['catalog'],
    contributions: [contribute(cabinetRoutes, catalogRoute)],
  },
  {
    id: 'application-form',
    tags: ['mfc-application-form'],
    load: () => import('./mfc-application-form.js'),
    bundle: 'in-page',
    reserve: '30rem',
    contributions: [contribute(cabinetRoutes, applyRoute)],
  },
  {
    id: 'application-tracker',
    tags: ['mfc-application-tracker'],
    load: () => import('./mfc-application-tracker.js'),
    bundle: 'in-page',
    reserve: '30rem',
    reads: ['applications'],
    contributions: [contribute(cabinetRoutes, applicationRoute, applicationsRoute), contribute(homeSections, ...applicationHomeSections)],
  },
  {
    id: 'document-uploader',
    tags: ['mfc-document-uploader'],
    load: () => import('./mfc-document-uploader.js'),
    bundle: 'in-page',
    standalone: true,
    reserve: '9rem',
  },
  // What sign-in leads to: the sign-in form loads them when it opens them.
  { id: 'registration-form', tags: ['mfc-registration-form'], load: () => import('./mfc-registration-form.js'), bundle: 'in-page' },
  { id: 'password-recovery', tags: ['mfc-password-recovery'], load: () => import('./mfc-password-recovery.js'), bundle: 'in-page' },
  {
    id: 'security',
    tags: ['mfc-security', 'mfc-identity-confirmation'],
    load: () => import('./mfc-security.js'),
    bundle: 'in-page',
    contributions: [contribute(cabinetRoutes, securityRoute)],
  },
  {
    id: 'profile',
    tags: ['mfc-profile'],
    load: () => import('./mfc-profile.js'),
    bundle: 'in-page',
    reserve: '30rem',
    reads: ['profile'],
    contributions: [contribute(cabinetRoutes, profileRoute), contribute(homeSections, profileHomeSection)],
  },
  // The cabinet's home: `<mfc-cabinet>` renders it (in its shadow root) once a citizen is
  // signed in; the sections are the other features' contributions to `homeSections`.
  { id: 'home', tags: ['mfc-cabinet-home'], load: () => import('./mfc-cabinet-home.js'), bundle: 'in-page' },
  { id: 'header-items', tags: ['mfc-header-items'], load: () => import('./mfc-header-items.js'), bundle: 'in-page' },
];

/**
 * The room the elements take before they are defined: `display: block` and the reserved
 * height of each feature that has one. `mfc-cabinet.js` adopts it as it starts, and the CDN
 * build writes it to `cdn/mfc-cabinet.css` for the page's `<head>` (it applies before any
 * script has run).
 */
export function reservedRoomCss(): string {
  const rules = [`${features.flatMap((feature) => feature.tags).join(':not(:defined),')}:not(:defined){display:block}`];
  for (const feature of features) {
    if (!feature.reserve) continue;
    const tag = feature.tags[0];
    rules.push(`${tag}:not(:defined){min-block-size:var(--${tag}-reserved-size,${feature.reserve})}`);
  }
  return rules.join('\n');
}

let added = false;

/** Adds every feature's contributions to their points, once. */
export function addFeatureContributions(): void {
  if (added) return;
  added = true;
  for (const feature of features) {
    for (const { point, items } of feature.contributions ?? []) for (const item of items) point.add(item);
  }
}
