import { html, type TemplateResult } from 'lit';
import { writeRoute, type CabinetRoute } from './cabinet-route.js';
import type { MfcCabinet } from './cabinet.js';

/**
 * A link to a view of `cabinet`: a real `<a href>` (the URL the view has with the cabinet's
 * routing, `?mfc=…` when it has none), opened in the cabinet itself by a plain click, in a
 * new tab by a click with a modifier or the middle button, as any link.
 */
export function routeLink(cabinet: MfcCabinet, route: CabinetRoute, label: unknown, options: { part?: string; className?: string } = {}): TemplateResult {
  const routing = cabinet.routing === 'off' ? 'query' : cabinet.routing;
  const href = writeRoute(routing, new URL(location.href), route).href;
  const open = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    cabinet.navigate(route);
  };
  return html`<a part=${options.part ?? 'link'} class=${options.className ?? 'link'} href=${href} @click=${open}>${label}</a>`;
}
