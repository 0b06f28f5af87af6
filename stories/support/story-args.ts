/** What every `mfc-` widget story does with its args: the language and the CSS custom properties. */
import type { Locale } from '@mfc-cabinet/core';

export interface WidgetArgs {
  /** `toolbar`: the language chosen in the toolbar. */
  locale: Locale | 'toolbar';
  /** CSS custom properties of the element (`--mfc-color-primary`, …), from custom-elements.json. */
  [cssProperty: `--${string}`]: string | undefined;
}

/**
 * The language to set on the element. It is set on the element, not left to the `lang`
 * around it: a widget reads `lang` when it renders but is not told when it changes, so the
 * toolbar would not switch it.
 */
export function localeOf(args: WidgetArgs, context: { globals: Record<string, unknown> }): Locale {
  return args.locale === 'toolbar' ? (context.globals['locale'] as Locale) : args.locale;
}

/** The `style` attribute for the CSS custom properties set in the controls, or `undefined`. */
export function styleOf(args: WidgetArgs): string | undefined {
  const style = Object.entries(args)
    .filter(([name, value]) => name.startsWith('--') && value)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('; ');
  return style || undefined;
}

/** The `locale` control, the same in every widget story. */
export const localeArgType = {
  description: 'Language of the widget: `ru` or `en`. Without it, the nearest `lang`; here: the Language toolbar.',
  options: ['toolbar', 'ru', 'en'],
  control: { type: 'select', labels: { toolbar: '(the toolbar)', ru: 'ru', en: 'en' } },
  table: { category: 'attributes', defaultValue: { summary: 'nearest lang, else ru' } },
} as const;

/** The `heading-level` control. */
export const headingLevelArgType = {
  description: 'Level of the form heading in the page outline (1–6).',
  control: { type: 'number', min: 1, max: 6, step: 1 },
  table: { category: 'attributes', defaultValue: { summary: '2' } },
} as const;

/** The `strings` control. */
export function stringsArgType(example: string) {
  return {
    description: `Overrides of some strings, e.g. \`${example}\`.`,
    control: 'object',
    table: { category: 'properties' },
  } as const;
}
