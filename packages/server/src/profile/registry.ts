/**
 * The check of a citizen's passport and СНИЛС against the state registries (through СМЭВ
 * in a real deployment), which raises an account to «standard». The server talks to the
 * registries only through {@link RegistryChecker}; {@link DemoRegistry} stands in for
 * them until a deployment plugs in its own adapter (`buildApp(config, { registry })`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isValidInn, isValidPassport, isValidSnils } from '@mfc-cabinet/core/validators';
import type { PersonalData } from './personal-data.js';

/** What the registries answered; `reason` is for the citizen. */
export type RegistryAnswer = { ok: true } | { ok: false; reason: string };

export interface RegistryChecker {
  /** Whether the registries know a person with these data; rejects when they cannot be asked. */
  check(data: PersonalData): Promise<RegistryAnswer>;
}

/** The refusal a citizen reads, whatever the registries found wrong. */
export const registryRefusal = 'Данные не прошли проверку в государственных реестрах. Обратитесь в МФЦ с паспортом.';

/** Accepts well-formed data after `delayMs`, as if the registries took that long to answer. */
export class DemoRegistry implements RegistryChecker {
  readonly #delayMs: number;

  constructor(delayMs: number) {
    this.#delayMs = delayMs;
  }

  async check(data: PersonalData): Promise<RegistryAnswer> {
    await sleep(this.#delayMs);
    const wellFormed =
      isValidSnils(data.snils) &&
      isValidPassport(`${data.passportSeries} ${data.passportNumber}`) &&
      (data.inn === null || isValidInn(data.inn, 'person'));
    return wellFormed ? { ok: true } : { ok: false, reason: registryRefusal };
  }
}
