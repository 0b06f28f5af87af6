import type { CabinetClient } from '@mfc-cabinet/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ExtensionPoint, renderOnChange, type Contribution } from '../base/extension-point.js';
import type { MfcCabinet } from './cabinet.js';

/** A section of the cabinet's home, shown to a signed-in citizen (e.g. «Мои заявления», payments due). */
export interface HomeSectionContribution extends Contribution {
  /** Loads the elements the section renders; called when it is first shown. */
  load?(): Promise<unknown>;
  render(cabinet: MfcCabinet): unknown;
}

/** The sections of the cabinet's home, by `order`; the features list contributes them. */
export const homeSections = new ExtensionPoint<HomeSectionContribution>();

/**
 * Renders {@link homeSections} in the cabinet's home while a citizen is signed in: each in
 * a `part="home-section"` box after the cabinet's own content. Nothing when none is
 * contributed or nobody is signed in.
 */
export class HomeSections implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #client?: CabinetClient;
  #stop?: () => void;
  #signedIn = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
    renderOnChange(host, homeSections);
  }

  /** Follows the sign-in state of `client` (again when the client changes). */
  watch(client: CabinetClient | undefined): void {
    if (client === this.#client) return;
    this.#stop?.();
    this.#client = client;
    this.#stop = client?.auth.subscribe((state) => {
      const signedIn = state.status === 'signed-in';
      if (signedIn !== this.#signedIn) {
        this.#signedIn = signedIn;
        this.#host.requestUpdate();
      }
    });
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#client = undefined;
  }

  render(cabinet: MfcCabinet): unknown {
    const sections = homeSections.list();
    if (!this.#signedIn || sections.length === 0) return nothing;
    for (const section of sections) void section.load?.();
    return sections.map((section) => html`<div part="home-section" data-section=${section.id}>${section.render(cabinet)}</div>`);
  }
}
