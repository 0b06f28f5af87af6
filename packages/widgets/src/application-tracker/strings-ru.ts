import { applicationStatusNamesRu } from '@mfc-cabinet/core';
import type { TrackerCopyStrings, TrackerDetailStrings, TrackerNextStrings, TrackerStrings, TrackerSubmittedStrings } from './strings.js';

const pluralRules = new Intl.PluralRules('ru');
const applications = (count: number): string =>
  ({ one: 'заявление', few: 'заявления', many: 'заявлений' })[pluralRules.select(count) as 'one' | 'few' | 'many'] ?? 'заявления';

/**
 * Russian strings of `<mfc-application-tracker>`, loaded with it (those of the detail load
 * with the detail, those of the answers submitted with their part).
 */
export const ruTracker: Omit<TrackerStrings, keyof TrackerNextStrings | keyof TrackerDetailStrings | keyof TrackerCopyStrings | keyof TrackerSubmittedStrings> = {
  trackerHeading: 'Мои заявления',
  trackerSignInFirst: 'Войдите в личный кабинет, чтобы увидеть свои заявления.',
  trackerStatus: (status) => applicationStatusNamesRu[status],
  trackerLoading: 'Загружаем заявления…',
  trackerEmpty: 'У вас пока нет заявлений. Выберите услугу в каталоге, чтобы подать первое.',
  trackerNothingFound: 'По этим условиям заявлений нет.',
  trackerFound: (total) => `${total} ${applications(total)}`,
  trackerListLabel: 'Заявления',
  trackerFiltersLabel: 'Отбор заявлений',
  trackerStatusLabel: 'Статус',
  trackerAnyStatus: 'Любой статус',
  trackerServiceLabel: 'Услуга',
  trackerAnyService: 'Любая услуга',
  trackerFromLabel: 'Поданы с',
  trackerToLabel: 'по',
  trackerSearchLabel: 'Номер заявления',
  trackerSearchHint: 'Начало номера, например MFC-2026-0001',
  trackerResetFilters: 'Сбросить отбор',
  trackerNumber: 'Номер',
  trackerNoNumber: 'без номера',
  trackerSubmitted: 'Подано',
  trackerNotSubmitted: 'не подано',
  trackerExpected: 'Срок исполнения',
  trackerUpdated: 'Изменено',
  trackerLoadingMore: 'Загружаем ещё…',
  trackerLoadMoreFailed: 'Не удалось загрузить следующие заявления.',
  trackerOffline: 'Нет связи — показаны сохранённые данные.',
  trackerOfflineNoData: 'Нет связи, а сохранённых данных на этом устройстве нет. Проверьте подключение.',
  trackerExportCsv: 'Скачать историю (CSV, для Excel)',
  trackerExportPdf: 'Скачать историю (PDF)',
  trackerDetailLoading: 'Загружаем заявление…',
  trackerStatusChanged: (number, status) => `Заявление ${number}: ${status}`,
};
