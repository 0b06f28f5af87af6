import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { focusListItem, listKeyTarget } from './list-keys.js';
import type { RangeChangedEvent, VirtualList } from './virtual-list.js';

/** The next page is asked for when this few loaded items are left below the last one shown. */
const prefetchMargin = 10;

/** The virtualizer, once a list has loaded it: the lists after render virtualized from the start. */
let loadedVirtualizer: VirtualList | undefined;

export interface LongListOptions<Item> {
  /**
   * Lists of which this many items or more have loaded render only the items on screen,
   * once the virtualizer's code has arrived (it loads then, not with the first page). Shorter
   * ones render whole, so that a screen reader reads every item.
   */
  virtualizeFrom: number;
  renderItem: (item: Item, index: number, total: number) => TemplateResult;
  /**
   * The list has scrolled near the last loaded item (virtualized), or the end of a plain list
   * with more to come has come near the screen: time for the next page. Not called while the
   * last page asked for through {@link LongList.loadMore} has failed.
   */
  onNearEnd: () => void;
}

/**
 * A long list of items (services, applications) as `[part~="list"]` of `role="listitem"`
 * items, each opened by a button `.open[data-index]`: plain while short, virtualized when
 * long, and moved through by keyboard — ↓ ↑ to the next and previous item, Home and End to
 * the first and last. Pages loaded through {@link loadMore} are one at a time, and after one
 * fails no more are asked for on scroll until the next is asked for on purpose (a retry).
 * The first page of a long list renders plain: the virtualizer's code loads only once the
 * citizen has scrolled to more pages, so that a page does not fetch it at open.
 */
export class LongList<Item extends { id: string }> implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  readonly #options: LongListOptions<Item>;
  #virtual?: VirtualList;
  #virtualLoading?: Promise<void>;
  #count = 0;
  /** Watches the end of a plain list that has more to come. */
  #endWatcher?: IntersectionObserver;
  #watchedEnd?: Element;
  /** A next page is on its way through {@link loadMore}. */
  loading = false;
  /** The last page asked for through {@link loadMore} failed; a new listing sets it back. */
  failed = false;

  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }, options: LongListOptions<Item>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const end = this.#host.renderRoot.querySelector('[data-list-end]');
    if (end === this.#watchedEnd) return;
    this.#endWatcher?.disconnect();
    this.#watchedEnd = end ?? undefined;
    if (!end || typeof IntersectionObserver !== 'function') return;
    // Half a screen before the end shows, the next page is asked for.
    this.#endWatcher = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.#nearEnd(), { rootMargin: '0px 0px 50% 0px' });
    this.#endWatcher.observe(end);
  }

  hostDisconnected(): void {
    this.#endWatcher?.disconnect();
    this.#endWatcher = this.#watchedEnd = undefined;
  }

  /** `items`, the first of `total` items. */
  render(items: Item[], total: number, label: string): TemplateResult {
    this.#count = items.length;
    const { renderItem } = this.#options;
    const virtual = items.length >= this.#options.virtualizeFrom ? this.#loadVirtualizer() : undefined;
    // Until the virtualizer's code arrives (or offline, when it never came), the plain list,
    // with a mark at its end that asks for the next page when it comes near the screen.
    if (!virtual) {
      return html`<div part="list" class="list" role="list" aria-label=${label} @keydown=${this.#onKey}>
          ${repeat(
            items,
            (item) => item.id,
            (item, index) => renderItem(item, index, total),
          )}
        </div>
        ${items.length < total ? html`<div data-list-end aria-hidden="true"></div>` : nothing}`;
    }
    return html`<div part="list" class="list" role="list" aria-label=${label} @rangeChanged=${this.#onRangeChanged} @keydown=${this.#onKey}>
      ${virtual.virtualize({
        items,
        // Between new items and the virtualizer's next range, it may ask for indices past the end.
        keyFunction: (item: Item | undefined, index: number) => item?.id ?? index,
        renderItem: (item: Item | undefined, index: number) => (item ? renderItem(item, index, total) : html`<div hidden></div>`),
      })}
    </div>`;
  }

  /** Focuses the item at `index`, scrolling it into view first when the list is virtualized. */
  focus(index: number): Promise<void> {
    return focusListItem(this.#host.renderRoot, index, this.#virtual);
  }

  /**
   * Loads the next page with `load` unless one is on its way, and renders the host again
   * when it has come; `load` throws when it failed.
   */
  async loadMore(load: () => Promise<void>): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.failed = false;
    this.#host.requestUpdate();
    try {
      await load();
    } catch {
      this.failed = true;
    } finally {
      this.loading = false;
      this.#host.requestUpdate();
    }
  }

  /** The virtualizer if loaded; else starts loading it and renders again when it is there. */
  #loadVirtualizer(): VirtualList | undefined {
    if ((this.#virtual ??= loadedVirtualizer)) return this.#virtual;
    this.#virtualLoading ??= import('./virtual-list.js').then(
      (module) => {
        this.#virtual = loadedVirtualizer = module;
        this.#host.requestUpdate();
      },
      () => {
        this.#virtualLoading = undefined; // Offline before the chunk was ever loaded: the plain list stays.
      },
    );
    return this.#virtual;
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    const target = listKeyTarget(event, this.#count);
    if (target === undefined) return;
    event.preventDefault();
    void this.focus(target);
  };

  readonly #onRangeChanged = (event: RangeChangedEvent): void => {
    if (event.last >= this.#count - prefetchMargin) this.#nearEnd();
  };

  #nearEnd(): void {
    if (!this.failed) this.#options.onNearEnd();
  }
}
