import type { CabinetClient, Profile, RegistryCheck } from '@mfc-cabinet/core';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';

const pollMs = 1500;

/**
 * The registry check of the personal data just saved: asks the profile for its result
 * while it is pending (and the host is in the page), re-rendering the host with each answer.
 */
export class RegistryCheckController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => CabinetClient;
  readonly #onProfile: ((profile: Profile) => void) | undefined;
  #timer?: ReturnType<typeof setTimeout>;
  #connected = false;
  /** The check as last known. */
  check?: RegistryCheck;

  /** `onProfile` is given every profile the check was read from (its level follows the check). */
  constructor(host: ReactiveControllerHost, client: () => CabinetClient, onProfile?: (profile: Profile) => void) {
    this.#host = host;
    this.#client = client;
    this.#onProfile = onProfile;
    host.addController(this);
  }

  /** Shows `check` and follows it until it is no longer pending. */
  follow(check: RegistryCheck | undefined): void {
    this.check = check;
    this.#host.requestUpdate();
    this.#poll();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#poll();
  }

  hostDisconnected(): void {
    this.#connected = false;
    clearTimeout(this.#timer);
  }

  #poll(): void {
    clearTimeout(this.#timer);
    if (this.check?.status !== 'pending' || !this.#connected) return;
    this.#timer = setTimeout(async () => {
      try {
        const profile = await this.#client().profile.get();
        this.#onProfile?.(profile);
        this.follow(profile.registryCheck);
      } catch {
        // The status stays «pending» on screen; the profile shows the result later.
      }
    }, pollMs);
  }
}

/** Where the registry check stands, in words. */
export function renderRegistryStatus(t: Translation, check: RegistryCheck | undefined): TemplateResult {
  if (!check || check.status === 'not_submitted') return html`<p>${t.registryNotSubmitted}</p>`;
  if (check.status === 'pending') return html`<p role="status">${t.registryPending}</p>`;
  if (check.status === 'verified') return html`<div part="alert" class="alert info" role="status">${t.registryVerified}</div>`;
  return html`<div part="alert" class="alert" role="alert">${t.registryRejected(check.reason ?? '')}</div>`;
}
