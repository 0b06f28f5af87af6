export type * from './client.js';
export * from './schemas.js';
export * from './request-schemas.js';
