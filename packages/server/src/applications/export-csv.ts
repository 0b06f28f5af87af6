/**
 * The citizen's applications as CSV for Excel: a UTF-8 byte order mark (without it Excel
 * reads Cyrillic as mojibake), `;` between values as Russian Excel expects, CRLF lines.
 */
import type { Application } from '@mfc-cabinet/core/schemas';
import { statusNames } from './lifecycle.js';

const header = ['Номер', 'Услуга', 'Статус', 'Создано', 'Подано', 'Ожидаемый срок', 'Изменено'];

/** A value quoted when it holds the separator, a quote or a line break; a leading `=+-@` is defused against formula injection. */
function cell(value: string | null): string {
  const text = (value ?? '').replace(/^[=+\-@]/, "'$&");
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const day = (iso: string | null): string | null => iso && iso.slice(0, 10);

export function applicationsCsv(applications: readonly Application[]): string {
  const rows = applications.map((application) => [
    application.trackingNumber,
    application.serviceTitle,
    statusNames[application.status],
    day(application.createdAt),
    day(application.submittedAt),
    application.expectedCompletionDate,
    day(application.updatedAt),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
