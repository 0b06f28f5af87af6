/** The dev outbox page and its stylesheet (served as a file: the page has nothing inline). */
import { escapeHtml, type PageOptions } from '../http/html.js';
import type { OutboxEntry } from '../senders/dev-outbox.js';
import { purposeLabel } from '../senders/sender.js';

const channelLabel = { sms: 'SMS', email: 'Эл. почта' } as const;

const time = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'medium' });

export const outboxStylesheet = `body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f6f7f9; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
p { margin: 0 0 1rem; color: #444; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { padding: .5rem .75rem; border-bottom: 1px solid #dde1e6; text-align: left; vertical-align: top; }
th { font-weight: 600; background: #eef1f4; }
.code { font: 700 1.25rem/1 ui-monospace, monospace; letter-spacing: .1em; }
.notice { font-weight: 400; color: #666; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #15171a; }
  p { color: #bbb; }
  table { background: #1f2226; }
  th { background: #2a2e33; }
  th, td { border-color: #353a40; }
}
`;

export function outboxPage(entries: readonly OutboxEntry[], stylesheet: string): PageOptions {
  const rows = entries
    .map(
      (entry) => `<tr>
<td><time datetime="${escapeHtml(entry.at)}">${escapeHtml(time.format(new Date(entry.at)))}</time></td>
<td>${channelLabel[entry.channel]}</td>
<td>${escapeHtml(entry.to)}</td>
<td class="code">${entry.code === null ? '<span class="notice">—</span>' : escapeHtml(entry.code)}</td>
<td>${escapeHtml(purposeLabel(entry))}</td>
<td>${escapeHtml(entry.text)}</td>
</tr>`,
    )
    .join('\n');
  const table =
    entries.length === 0
      ? '<p>Сообщений пока нет. Войдите в кабинет под демо-пользователем со вторым фактором — код появится здесь.</p>'
      : `<table>
<thead><tr><th scope="col">Время</th><th scope="col">Канал</th><th scope="col">Получатель</th><th scope="col">Код</th><th scope="col">Назначение</th><th scope="col">Текст</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return {
    title: 'Исходящие сообщения (демо)',
    stylesheet,
    head: '\n<meta http-equiv="refresh" content="5">',
    body: `<h1>Исходящие сообщения</h1>
<p>Демо-режим: одноразовые коды и уведомления не отправляются по SMS и почте, а показываются здесь. У уведомления нет кода. Новые сверху, страница обновляется каждые 5 секунд.</p>
${table}`,
  };
}
