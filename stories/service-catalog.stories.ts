import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-cabinet.js';
import '../packages/widgets/src/mfc-service-catalog.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
import { chooseFilter, expectCard, expectStatus, findCatalog, search } from './support/catalog-play.js';
import { fakeApiOf, mountedCabinet, networkError, noAnswer, storyCabinet, unavailable } from './support/fake-api.js';
import { patience, press, waitForPart } from './support/form-play.js';
import { textFor } from './support/story-text.js';
import { headingLevelArgType, localeArgType, localeOf, stringsArgType, styleOf, type WidgetArgs } from './support/story-args.js';

interface CatalogArgs extends WidgetArgs {
  municipality: string;
  category: string;
  services: string;
  'popular-first': boolean;
  'service-id': string;
  'heading-level': number;
  strings: TranslationOverrides | undefined;
  onMfcServiceSelect: (event: Event) => void;
  onMfcError: (event: Event) => void;
}

type Story = StoryObj<CatalogArgs>;

function renderCatalog(args: CatalogArgs, context: StoryContext<CatalogArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<mfc-service-catalog
    municipality=${ifDefined(args.municipality || undefined)}
    category=${ifDefined(args.category || undefined)}
    services=${ifDefined(args.services || undefined)}
    ?popular-first=${args['popular-first']}
    service-id=${ifDefined(args['service-id'] || undefined)}
    heading-level=${args['heading-level']}
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    .strings=${args.strings}
    @mfc-service-select=${args.onMfcServiceSelect}
    @mfc-error=${args.onMfcError}
  ></mfc-service-catalog>`;
}

const textArg = (description: string, category = 'attributes') => ({ description, control: 'text', table: { category } }) as const;

const meta = {
  title: 'Widgets/Service catalog',
  component: 'mfc-service-catalog',
  tags: ['autodocs'],
  render: renderCatalog,
  args: {
    municipality: '',
    category: '',
    services: '',
    'popular-first': false,
    'service-id': '',
    'heading-level': 2,
    locale: 'toolbar',
    strings: undefined,
    onMfcServiceSelect: fn().mockName('mfc-service-select'),
    onMfcError: fn().mockName('mfc-error'),
  },
  argTypes: {
    municipality: textArg('Only this municipality’s services and those offered everywhere, e.g. `zarechny`.'),
    category: textArg('Only this category, e.g. `education`; the category navigation is hidden.'),
    services: textArg('Only these services: ids, comma-separated, in this order.'),
    'popular-first': {
      description: 'The most requested services first (pages from the server as the list scrolls); otherwise A–Я.',
      control: 'boolean',
      table: { category: 'attributes', defaultValue: { summary: 'false' } },
    },
    'service-id': textArg('The service whose card is open (a deep link).'),
    'heading-level': headingLevelArgType,
    locale: localeArgType,
    strings: stringsArgType('{ "catalogHeading": "Муниципальные услуги" }'),
    onMfcServiceSelect: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
  },
  parameters: { fakeApi: {} },
} satisfies Meta<CatalogArgs>;

export default meta;

// ------------------------------------------------------------------ the list

/**
 * What a visitor sees: search, the «Фильтры» toggle (the categories, with how many services
 * each holds, and the filters wait behind it), and every service from A to Я. Favourites and
 * saved filters appear after signing in.
 */
export const Visitor: Story = {
  name: 'Visitor',
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(12));
    await expect(catalog.shadowRoot?.querySelector('[part~="views"]')).toBeNull();
    await expect(catalog.shadowRoot?.querySelector('[part~="favourite-button"]')).toBeNull();
  },
};

/** Before the catalog has come (the first visit: nothing is saved on the device yet). */
export const Loading: Story = {
  name: 'Loading',
  parameters: { fakeApi: { replies: { 'GET catalog/search-index': noAnswer, 'GET catalog/services': noAnswer } } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.catalogLoading);
  },
};

/**
 * Results appear as the citizen types, from the catalog saved on the device: word forms
 * («справку» finds «Справка»), typos and synonyms («загран») are forgiven.
 */
export const SearchAsYouType: Story = {
  name: 'Search as you type',
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(12));
    await search(catalog, 'справку о доходах');
    await expectStatus(catalog, text.servicesFound(1));
  },
};

/** Nothing matches: what to try instead. */
export const NothingFound: Story = {
  name: 'Nothing found',
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(12));
    await search(catalog, 'вертолёт');
    await expectStatus(catalog, text.nothingFound('вертолёт'));
  },
};

/**
 * The filters open: «Фильтры» opens the panel under it (categories, level, delivery, term,
 * availability) and keeps the focus; Tab leads into the panel. They narrow the list at once,
 * without a reload, and the toggle says how many are chosen.
 */
export const Filtered: Story = {
  name: 'Filters: open',
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(12));
    const toggle = await waitForPart(catalog, '[part~="filters-toggle"]');
    await press(catalog, '[part~="filters-toggle"]');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(await waitForPart(catalog, '#filter-delivery')).toBeVisible();
    await chooseFilter(catalog, 'delivery', 'mail');
    await expectStatus(catalog, text.servicesFound(4));
    await expect(toggle).toHaveTextContent(text.filtersChosen(1));
  },
};

/**
 * The filters closed, as the catalog opens — the results first; the filters chosen stay in
 * sight as chips, each removing its filter. Here two were chosen and the panel closed again.
 */
export const FiltersCollapsed: Story = {
  name: 'Filters: closed, two chosen',
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(12));
    const toggle = await waitForPart(catalog, '[part~="filters-toggle"]');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(catalog.shadowRoot!.querySelector('#filter-delivery')).not.toBeVisible();
    await press(catalog, '[part~="filters-toggle"]');
    await chooseFilter(catalog, 'delivery', 'mail');
    await chooseFilter(catalog, 'maxTermDays', '10');
    await press(catalog, '[part~="filters-toggle"]');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveTextContent(text.filtersChosen(2));
    const chips = [...catalog.shadowRoot!.querySelectorAll('[part~="active-filter"]')];
    await expect(chips.map((chip) => chip.getAttribute('aria-label'))).toEqual([
      text.removeFilter(text.deliveryMail),
      text.removeFilter(text.termUpTo(10)),
    ]);
    for (const chip of chips) await expect(chip).toBeVisible();
  },
};

/** No service passes the filters. */
export const NoServices: Story = {
  name: 'Nothing passes the filters',
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(12));
    await chooseFilter(catalog, 'level', 'municipal');
    await chooseFilter(catalog, 'availability', 'in_development');
    await expectStatus(catalog, text.noServices);
  },
};

/**
 * A signed-in citizen: stars for favourites, «Избранное» and «Вы смотрели», and filter sets
 * saved under a name. Try the stars; they are kept on the server.
 */
export const SignedIn: Story = {
  name: 'Signed in: favourites and saved filters',
  parameters: {
    fakeApi: {
      signedIn: true,
      catalog: {
        favourites: ['income-certificate', 'kindergarten-zarechny'],
        recent: ['passport-14'],
        presets: [{ name: 'Онлайн в Заречном', filters: { municipality: 'zarechny', delivery: 'online' } }],
      },
    },
  },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    const views = await waitForPart(catalog, '[part~="views"]');
    await waitFor(() => expect(views).toHaveTextContent(new RegExp(`${text.viewFavourites}\\s+2`)), { timeout: patience });
    await press(catalog, '[part~="preset"] button');
    await expectStatus(catalog, text.servicesFound(10));
  },
};

/** The favourites alone. */
export const Favourites: Story = {
  name: 'Signed in: favourites',
  parameters: SignedIn.parameters,
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await waitForPart(catalog, '[part~="views"]');
    await press(catalog, '[part~="view"]:nth-child(2)');
    await expectStatus(catalog, text.servicesFound(2));
  },
};

/** No favourites yet: how to add them. */
export const NoFavourites: Story = {
  name: 'Signed in: no favourites yet',
  parameters: { fakeApi: { signedIn: true } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await waitForPart(catalog, '[part~="views"]');
    await press(catalog, '[part~="view"]:nth-child(2)');
    await expectStatus(catalog, text.noFavourites);
  },
};

/**
 * A long catalog (5 000 services) scrolls smoothly: only the services on screen are rendered,
 * and with `popular-first` the next page comes from the server as the list scrolls.
 */
export const ManyServices: Story = {
  name: 'Many services',
  args: { 'popular-first': true },
  parameters: { fakeApi: { catalog: { generated: 5000 } } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(5012));
    await expect(catalog.shadowRoot!.querySelectorAll('[part~="item"]').length).toBeLessThan(100);
  },
};

/** Titles and descriptions as long as real ones get; nothing overflows, on a phone too. */
export const LongText: Story = {
  name: 'Long text',
  parameters: { fakeApi: { catalog: { longText: true, only: ['income-certificate', 'transport-benefit'] } } },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(3));
  },
};

/** A municipal site shows its own services and those offered everywhere, most requested first. */
export const Municipality: Story = {
  name: 'One municipality, popular first',
  args: { municipality: 'zarechny', 'popular-first': true },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(11));
    await expect(catalog.shadowRoot?.querySelector('#filter-municipality')).toBeNull();
  },
};

/** A page about one topic: a chosen list of services, in the site’s order. */
export const ChosenServices: Story = {
  name: 'A list of services',
  args: { services: 'kindergarten-zarechny, income-certificate, housing-subsidy' },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(3));
  },
};

/** In English (the strings load on demand). */
export const English: Story = {
  name: 'English: visitor',
  args: { locale: 'en' },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(catalog, text.servicesFound(12));
  },
};

// ------------------------------------------------------------------ offline and errors

/**
 * No network, but the catalog was saved on this device: it is shown, searchable, with a
 * note. (Here the server stops answering after the catalog was saved.)
 */
export const Offline: Story = {
  name: 'Offline: saved catalog',
  args: { 'popular-first': true },
  parameters: {
    fakeApi: { replies: { 'GET catalog/services': networkError, 'GET catalog/services/:id': networkError } },
  },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await waitForPart(catalog, '[part~="offline"]');
    await expectStatus(catalog, text.servicesFound(12));
  },
};

/** No network and nothing saved on the device yet: what to do. */
export const OfflineNothingSaved: Story = {
  name: 'Offline: nothing saved',
  parameters: {
    fakeApi: { replies: { 'GET catalog/search-index': networkError, 'GET catalog/services': networkError } },
  },
  play: async (context) => {
    const { args } = context;
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    const alert = await waitForPart(catalog, '[part~="alert"][role="alert"]', 15_000);
    await expect(alert).toHaveTextContent(text.offlineNoCache);
    await expect(args.onMfcError).toHaveBeenCalled();
  },
};

/** The server is down (a proxy answers 503 with its own page). */
export const ServerUnavailable: Story = {
  name: 'Server unavailable',
  args: { 'popular-first': true },
  parameters: { fakeApi: { replies: { 'GET catalog/search-index': unavailable, 'GET catalog/services': unavailable } } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    await waitForPart(catalog, '[part~="alert"][role="alert"] [part~="link-button"]', 15_000);
  },
};

// ------------------------------------------------------------------ the service card

/**
 * A service's card: description, term, fee, delivery, availability, the account it needs and
 * the documents. A visitor is told to sign in first. «Подать заявление» fires
 * `mfc-service-select`.
 */
export const Card: Story = {
  name: 'Card',
  args: { 'service-id': 'income-certificate' },
  play: async (context) => {
    const { args } = context;
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectCard(catalog, 'Справка о доходах и суммах налога');
    await waitForPart(catalog, '[part~="documents"]');
    await expect(await waitForPart(catalog, '[part~="level-notice"]')).toHaveTextContent(text.signInToApply(text.requiredLevel('standard')));
    await press(catalog, '[part~="apply-button"]');
    await expect(args.onMfcServiceSelect).toHaveBeenCalledWith(
      expect.objectContaining({ detail: expect.objectContaining({ serviceId: 'income-certificate' }) }),
    );
  },
};

/** While the card's details load, what the list knew is shown. */
export const CardLoading: Story = {
  name: 'Card: loading',
  args: { 'service-id': 'income-certificate' },
  parameters: { fakeApi: { replies: { 'GET catalog/services/:id': noAnswer } } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    await expectCard(catalog, 'Справка о доходах и суммах налога');
    await waitForPart(catalog, '[part~="detail"] [role="status"]');
  },
};

/** The citizen’s account is lower than the service needs: what to do to raise it. */
export const CardLevelTooLow: Story = {
  name: 'Card: account level too low',
  args: { 'service-id': 'kindergarten-zarechny' },
  parameters: { fakeApi: { signedIn: true, account: { level: 'simplified' } } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    const notice = await waitForPart(catalog, '[part~="level-notice"] strong');
    await expect(notice).toHaveTextContent(text.levelTooLow(text.accountLevel.simplified, text.requiredLevel('confirmed')));
    await waitForPart(catalog, '[part~="favourite-button"]');
  },
};

/**
 * The same inside `<mfc-cabinet>`: instead of «Подать заявление» (which the server would
 * refuse), the primary action leads to the profile, which says what raises the level.
 */
export const CardLevelTooLowInCabinet: Story = {
  name: 'Card: account level too low, in the cabinet',
  args: { 'service-id': 'kindergarten-zarechny', locale: 'ru' },
  parameters: { fakeApi: { signedIn: true, account: { level: 'standard' } } },
  render: (args, context) => {
    const { client } = storyCabinet(context, fakeApiOf(context), 'ru');
    return html`<mfc-cabinet locale="ru" routing="off" no-home .client=${client}>
      <mfc-service-catalog service-id=${args['service-id']} heading-level="2"></mfc-service-catalog>
    </mfc-cabinet>`;
  },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    const notice = await waitForPart(catalog, '[part~="level-notice"]');
    await expect(notice).toHaveTextContent(text.levelTooLow(text.accountLevel.standard, text.requiredLevel('confirmed')));
    await expect(notice).toHaveTextContent(text.howToConfirmed);
    await expect(await waitForPart(catalog, '[part~="profile-link"]')).toHaveTextContent(text.raiseLevel);
    await expect(catalog.shadowRoot?.querySelector('[part~="apply-button"]')).toBeNull();
  },
};

/** A service that cannot be applied for now. */
export const CardUnavailable: Story = {
  name: 'Card: temporarily unavailable',
  args: { 'service-id': 'transport-benefit' },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expectCard(catalog, /льготного проезда/);
    await expect(await waitForPart(catalog, '[part~="alert"]')).toHaveTextContent(text.notAvailable('unavailable'));
    await expect(catalog.shadowRoot?.querySelector('[part~="apply-button"]')).toBeNull();
  },
};

/** A long title, description and list of documents, on a phone. */
export const CardLongText: Story = {
  name: 'Card: long text',
  args: { 'service-id': 'long-text' },
  parameters: { fakeApi: { catalog: { longText: true } } },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    await expectCard(catalog, /^Предоставление компенсации/);
    await waitForPart(catalog, '[part~="documents"]');
  },
};

/** Offline, the card shows what the saved catalog knows, and applying still works. */
export const CardOffline: Story = {
  name: 'Card: offline',
  args: { 'service-id': 'income-certificate' },
  parameters: { fakeApi: { replies: { 'GET catalog/services/:id': networkError } } },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await waitFor(async () => expect(await waitForPart(catalog, '[part~="detail"]')).toHaveTextContent(text.serviceOffline), {
      timeout: 15_000,
    });
    await waitForPart(catalog, '[part~="apply-button"]');
  },
};

/** A link to a service the catalog does not have. */
export const CardNotFound: Story = {
  name: 'Card: no such service',
  args: { 'service-id': 'no-such-service' },
  play: async (context) => {
    const catalog = await findCatalog(context.canvasElement);
    const text = await textFor(context);
    await expect(await waitForPart(catalog, '[part~="detail"] [role="alert"]')).toHaveTextContent(text.serviceNotFound);
    const endpoints = mountedCabinet(context).api.requests.map((request) => request.endpoint);
    await expect(endpoints).toContain('GET catalog/services/:id');
  },
};
