/**
 * What the parts of `<mfc-service-catalog>` share: what the list shows, the restrictions of
 * the catalog's attributes, and the names of the catalog's enumerations in its strings.
 */
import type { Availability, CatalogFilters, DeliveryMethod, ServiceLevel, ServiceSummary } from '@mfc-cabinet/core';
import { numberFormat } from '../base/format.js';
import type { CatalogStrings } from './strings.js';
import type { Translation } from '../i18n/translation.js';

/** What the list shows: every service, the favourites, or the recently viewed ones. */
export type View = 'all' | 'favourites' | 'recent';

/** What the catalog's attributes restrict it to, and its order. */
export interface Scope {
  municipality?: string;
  category?: string;
  services?: string[];
  popularFirst: boolean;
}

type StringKey<T extends string> = Record<T, { [K in keyof CatalogStrings]: CatalogStrings[K] extends string ? K : never }[keyof CatalogStrings]>;
export const serviceLevels: StringKey<ServiceLevel> = { federal: 'levelFederal', regional: 'levelRegional', municipal: 'levelMunicipal' };
export const deliveryMethods: StringKey<DeliveryMethod> = { online: 'deliveryOnline', office: 'deliveryOffice', mail: 'deliveryMail' };
export const availabilities: StringKey<Availability> = {
  available: 'availabilityAvailable',
  in_development: 'availabilityInDevelopment',
  unavailable: 'availabilityUnavailable',
};

const feeFormat: Intl.NumberFormatOptions = { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 };

/**
 * Whole roubles as `Intl.NumberFormat('ru', { style: 'currency', currency: 'RUB' })` writes
 * them («1 500 ₽», no-break spaces), without it: the page's first currency formatter loads
 * number and currency data, tens of milliseconds of the catalog's start-up on a phone.
 */
const roubles = (amount: number): string => `${String(Math.round(amount)).replace(/\B(?=(\d{3})+$)/g, '\u00a0')}\u00a0₽`;

/** A service's fee: «Бесплатно» or «1 500 ₽». */
export function formatFee(t: Translation, locale: string, fee: number | null): string {
  if (fee === null || fee === 0) return t.feeFree;
  return locale.split('-')[0] === 'ru' ? roubles(fee) : numberFormat(locale, feeFormat).format(fee);
}

/** How a service is delivered: «Онлайн, В МФЦ». */
export const deliveryText = (t: Translation, service: ServiceSummary): string =>
  service.deliveryMethods.map((method) => t[deliveryMethods[method]]).join(', ');

/** The filters in force: the citizen's, with the attributes' restrictions on top. */
export function filtersInForce(chosen: CatalogFilters, { municipality, category }: Scope): CatalogFilters {
  const filters: CatalogFilters = { ...chosen };
  if (municipality) filters.municipality = municipality;
  if (category) filters.category = category;
  return filters;
}

/** Whether a service is within what the attributes restrict the catalog to. */
export function allowed({ municipality, category, services }: Scope, service: ServiceSummary): boolean {
  return (
    (!municipality || service.municipalityId === null || service.municipalityId === municipality) &&
    (!category || service.categoryId === category) &&
    (!services || services.includes(service.id))
  );
}
