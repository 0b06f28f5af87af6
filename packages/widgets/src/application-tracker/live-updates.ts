import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LiveUpdatesOptions {
  /** Milliseconds between looks while the page is visible; 0 stops polling. Read at every update of the host. */
  interval: () => number;
  /** Looks for updates; the page does it on its own, so these are background requests. */
  refresh: () => void;
}

/**
 * Looks for updates without a reload, while its host is connected: every `interval` while
 * the page is visible, when the page comes back into view, and when the network comes back
 * (the host re-renders when it goes or comes, for its offline notice).
 */
export class LiveUpdates implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: LiveUpdatesOptions;
  #timer?: ReturnType<typeof setInterval>;
  /** The interval polled at, `undefined` while the host is disconnected. */
  #interval?: number;

  constructor(host: ReactiveControllerHost, options: LiveUpdatesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('online', this.#onConnectivity);
    window.addEventListener('offline', this.#onConnectivity);
    this.#poll();
  }

  hostUpdate(): void {
    if (this.#interval !== undefined && this.#interval !== this.#options.interval()) this.#poll();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    clearInterval(this.#timer);
    this.#interval = undefined;
  }

  #poll(): void {
    clearInterval(this.#timer);
    const interval = (this.#interval = this.#options.interval());
    if (interval > 0) this.#timer = setInterval(this.#onVisibility, interval);
  }

  readonly #onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#options.refresh();
  };

  readonly #onConnectivity = (): void => {
    if (navigator.onLine) this.#options.refresh();
    this.#host.requestUpdate();
  };
}
