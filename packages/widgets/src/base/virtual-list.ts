/**
 * The virtualizer of long lists (services, applications), a chunk of its own: a short list
 * renders plainly, and only a list long enough to need it loads this.
 */
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';

export { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
export type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';

// The virtualizer measures items with a ResizeObserver and resizes the list inside its
// callback, which browsers report as «ResizeObserver loop completed with undelivered
// notifications» — noise in every site's error log (lit/lit#3154). Its observers answer on
// the next frame instead, outside the browser's observer loop.
provideResizeObserver(
  class extends ResizeObserver {
    constructor(callback: ResizeObserverCallback) {
      super((entries, observer) => requestAnimationFrame(() => callback(entries, observer)));
    }
  },
);

/** This module, as the lists that load it hold it. */
export type VirtualList = typeof import('./virtual-list.js');
