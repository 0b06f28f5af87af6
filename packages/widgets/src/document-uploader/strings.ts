/**
 * Strings of `<mfc-document-uploader>`. The Russian ones ship with the uploader's module
 * (`strings-ru.ts`), the English ones (`strings-en.ts`) with the English chunk.
 */
export interface UploaderStrings {
  uploaderLabel: string;
  /** The drop zone's lead: «Перетащите файлы сюда или выберите их». */
  dropHint: string;
  dropHere: string;
  chooseFiles: string;
  takePhoto: string;
  chooseFromVault: string;
  /** «PDF, JPG или PNG, до 5 МБ, не больше 3 файлов». */
  limitsHint: (kinds: string, maxSize: string, maxFiles: number) => string;
  /** A refused file: «Файл больше 5 МБ». */
  fileTooLarge: (maxSize: string) => string;
  /** «Это не PDF», «Это не PDF, JPG или PNG». */
  fileWrongType: (kinds: string) => string;
  fileEmpty: string;
  tooManyFiles: (maxFiles: number) => string;
  uploadRequired: string;
  uploading: (percent: number) => string;
  uploaded: string;
  paused: (seconds: number) => string;
  interrupted: (percent: number) => string;
  cancel: string;
  retry: string;
  resume: string;
  remove: string;
  /** Accessible names of per-file buttons and progress: «Отменить: скан.pdf». */
  forFile: (action: string, name: string) => string;
  vaultHeading: string;
  vaultEmpty: string;
  vaultLoading: string;
  choose: string;
  closeVault: string;
  /** Announcements for screen readers. */
  announceAdded: (name: string) => string;
  announceDone: (name: string) => string;
  announceFailed: (name: string, reason: string) => string;
  announceCancelled: (name: string) => string;
}
