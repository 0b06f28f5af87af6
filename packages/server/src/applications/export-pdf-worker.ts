/** The worker thread that draws the PDF export (see `pdf-exports.ts`), off the event loop of the server. */
import { serveTasks } from '../workers/task-worker.js';
import { copyPdf, type PdfCopy } from './copy-pdf.js';
import { accountPdf, applicationsPdf, type PdfAccount, type PdfApplications } from './export-pdf.js';

export interface ExportPdfInput<Content> {
  content: Content;
  /** Milliseconds since the epoch. */
  generatedAt: number;
  /** The IANA time zone the PDF's times are told in. */
  timeZone: string;
  /** Tests only: the thread waits until the flag's first element is not 0 before it draws. */
  hold?: Int32Array;
}

const tasks = {
  /** The PDF's bytes (a Buffer arrives in the main thread as a Uint8Array). */
  applicationsPdf: async ({ content, generatedAt, timeZone, hold }: ExportPdfInput<PdfApplications>): Promise<Uint8Array> => {
    if (hold) Atomics.wait(hold, 0, 0);
    return applicationsPdf(content, { generatedAt: new Date(generatedAt), timeZone });
  },
  /** The PDF of the citizen's data (profile, documents, applications). */
  accountPdf: async ({ content, generatedAt, timeZone, hold }: ExportPdfInput<PdfAccount>): Promise<Uint8Array> => {
    if (hold) Atomics.wait(hold, 0, 0);
    return accountPdf(content, { generatedAt: new Date(generatedAt), timeZone });
  },
  /** The printable copy of one application (its answers, documents and history). */
  copyPdf: async ({ content, generatedAt, timeZone, hold }: ExportPdfInput<PdfCopy>): Promise<Uint8Array> => {
    if (hold) Atomics.wait(hold, 0, 0);
    return copyPdf(content, { generatedAt: new Date(generatedAt), timeZone });
  },
};

export type ExportPdfTasks = typeof tasks;

serveTasks(tasks);
