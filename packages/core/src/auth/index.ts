export type * from './client.js';
export * from './schemas.js';
export * from './request-schemas.js';
export * from './policy.js';
export * from './common-passwords.js';
