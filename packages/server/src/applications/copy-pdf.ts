/**
 * The printable copy of one application (`GET /applications/{id}/copy.pdf`): what the
 * citizen submitted, as the МФЦ received it — the answers by the steps of the service's
 * form with their labels, the documents by what they are, and the history. Drawn with the
 * same header, fonts and worker thread as the other PDF exports (`export-pdf.ts`).
 */
import type { Application, VaultDocument } from '@mfc-cabinet/core/schemas';
import type { FormField, Service } from '@mfc-cabinet/core/catalog-schemas';
import { documentTitle } from '@mfc-cabinet/core/forms';
import { drawPdf, heading, historyLine, russianDate, type PdfApplication, type PdfSettings } from './export-pdf.js';
import { statusNames } from './lifecycle.js';

/** What is shown for a field left empty. */
export const notGiven = 'Не указано';

/** An attached document: what it is («Паспорт»), and the file's name. */
export interface CopyDocument {
  title: string;
  fileName: string | null;
}

/** One answer: the field's label and its value as people read it, or the documents of a documents field. */
export type CopyAnswer = { label: string; value: string } | { label: string; documents: CopyDocument[] };

/** What the copy shows, and nothing else: the same content draws the same document. */
export interface PdfCopy {
  /** The citizen's name, or «—» before personal data was entered. */
  name: string;
  serviceTitle: string;
  trackingNumber: string | null;
  status: Application['status'];
  submittedAt: string | null;
  expectedCompletionDate: string | null;
  steps: Array<{ title: string; answers: CopyAnswer[] }>;
  history: PdfApplication['history'];
}

/** A value as people read it: dates ДД.ММ.ГГГГ, «Да»/«Нет», the option's label, «Не указано» when empty. */
export function readableValue(field: FormField, value: Application['values'][string] | undefined): string {
  if (field.type === 'checkbox') return value === true ? 'Да' : 'Нет';
  if (typeof value !== 'string' || value.trim() === '') return notGiven;
  if (field.type === 'date') return russianDate(value);
  if (field.type === 'select') return field.options?.find((option) => option.value === value)?.label ?? value;
  return value;
}

/**
 * The copy's content: the answers by the steps of the service's form (the current one: the
 * catalog keeps no older versions), the documents named by their fields.
 */
export function copyContent(name: string, application: Application, service: Service | undefined, documents: readonly VaultDocument[]): PdfCopy {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const steps = (service?.form.steps ?? []).map((step) => ({
    title: step.title,
    answers: step.fields.map((field): CopyAnswer => {
      const value = application.values[field.id];
      if (field.type !== 'documents') return { label: field.label, value: readableValue(field, value) };
      const ids = Array.isArray(value) ? value : [];
      return {
        label: field.label,
        documents: ids.map((id) => {
          const document = byId.get(id);
          return { title: documentTitle(field, document?.kind), fileName: document?.name ?? null };
        }),
      };
    }),
  }));
  return {
    name,
    serviceTitle: application.serviceTitle,
    trackingNumber: application.trackingNumber,
    status: application.status,
    submittedAt: application.submittedAt,
    expectedCompletionDate: application.expectedCompletionDate,
    steps,
    history: application.history.map(({ at, to, officerName, comment }) => ({ at, to, officerName, comment })),
  };
}

/** The PDF of the copy: the facts, the answers by step, the documents, the history. */
export function copyPdf(copy: PdfCopy, settings: PdfSettings): Promise<Buffer> {
  return drawPdf('Копия заявления', copy.name, settings, (pdf, when) => {
    const fact = (label: string, value: string) => pdf.fontSize(10).fillColor('#000000').text(`${label}: ${value}`);
    fact('Услуга', copy.serviceTitle);
    fact('Номер заявления', copy.trackingNumber ?? 'ещё не присвоен');
    fact('Подано', copy.submittedAt ? when(copy.submittedAt) : 'не подано');
    fact('Статус', statusNames[copy.status]);
    if (copy.expectedCompletionDate) fact('Ожидаемый срок', russianDate(copy.expectedCompletionDate));
    heading(pdf, 'Сведения заявления');
    for (const step of copy.steps) {
      pdf.moveDown(0.5).fontSize(12).fillColor('#000000').text(step.title);
      for (const answer of step.answers) {
        pdf.fontSize(9).fillColor('#555555').text(answer.label, { indent: 12 });
        if ('value' in answer) {
          pdf.fontSize(10).fillColor('#000000').text(answer.value, { indent: 12 });
          continue;
        }
        if (answer.documents.length === 0) pdf.fontSize(10).fillColor('#000000').text('Документы не приложены', { indent: 12 });
        for (const document of answer.documents) {
          pdf.fontSize(10).fillColor('#000000').text(document.fileName ? `${document.title} (${document.fileName})` : document.title, { indent: 12 });
        }
      }
    }
    heading(pdf, 'История');
    for (const step of copy.history) pdf.fontSize(9).fillColor('#333333').text(historyLine(step, when));
  });
}
