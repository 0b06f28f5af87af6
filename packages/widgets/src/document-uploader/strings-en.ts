import type { UploaderStrings } from './strings.js';

const files = (count: number): string => `${count} ${count === 1 ? 'file' : 'files'}`;

/** English strings of `<mfc-document-uploader>`; part of the lazily loaded English chunk. */
export const enUploader: UploaderStrings = {
  uploaderLabel: 'Documents',
  dropHint: 'Drag files here or choose them on your device.',
  dropHere: 'Drop to upload',
  chooseFiles: 'Choose files',
  takePhoto: 'Take a photo',
  chooseFromVault: 'Choose from your documents',
  limitsHint: (kinds, maxSize, maxFiles) => `${kinds}, up to ${maxSize}${maxFiles > 1 ? `, at most ${files(maxFiles)}` : ', one file'}`,
  fileTooLarge: (maxSize) => `The file is larger than ${maxSize}`,
  fileWrongType: (kinds) => `This is not ${kinds}`,
  fileEmpty: 'The file is empty',
  tooManyFiles: (maxFiles) => `You can attach at most ${files(maxFiles)}`,
  uploadRequired: 'Attach a document',
  uploading: (percent) => `Uploading: ${percent}%`,
  uploaded: 'Uploaded',
  paused: (seconds) => `No connection. Trying again in ${seconds} s`,
  interrupted: (percent) => `The upload stopped at ${percent}%. You can continue it.`,
  cancel: 'Cancel',
  retry: 'Retry',
  resume: 'Continue',
  remove: 'Remove',
  forFile: (action, name) => `${action}: ${name}`,
  vaultHeading: 'Your documents',
  vaultEmpty: 'No documents uploaded yet.',
  vaultLoading: 'Loading your documents…',
  choose: 'Choose',
  closeVault: 'Close the list',
  announceAdded: (name) => `Uploading ${name}`,
  announceDone: (name) => `${name} uploaded`,
  announceFailed: (name, reason) => `${name} not uploaded: ${reason}`,
  announceCancelled: (name) => `Upload of ${name} cancelled`,
};
