/**
 * Where the citizen is inside `<mfc-cabinet>`, and how it is written in the page's URL so
 * that Back and deep links work: `?mfc=apply:passport-rf` (routing `query`) or
 * `#mfc=application:0193…` (routing `hash`). Other parameters and the site's own anchors
 * are left alone.
 */

/** What the cabinet shows over its own content: the form of a service, or one application. */
export type CabinetRoute = { view: 'home' } | { view: 'apply'; serviceId: string } | { view: 'application'; applicationId: string };

/** How the cabinet reflects its route in the URL; `off` when the host page has a router of its own. */
export type Routing = 'query' | 'hash' | 'off';

const parameter = 'mfc';

export function routeToValue(route: CabinetRoute): string | null {
  if (route.view === 'apply') return `apply:${route.serviceId}`;
  if (route.view === 'application') return `application:${route.applicationId}`;
  return null;
}

export function routeFromValue(value: string | null): CabinetRoute {
  const [view, id] = value?.split(/:(.*)/s) ?? [];
  if (view === 'apply' && id) return { view: 'apply', serviceId: id };
  if (view === 'application' && id) return { view: 'application', applicationId: id };
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
