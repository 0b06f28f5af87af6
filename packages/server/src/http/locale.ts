/** The language a request asks for, from its `Accept-Language` header: Russian unless English is preferred. */

export type Locale = 'ru' | 'en';

/**
 * The first of `ru` and `en` by the header's preference (`q`), Russian when neither is
 * named or both are equal.
 *
 * @example preferredLocale('en-GB,en;q=0.9,ru;q=0.8') // 'en'
 */
export function preferredLocale(header: string | undefined): Locale {
  let best: { locale: Locale; q: number } = { locale: 'ru', q: 0 };
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const language = tag.split('-')[0];
    if (language !== 'ru' && language !== 'en') continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (q > best.q || (q === best.q && language === 'ru')) best = { locale: language, q };
  }
  return best.locale;
}
