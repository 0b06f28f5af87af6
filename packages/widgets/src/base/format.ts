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

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(options, locale, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached(options, locale, () => new Intl.NumberFormat(locale, options));

const dateAndTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** An instant as a date and a time of the citizen's zone: «17 июн. 2026 г., 14:05». */
export const formatDateTime = (locale: string, iso: string): string => dateFormat(locale, dateAndTime).format(new Date(iso));
