export type * from './client.js';
export * from './schemas.js';
