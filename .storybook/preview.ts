/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/csf';
import { html } from 'lit';
import '../packages/widgets/themes.css';
import './preview.css';

// custom-elements.json is generated (`npm run build:manifest`), not committed. A glob, unlike
// an import, matches nothing instead of failing when the file is not there yet.
const manifests = import.meta.glob<CustomElementsManifest>('../packages/widgets/custom-elements.json', {
  eager: true,
  import: 'default',
});
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(publicApiOnly(manifest));

type Theme = 'light' | 'dark' | 'contrast';

const themeClasses: Record<Theme, string> = {
  light: '',
  dark: 'mfc-theme-dark',
  contrast: 'mfc-theme-contrast',
};

/**
 * On a Docs page every story plays at once, and each widget moves the focus as it would for a
 * citizen (to an error, to the code field). There, focusing must not scroll, or the page would
 * jump to whichever story focused last. A story's own page is left alone.
 */
let onDocsPage = false;
const focus = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function focusWithoutScrollOnDocsPage(this: HTMLElement, options?: FocusOptions) {
  focus.call(this, onDocsPage ? { ...options, preventScroll: true } : options);
};

/**
 * Puts the story in a box with the theme class and the `lang` chosen in the toolbar. On a
 * story's own page the theme class also goes on `<html>`, so the whole canvas takes the
 * theme's background; a Docs page keeps its own.
 */
const withThemeAndLanguage: Decorator = (story, context) => {
  const theme = (context.globals['theme'] ?? 'light') as Theme;
  const locale = String(context.globals['locale'] ?? 'ru');
  onDocsPage = context.viewMode === 'docs';
  const page = document.documentElement;
  page.classList.remove(...Object.values(themeClasses).filter(Boolean));
  if (context.viewMode === 'story' && themeClasses[theme]) page.classList.add(themeClasses[theme]);
  return html`<div class="mfc-story ${themeClasses[theme]}" lang=${locale}>${story()}</div>`;
};

/** Properties the stories set themselves: every `mfc-` story passes a client of a fake API. */
const setByTheStory = new Set(['client', 'apiBase', 'api-base']);

/**
 * Controls for what custom-elements.json lists: a colour or text field for each CSS custom
 * property (the stories put them on the element); none for events, parts, a property whose
 * attribute has one, and what the story sets. Those rows stay in the Docs table.
 */
const controlsFromManifest: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      const kebabName = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      if (name.startsWith('--')) {
        return [name, { ...argType, control: { type: name.includes('color') ? 'color' : 'text' } }];
      }
      const noControl =
        category === 'events' ||
        category === 'css shadow parts' ||
        setByTheStory.has(name) ||
        (category === 'properties' && kebabName !== name && kebabName in argTypes);
      return [name, noControl ? { ...argType, control: false } : argType];
    }),
  );

const preview: Preview = {
  decorators: [withThemeAndLanguage],
  argTypesEnhancers: [controlsFromManifest],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'ru', right: 'ru', title: 'Русский' },
          { value: 'en', right: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Token set from @mfc-cabinet/widgets/themes.css',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark (.mfc-theme-dark)' },
          { value: 'contrast', icon: 'eye', title: 'Large text, high contrast (.mfc-theme-contrast)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'ru', theme: 'light' },
  parameters: {
    options: { storySort: { order: ['Introduction', 'Widgets'] } },
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { story: { autoplay: true } },
  },
};

export default preview;

// ------------------------------------------------------------------ manifest

interface CustomElementsManifest {
  modules?: Array<{ declarations?: Array<Record<string, unknown> & { members?: Member[] }> }>;
}

interface Member {
  kind?: string;
  privacy?: string;
  static?: boolean;
  name?: string;
}

/** The manifest without private and protected members, which are not the element's API. */
function publicApiOnly(source: CustomElementsManifest): CustomElementsManifest {
  return {
    ...source,
    modules: source.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name?.startsWith('#'),
        ),
      })),
    })),
  };
}
