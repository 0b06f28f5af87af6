/** The applications section of the configuration: how many drafts one account keeps, how long a PDF export may take. */
import { duration, integer, second } from '../settings.js';

export const applicationsSettings = {
  maxOpenDrafts: integer('MAX_OPEN_DRAFTS', 20, 'Drafts one citizen may have at a time; one more is refused with `limit_reached` (409).'),
  pdfExportTimeoutMs: duration(
    'PDF_EXPORT_TIMEOUT_SECONDS',
    30,
    second,
    'Longest the PDF of a citizen\'s applications may take to draw (in a worker thread); then the export answers `server_unavailable` (503).',
  ),
};
