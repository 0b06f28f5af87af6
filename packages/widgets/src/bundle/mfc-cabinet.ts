/**
 * The one file a municipal site loads:
 *
 * ```html
 * <script type="module" src="/mfc-cabinet/mfc-cabinet.js"></script>
 * ```
 *
 * It registers every `mfc-` element. Rarely needed parts (other languages, and in later
 * versions the search index, the upload client, PDF) are sibling chunks it loads on
 * demand, relative to its own URL, so the site copies one folder and pastes one tag.
 */
import '../mfc-cabinet.js';
import '../mfc-login-form.js';
import '../mfc-registration-form.js';
import '../mfc-password-recovery.js';
import '../mfc-security.js';
import '../mfc-service-catalog.js';
import '../mfc-document-uploader.js';

export * from '../index.js';
export { createCabinetClient, isCabinetError, CabinetError } from '@mfc-cabinet/core';
