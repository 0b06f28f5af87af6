/**
 * The files the demo host serves besides the API:
 * - `/` the municipal site (SITE_DIR). Its `.html` files are templates: every `{{nonce}}`
 *   becomes a fresh nonce of the strict Content-Security-Policy sent with the page;
 * - `/mfc-cabinet/` the widget bundles (WIDGETS_DIR): hashed chunks cached for a year,
 *   everything else revalidated, so a new release reaches the site at once;
 * - `/storybook/` the built Storybook (STORYBOOK_DIR), or a page saying how to build it.
 * A missing folder is a 404, never a crash.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from './html.js';

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

/** Rollup's `chunks/[name]-[hash].js` (and their source maps): their name changes with their content. */
const hashedChunk = /^chunks\/[^/]+-[A-Za-z0-9_-]{8,}\.js(\.map)?$/;

const notFoundErrors = new Set(['ENOENT', 'EISDIR', 'ENOTDIR']);

export async function registerStaticSite(app: FastifyInstance, folders: StaticFolders): Promise<void> {
  // Decorates reply.sendFile, used for the site's files other than pages.
  await app.register(fastifyStatic, { root: folders.siteDir, serve: false });
  app.get('/*', (request, reply) => serveSiteFile(request, reply, folders.siteDir));

  await app.register(async (widgets) => {
    await widgets.register(fastifyStatic, {
      root: folders.widgetsDir,
      prefix: '/mfc-cabinet/',
      decorateReply: false,
      index: false,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders(reply, path) {
        const relative = path.slice(folders.widgetsDir.length + 1).split(sep).join('/');
        reply.header('cache-control', hashedChunk.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache');
        // Module scripts are fetched with CORS: let a site on another origin load the bundles.
        reply.header('access-control-allow-origin', '*');
      },
    });
  });

  await app.register(async (storybook) => {
    storybook.addHook('onRequest', async (_request, reply) => {
      if (!existsSync(folders.storybookDir)) return storybookMissing(reply);
    });
    await storybook.register(fastifyStatic, {
      root: folders.storybookDir,
      prefix: '/storybook',
      decorateReply: false,
      redirect: true,
    });
  });
}

async function serveSiteFile(request: FastifyRequest, reply: FastifyReply, siteDir: string): Promise<FastifyReply> {
  const path = sitePath(request.url);
  if (path === undefined || path.startsWith('/api/')) return notFound(reply);
  if (path.endsWith('.html')) return sendPageTemplate(reply, siteDir, path);
  return reply.sendFile(path.slice(1), siteDir, { dotfiles: 'ignore', index: false });
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

async function sendPageTemplate(reply: FastifyReply, siteDir: string, path: string): Promise<FastifyReply> {
  const file = resolve(siteDir, `.${path}`);
  if (!file.startsWith(siteDir + sep)) return notFound(reply);
  let template: string;
  try {
    template = await readFile(file, 'utf8');
  } catch (error) {
    if (notFoundErrors.has((error as NodeJS.ErrnoException).code ?? '')) return notFound(reply);
    throw error;
  }
  const nonce = randomBytes(16).toString('base64');
  return reply
    .header('content-security-policy', sitePolicy(nonce))
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(template.replaceAll('{{nonce}}', nonce));
}

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
