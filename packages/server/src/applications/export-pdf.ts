/**
 * The citizen's applications and their histories as a PDF, in DejaVu Sans (free, from the
 * `dejavu-fonts-ttf` package), embedded so that Cyrillic renders in any viewer.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Application } from '@mfc-cabinet/core/schemas';
import { statusNames } from './lifecycle.js';

const fontPath = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** Formats moments in `timeZone` as people write them: `15.03.2026 14:05`. */
function clockOf(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (iso) => format.format(new Date(iso)).replace(',', '');
}

/** `2026-03-15` → `15.03.2026`. */
export const russianDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('.');

/** `GMT+3`: the offset of `timeZone` at `at`, for the note under the title. */
function offsetOf(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((each) => each.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

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

/** A document in the vault, as the account's PDF lists it. */
export interface PdfDocument {
  name: string;
  kind: string;
  size: number;
  createdAt: string;
  /** Where it is: in the vault, submitted with an application, issued by an МФЦ. */
  where: string;
}

/** What the PDF of the citizen's applications shows (`applicationsPdf`). */
export interface PdfApplications {
  /** The citizen's name, or «—» before personal data was entered. */
  name: string;
  applications: PdfApplication[];
}

/** What the PDF of the citizen's data shows (`accountPdf`). */
export interface PdfAccount {
  /** The citizen's name, or «—» before personal data was entered. */
  name: string;
  /** The profile's facts, each a label and its value as the citizen reads them. */
  facts: Array<[label: string, value: string]>;
  documents: PdfDocument[];
  applications: PdfApplication[];
}

export type Pdf = InstanceType<typeof PDFDocument>;

/** Where and when a PDF is drawn: the time zone its times are told in. */
export interface PdfSettings {
  /** When the document was first drawn from this content, for its heading and metadata. */
  generatedAt: Date;
  /** The IANA time zone of the municipality, e.g. `Europe/Moscow`. */
  timeZone: string;
}

/** Formats a moment in the PDF's time zone: `15.03.2026 14:05`. */
export type When = (iso: string) => string;

/**
 * A PDF titled `title` for the citizen `name`: the cabinet's name above, the time it was
 * made and the time zone its times are in below; its body drawn by `draw`, in DejaVu Sans.
 */
export function drawPdf(title: string, name: string, { generatedAt, timeZone }: PdfSettings, draw: (pdf: Pdf, when: When) => void): Promise<Buffer> {
  const when = clockOf(timeZone);
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, CreationDate: generatedAt } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font(fontPath);
  pdf.fontSize(9).fillColor('#555555').text('Личный кабинет жителя · МФЦ');
  pdf.fontSize(16).fillColor('#000000').text(title);
  pdf.fontSize(12).text(name);
  pdf
    .fontSize(9)
    .fillColor('#555555')
    .text(`Сформировано ${when(generatedAt.toISOString())} · время по часовому поясу ${offsetOf(timeZone, generatedAt)} (${timeZone})`)
    .moveDown();
  draw(pdf, when);
  pdf.end();
  return done;
}

/** A step of a history: `15.03.2026 14:05 — На рассмотрении, Смирнова Е. В.: comment`. */
export function historyLine(step: PdfApplication['history'][number], when: When): string {
  const officer = step.officerName ? `, ${step.officerName}` : '';
  const comment = step.comment ? `: ${step.comment}` : '';
  return `${when(step.at)} — ${statusNames[step.to]}${officer}${comment}`;
}

/** Each application: its service, number and status, expected date and the steps of its history. */
export function drawApplications(pdf: Pdf, applications: readonly PdfApplication[], when: When): void {
  if (applications.length === 0) pdf.fontSize(11).fillColor('#000000').text('Заявлений пока нет.');
  for (const application of applications) {
    pdf.fontSize(12).fillColor('#000000').text(application.serviceTitle);
    // A draft has no number yet: its status alone says «Черновик».
    pdf.fontSize(10).text([application.trackingNumber, statusNames[application.status]].filter(Boolean).join(' · '));
    if (application.expectedCompletionDate) pdf.text(`Ожидаемый срок: ${russianDate(application.expectedCompletionDate)}`);
    for (const step of application.history) pdf.fontSize(9).fillColor('#333333').text(historyLine(step, when), { indent: 12 });
    pdf.moveDown();
  }
}

export const heading = (pdf: Pdf, text: string) => pdf.moveDown().fontSize(14).fillColor('#000000').text(text).moveDown(0.5);

/**
 * The PDF of the citizen's applications and their histories. It costs some CPU (about a
 * second for a thousand applications): the server draws it in a worker thread
 * (`export-pdf-worker.ts`).
 *
 */
export function applicationsPdf({ name, applications }: PdfApplications, settings: PdfSettings): Promise<Buffer> {
  return drawPdf('История заявлений', name, settings, (pdf, when) => drawApplications(pdf, applications, when));
}

/** The PDF of everything the cabinet holds of the citizen: the profile, the documents, the applications and their histories. */
export function accountPdf(account: PdfAccount, settings: PdfSettings): Promise<Buffer> {
  return drawPdf('Данные личного кабинета', account.name, settings, (pdf, when) => {
    for (const [label, value] of account.facts) pdf.fontSize(10).fillColor('#000000').text(`${label}: ${value}`);
    heading(pdf, 'Документы');
    if (account.documents.length === 0) pdf.fontSize(11).text('Документов нет.');
    for (const document of account.documents) {
      pdf.fontSize(10).fillColor('#000000').text(document.name);
      pdf.fontSize(9).fillColor('#333333').text(`${document.kind} · ${formatBytes(document.size)} · ${when(document.createdAt)} · ${document.where}`, { indent: 12 });
    }
    heading(pdf, 'Заявления');
    drawApplications(pdf, account.applications, when);
  });
}

/** `1,4 МБ`, `412 КБ`, `900 Б`. */
const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ` : bytes >= 1024 ? `${Math.round(bytes / 1024)} КБ` : `${bytes} Б`;
