import { applicationStatusNamesRu, type TransitionActor } from '@mfc-cabinet/core';
import type { TrackerCopyStrings, TrackerNextStrings, TrackerStrings, TrackerSubmittedStrings } from './strings.js';

const actors: Record<TransitionActor, string> = { citizen: 'Вы', operator: 'Оператор МФЦ', system: 'Система' };
const pluralRules = new Intl.PluralRules('ru');
const applications = (count: number): string =>
  ({ one: 'заявление', few: 'заявления', many: 'заявлений' })[pluralRules.select(count) as 'one' | 'few' | 'many'] ?? 'заявления';

/**
 * Russian strings of `<mfc-application-tracker>`, loaded with it (those of the detail's «Что
 * дальше» and copy load with the detail, those of the answers submitted with their part).
 */
export const ruTracker: Omit<TrackerStrings, keyof TrackerNextStrings | keyof TrackerCopyStrings | keyof TrackerSubmittedStrings> = {
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
  trackerBack: 'К списку заявлений',
  trackerDetailLoading: 'Загружаем заявление…',
  trackerNotFound: 'Заявление не найдено.',
  trackerFacts: 'Сведения о заявлении',
  trackerHistory: 'История',
  trackerActor: (actor, officerName) => (actor === 'operator' && officerName ? `${officerName}, оператор МФЦ` : actors[actor]),
  trackerResults: 'Результат',
  trackerNoResults: 'Документы с результатом появятся здесь, когда МФЦ их выдаст.',
  trackerRequestHeading: 'МФЦ просит дополнить заявление',
  trackerRequestLead: 'Приложите запрошенные документы и заполните сведения, затем отправьте ответ.',
  trackerRequestedDocument: (kind) => `Документ: ${kind}`,
  trackerSendAnswer: 'Отправить ответ',
  trackerSendingAnswer: 'Отправляем…',
  trackerAnswerSent: 'Ответ отправлен: заявление снова на рассмотрении.',
  trackerFieldRequired: 'Заполните это поле',
  trackerWithdraw: 'Отозвать заявление',
  trackerWithdrawConfirm: (number) => `Отозвать заявление ${number}? Отменить это будет нельзя: для услуги придётся подать новое заявление.`,
  trackerWithdrawYes: 'Да, отозвать',
  trackerWithdrawNo: 'Не отзывать',
  trackerWithdrawing: 'Отзываем…',
  trackerWithdrawn: 'Заявление отозвано.',
  trackerStatusChanged: (number, status) => `Заявление ${number}: ${status}`,
};
