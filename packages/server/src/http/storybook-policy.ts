/**
 * The Content-Security-Policy of the built Storybook's pages. Storybook's two pages (the
 * manager `index.html` and the preview `iframe.html`) hold a few inline scripts of its own
 * (its configuration, the features on): they are allowed by their SHA-256 hashes, read off
 * the page being sent, so nothing else inline runs. Styles may be inline: Storybook's
 * manager writes its CSS at run time. The preview is framed by the manager, on the same
 * origin only. No Trusted Types: Storybook's own Docs pages assign HTML strings (the
 * example site is where the widgets run under Trusted Types).
 */
import { createHash } from 'node:crypto';

/** The text of each inline `<script>` (one without `src`) of `html`. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc\s*=/i.test(attributes ?? ''))
    .map(([, , body]) => body ?? '');
}

/** The policy for the Storybook page `html`. */
export function storybookPolicy(html: string): string {
  const hashes = inlineScripts(html).map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}
