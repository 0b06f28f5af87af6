/**
 * The files the demo host serves besides the API:
 * - `/` the municipal site (SITE_DIR). Its `.html` files are templates: every `{{nonce}}`
 *   becomes a fresh nonce of the strict Content-Security-Policy sent with the page, and
 *   `{{preload}}` the `<link rel="modulepreload">` of the chunks the widget loader imports
 *   statically and of the elements the page holds (module-preload.ts), so the browser
 *   fetches them alongside the loader;
 * - `/mfc-cabinet/` the widget bundles (WIDGETS_DIR): hashed chunks cached for a year,
 *   everything else revalidated (ETag), so a new release reaches the site at once;
 * The static files (bundles, the site's CSS and SVG) are compressed once and sent from
 * memory (precompressed.ts); pages are compressed as they are sent (compression.ts).
 * - `/storybook/` the built Storybook (STORYBOOK_DIR) under a CSP of its own (storybook-policy.ts),
 *   or a page saying how to build it.
 * A missing folder is a 404, never a crash.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml, sendPage } from './html.js';
import { ModulePreloads } from './module-preload.js';
import { PrecompressedFiles } from './precompressed.js';
import { storybookPolicy } from './storybook-policy.js';

export interface StaticFolders {
  siteDir: string;
  widgetsDir: string;
  storybookDir: string;
}

/** The policy of the site's pages; `nonce` allows its own module scripts, which may load more. */
export const sitePolicy = (nonce: string): string =>
  [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');

/** Rollup's `chunks/[name]-[hash].js` (6 hex characters or more; and their source maps): their name changes with their content. */
const hashedChunk = /^chunks\/[^/]+-[A-Za-z0-9_-]{6,}\.js(\.map)?$/;

const notFoundErrors = new Set(['ENOENT', 'EISDIR', 'ENOTDIR']);

const widgetsPrefix = '/mfc-cabinet/';

/** The cache-control of a file of the widget bundles, by its path in WIDGETS_DIR. */
const widgetCacheControl = (relative: string): string => (hashedChunk.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache');

/**
 * @param options.warm compress the static files at start rather than on their first request
 *   (left out in test mode, where servers start often and most never serve a bundle)
 */
export async function registerStaticSite(app: FastifyInstance, folders: StaticFolders, { warm = true } = {}): Promise<void> {
  const site: Site = {
    dir: folders.siteDir,
    files: new PrecompressedFiles(folders.siteDir),
    preloads: new ModulePreloads(folders.widgetsDir, 'mfc-cabinet.js', widgetsPrefix),
  };
  const widgetFiles = new PrecompressedFiles(folders.widgetsDir);
  // In the background; a failure only means on the first request instead.
  if (warm) void Promise.all([site.files.warm(), widgetFiles.warm(), site.preloads.urls()]).catch(() => undefined);

  // Decorates reply.sendFile, used for the site's files other than pages.
  await app.register(fastifyStatic, { root: folders.siteDir, serve: false });
  app.get('/*', (request, reply) => serveSiteFile(request, reply, site));

  await app.register(async (widgets) => {
    widgets.addHook('preHandler', async (request, reply) => {
      const relative = sitePath(request.url)?.slice(widgetsPrefix.length);
      if (relative === undefined || !request.url.startsWith(widgetsPrefix)) return;
      reply.header('cache-control', widgetCacheControl(relative)).header('access-control-allow-origin', '*');
      await widgetFiles.send(request, reply, relative);
    });
    await widgets.register(fastifyStatic, {
      root: folders.widgetsDir,
      prefix: widgetsPrefix,
      decorateReply: false,
      index: false,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders(reply, path) {
        const relative = path.slice(folders.widgetsDir.length + 1).split(sep).join('/');
        reply.header('cache-control', widgetCacheControl(relative));
        // Module scripts are fetched with CORS: let a site on another origin load the bundles.
        reply.header('access-control-allow-origin', '*');
      },
    });
  });

  const storybookPolicies = new StorybookPolicies(folders.storybookDir);
  await app.register(async (storybook) => {
    storybook.addHook('onRequest', async (request, reply) => {
      if (!existsSync(folders.storybookDir)) return storybookMissing(reply);
      const policy = await storybookPolicies.of(request.url);
      if (policy) reply.header('content-security-policy', policy);
    });
    await storybook.register(fastifyStatic, {
      root: folders.storybookDir,
      prefix: '/storybook',
      decorateReply: false,
      redirect: true,
    });
  });
}

/** The CSP of each page of the built Storybook, read off the page (its inline scripts' hashes) and kept until it changes. */
class StorybookPolicies {
  readonly #dir: string;
  readonly #known = new Map<string, { mtimeMs: number; policy: string }>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The policy for the request `url` under `/storybook`, or `undefined` when it is not one of its pages. */
  async of(url: string): Promise<string | undefined> {
    const path = sitePath(url.replace(/^\/storybook/, '') || '/');
    if (!path?.endsWith('.html')) return undefined;
    const file = resolve(this.#dir, `.${path}`);
    if (!file.startsWith(this.#dir + sep)) return undefined;
    try {
      const { mtimeMs } = await stat(file);
      const known = this.#known.get(file);
      if (known?.mtimeMs === mtimeMs) return known.policy;
      const policy = storybookPolicy(await readFile(file, 'utf8'));
      this.#known.set(file, { mtimeMs, policy });
      return policy;
    } catch (error) {
      if (notFoundErrors.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
      throw error;
    }
  }
}

interface Site {
  dir: string;
  files: PrecompressedFiles;
  preloads: ModulePreloads;
}

async function serveSiteFile(request: FastifyRequest, reply: FastifyReply, site: Site): Promise<FastifyReply> {
  const path = sitePath(request.url);
  if (path === undefined || path.startsWith('/api/')) return notFound(reply);
  if (path.endsWith('.html')) return sendPageTemplate(reply, site, path);
  // The site's stylesheet and images have no hash in their names: revalidated (ETag).
  if (await site.files.send(request, reply.header('cache-control', 'no-cache'), path.slice(1))) return reply;
  return reply.sendFile(path.slice(1), site.dir, { dotfiles: 'ignore', index: false });
}

/** The decoded path of a site URL (`/` means `/index.html`), or `undefined` when it is unusable. */
function sitePath(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  return path.endsWith('/') ? `${path}index.html` : path;
}

async function sendPageTemplate(reply: FastifyReply, site: Site, path: string): Promise<FastifyReply> {
  const file = resolve(site.dir, `.${path}`);
  if (!file.startsWith(site.dir + sep)) return notFound(reply);
  let template: string;
  try {
    template = await readFile(file, 'utf8');
  } catch (error) {
    if (notFoundErrors.has((error as NodeJS.ErrnoException).code ?? '')) return notFound(reply);
    throw error;
  }
  const nonce = randomBytes(16).toString('base64');
  const preload = template.includes('{{preload}}') ? preloadLinks(await site.preloads.urls(template)) : '';
  return reply
    .header('content-security-policy', sitePolicy(nonce))
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(template.replaceAll('{{preload}}', preload).replaceAll('{{nonce}}', nonce));
}

/** `<link rel="modulepreload">` of each URL, with the page's nonce (filled in afterwards): the CSP asks for it. */
const preloadLinks = (urls: readonly string[]): string =>
  urls.map((url) => `<link rel="modulepreload" href="${escapeHtml(url)}" nonce="{{nonce}}" />`).join('\n    ');

function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

function storybookMissing(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 404, {
    title: 'Storybook не собран',
    body: `<h1>Storybook ещё не собран</h1>
<p>Соберите его в корне репозитория командой <code>npm run build:storybook</code> и обновите страницу.</p>
<p>Storybook is not built yet: run <code>npm run build:storybook</code> in the repository root, then reload.</p>`,
  });
}
