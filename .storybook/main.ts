import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/web-components-vite';

const require = createRequire(import.meta.url);

/**
 * Docs pages (autodocs, from custom-elements.json) and MDX need `@storybook/addon-docs`. It
 * is used when installed; without it the stories still build, without Docs pages and
 * `stories/*.mdx`. (Its preset is also what turns the `docs` option on, so none is set here.)
 */
const hasDocsAddon = (() => {
  try {
    require.resolve('@storybook/addon-docs/package.json');
    return true;
  } catch {
    return false;
  }
})();

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: [...(hasDocsAddon ? ['../stories/**/*.mdx'] : []), '../stories/**/*.stories.ts'],
  addons: hasDocsAddon ? ['@storybook/addon-docs'] : [],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // The demo server serves the built Storybook under /storybook/: every URL relative.
      base: './',
      // The preview bundle is mostly Storybook's own runtime.
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
};

export default config;
