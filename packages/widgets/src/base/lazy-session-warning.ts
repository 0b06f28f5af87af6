import type { CabinetClient } from '@mfc-cabinet/core';
import { nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import type { SessionWarning } from './session-warning.js';

type WarningHost = LitElement;

/**
 * The «still there?» dialog ({@link SessionWarning}) of an element, whose code and styles
 * load once a session has an idle deadline: a signed-out page pays nothing for it. Until
 * then it only listens to the SDK's idle deadline. A load that fails (offline) is tried
 * again with the next deadline.
 */
export class LazySessionWarning implements ReactiveController {
  readonly #host: WarningHost;
  #client?: CabinetClient;
  #unsubscribe?: () => void;
  #warning?: SessionWarning;
  #loading = false;

  constructor(host: WarningHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Follows the idle deadline of `client` (again when the client changes; none stops). */
  watch(client: CabinetClient | undefined): void {
    if (client === this.#client) return;
    this.#client = client;
    if (this.#warning) return this.#warning.watch(client);
    this.#unsubscribe?.();
    this.#unsubscribe = client?.auth.subscribeIdle((deadline) => {
      if (deadline !== undefined) void this.#load();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#client = undefined;
  }

  render(t: Translation): TemplateResult | typeof nothing {
    return this.#warning?.render(t) ?? nothing;
  }

  async #load(): Promise<void> {
    if (this.#loading || this.#warning) return;
    this.#loading = true;
    try {
      const { attachSessionWarning } = await import('./session-warning.js');
      this.#warning = await attachSessionWarning(this.#host, this.#client);
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
      this.#host.requestUpdate();
    } catch {
      // The chunk could not be fetched (offline): the next deadline tries again.
    } finally {
      this.#loading = false;
    }
  }
}
