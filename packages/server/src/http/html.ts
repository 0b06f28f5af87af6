/** Small server-rendered HTML pages (errors, help, the dev outbox), in Russian, with nothing inline. */
import type { FastifyReply } from 'fastify';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => entities[char]!);
}

/** The policy of the server's own pages: nothing but a stylesheet from this origin. */
export const ownPagePolicy =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface PageOptions {
  title: string;
  /** Trusted HTML of the page's main content; escape every value put into it. */
  body: string;
  /** Path of a stylesheet of this server. */
  stylesheet?: string;
  /** Extra `<meta>`/`<link>` markup for the head (trusted). */
  head?: string;
}

export function renderPage({ title, body, stylesheet, head = '' }: PageOptions): string {
  const styles = stylesheet ? `\n<link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : '';
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${styles}${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function sendPage(reply: FastifyReply, status: number, options: PageOptions): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', ownPagePolicy)
    .type('text/html; charset=utf-8')
    .send(renderPage(options));
}
