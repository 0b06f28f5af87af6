/**
 * The widgets' own strings in the language a story renders in, for `play` functions: they
 * assert `text.signIn`, not «Войти», and so pass with the toolbar in either language.
 *
 * The strings come from the widgets' registry (`packages/widgets/src/i18n/registry.ts`), as the
 * elements read them: Russian grows as each feature's module adds its strings (`strings-ru.ts`)
 * when it loads, English loads whole. What a story's fake API sends (service titles, names)
 * is data, the same in both languages: assert it as it is.
 */
import type { Locale } from '@mfc-cabinet/core';
import { loadTranslation, translationFor } from '../../packages/widgets/src/i18n/registry.js';
import type { Translation } from '../../packages/widgets/src/i18n/translation.js';
import { localeOf, type WidgetArgs } from './story-args.js';

/** What a `play` function's context tells about the language: the story's args and the toolbar's globals. */
interface LanguageContext {
  args: Partial<Pick<WidgetArgs, 'locale'>>;
  globals: Record<string, unknown>;
}

/** The language the story renders in: its `locale` arg, or the toolbar's when the arg is `toolbar` or absent. */
export function storyLocale(context: LanguageContext): Locale {
  const locale = context.args.locale ?? 'toolbar';
  return localeOf({ locale }, context);
}

/**
 * The strings of the story's language. Each is read when it is used, so a feature's strings
 * are there once its element has rendered (ask after finding the element, as the steps do).
 *
 * @example
 * ```ts
 * play: async (context) => {
 *   const text = await textFor(context);
 *   await expect(heading).toHaveTextContent(text.loginHeading);
 * }
 * ```
 */
export async function textFor(context: LanguageContext): Promise<Translation> {
  const locale = storyLocale(context);
  await loadTranslation(locale);
  return new Proxy({} as Translation, {
    get(_target, key: string | symbol) {
      // `then`: the promise that resolves to it asks whether it is one.
      if (typeof key === 'symbol' || key === 'then') return undefined;
      const value = (translationFor(locale) as unknown as Record<string, unknown> | undefined)?.[key];
      if (value === undefined) throw new Error(`No «${key}» among the ${locale} strings loaded so far`);
      return value;
    },
  });
}
