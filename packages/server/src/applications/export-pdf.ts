/**
 * The citizen's applications and their histories as a PDF, in DejaVu Sans (free, from the
 * `dejavu-fonts-ttf` package), embedded so that Cyrillic renders in any viewer.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Application } from '@mfc-cabinet/core/schemas';
import { statusNames } from './lifecycle.js';

const fontPath = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** What the PDF shows of an application, and nothing else: the same content draws the same document. */
export interface PdfApplication {
  serviceTitle: Application['serviceTitle'];
  trackingNumber: Application['trackingNumber'];
  status: Application['status'];
  expectedCompletionDate: Application['expectedCompletionDate'];
  history: Array<Pick<Application['history'][number], 'at' | 'to' | 'officerName' | 'comment'>>;
}

/** The part of each application the PDF shows (small to post to a worker thread, and what its cache is keyed by). */
export function pdfContent(applications: readonly Application[]): PdfApplication[] {
  return applications.map(({ serviceTitle, trackingNumber, status, expectedCompletionDate, history }) => ({
    serviceTitle,
    trackingNumber,
    status,
    expectedCompletionDate,
    history: history.map(({ at, to, officerName, comment }) => ({ at, to, officerName, comment })),
  }));
}

/**
 * The PDF document. It costs some CPU (about a second for a thousand applications): the
 * server draws it in a worker thread (`export-pdf-worker.ts`).
 *
 * @param generatedAt when the document was first drawn from this content, for its heading and metadata
 */
export function applicationsPdf(applications: readonly PdfApplication[], generatedAt: Date): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: 'История заявлений', CreationDate: generatedAt } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font(fontPath);
  pdf.fontSize(16).text('История заявлений');
  pdf.fontSize(9).fillColor('#555555').text(`Сформировано ${when(generatedAt.toISOString())}`).moveDown();
  if (applications.length === 0) pdf.fontSize(11).fillColor('#000000').text('Заявлений пока нет.');
  for (const application of applications) {
    pdf.fontSize(12).fillColor('#000000').text(application.serviceTitle);
    pdf.fontSize(10).text(`${application.trackingNumber ?? 'Черновик'} · ${statusNames[application.status]}`);
    if (application.expectedCompletionDate) pdf.text(`Ожидаемый срок: ${application.expectedCompletionDate}`);
    for (const step of application.history) {
      const officer = step.officerName ? `, ${step.officerName}` : '';
      const comment = step.comment ? `: ${step.comment}` : '';
      pdf.fontSize(9).fillColor('#333333').text(`${when(step.at)} — ${statusNames[step.to]}${officer}${comment}`, { indent: 12 });
    }
    pdf.moveDown();
  }
  pdf.end();
  return done;
}
