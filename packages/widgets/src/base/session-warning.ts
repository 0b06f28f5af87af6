import type { CabinetClient } from '@mfc-cabinet/core';
import { adoptStyles, html, nothing, type LitElement, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import { formatCountdown } from '../i18n/translation.js';
import { Countdown } from './countdown.js';

/**
 * The dialog added to `host` once its code has loaded ({@link LazySessionWarning}): the
 * dialog's styles join the host's, and it follows `client`.
 */
export async function attachSessionWarning(host: LitElement, client: CabinetClient | undefined): Promise<SessionWarning> {
  const { dialogStyles } = await import('../styles/dialog.styles.js');
  if (host.renderRoot instanceof ShadowRoot) adoptStyles(host.renderRoot, [...(host.constructor as typeof LitElement).elementStyles, dialogStyles]);
  const warning = new SessionWarning(host);
  warning.watch(client);
  return warning;
}

/** Seconds before the idle end at which the citizen is asked whether to stay (60 by default). */
export const sessionWarningSeconds = 60;

/**
 * The «still there?» dialog: opens a minute before an idle session ends, counts down, and
 * offers to stay (the session is extended) or to sign out. It follows the idle deadline the
 * SDK shares between tabs, so activity in another tab closes it here too; when the session
 * ends, the SDK says so and every widget shows it.
 */
export class SessionWarning implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  readonly #countdown: Countdown;
  #client?: CabinetClient;
  #unsubscribe?: () => void;
  #timer?: ReturnType<typeof setTimeout>;
  #open = false;
  #busy = false;
  /** Writes made offline not yet sent, found when the citizen asked to sign out. */
  #unsent = 0;

  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    this.#countdown = new Countdown(host);
    host.addController(this);
  }

  /** Follows the idle deadline of `client` (again when the client changes). */
  watch(client: CabinetClient | undefined): void {
    if (client === this.#client) return;
    this.#unsubscribe?.();
    this.#client = client;
    this.#unsubscribe = client?.auth.subscribeIdle((deadline) => this.#schedule(deadline));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#client = undefined;
    clearTimeout(this.#timer);
  }

  hostUpdated(): void {
    const dialog = this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.session-warning');
    if (!dialog?.isConnected) return;
    if (this.#open && !dialog.open) dialog.showModal();
    if (!this.#open && dialog.open) dialog.close();
  }

  render(t: Translation): TemplateResult {
    return html`
      <dialog
        class="session-warning"
        part="session-warning"
        role="alertdialog"
        aria-labelledby="session-warning-heading"
        aria-describedby="session-warning-text"
        @cancel=${(event: Event) => {
          event.preventDefault();
          void this.#stay();
        }}
      >
        <h2 id="session-warning-heading">${t.sessionWarningHeading}</h2>
        <p id="session-warning-text">${t.sessionWarningText(formatCountdown(this.#countdown.remaining))}</p>
        ${this.#unsent ? html`<p class="alert" role="alert">${t.unsentWarning(this.#unsent)}</p>` : nothing}
        <div class="actions">
          <button class="button primary" part="button primary-button" type="button" autofocus aria-disabled=${this.#busy} @click=${() => void this.#stay()}>
            ${t.staySignedIn}
          </button>
          <button class="button" part="button" type="button" aria-disabled=${this.#busy} @click=${() => void this.#signOut()}>
            ${this.#unsent ? t.signOutAnyway : t.signOutNow}
          </button>
        </div>
      </dialog>
    `;
  }

  /** Opens the dialog a minute before `deadline`; closes it when the deadline moves away or goes. */
  #schedule(deadline: number | undefined): void {
    clearTimeout(this.#timer);
    const untilWarning = deadline === undefined ? Infinity : deadline - Date.now() - sessionWarningSeconds * 1000;
    if (untilWarning <= 0 && deadline !== undefined) {
      this.#show(deadline);
    } else {
      this.#hide();
      if (Number.isFinite(untilWarning)) this.#timer = setTimeout(() => this.#show(deadline!), untilWarning);
    }
  }

  #show(deadline: number): void {
    this.#open = true;
    this.#countdown.start((deadline - Date.now()) / 1000);
  }

  #hide(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#unsent = 0;
    this.#countdown.stop();
  }

  async #stay(): Promise<void> {
    if (this.#busy || !this.#client) return;
    await this.#act(() => this.#client!.auth.extendSession());
  }

  /** Signing out deletes this device's copy of the citizen's data: writes not yet sent are warned about first. */
  async #signOut(): Promise<void> {
    if (this.#busy || !this.#client) return;
    const client = this.#client;
    await this.#act(async () => {
      const unsent = this.#unsent ? 0 : (await client.applications.pending().catch(() => [])).length;
      this.#unsent = unsent;
      if (!unsent) await client.auth.logout();
    });
  }

  async #act(action: () => Promise<unknown>): Promise<void> {
    this.#busy = true;
    this.#host.requestUpdate();
    try {
      await action();
    } catch {
      // The SDK has already marked the session as ended, which closes the dialog.
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }
}
