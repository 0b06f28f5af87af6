/**
 * The languages of the catalog's answers, in one place: which language a request asks for
 * (`?lang=`, else `Accept-Language`; Russian by default), and the texts of a row of
 * reference data in that language (its own columns are Russian, `translations` the rest).
 */
import type { FastifyRequest } from 'fastify';
import { preferredLocale, type Locale } from '../http/locale.js';
import type { Translations } from './tables.js';

/** A language of the catalog: `ru` (its own) or `en`. */
export type CatalogLanguage = Locale;

export const catalogLanguages: readonly CatalogLanguage[] = ['ru', 'en'];

/** `?lang=ru|en` when the request names one (the schema of the route checks it), else the preference of `Accept-Language`. */
export function requestLanguage(request: FastifyRequest): CatalogLanguage {
  const { lang } = (request.query ?? {}) as { lang?: unknown };
  if (lang === 'ru' || lang === 'en') return lang;
  return preferredLocale(request.headers['accept-language']);
}

/** The headers of an answer in `language`: caches keep one answer per language. */
export const languageHeaders = (language: CatalogLanguage): Record<string, string> => ({ 'content-language': language, vary: 'Accept-Language' });

/**
 * The texts of a row in `language`: `russian` (the row's own columns) with what its
 * `translations` has in that language put over them; a text missing there stays Russian.
 */
export function inLanguage<T extends object>(russian: T, translations: string | null, language: CatalogLanguage): T {
  if (language === 'ru' || translations === null) return russian;
  const translated = (JSON.parse(translations) as Translations<T>)[language];
  return translated ? { ...russian, ...translated } : russian;
}
