// The catalog's search engine at its former path (scripts/bench-search.mjs measures it there).
export * from './catalog/search.js';
