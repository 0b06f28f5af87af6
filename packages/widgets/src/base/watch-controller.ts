import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a watch function is given: report values and failures, stop when `signal` aborts. */
export interface WatchSink<T> {
  signal: AbortSignal;
  /** A value; `stale` for a cached copy shown before the server answers (or offline). */
  next: (value: T, stale: boolean) => void;
  error: (error: unknown) => void;
}

export interface WatchControllerOptions<A extends readonly unknown[], T> {
  /** The arguments, read at every update of the host; a change (by `key`) starts a new watch. */
  args: () => A;
  /** Starts watching for `args`; it must stop when `sink.signal` aborts. `undefined` args watch nothing. */
  watch: (args: A, sink: WatchSink<T>) => unknown;
  /** What tells two argument lists apart. @default objects by identity, the rest by value */
  key?: (args: A) => string;
  /** Called for every value of the current watch, before the host updates. */
  onValue?: (value: T, stale: boolean, args: A) => void;
  /** Called for every failure of the current watch (not for aborts), before the host updates. */
  onError?: (error: unknown, args: A) => void;
  /** Called when a new watch starts (arguments changed, or {@link WatchController.rerun}). */
  onStart?: (args: A) => void;
}

const ids = new WeakMap<object, number>();
let lastId = 0;
const keyOf = (args: readonly unknown[]): string =>
  args
    .map((arg) => {
      if (typeof arg !== 'object' || arg === null) return JSON.stringify(arg) ?? 'u';
      let id = ids.get(arg);
      if (id === undefined) ids.set(arg, (id = ++lastId));
      return `#${id}`;
    })
    .join();

/**
 * Follows a stale-while-revalidate read (`client.applications.watch…`) for its host: starts
 * it with an `AbortSignal` when the host connects or the arguments change, aborts the one
 * before and on disconnect, and drops what an aborted watch still reports. The host
 * re-renders with every value or error.
 *
 * @example
 * ```ts
 * readonly #detail = new WatchController(this, {
 *   args: () => [this.cabinet, this.applicationId] as const,
 *   watch: ([client, id], { signal, next, error }) =>
 *     id && client.applications.watch(id, (value, { stale }) => next(value, stale), { signal, onError: error }),
 * });
 * render() { return this.#detail.value ? html`…` : this.#detail.pending ? html`…` : nothing; }
 * ```
 */
export class WatchController<A extends readonly unknown[], T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: WatchControllerOptions<A, T>;
  #abort?: AbortController;
  #key?: string;
  #args?: A;
  #connected = false;

  /** The last value of the current watch. */
  value?: T;
  /** Whether {@link value} is a cached copy not yet confirmed by the server. */
  stale = false;
  /** The last failure of the current watch, cleared by the next fresh value. */
  error?: unknown;

  constructor(host: ReactiveControllerHost, options: WatchControllerOptions<A, T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Nothing has come yet for the current arguments. */
  get pending(): boolean {
    return this.value === undefined && this.error === undefined;
  }

  /** The arguments being watched. */
  get args(): A | undefined {
    return this.#args;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#key = undefined;
  }

  hostUpdate(): void {
    if (!this.#connected) return;
    const args = this.#options.args();
    const key = (this.#options.key ?? keyOf)(args);
    if (key !== this.#key) this.#start(args, key);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#key = undefined;
  }

  /** Starts the watch again with the current arguments (a retry, or someone else signed in). */
  rerun(): void {
    this.#key = undefined;
    this.#host.requestUpdate();
  }

  #start(args: A, key: string): void {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#key = key;
    this.#args = args;
    this.error = undefined;
    this.#options.onStart?.(args);
    const { signal } = abort;
    const live = () => !signal.aborted && this.#abort === abort;
    const sink: WatchSink<T> = {
      signal,
      next: (value, stale) => {
        if (!live()) return;
        this.value = value;
        this.stale = stale;
        if (!stale) this.error = undefined;
        this.#options.onValue?.(value, stale, args);
        this.#host.requestUpdate();
      },
      error: (error) => {
        if (!live() || (error as { code?: string } | undefined)?.code === 'aborted') return;
        this.error = error;
        this.#options.onError?.(error, args);
        this.#host.requestUpdate();
      },
    };
    void Promise.resolve(this.#options.watch(args, sink)).catch(sink.error);
  }
}
