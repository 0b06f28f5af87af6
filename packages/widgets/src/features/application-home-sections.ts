/**
 * The sections of the cabinet's home the applications contribute, by their entry in the
 * features list: what needs information, drafts to finish, applications in progress, and
 * the documents the МФЦ issued. Each is a `<mfc-home-applications>` of its own chunk.
 */
import { html } from 'lit';
import type { HomeSectionContribution } from '../cabinet/home-sections.js';
import type { ApplicationsHomeSection } from '../application-tracker/home-applications.js';

const section = (id: ApplicationsHomeSection, order: number): HomeSectionContribution => ({
  id: `applications-${id}`,
  order,
  reportsState: true,
  load: () => import('../mfc-home-applications.js'),
  render: (cabinet) => html`<mfc-home-applications section=${id} .cabinetElement=${cabinet}></mfc-home-applications>`,
});

export const applicationHomeSections: readonly HomeSectionContribution[] = [
  section('needs-info', 10),
  section('drafts', 20),
  section('in-progress', 30),
  section('results', 40),
];
