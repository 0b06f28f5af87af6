/**
 * Where the citizen is inside `<mfc-cabinet>`, and how it is written in the page's URL so
 * that Back and deep links work: `?mfc=apply:passport-rf` (routing `query`) or
 * `#mfc=application:0193…` (routing `hash`). Other parameters and the site's own anchors
 * are left alone.
 *
 * The views are contributions to {@link cabinetRoutes}: each feature of the features list
 * adds its own (the form `apply`, the tracker `application`, …), so a new view never edits
 * the cabinet.
 */
import type { Translation } from '../i18n/translation.js';
import { ExtensionPoint, type Contribution } from '../base/extension-point.js';
import type { MfcCabinet } from './cabinet.js';

/**
 * The parameters of each view by its name. A feature that contributes a route adds its
 * view here by declaration merging:
 *
 * ```ts
 * declare module '../cabinet/cabinet-route.js' {
 *   interface CabinetRouteParams { payment: { paymentId: string } }
 * }
 * ```
 */
export interface CabinetRouteParams {
  home: Record<never, never>;
}

/** A view's name. */
export type CabinetView = keyof CabinetRouteParams;

/** What the cabinet shows: its own content (`home`), or a view over it with its parameters. */
export type CabinetRoute = { [V in CabinetView]: { view: V } & CabinetRouteParams[V] }[CabinetView];

/** How the cabinet reflects its route in the URL; `off` when the host page has a router of its own. */
export type Routing = 'query' | 'hash' | 'off';

/** What a route's functions are given beside its parameters. */
export interface CabinetRouteContext {
  cabinet: MfcCabinet;
  /** The cabinet's strings, in its language. */
  t: Translation;
}

/**
 * A view of `<mfc-cabinet>`, contributed to {@link cabinetRoutes}. Its `id` is the view's
 * name; its value in the URL is whatever `format` writes (by convention `<id>:<argument>`).
 */
export interface CabinetRouteContribution<V extends CabinetView = CabinetView> extends Contribution {
  readonly id: V;
  /** The parameters if `value` (the URL's `mfc` value, e.g. `apply:passport-rf`) is this view, else `undefined`. */
  parse(value: string): CabinetRouteParams[V] | undefined;
  /** The URL value of the view; only what `parse` reads back (other parameters live until the next navigation). */
  format(params: CabinetRouteParams[V]): string;
  /** Loads the elements the view renders; called when the view is shown. */
  load?(): Promise<unknown>;
  /**
   * What the cabinet shows over its content (below its «Назад» button), or `undefined` to
   * keep showing its content (e.g. a widget the page placed in the cabinet shows the view).
   */
  render(params: CabinetRouteParams[V], context: CabinetRouteContext): unknown;
  /** Called after every route change, with the parameters when this view is the route, else `undefined`. */
  routed?(params: CabinetRouteParams[V] | undefined, context: CabinetRouteContext): void;
  /** Events the cabinet listens for (they bubble from the widgets inside it), e.g. one that opens this view. */
  readonly events?: Readonly<Record<string, (event: Event, cabinet: MfcCabinet) => void>>;
}

/** Widens a typed route for {@link cabinetRoutes}. */
export function defineRoute<V extends CabinetView>(route: CabinetRouteContribution<V>): CabinetRouteContribution {
  return route as unknown as CabinetRouteContribution;
}

/** The views of `<mfc-cabinet>`; the features list contributes them. */
export const cabinetRoutes = new ExtensionPoint<CabinetRouteContribution>();

/** For routes written `<view>:<argument>`: the argument of `value`, or `undefined` if it is another view or empty. */
export function argumentOf(value: string, view: string): string | undefined {
  const prefix = `${view}:`;
  return value.startsWith(prefix) && value.length > prefix.length ? value.slice(prefix.length) : undefined;
}

const parameter = 'mfc';

export function routeToValue(route: CabinetRoute): string | null {
  if (route.view === 'home') return null;
  return cabinetRoutes.get(route.view)?.format(route) ?? null;
}

export function routeFromValue(value: string | null): CabinetRoute {
  if (value) {
    for (const route of cabinetRoutes.list()) {
      const params = route.parse(value);
      if (params) return { ...params, view: route.id } as CabinetRoute;
    }
  }
  return { view: 'home' };
}

/** The route the URL holds. */
export function readRoute(routing: Routing, url: URL): CabinetRoute {
  if (routing === 'query') return routeFromValue(url.searchParams.get(parameter));
  if (routing === 'hash') return routeFromValue(new URLSearchParams(url.hash.slice(1)).get(parameter));
  return { view: 'home' };
}

/** The URL with the route written in, everything else kept. */
export function writeRoute(routing: Routing, url: URL, route: CabinetRoute): URL {
  const next = new URL(url);
  const value = routeToValue(route);
  if (routing === 'query') {
    if (value === null) next.searchParams.delete(parameter);
    else next.searchParams.set(parameter, value);
  } else if (routing === 'hash') {
    // A plain anchor of the site (#contacts) gives way to the route, and comes back with home.
    const hash = /^#?[\w-]*$/.test(next.hash) ? new URLSearchParams() : new URLSearchParams(next.hash.slice(1));
    if (value === null) hash.delete(parameter);
    else hash.set(parameter, value);
    next.hash = String(hash);
  }
  return next;
}
