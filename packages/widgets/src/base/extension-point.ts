import type { ReactiveControllerHost } from 'lit';

/**
 * A place where features contribute to each other's elements without editing them: the
 * cabinet's routes, the sections of its home, the steps offered after an application is
 * submitted, the items of a site's header. A feature adds its contributions from its
 * registration module; the element that owns the point lists them and re-renders when
 * one arrives later (lazy chunks register when they load).
 *
 * @example
 * ```ts
 * // payments/register.ts
 * afterSubmitSteps.add({
 *   id: 'pay-fee',
 *   order: 10,
 *   applies: ({ service }) => service.fee > 0,
 *   render: ({ application }) => html`<mfc-payments application-id=${application.id}></mfc-payments>`,
 * });
 * ```
 */
export class ExtensionPoint<T extends Contribution> {
  readonly #items = new Map<string, T>();
  readonly #listeners = new Set<() => void>();
  #sorted?: readonly T[];

  /** Adds `item`, or replaces the one with the same id. Returns a function that removes it. */
  add(item: T): () => void {
    this.#items.set(item.id, item);
    this.#changed();
    return () => {
      if (this.#items.get(item.id) === item && this.#items.delete(item.id)) this.#changed();
    };
  }

  /**
   * The contributions by `order` (then id), the same array until the next change. Ids are
   * compared by code unit, not `localeCompare`, whose first call loads the collation data:
   * tens of milliseconds of every page's start-up on a phone.
   */
  list(): readonly T[] {
    return (this.#sorted ??= [...this.#items.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }

  get(id: string): T | undefined {
    return this.#items.get(id);
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    this.#sorted = undefined;
    for (const listener of this.#listeners) listener();
  }
}

/** What every contribution to an {@link ExtensionPoint} has. */
export interface Contribution {
  /** Unique within its point; a second contribution with the same id replaces the first. */
  readonly id: string;
  /** Lower first. @default 0 */
  readonly order?: number;
}

/** Re-renders `host` whenever a contribution is added to or removed from one of `points`. */
export function renderOnChange(host: ReactiveControllerHost, ...points: ExtensionPoint<Contribution>[]): void {
  let stops: (() => void)[] = [];
  host.addController({
    hostConnected: () => void (stops = points.map((point) => point.subscribe(() => host.requestUpdate()))),
    hostDisconnected: () => {
      for (const stop of stops) stop();
      stops = [];
    },
  });
}
