export type * from './client.js';
export * from './schemas.js';
export * from './request-schemas.js';
export type { CatalogSearchOptions, CatalogSearchResult } from './search.js';
