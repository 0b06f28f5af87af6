/**
 * The HTTP contract of the Cabinet API, once, as zod/mini schemas. The SDK validates every
 * answer with them; the reference server validates every request with them and publishes
 * its OpenAPI document from them.
 */
export * from './primitives.js';
export * from './problem.js';
export * from './problem-codes.js';
export * from './field-messages.js';
// Every feature's answers and requests (see features.ts); its list of sub-clients is the
// default export there, which `export *` leaves out.
export * from './features.js';
