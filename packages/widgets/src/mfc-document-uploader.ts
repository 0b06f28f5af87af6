import { MfcDocumentUploader } from './document-uploader/document-uploader.js';

export { MfcDocumentUploader };
export type { MfcUploadCompleteDetail } from './document-uploader/document-uploader.js';

MfcDocumentUploader.define('mfc-document-uploader');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-document-uploader': MfcDocumentUploader;
  }
}
