// Builds the folder a municipal site copies: packages/widgets/cdn/.
//   mfc-cabinet.js      every element of the features list; the one <script type="module"> a page needs
//   <tag>.js            one element alone (lit + core + the element + Russian strings), for
//                       every `standalone` feature of the list: mfc-login-form.js,
//                       mfc-document-uploader.js (its upload client is a lazy chunk)
//   chunks/*.js         the features, shared code and lazily loaded parts (other languages, …),
//                       loaded relative to the entry's own URL
//   themes.css          dark and large-text/high-contrast token sets
// The npm packages themselves are plain ESM with declarations, emitted by `tsc -b`.
import { existsSync, readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyTemplates from './scripts/minify-templates.mjs';

const widgetsDist = 'packages/widgets/dist';

// The features list, as `tsc -b` emitted it (the build runs tsc first).
const { features } = await import(`./${widgetsDist}/features.js`);

/** `cdn/<tag>.js` from the registration file `<tag>.js` of every standalone feature. */
function standaloneEntries() {
  const entries = features.filter((feature) => feature.standalone).map((feature) => [feature.tags[0], `${widgetsDist}/${feature.tags[0]}.js`]);
  for (const [tag, file] of entries) if (!existsSync(file)) throw new Error(`The standalone feature ${tag} has no registration file ${file}`);
  return Object.fromEntries(entries);
}

const copyThemes = {
  name: 'copy-themes',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'themes.css', source: readFileSync('packages/widgets/themes.css', 'utf8') });
  },
};

export default {
  input: {
    'mfc-cabinet': `${widgetsDist}/bundle/mfc-cabinet.js`,
    ...standaloneEntries(),
  },
  output: {
    dir: 'packages/widgets/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    nodeResolve({ browser: true }),
    minifyTemplates(),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    copyThemes,
  ],
  onwarn(warning, warn) {
    // Third-party code: zod's comments rollup cannot place, its internal import cycle.
    const inDependency = (warning.ids ?? [warning.id]).some((id) => id?.includes('node_modules'));
    if (inDependency && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
    warn(warning);
  },
};
