/**
 * A short description of a browser from its `User-Agent` header, for the list of the
 * citizen's sessions: «Chrome, Windows», «Safari, iPhone». Only the common browsers and
 * systems are told apart; the order of the tests matters, since most browsers also claim
 * to be the ones they descend from (Edge says Chrome, Chrome says Safari).
 */

import type { Locale } from './locale.js';

/** What a session of an unrecognised browser is called, in each language. */
export const unknownDevice: Record<Locale, string> = { ru: 'Неизвестное устройство', en: 'Unknown device' };

const browsers: ReadonlyArray<[RegExp, string]> = [
  [/\bYaBrowser\//, 'Яндекс Браузер'],
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Headless)?(?:Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const systems: ReadonlyArray<[RegExp, string]> = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const first = (patterns: ReadonlyArray<[RegExp, string]>, userAgent: string) =>
  patterns.find(([pattern]) => pattern.test(userAgent))?.[1];

/**
 * The browser and system a `User-Agent` names.
 *
 * @example describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) … Chrome/131.0 Safari/537.36') // 'Chrome, Windows'
 */
export function describeDevice(userAgent: string | null | undefined, locale: Locale = 'ru'): string {
  if (!userAgent) return unknownDevice[locale];
  const known = [first(browsers, userAgent), first(systems, userAgent)].filter((part) => part !== undefined);
  return known.length > 0 ? known.join(', ') : unknownDevice[locale];
}
