// The catalog's contract at the path `@mfc-cabinet/core/catalog-schemas` has always had.
export * from './catalog/schemas.js';
