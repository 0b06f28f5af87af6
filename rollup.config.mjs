// Builds the folder a municipal site copies: packages/widgets/cdn/.
//   mfc-cabinet.js      the one <script type="module"> a page needs: the runtime every page
//                       runs (lit, the SDK's core, the base element, the Russian strings
//                       shared by the widgets), the elements every page has (the features
//                       marked `eager`: <mfc-cabinet>, <mfc-login-form>), and the loader that
//                       defines every other element of the features list when one appears
//   chunks/mfc-*-*.js   one chunk per other widget feature, with what only it uses
//   chunks/*.js         code some widgets share, and lazily loaded parts (other languages,
//                       the search code, the upload client, the «still there?» dialog, …)
//   <tag>.js            one element alone (lit + core + the element + Russian strings), built
//                       apart for every `standalone` feature of the list: mfc-login-form.js,
//                       mfc-document-uploader.js, so that a page with only it pays for nothing else
//   manifest.json       the file of each element (the loader's own for the eager ones)
//                       (bench:size measures from it; a host may preload from it)
//   mfc-cabinet.css     the room the elements take until their code has loaded (for the page's <head>)
//   themes.css          dark and large-text/high-contrast token sets
// Every file is loaded relative to the entry's own URL. The npm packages themselves are
// plain ESM with declarations, emitted by `tsc -b`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyTemplates from './scripts/minify-templates.mjs';

const widgetsDist = 'packages/widgets/dist';

// The features list, as `tsc -b` emitted it (the build runs tsc first).
const { features, reservedRoomCss } = await import(`./${widgetsDist}/features.js`);

/** The registration file `dist/<tag>.js` of a feature. */
const registration = (feature) => resolve(`${widgetsDist}/${feature.tags[0]}.js`);

/** `cdn/<tag>.js` from the registration file `<tag>.js` of every standalone feature. */
function standaloneEntries() {
  const entries = features.filter((feature) => feature.standalone).map((feature) => [feature.tags[0], registration(feature)]);
  for (const [tag, file] of entries) if (!existsSync(file)) throw new Error(`The standalone feature ${tag} has no registration file ${file}`);
  return entries;
}

/**
 * The eager features (the elements every page of a site has) come in the loader's own file,
 * with the runtime they share (lit, the SDK's core, the base element): one request for what
 * every page runs, rather than a chain of chunks each found after the previous one loaded.
 * Everything else rollup splits by who uses it: each in-page feature's own code lands in its
 * chunk, what in-page features share in chunks of their own, so that no page fetches code only
 * another page uses.
 */
const eagerInLoader = {
  name: 'eager-in-loader',
  transform(code, id) {
    if (id !== resolve(loaderEntry)) return null;
    const imports = features.filter((feature) => feature.bundle === 'eager').map((feature) => `import ${JSON.stringify(registration(feature))};`);
    return { code: `${code}\n${imports.join('\n')}\n`, map: null };
  },
};

/** `manifest.json`: the loader's file, and the file of each element (the loader's own for the eager ones). */
const manifest = {
  name: 'manifest',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
    const elements = {};
    for (const feature of features) {
      const chunk = chunks.find((item) => item.facadeModuleId === registration(feature) || item.moduleIds.includes(registration(feature)));
      for (const tag of feature.tags) if (chunk) elements[tag] = chunk.fileName;
    }
    const loader = chunks.find((item) => item.name === 'mfc-cabinet' && item.isEntry);
    const source = JSON.stringify({ loader: loader.fileName, elements }, null, 2);
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source });
  },
};

const copyThemes = {
  name: 'copy-themes',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'themes.css', source: readFileSync('packages/widgets/themes.css', 'utf8') });
    const room = `/* The room the mfc- elements take until their code has loaded, so that the page does not
 * shift when they appear. Link it in the page's <head>; each height is a token,
 * --<tag>-reserved-size. Generated from the features list by the CDN build. */
${reservedRoomCss()}
`;
    this.emitFile({ type: 'asset', fileName: 'mfc-cabinet.css', source: room });
  },
};

const loaderEntry = `${widgetsDist}/bundle/mfc-cabinet.js`;

export const plugins = [nodeResolve({ browser: true }), minifyTemplates(), terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } })];

/** Third-party code: zod's comments rollup cannot place, its internal import cycle. */
function onwarn(warning, warn) {
  const fromDependency = (warning.ids ?? [warning.id]).some((id) => id?.includes('node_modules'));
  if (fromDependency && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
}

const output = (options) => ({
  dir: 'packages/widgets/cdn',
  format: 'es',
  entryFileNames: '[name].js',
  // Short hex hashes: a page's entry names every chunk it may load, and 6 hex characters
  // (24 bits: enough to tell apart the few chunks of one name, and to bust caches) compress
  // better than rollup's 8 of base64.
  chunkFileNames: 'chunks/[name]-[hash:6].js',
  hashCharacters: 'hex',
  sourcemap: true,
  ...options,
});

/** The loader and its chunks. */
export const loaderBuild = {
  input: { 'mfc-cabinet': loaderEntry },
  // Chunks of a few hundred bytes (a directive, a formatter) cost a request each and compress
  // badly alone: rollup merges them into a chunk loaded under the same conditions.
  output: output({ experimentalMinChunkSize: 600 }),
  preserveEntrySignatures: 'allow-extension',
  plugins: [eagerInLoader, ...plugins, manifest, copyThemes],
  onwarn,
};

/** A standalone element, built apart: its chunks are its own. */
export const standaloneBuild = ([tag, file]) => ({
  input: { [tag]: file },
  output: output({}),
  preserveEntrySignatures: 'allow-extension',
  plugins,
  onwarn,
});

export default [loaderBuild, ...standaloneEntries().map(standaloneBuild)];
