/** The worker thread that draws the PDF export (see `pdf-exports.ts`), off the event loop of the server. */
import { serveTasks } from '../workers/task-worker.js';
import { applicationsPdf, type PdfApplication } from './export-pdf.js';

export interface ExportPdfInput {
  applications: PdfApplication[];
  /** Milliseconds since the epoch. */
  generatedAt: number;
  /** Tests only: the thread waits until the flag's first element is not 0 before it draws. */
  hold?: Int32Array;
}

const tasks = {
  /** The PDF's bytes (a Buffer arrives in the main thread as a Uint8Array). */
  applicationsPdf: async ({ applications, generatedAt, hold }: ExportPdfInput): Promise<Uint8Array> => {
    if (hold) Atomics.wait(hold, 0, 0);
    return applicationsPdf(applications, new Date(generatedAt));
  },
};

export type ExportPdfTasks = typeof tasks;

serveTasks(tasks);
