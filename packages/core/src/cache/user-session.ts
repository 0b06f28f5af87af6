/**
 * Whose per-user data is open: the citizen signed in, or — on a page opened offline, while
 * the session is not known yet — the one last signed in here. Follows the auth state: the
 * data opens at sign-in, closes at sign-out, and is wiped at an explicit logout (an expired
 * session keeps it, so nothing typed is lost). Changes are announced to the other tabs of
 * the same citizen on a BroadcastChannel.
 */
import type { AuthClient, AuthState } from '../auth/client.js';
import { CabinetError } from '../errors.js';
import type { Http } from '../http.js';
import { stored } from '../storage.js';
import type { CacheKind } from './public-db.js';
import { openUserData, userDbName, wipeUserData, type UserData } from './user-db.js';

/** What a tab tells the others: a record changed, or the outbox did. */
export type TabMessage = { type: 'record'; key: string } | { type: 'outbox' };

interface OpenUser {
  id: string;
  data: Promise<UserData>;
  channel: BroadcastChannel | undefined;
}

export class UserSession {
  readonly #http: Http;
  readonly #auth: AuthClient;
  readonly #cache: CacheKind | undefined;
  readonly #lastUserKey: string;
  readonly #tabListeners = new Set<(message: TabMessage) => void>();
  readonly #signInListeners = new Set<() => void>();
  #user: OpenUser | undefined;

  constructor(http: Http, auth: AuthClient, cache: CacheKind | undefined) {
    this.#http = http;
    this.#auth = auth;
    this.#cache = cache;
    this.#lastUserKey = http.scoped('mfc-cabinet:user:');
    auth.subscribe((state) => void this.#onAuth(state));
  }

  /** The open data, or `undefined` for nobody. */
  async data(): Promise<UserData | undefined> {
    if (this.#user) return this.#user.data;
    const state = this.#auth.state;
    const id = state.status === 'signed-in' ? state.session.user.id : state.status === 'unknown' ? this.#remembered : null;
    return id ? this.#open(id).data : undefined;
  }

  /** The open data. @throws {CabinetError} `unauthenticated` for nobody */
  async requireData(): Promise<UserData> {
    const data = await this.data();
    if (!data) throw new CabinetError('unauthenticated', { status: 401, message: this.#http.message('unauthenticated') });
    return data;
  }

  /**
   * Resolves once this browser is known to have a session (asking the server once, shared,
   * when that is not known yet); rejects with `unauthenticated` when nobody is signed in,
   * without sending the request the server would refuse. Reads that need a session call it
   * first, so that a signed-out page asks nothing that answers 401.
   */
  async requireSignedIn(options: { signal?: AbortSignal } = {}): Promise<void> {
    let state = this.#auth.state;
    if (state.status === 'unknown') state = await this.#auth.refresh(options);
    if (state.status !== 'signed-in') throw new CabinetError('unauthenticated', { status: 401, message: this.#http.message('unauthenticated') });
  }

  /** Tells the other tabs of the same citizen. */
  post(message: TabMessage): void {
    this.#user?.channel?.postMessage(message);
  }

  /** Calls `listener` with what other tabs tell. */
  onTabMessage(listener: (message: TabMessage) => void): void {
    this.#tabListeners.add(listener);
  }

  /** Calls `listener` whenever a citizen signs in (or is found signed in) and when they sign out. */
  onChange(listener: () => void): void {
    this.#signInListeners.add(listener);
  }

  async #onAuth(state: AuthState): Promise<void> {
    if (state.status === 'signed-in') {
      const { id } = state.session.user;
      this.#remembered = id;
      if (this.#user?.id !== id) this.#open(id);
    } else if (state.status === 'signed-out') {
      const id = this.#user?.id ?? this.#remembered;
      this.#close();
      if ((state.reason === 'logout' || state.reason === 'not-me' || state.reason === 'account-deleted') && id) {
        this.#remembered = null;
        await wipeUserData(userDbName(this.#http.scope, id));
      }
    } else {
      return;
    }
    for (const listener of this.#signInListeners) listener();
  }

  #open(id: string): OpenUser {
    this.#close();
    const name = userDbName(this.#http.scope, id);
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    if (channel) channel.onmessage = (event: MessageEvent<TabMessage>) => this.#tabListeners.forEach((listener) => listener(event.data));
    this.#user = { id, data: openUserData(this.#cache, name), channel };
    return this.#user;
  }

  #close(): void {
    const user = this.#user;
    this.#user = undefined;
    user?.channel?.close();
    void user?.data.then((data) => data.close());
  }

  /** Who was last signed in here. Without storage, a page opened offline shows nothing cached. */
  get #remembered(): string | null {
    return stored.get(this.#lastUserKey);
  }

  set #remembered(id: string | null) {
    stored.set(this.#lastUserKey, id);
  }
}
