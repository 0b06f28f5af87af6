import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One page of a list read by cursor: its items and the cursor of the next (`null`: the last). */
export interface CursorPage<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * A short list read a page at a time with «Показать ещё» (the profile's history, the
 * sign-ins): the first page when the host connects, the next on request, a failure kept so
 * the host can offer to try again. The items stay when a later page fails.
 */
export class CursorPages<Item> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #load: (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<Item>>;
  #abort?: AbortController;
  items: Item[] = [];
  nextCursor: string | null = null;
  /** Nothing asked yet, a page on its way, the last ask failed, or a page is here. */
  status: 'idle' | 'loading' | 'failed' | 'loaded' = 'idle';

  constructor(host: ReactiveControllerHost, load: (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<Item>>) {
    this.#host = host;
    this.#load = load;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.status === 'idle') void this.reload();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    if (this.status === 'loading') this.status = 'idle';
  }

  /** The first page again, e.g. after a change that the list shows. */
  reload(): Promise<void> {
    return this.#fetch(undefined);
  }

  /** The next page, when there is one. */
  more(): Promise<void> {
    if (this.nextCursor === null || this.status === 'loading') return Promise.resolve();
    return this.#fetch(this.nextCursor);
  }

  async #fetch(cursor: string | undefined): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'loading';
    this.#host.requestUpdate();
    try {
      const page = await this.#load(cursor, abort.signal);
      if (abort.signal.aborted) return;
      this.items = cursor === undefined ? page.items : [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
      this.status = 'loaded';
    } catch {
      if (abort.signal.aborted) return;
      this.status = 'failed';
    }
    this.#host.requestUpdate();
  }
}
