import { TaskStatus } from '@lit/task';
import type { CatalogFilters, CatalogPersonal, FilterPreset, Service, ServiceSummary } from '@mfc-cabinet/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { asCabinetError } from '../base/errors.js';
import { MfcFormElement } from '../base/form-element.js';
import { addStrings } from '../i18n/registry.js';
import { ruCatalog } from './strings-ru.js';
import { listStyles } from '../styles/list.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { CatalogListing } from './catalog-listing.js';
import { filtersInForce, type View } from './catalog-view.js';
import { renderFilters, type FiltersPanel } from './filters-panel.js';
import { PersonalCatalog, renderPresetForm, renderPresets, renderViews } from './personal-catalog.js';
import { renderItem, renderResults, type ItemView } from './results-list.js';
import { renderSearchBox } from './search-box.js';
import { serviceCatalogStyles } from './service-catalog.styles.js';
import { renderDetail, serviceTask } from './service-detail.js';
import type { MfcServiceSelectDetail } from './service-select-event.js';

addStrings('ru', ruCatalog);

export type { MfcServiceSelectDetail };

/** `services="a, b"` ⇄ `['a', 'b']`. */
const idList = {
  fromAttribute: (value: string | null) =>
    value
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  toAttribute: (value: string[] | undefined) => value?.join(','),
};

/**
 * The service catalog: search as you type (also offline, over the catalog cached on the
 * device), categories, filters by level, municipality, delivery, term and availability,
 * and — for a signed-in citizen — favourites, recently viewed services and saved filter
 * sets. The results come first: the filters wait behind one «Фильтры» toggle, and those
 * chosen show as chips that remove them. A service's card tells what it takes: documents, term, fee, how it is delivered
 * and the account it needs, with what to do when the citizen's account is not enough; its
 * «Подать заявление» fires `mfc-service-select`.
 *
 * Thousands of services scroll smoothly: only the visible ones are rendered, and with
 * `popular-first` the list comes from the server page by page as the citizen scrolls.
 *
 * @summary Service catalog with instant search, filters, favourites and service cards.
 * @tagname mfc-service-catalog
 *
 * @event {CustomEvent<MfcServiceSelectDetail>} mfc-service-select - «Подать заявление» was pressed. `detail`: `{ serviceId, service }`.
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `load`, `favourite`, `save-preset`, `delete-preset`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The catalog's heading.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart views - The switch between all services, favourites and recently viewed (signed in).
 * @csspart view - One button of that switch.
 * @csspart filters-toggle - The «Фильтры» button that opens and closes the filters panel, with how many filters are chosen.
 * @csspart filters - The filters panel, closed at first: the categories and the other filters.
 * @csspart categories - The category navigation, in the filters panel.
 * @csspart category - One category button.
 * @csspart active-filter - A filter chosen, shown next to the toggle: pressing it removes the filter.
 * @csspart filter - One filter: label and select.
 * @csspart select - The select of a filter.
 * @csspart presets - The saved filter sets (signed in).
 * @csspart preset - One saved filter set.
 * @csspart preset-form - The form naming filters to save.
 * @csspart status - How many services were found, or why none.
 * @csspart list - The list of services.
 * @csspart item - One service in the list.
 * @csspart item-button - Its title, which opens the card.
 * @csspart item-summary - Its short description.
 * @csspart item-meta - Its term, fee, delivery and availability.
 * @csspart badge - A short mark: availability, level.
 * @csspart favourite-button - The star that adds a service to the favourites.
 * @csspart detail - The service's card.
 * @csspart detail-heading - Its title.
 * @csspart facts - Its facts: term, fee, delivery, place, level, account.
 * @csspart documents - The documents it needs.
 * @csspart level-notice - What to do when the citizen's account is not enough.
 * @csspart apply-button - «Подать заявление».
 * @csspart alert - A message.
 * @csspart offline - The note that the catalog shown is the one saved on the device.
 * @csspart button - Every button.
 * @csspart primary-button - The main button.
 *
 * @cssproperty --mfc-service-catalog-max-width - Widest the catalog grows. Default `60rem`.
 * @cssproperty --mfc-service-catalog-card-background - Background of a service in the list. Default `--mfc-color-surface`.
 * @cssproperty --mfc-service-catalog-card-border - Border colour of a service in the list. Default `--mfc-color-border`.
 * @cssproperty --mfc-service-catalog-accent - Colour of the chosen category and view, and of the star. Default `--mfc-color-primary`.
 * @cssproperty --mfc-service-catalog-gap - Space between the services in the list. Default `--mfc-space`.
 * @cssproperty --mfc-service-catalog-reserved-size - Height kept for the element until its code has loaded (in `mfc-cabinet.css`). Default `100svh`.
 *
 * @example
 * ```html
 * <mfc-service-catalog api-base="/api/v1" municipality="zarechny" popular-first></mfc-service-catalog>
 * <script type="module">
 *   document.addEventListener('mfc-service-select', (event) => {
 *     location.href = `/apply.html?service=${encodeURIComponent(event.detail.serviceId)}`;
 *   });
 * </script>
 * ```
 */
export class MfcServiceCatalog extends MfcFormElement<'presetName'> {
  static override styles = [tokens, controls, listStyles, serviceCatalogStyles];

  /** Only the services of this municipality (its id, e.g. `zarechny`) and the federal and regional ones offered everywhere. */
  @property({ reflect: true }) municipality?: string;

  /** Only the services of this category (its id, e.g. `education`); the category navigation is then hidden. */
  @property({ reflect: true }) category?: string;

  /** Only these services: their ids, comma-separated in the attribute (`services="income-certificate, kindergarten-enrolment"`), listed in this order. */
  @property({ converter: idList, reflect: true }) services?: string[];

  /** The most requested services first; without it the list is in alphabetical order. */
  @property({ attribute: 'popular-first', type: Boolean, reflect: true }) popularFirst = false;

  /** The service whose card is open; set it to open one (a deep link), remove it to go back to the list. */
  @property({ attribute: 'service-id', reflect: true }) serviceId?: string;

  @state() private query = '';
  /** The filters the citizen chose; `municipality` and `category` attributes take precedence. */
  @state() private chosen: CatalogFilters = {};
  @state() private view: View = 'all';
  @state() private presetFormOpen = false;
  @state() private presetName = '';
  @state() private message?: string;

  /** Whether the filters panel is open: closed at first, the results first. */
  @state() private filtersOpen = false;
  /** Where in the list the open card was opened from, to go back there. */
  #openedFrom?: number;
  /** What the services of the list are drawn with, as of the last render. */
  #items!: ItemView;

  readonly #personal = new PersonalCatalog(
    this,
    () => this.cabinet,
    () => {
      this.view = 'all';
      this.presetFormOpen = false;
    },
  );

  readonly #listing = new CatalogListing(this, {
    scope: this,
    request: () => ({
      client: this.cabinet,
      query: this.query,
      view: this.view,
      filters: filtersInForce(this.chosen, this),
      ids: this.view === 'all' ? undefined : this.#personal.value?.[this.view],
    }),
    renderItem: (service, index, total) => renderItem(this.#items, service, index, total),
    onError: (error) => this.emit('mfc-error', { error, action: 'load' }),
  });

  readonly #detail = serviceTask(
    this,
    () => [this.cabinet, this.serviceId] as const,
    (offline) => (this.#listing.fellBack = offline),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('serviceId') && this.serviceId) this.#personal.markViewed(this.serviceId);
  }

  // ------------------------------------------------------------------ actions

  #search = (query: string): void => {
    this.query = query;
    this.view = 'all';
  };

  /** ↓ in the search field: to the first service found, if any. */
  #toFirst = (): boolean => {
    if (!this.#listing.value?.items.length) return false;
    void this.#listing.list.focus(0);
    return true;
  };

  #choose = (filters: CatalogFilters): void => {
    this.chosen = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''));
    this.message = undefined;
  };

  #open = (service: ServiceSummary, index: number): void => {
    this.#openedFrom = index;
    this.serviceId = service.id;
    this.message = undefined;
    this.focusAfterRender = '#detail-heading';
  };

  #back = async (): Promise<void> => {
    const index = this.#openedFrom;
    this.#openedFrom = undefined;
    this.serviceId = undefined;
    await this.updateComplete;
    if (index === undefined) this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
    else await this.#listing.list.focus(index);
  };

  /** The profile link's code: it loads when a citizen whose level is too low first opens a service. */
  #linkToProfile?: typeof import('../cabinet/profile-link.js').profileLink;

  #profileLink = (label: string): unknown => {
    if (!this.#linkToProfile) {
      import('../cabinet/profile-link.js').then(({ profileLink }) => {
        this.#linkToProfile = profileLink;
        this.requestUpdate();
      }, () => undefined);
    }
    return this.#linkToProfile?.(this, label);
  };

  #select = (service: Service | ServiceSummary): void => {
    this.emit('mfc-service-select', { serviceId: service.id, service } satisfies MfcServiceSelectDetail);
  };

  #toggleFavourite = async (service: ServiceSummary): Promise<void> => {
    this.formError = undefined;
    try {
      await this.#personal.toggleFavourite(service);
    } catch (error) {
      const failure = asCabinetError(error);
      this.formError = failure;
      this.focusAfterRender = '#form-error';
      this.emit('mfc-error', { error: failure, action: 'favourite' });
    }
  };

  #applyPreset = (preset: FilterPreset): void => {
    this.#choose(preset.filters);
    this.view = 'all';
  };

  #savePreset = (event: SubmitEvent): void => {
    event.preventDefault();
    const name = this.presetName.trim();
    if (!name) {
      this.showFieldErrors({ presetName: this.t.presetNameRequired });
      return;
    }
    void this.run('save-preset', async () => {
      const preset = await this.cabinet.catalog.savePreset({ name, filters: this.chosen });
      this.#personal.change((personal) => ({ ...personal, presets: [...personal.presets, preset] }));
      this.presetFormOpen = false;
      this.presetName = '';
      this.message = this.t.presetSaved(preset.name);
      this.focusAfterRender = '#message';
    });
  };

  #deletePreset = (preset: FilterPreset): void => {
    void this.run('delete-preset', async () => {
      await this.cabinet.catalog.deletePreset(preset.id);
      this.#personal.change((personal) => ({ ...personal, presets: personal.presets.filter(({ id }) => id !== preset.id) }));
      this.focusAfterRender = '#search';
    });
  };

  protected override fieldFor(path: string): 'presetName' | undefined {
    return path === 'name' ? 'presetName' : undefined;
  }

  // ------------------------------------------------------------------ rendering

  protected override render() {
    const { t, serviceId } = this;
    const listing = this.#listing;
    const personal = this.#personal.value;
    const offline = listing.fellBack || !navigator.onLine;
    this.#items = {
      t,
      locale: this.resolvedLocale,
      favourites: personal?.favourites,
      open: this.#open,
      toggleFavourite: (service) => void this.#toggleFavourite(service),
    };
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        ${this.renderHeading(t.catalogHeading)}
        ${offline ? html`<p part="offline" class="alert info offline" role="status">${t.offlineNotice}</p>` : nothing}
        ${this.renderFormError()}
        ${this.message ? html`<p part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</p>` : nothing}
        ${serviceId
          ? renderDetail(
              {
                ...this.#items,
                task: this.#detail,
                summary: listing.servicesById().get(serviceId),
                index: listing.index,
                auth: this.#personal.auth,
                level: Number(this.ariaHeadingLevel),
                back: () => void this.#back(),
                select: this.#select,
                profileLink: this.#profileLink,
              },
              serviceId,
            )
          : this.#renderCatalog(personal)}
      </section>
    `;
  }

  #renderCatalog(personal: CatalogPersonal | undefined): TemplateResult {
    const { t, chosen } = this;
    const listing = this.#listing;
    const panel: FiltersPanel = {
      t,
      scope: this,
      index: listing.index,
      chosen,
      choose: this.#choose,
      remove: (filters) => {
        this.#choose(filters);
        this.focusAfterRender = '#filters-toggle';
      },
      open: this.filtersOpen,
      onToggle: (open) => (this.filtersOpen = open),
      presetForm: personal && {
        open: this.presetFormOpen,
        onOpen: () => {
          this.presetFormOpen = true;
          this.focusAfterRender = '#presetName';
        },
        render: () =>
          renderPresetForm(t, {
            name: this.presetName,
            error: this.fieldErrors.presetName,
            busy: this.busy,
            onInput: (name) => {
              this.presetName = name;
              this.clearFieldError('presetName');
            },
            onSubmit: this.#savePreset,
            onCancel: () => {
              this.presetFormOpen = false;
              this.clearFieldError('presetName');
            },
          }),
      },
    };
    return html`
      ${renderSearchBox(t, { query: this.query, onInput: this.#search, onDown: this.#toFirst })}
      ${personal ? renderViews(t, personal, this.view, (view) => (this.view = view)) : nothing}
      ${this.view === 'all'
        ? html`${renderFilters(panel)}
          ${personal ? renderPresets(t, personal.presets, chosen, this.busy !== undefined, this.#applyPreset, this.#deletePreset) : nothing}`
        : nothing}
      <div id="results" class="results" aria-busy=${listing.task.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${renderResults(t, listing)}
      </div>
    `;
  }
}
