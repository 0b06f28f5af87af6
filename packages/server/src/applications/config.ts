/** The applications section of the configuration: how many drafts one account keeps, how long a PDF export may take, the time zone its times are in. */
import { duration, integer, second, timeZone, type Setting } from '../settings.js';

export const applicationsSettings = {
  maxOpenDrafts: integer('MAX_OPEN_DRAFTS', 20, 'Drafts one citizen may have at a time; one more is refused with `limit_reached` (409).'),
  pdfExportTimeoutMs: duration(
    'PDF_EXPORT_TIMEOUT_SECONDS',
    30,
    second,
    'Longest the PDF of a citizen\'s applications may take to draw (in a worker thread); then the export answers `server_unavailable` (503).',
  ),
  timeZone: {
    name: 'TIME_ZONE',
    default: 'Europe/Moscow',
    description: 'The municipality\'s IANA time zone (e.g. `Asia/Yekaterinburg`): the PDF exports tell their times in it, and say which it is.',
    parse: timeZone,
  } satisfies Setting<string>,
};
