import type { ReactiveControllerHost } from 'lit';

/**
 * A part of an element whose code loads when it is first needed, so that the element's own
 * chunk stays small: `value` is undefined until the part has loaded, and the host renders
 * again when it has. A load that fails (offline: the chunk could not be fetched) leaves
 * `failed` set until {@link LazyPart.retry}.
 */
export class LazyPart<T> {
  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<T>;
  #value?: T;
  #loading = false;
  #failed = false;

  constructor(host: ReactiveControllerHost, load: () => Promise<T>) {
    this.#host = host;
    this.#load = load;
  }

  /** The part, once loaded; asking for it starts loading it. */
  get value(): T | undefined {
    if (this.#value === undefined && !this.#loading && !this.#failed) void this.#start();
    return this.#value;
  }

  /** The part, if it has loaded (without starting to load it). */
  get loaded(): T | undefined {
    return this.#value;
  }

  /** Whether loading it failed. */
  get failed(): boolean {
    return this.#failed;
  }

  /** Tries again after a failed load. */
  retry(): void {
    if (!this.#failed) return;
    this.#failed = false;
    void this.#start();
  }

  async #start(): Promise<void> {
    this.#loading = true;
    try {
      this.#value = await this.#load();
    } catch {
      this.#failed = true;
    } finally {
      this.#loading = false;
      this.#host.requestUpdate();
    }
  }
}
