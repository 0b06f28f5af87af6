import type { AuthState, CabinetClient } from '@mfc-cabinet/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a {@link SessionController} tells its host about. */
export interface SessionControllerOptions {
  /** The client to follow; read at every update of the host, so a new client is followed at once. */
  client: () => CabinetClient;
  /**
   * Called when the state changes, with the one before (`undefined` on the first call after
   * the host connects or the client changes). The host updates after it either way.
   */
  onChange?: (state: AuthState, previous: AuthState | undefined) => void;
  /**
   * Called once when following starts (with the account signed in then, if any) and then
   * whenever the signed-in account changes: someone signs in, signs out, or another
   * citizen signs in in another tab. `undefined` when nobody is signed in.
   */
  onAccountChange?: (accountId: string | undefined, client: CabinetClient) => void;
  /** Ask the server for the session when its state is not known yet. @default true */
  refresh?: boolean;
}

/**
 * Follows the sign-in state of the host's client: the one place widgets learn who is
 * signed in. It subscribes when the host connects (or its client changes), asks the
 * server once when nothing is known yet, re-renders the host on every change and stops
 * when the host disconnects.
 *
 * @example
 * ```ts
 * readonly #session = new SessionController(this, {
 *   client: () => this.cabinet,
 *   onAccountChange: (accountId) => this.#reload(accountId),
 * });
 * render() {
 *   return this.#session.signedIn ? html`…` : html`…`;
 * }
 * ```
 */
export class SessionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: SessionControllerOptions;
  #client?: CabinetClient;
  #stop?: () => void;
  #state: AuthState = { status: 'unknown' };
  #accountId?: string;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: SessionControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The state last reported by the client. */
  get state(): AuthState {
    return this.#state;
  }

  get signedIn(): boolean {
    return this.#state.status === 'signed-in';
  }

  /** The signed-in account's id, if anyone is signed in. */
  get accountId(): string | undefined {
    return this.#accountId;
  }

  /** The client being followed (the host's, as of its last update). */
  get client(): CabinetClient {
    return this.#follow();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostUpdate(): void {
    if (this.#connected) this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop?.();
    this.#stop = undefined;
    this.#client = undefined;
  }

  /** Subscribes to the host's client unless it is the one followed already. */
  #follow(): CabinetClient {
    const client = this.#options.client();
    if (client === this.#client) return client;
    this.#stop?.();
    this.#client = client;
    let previous: AuthState | undefined;
    this.#accountId = undefined;
    let first = true;
    this.#stop = client.auth.subscribe((state) => {
      this.#state = state;
      this.#options.onChange?.(state, previous);
      previous = state;
      const accountId = state.status === 'signed-in' ? state.session.user.id : undefined;
      if (first || accountId !== this.#accountId) {
        this.#accountId = accountId;
        this.#options.onAccountChange?.(accountId, client);
      }
      first = false;
      this.#host.requestUpdate();
    });
    if (client.auth.state.status === 'unknown' && this.#options.refresh !== false) void client.auth.refresh().catch(() => undefined);
    return client;
  }
}
