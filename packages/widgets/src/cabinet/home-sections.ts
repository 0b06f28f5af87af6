import type { CabinetClient } from '@mfc-cabinet/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ExtensionPoint, type Contribution } from '../base/extension-point.js';
import type { MfcCabinet } from './cabinet.js';

/** A section of the cabinet's home, shown to a signed-in citizen (e.g. «Мои заявления», payments due). */
export interface HomeSectionContribution extends Contribution {
  /** Loads the elements the section renders; called when it is first shown. */
  load?(): Promise<unknown>;
  render(cabinet: MfcCabinet): unknown;
  /**
   * The section tells the home how it stands with `mfc-home-section-state` events: the home
   * counts it as loading until it does, hides it while it is empty, and greets a new
   * citizen when every section is empty. A section without it always shows.
   */
  readonly reportsState?: boolean;
}

/** How a section stands: still loading, nothing to show (hidden), shown, or failed (shown, with its error). */
export type HomeSectionState = 'loading' | 'empty' | 'shown' | 'error';

export interface HomeSectionStateDetail {
  state: HomeSectionState;
  /** What it shows is saved data: the server could not be reached. */
  offline: boolean;
}

/** A section's element fires `mfc-home-section-state` (bubbling, composed) with this detail when its state changes. */
export type HomeSectionStateEvent = CustomEvent<HomeSectionStateDetail>;

/** The sections of the cabinet's home, by `order`; the features list contributes them. */
export const homeSections = new ExtensionPoint<HomeSectionContribution>();

/**
 * Renders the cabinet's home while a citizen is signed in, after the cabinet's own content:
 * `<mfc-cabinet-home>` (its chunk loads then), which shows {@link homeSections} each in a
 * `part="home-section"` box. Nothing while nobody is signed in. On a page opened without a
 * network, where the session cannot be checked, the home is there only for what was saved
 * in this browser for the citizen last signed in (`saved-only`): the SDK's cache opens it.
 */
export class HomeSections implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #client?: CabinetClient;
  #stop?: () => void;
  #signedIn = false;
  /** The session could not be checked (no network, or no answer). */
  #unreachable = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Follows the sign-in state of `client` (again when the client changes). */
  watch(client: CabinetClient | undefined): void {
    if (client === this.#client) return;
    this.#stop?.();
    this.#client = client;
    this.#stop = client?.auth.subscribe((state) => {
      const signedIn = state.status === 'signed-in';
      const unreachable = this.#unreachable && state.status === 'unknown';
      if (state.status === 'unknown' && !this.#unreachable) this.#check(client);
      if (signedIn !== this.#signedIn || unreachable !== this.#unreachable) {
        this.#signedIn = signedIn;
        this.#unreachable = unreachable;
        this.#host.requestUpdate();
      }
    });
  }

  /** Asks for the session (one request with the others that ask now); a failure to answer is remembered. */
  #check(client: CabinetClient): void {
    client.auth.refresh().catch(() => {
      if (client !== this.#client || client.auth.state.status !== 'unknown') return;
      this.#unreachable = true;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#client = undefined;
  }

  render(cabinet: MfcCabinet): unknown {
    if (!this.#signedIn && !this.#unreachable) return nothing;
    void import('../mfc-cabinet-home.js');
    return html`<mfc-cabinet-home part="home" exportparts="home-section" .cabinetElement=${cabinet} ?saved-only=${!this.#signedIn}></mfc-cabinet-home>`;
  }
}
