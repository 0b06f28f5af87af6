import type { UploaderStrings } from './strings.js';

const pluralRules = new Intl.PluralRules('ru');
const files = (count: number): string => {
  const rule = pluralRules.select(count);
  return `${count} ${rule === 'one' ? 'файла' : 'файлов'}`;
};

/** Russian strings of `<mfc-document-uploader>`, loaded with it. */
export const ruUploader: UploaderStrings = {
  uploaderLabel: 'Документы',
  dropHint: 'Перетащите файлы сюда или выберите их на устройстве.',
  dropHere: 'Отпустите, чтобы загрузить',
  chooseFiles: 'Выбрать файлы',
  takePhoto: 'Сфотографировать',
  chooseFromVault: 'Выбрать из загруженных',
  limitsHint: (kinds, maxSize, maxFiles) => `${kinds}, до ${maxSize}${maxFiles > 1 ? `, не больше ${files(maxFiles)}` : ', один файл'}`,
  fileTooLarge: (maxSize) => `Файл больше ${maxSize}`,
  fileWrongType: (kinds) => `Это не ${kinds}`,
  fileEmpty: 'Файл пустой',
  tooManyFiles: (maxFiles) => `Можно приложить не больше ${files(maxFiles)}`,
  uploadRequired: 'Приложите документ',
  uploading: (percent) => `Загружается: ${percent} %`,
  uploaded: 'Загружен',
  paused: (seconds) => `Нет связи. Попробуем снова через ${seconds} с`,
  interrupted: (percent) => `Загрузка прервалась на ${percent} %. Её можно продолжить.`,
  cancel: 'Отменить',
  retry: 'Повторить',
  resume: 'Продолжить',
  remove: 'Убрать',
  forFile: (action, name) => `${action}: ${name}`,
  vaultHeading: 'Ваши документы',
  vaultEmpty: 'Загруженных документов пока нет.',
  vaultLoading: 'Загружаем список документов…',
  choose: 'Выбрать',
  closeVault: 'Закрыть список',
  announceAdded: (name) => `Файл ${name} загружается`,
  announceDone: (name) => `Файл ${name} загружен`,
  announceFailed: (name, reason) => `Файл ${name} не загружен: ${reason}`,
  announceCancelled: (name) => `Загрузка файла ${name} отменена`,
};
