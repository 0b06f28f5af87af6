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
  /** Chooses `filters` from a chip or «Сбросить фильтры», which go with it: the focus moves to the toggle. */
  remove: (filters: CatalogFilters) => void;
  /** Whether the panel is open. */
  open: boolean;
  onToggle: (open: boolean) => void;
  /** For a signed-in citizen, who can save the chosen filters: whether the form naming them is open. */
  presetForm?: { open: boolean; onOpen: () => void; render: () => TemplateResult };
}

/** The category navigation, with the number of services in each; none when the `category` attribute chose one. */
function renderCategories({ t, scope, index, chosen, choose }: FiltersPanel): TemplateResult | typeof nothing {
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

type FilterName = Exclude<keyof CatalogFilters, 'category'>;

const choices = <T extends string>(t: Translation, names: Record<T, keyof CatalogStrings>): Options =>
  (Object.entries(names) as Array<[T, keyof CatalogStrings]>).map(([value, key]) => [value, t[key] as string] as const);

/** The filters other than the category: each its name, label and options, «any» first. */
function filterList({ t, scope, index }: FiltersPanel): Array<[FilterName, string, Options]> {
  const list: Array<[FilterName, string, Options]> = [
    ['level', t.levelLabel, [['', t.anyLevel], ...choices<ServiceLevel>(t, serviceLevels)]],
    ['municipality', t.municipalityLabel, [['', t.anyMunicipality], ...(index?.municipalities ?? []).map(({ id, name }) => [id, name] as const)]],
    ['delivery', t.deliveryLabel, [['', t.anyDelivery], ...choices<DeliveryMethod>(t, deliveryMethods)]],
    ['maxTermDays', t.termLabel, [['', t.anyTerm], ...termChoices.map((days) => [String(days), t.termUpTo(days)] as const)]],
    ['availability', t.availabilityLabel, [['', t.anyAvailability], ...choices<Availability>(t, availabilities)]],
  ];
  return scope.municipality ? list.filter(([name]) => name !== 'municipality') : list;
}

/**
 * The filters: one «Фильтры · 2» toggle, which keeps the focus, and the panel it opens right
 * after it (the categories, level, municipality, delivery, term, availability); after them the
 * filters chosen, each a chip that removes it, so that what narrows the list stays in sight.
 */
export function renderFilters(panel: FiltersPanel): TemplateResult {
  const { t, chosen, presetForm, open } = panel;
  const count = Object.keys(chosen).length;
  const list = filterList(panel);
  const chip = (name: keyof CatalogFilters, label: string | undefined) =>
    label
      ? html`<button
          type="button"
          class="chip"
          part="button active-filter"
          aria-label=${t.removeFilter(label)}
          @click=${() => panel.remove({ ...chosen, [name]: undefined })}
        >
          ${label} <span aria-hidden="true">×</span>
        </button>`
      : nothing;
  return html`<div class="filter-bar">
    <button
      type="button"
      id="filters-toggle"
      class="chip toggle"
      part="button filters-toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="filters"
      @click=${() => panel.onToggle(!open)}
    >
      ${count > 0 ? t.filtersChosen(count) : t.filtersHeading}
    </button>
    <div id="filters" part="filters" class="filters" ?hidden=${!open}>
      ${renderCategories(panel)}
      <div class="filter-grid">${list.map(([name, label, options]) => filterSelect(panel, name, label, options))}</div>
      ${count > 0 || presetForm
        ? html`<div class="filter-actions">
            ${count > 0 ? linkButton(t.resetFilters, () => panel.remove({}), { id: 'reset-filters' }) : nothing}
            ${presetForm && count > 0 && !presetForm.open ? linkButton(t.savePreset, presetForm.onOpen) : nothing}
          </div>`
        : nothing}
      ${presetForm?.open ? presetForm.render() : nothing}
    </div>
    ${chip('category', panel.index?.categories.find(({ id }) => id === chosen.category)?.title)}
    ${list.map(([name, , options]) => chip(name, chosen[name] === undefined ? undefined : options.find(([value]) => value === String(chosen[name]))?.[1]))}
  </div>`;
}

function filterSelect({ chosen, choose }: FiltersPanel, name: FilterName, label: string, options: Options): TemplateResult {
  const id = `filter-${name}`;
  const value = String(chosen[name] ?? '');
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
      ${options.map(([option, text]) => html`<option value=${option} ?selected=${value === option}>${text}</option>`)}
    </select>
  </div>`;
}
