/**
 * `Intl` formatters made once per language and style: making one costs far more than using
 * it, and lists format a date or a sum for every item on every render. Pass the options as
 * a module constant: they are the key.
 */
const formatters = new WeakMap<object, Map<string, Intl.DateTimeFormat | Intl.NumberFormat>>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(options: object, locale: string, make: () => F): F {
  let byLocale = formatters.get(options);
  if (!byLocale) formatters.set(options, (byLocale = new Map()));
  let formatter = byLocale.get(locale);
  if (!formatter) byLocale.set(locale, (formatter = make()));
  return formatter as F;
}

/** Dates are written day first in both languages: «17.06.2026», in English "17/06/2026" (British order, not American). */
export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(options, locale, () => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached(options, locale, () => new Intl.NumberFormat(locale, options));

const dateAndTime: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };

/** An instant as a date and a time of the citizen's zone: «17.06.2026, 14:05». */
export const formatDateTime = (locale: string, iso: string): string => dateFormat(locale, dateAndTime).format(new Date(iso));
