import { html, type TemplateResult } from 'lit';
import { writeRoute, type CabinetRoute } from './cabinet-route.js';
import type { MfcCabinet } from './cabinet.js';

/**
 * A link to a view of `cabinet`. With routing, a real `<a href>` (the URL the view has),
 * opened in the cabinet itself by a plain click, in a new tab by a click with a modifier or
 * the middle button, as any link. With `routing="off"` the cabinet reads no URL, so an
 * address would open a page without the view: it is a button that looks like a link.
 */
export function routeLink(cabinet: MfcCabinet, route: CabinetRoute, label: unknown, options: { part?: string; className?: string } = {}): TemplateResult {
  const part = options.part ?? 'link';
  const className = options.className ?? 'link';
  if (cabinet.routing === 'off') {
    return html`<button type="button" part=${part} class=${className} @click=${() => cabinet.navigate(route)}>${label}</button>`;
  }
  const href = writeRoute(cabinet.routing, new URL(location.href), route).href;
  const open = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    cabinet.navigate(route);
  };
  return html`<a part=${part} class=${className} href=${href} @click=${open}>${label}</a>`;
}
