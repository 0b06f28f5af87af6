import type { AccountLevel, Profile, ServiceSummary } from '@mfc-cabinet/core';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { accountLevelOrder, hasLevel } from '../base/levels.js';
import { ProfileSection } from './section.js';

/** How many services open at each level (with those of the levels below), and a few of those that need it. */
interface LevelServices {
  count: number;
  examples: string[];
}

/**
 * «Уровень учётной записи» of `<mfc-profile>`: the three levels with what each opens (how
 * many services of the catalog, and some of them), the citizen's own marked, and what
 * raises it — personal data checked in the registries for «standard», the identity
 * confirmed at an МФЦ (the code for the operator, right here) for «confirmed».
 */
export class MfcProfileLevel extends ProfileSection {
  readonly #services = new Task(this, {
    task: async ([client]) => {
      const index = await client.catalog.searchIndex();
      return servicesByLevel(index.services);
    },
    args: () => [this.cabinet] as const,
  });

  protected override render() {
    const { t } = this;
    const profile = this.profile;
    if (!profile) return nothing;
    const services = this.#services.value;
    return this.section(
      t.profileLevelHeading,
      html`
        <p>${t.profileLevelNow(t.accountLevel[profile.level])}</p>
        <ol class="levels" part="levels">
          ${accountLevelOrder.map((level) => {
            const current = level === profile.level;
            const reached = hasLevel(profile.level, level);
            const opens = services?.[level];
            return html`<li class=${current ? 'level current' : 'level'} part=${current ? 'level current-level' : 'level'} aria-current=${current ? 'true' : nothing}>
              <p>
                <strong>${t.profileLevelName[level]}</strong>
                ${current ? html`<span class="badge">${t.profileLevelYours}</span>` : reached ? html`<span class="badge">${t.profileLevelReached}</span>` : nothing}
              </p>
              <p>${t.profileLevelGives[level]}</p>
              ${opens ? html`<p class="hint">${t.profileLevelServices(opens.count, opens.examples)}</p>` : nothing}
            </li>`;
          })}
        </ol>
        ${this.#renderRaise(profile)}
      `,
      'level',
    );
  }

  #renderRaise(profile: Profile) {
    const { t } = this;
    const sub = String(Math.min(6, Number(this.ariaHeadingLevel) + 1));
    if (profile.level === 'confirmed') return nothing;
    if (profile.level === 'simplified') {
      const check = profile.registryCheck.status;
      return html`<div class="sub" role="heading" aria-level=${sub}>${t.profileRaiseToStandard}</div>
        <p>${check === 'pending' ? t.registryPending : check === 'rejected' ? t.registryRejected(profile.registryCheck.reason ?? '') : t.profileRaiseToStandardLead}</p>
        ${check === 'pending'
          ? nothing
          : html`<div class="actions">
              <button class="button primary" part="button primary-button" type="button" id="fill-personal" @click=${this.#editPersonal}>
                ${check === 'rejected' ? t.profileFixPersonalData : t.profilePersonalFill}
              </button>
            </div>`}`;
    }
    return html`<div class="sub" role="heading" aria-level=${sub}>${t.profileRaiseToConfirmed}</div>
      <mfc-identity-confirmation
        exportparts="identity, identity-code, qr, alert, button"
        .client=${this.cabinet}
        .locale=${this.resolvedLocale}
        .strings=${this.strings}
      ></mfc-identity-confirmation>`;
  }

  #editPersonal = (): void => {
    this.dispatchEvent(new CustomEvent('profile-edit-personal', { bubbles: true }));
  };
}

/** The services each level opens, counting those of the levels below it. */
export function servicesByLevel(services: readonly ServiceSummary[]): Record<AccountLevel, LevelServices> {
  const result = {} as Record<AccountLevel, LevelServices>;
  for (const level of accountLevelOrder) {
    const open = services.filter((service) => hasLevel(level, service.requiredLevel));
    const own = [...services].filter((service) => service.requiredLevel === level).sort((a, b) => b.popularity - a.popularity);
    result[level] = { count: open.length, examples: own.slice(0, 3).map((service) => service.title) };
  }
  return result;
}
