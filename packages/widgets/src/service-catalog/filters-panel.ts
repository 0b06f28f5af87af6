import type { Availability, CatalogFilters, DeliveryMethod, SearchIndex, ServiceLevel } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { linkButton } from '../base/fields.js';
import type { CatalogStrings } from './strings.js';
import type { Translation } from '../i18n/translation.js';
import { allowed, availabilities, deliveryMethods, serviceLevels, type Scope } from './catalog-view.js';

/** The choices of the term filter, in working days. */
const termChoices = [3, 10, 30] as const;

/** What the categories and the filters are drawn with. */
export interface FiltersPanel {
  t: Translation;
  scope: Scope;
  index: SearchIndex | undefined;
  /** The filters the citizen chose. */
  chosen: CatalogFilters;
  choose: (filters: CatalogFilters) => void;
  /** Whether the panel is open. */
  open: boolean;
  onToggle: (open: boolean) => void;
  /** For a signed-in citizen, who can save the chosen filters: whether the form naming them is open. */
  presetForm?: { open: boolean; onOpen: () => void; render: () => TemplateResult };
}

/** The category navigation, with the number of services in each; none when the `category` attribute chose one. */
export function renderCategories({ t, scope, index, chosen, choose }: FiltersPanel): TemplateResult | typeof nothing {
  if (scope.category || !index) return nothing;
  const counts = new Map<string, number>();
  let all = 0;
  for (const service of index.services) {
    if (!allowed(scope, service)) continue;
    all++;
    counts.set(service.categoryId, (counts.get(service.categoryId) ?? 0) + 1);
  }
  const current = chosen.category;
  const chip = (id: string | undefined, title: string, count: number) => html`<li>
    <button
      type="button"
      class="chip"
      part="button category"
      aria-pressed=${current === id ? 'true' : 'false'}
      @click=${() => choose({ ...chosen, category: id })}
    >
      ${title} <span class="count">${count}</span>
    </button>
  </li>`;
  return html`<nav part="categories" aria-label=${t.categoriesLabel}>
    <ul class="chips">
      ${chip(undefined, t.allCategories, all)}
      ${index.categories.flatMap((category) => {
        const count = counts.get(category.id) ?? 0;
        return count > 0 ? [chip(category.id, category.title, count)] : [];
      })}
    </ul>
  </nav>`;
}

/** The options of a select: the value and its text. */
type Options = ReadonlyArray<readonly [string, string]>;

const choices = <T extends string>(t: Translation, names: Record<T, keyof CatalogStrings>): Options =>
  (Object.entries(names) as Array<[T, keyof CatalogStrings]>).map(([value, key]) => [value, t[key] as string] as const);

/** The filters panel (`<details>`): level, municipality, delivery, term and availability. */
export function renderFilters(panel: FiltersPanel): TemplateResult {
  const { t, chosen, presetForm } = panel;
  const count = Object.keys(chosen).filter((key) => key !== 'category').length;
  const select = (name: Exclude<keyof CatalogFilters, 'category'>, label: string, value: string | undefined, options: Options) =>
    filterSelect(panel, name, label, value, options);
  return html`<details
    part="filters"
    class="filters"
    ?open=${panel.open}
    @toggle=${(event: Event) => panel.onToggle((event.target as HTMLDetailsElement).open)}
  >
    <summary part="filters-summary">
      ${t.filtersHeading}${count > 0 ? html` <span class="badge" part="badge">${t.filtersChosen(count)}</span>` : nothing}
    </summary>
    <div class="filter-grid">
      ${select('level', t.levelLabel, chosen.level, [['', t.anyLevel], ...choices<ServiceLevel>(t, serviceLevels)])}
      ${panel.scope.municipality
        ? nothing
        : select('municipality', t.municipalityLabel, chosen.municipality, [
            ['', t.anyMunicipality],
            ...(panel.index?.municipalities ?? []).map(({ id, name }) => [id, name] as const),
          ])}
      ${select('delivery', t.deliveryLabel, chosen.delivery, [['', t.anyDelivery], ...choices<DeliveryMethod>(t, deliveryMethods)])}
      ${select('maxTermDays', t.termLabel, chosen.maxTermDays === undefined ? undefined : String(chosen.maxTermDays), [
        ['', t.anyTerm],
        ...termChoices.map((days) => [String(days), t.termUpTo(days)] as const),
      ])}
      ${select('availability', t.availabilityLabel, chosen.availability, [
        ['', t.anyAvailability],
        ...choices<Availability>(t, availabilities),
      ])}
    </div>
    ${count > 0 || presetForm
      ? html`<div class="filter-actions">
          ${count > 0 ? linkButton(t.resetFilters, () => panel.choose({ category: chosen.category }), { id: 'reset-filters' }) : nothing}
          ${presetForm && Object.keys(chosen).length > 0 && !presetForm.open ? linkButton(t.savePreset, presetForm.onOpen) : nothing}
        </div>`
      : nothing}
    ${presetForm?.open ? presetForm.render() : nothing}
  </details>`;
}

function filterSelect(
  { chosen, choose }: FiltersPanel,
  name: Exclude<keyof CatalogFilters, 'category'>,
  label: string,
  value: string | undefined,
  options: Options,
): TemplateResult {
  const id = `filter-${name}`;
  return html`<div class="field" part="filter">
    <label class="label" for=${id}>${label}</label>
    <select
      id=${id}
      class="input"
      part="select"
      @change=${(event: Event) => {
        const selected = (event.target as HTMLSelectElement).value;
        choose({ ...chosen, [name]: name === 'maxTermDays' && selected ? Number(selected) : selected });
      }}
    >
      ${options.map(([option, text]) => html`<option value=${option} ?selected=${(value ?? '') === option}>${text}</option>`)}
    </select>
  </div>`;
}
