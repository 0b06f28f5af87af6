import type { Locale } from '@mfc-cabinet/core';
import { ru } from './ru.js';
import { mergeTranslation, type Translation, type TranslationOverrides } from './translation.js';

/**
 * The strings loaded so far, per language. Russian starts with the common strings; a
 * feature's module adds its own with {@link addStrings} when it loads, before any of its
 * elements renders — so an element only ever reads strings that are there.
 */
const loaded: Partial<Record<Locale, Partial<Translation>>> = { ru };
const pageOverrides: Partial<Record<Locale, TranslationOverrides>> = {};
const loading = new Map<Locale, Promise<void>>();
const listeners = new Set<() => void>();
/** Each language merged with the page's overrides, kept until strings change. */
const merged = new Map<Locale, Translation>();
const loaders: Record<Exclude<Locale, 'ru'>, () => Promise<Translation>> = {
  en: () => import('./en.js').then((module) => module.en),
};

/**
 * Loads the Russian strings of the account views (registration, recovery, password
 * change, security) — for a view that may show without its own module loaded.
 */
export async function loadAccountStrings(): Promise<void> {
  const { ruAccount } = await import('./ru-account.js');
  addStrings('ru', ruAccount);
}

/** Languages built in. Russian ships in the entry; the others are loaded on first use. */
export const locales: readonly Locale[] = ['ru', 'en'];

/**
 * Replaces strings of a language for every widget on the page.
 *
 * @example
 * ```js
 * registerTranslation('ru', { signIn: 'Войти в кабинет' });
 * ```
 */
export function registerTranslation(locale: Locale, overrides: TranslationOverrides): void {
  pageOverrides[locale] = mergeTranslation(pageOverrides[locale] ?? {}, overrides);
  changed();
}

/** The strings of `locale` with the page's overrides, or `undefined` while it loads. */
export function translationFor(locale: Locale): Translation | undefined {
  const base = loaded[locale] as Translation | undefined;
  if (!base) return undefined;
  let translation = merged.get(locale);
  if (!translation) {
    translation = mergeTranslation(base, pageOverrides[locale]);
    merged.set(locale, translation);
  }
  return translation;
}

/** Adds a feature's strings to a language that ships in parts (Russian). */
export function addStrings(locale: Locale, strings: Partial<Translation>): void {
  loaded[locale] = { ...loaded[locale], ...strings };
  changed();
}

/** Loads a language that is not in the entry, once. */
export function loadTranslation(locale: Locale): Promise<void> {
  if (locale === 'ru' || loaded[locale]) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then((translation) => {
      loaded[locale] = translation;
      changed();
    });
    loading.set(locale, pending);
  }
  return pending;
}

/** Strings changed: forget the merged ones and tell the widgets. */
function changed(): void {
  merged.clear();
  listeners.forEach((listener) => listener());
}

/** Calls `listener` when a language arrives or the page overrides strings. */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `ru` or `en` from a language tag such as `en-GB`; Russian for anything else. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}
