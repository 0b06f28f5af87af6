/**
 * The section of the cabinet's home the profile contributes, by its entry in the features
 * list: for a «simplified» account, the way to a higher level (`<mfc-home-profile>`, a
 * chunk of its own).
 */
import { html } from 'lit';
import type { HomeSectionContribution } from '../cabinet/home-sections.js';

export const profileHomeSection: HomeSectionContribution = {
  id: 'profile-level',
  order: 50,
  reportsState: true,
  load: () => import('../mfc-home-profile.js'),
  render: (cabinet) => html`<mfc-home-profile .cabinetElement=${cabinet}></mfc-home-profile>`,
};
