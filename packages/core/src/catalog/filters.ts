/** The catalog's filters and order as the server applies them, for lists made from the cached catalog. */
import type { CatalogFilters, ServiceSummary } from './schemas.js';

/** Whether a service passes the filters. A service with no municipality is offered in every one. */
export function matchesFilters(service: ServiceSummary, filters: CatalogFilters): boolean {
  return (
    (filters.category === undefined || service.categoryId === filters.category) &&
    (filters.level === undefined || service.level === filters.level) &&
    (filters.municipality === undefined ||
      service.municipalityId === null ||
      service.municipalityId === filters.municipality) &&
    (filters.delivery === undefined || service.deliveryMethods.includes(filters.delivery)) &&
    (filters.maxTermDays === undefined || service.termDays <= filters.maxTermDays) &&
    (filters.availability === undefined || service.availability === filters.availability)
  );
}

/** The server's order of `catalog.list()`: most popular first, then by title. */
export function byPopularity(a: ServiceSummary, b: ServiceSummary): number {
  return b.popularity - a.popularity || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
}
