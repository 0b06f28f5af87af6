import type { AccountLevel, Availability } from '@mfc-cabinet/core';

/**
 * Strings of `<mfc-service-catalog>`. The Russian ones ship with the catalog's module
 * (`strings-ru.ts`), the English ones (`strings-en.ts`) with the English chunk. The values of the catalog's
 * enumerations are flat keys (`deliveryOnline`), so each can be overridden alone.
 */
export interface CatalogStrings {
  catalogHeading: string;
  searchLabel: string;
  searchHint: string;
  categoriesLabel: string;
  allCategories: string;
  viewsLabel: string;
  viewAll: string;
  viewFavourites: string;
  viewRecent: string;

  filtersHeading: string;
  /** The filters toggle when some are chosen: «Фильтры · 2». */
  filtersChosen: (count: number) => string;
  /** The label of a chosen filter's chip, which removes it: «Убрать фильтр: Онлайн». */
  removeFilter: (filter: string) => string;
  resetFilters: string;
  levelLabel: string;
  anyLevel: string;
  levelFederal: string;
  levelRegional: string;
  levelMunicipal: string;
  municipalityLabel: string;
  anyMunicipality: string;
  everywhere: string;
  deliveryLabel: string;
  anyDelivery: string;
  deliveryOnline: string;
  deliveryOffice: string;
  deliveryMail: string;
  termLabel: string;
  anyTerm: string;
  /** A filter option: «до 10 рабочих дней». */
  termUpTo: (days: number) => string;
  /** The processing term of a service: «3 рабочих дня». */
  termDays: (days: number) => string;
  availabilityLabel: string;
  anyAvailability: string;
  availabilityAvailable: string;
  availabilityInDevelopment: string;
  availabilityUnavailable: string;

  presetsLabel: string;
  savePreset: string;
  presetNameLabel: string;
  presetNameHint: string;
  presetNameRequired: string;
  save: string;
  saving: string;
  cancel: string;
  deletePreset: (name: string) => string;
  presetSaved: (name: string) => string;

  listLabel: string;
  catalogLoading: string;
  loadingMore: string;
  loadMoreFailed: string;
  /** How many services the list holds: «Найдено 12 услуг». */
  servicesFound: (count: number) => string;
  partialMatch: string;
  nothingFound: (query: string) => string;
  nothingFoundHint: string;
  noServices: string;
  noFavourites: string;
  noRecent: string;
  offlineNotice: string;
  offlineNoCache: string;
  /** The label of the star toggle, after which the service's title is read. */
  favourite: string;

  backToList: string;
  serviceLoading: string;
  serviceOffline: string;
  serviceNotFound: string;
  feeLabel: string;
  feeFree: string;
  providerLabel: string;
  whereLabel: string;
  levelOfService: string;
  requiredLevelLabel: string;
  /** Which accounts may apply: «стандартная или подтверждённая». */
  requiredLevel: (level: AccountLevel) => string;
  documentsHeading: string;
  noDocuments: string;
  apply: string;
  /** Why a service that is not available cannot be applied for. */
  notAvailable: (availability: Exclude<Availability, 'available'>) => string;
  signInToApply: (level: string) => string;
  levelTooLow: (current: string, required: string) => string;
  /** What a «simplified» account does to become «standard». */
  howToStandard: string;
  /** What a «standard» account does to become «confirmed». */
  howToConfirmed: string;
  /** Inside `<mfc-cabinet>`, the link to the profile instead of «Подать заявление» when the account level is too low. */
  raiseLevel: string;
}
