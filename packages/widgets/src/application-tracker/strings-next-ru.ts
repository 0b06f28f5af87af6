import type { TransitionActor } from '@mfc-cabinet/core';
import type { TrackerCopyStrings, TrackerDetailStrings, TrackerNextStrings } from './strings.js';

const actors: Record<TransitionActor, string> = { citizen: 'Вы', operator: 'Оператор МФЦ', system: 'Система' };

/** Russian strings of an application's detail (what happens next, its facts and history, the answer, the withdrawal, the copy), loaded with the detail. */
export const ruTrackerNext: TrackerNextStrings & TrackerDetailStrings & TrackerCopyStrings = {
  trackerNextHeading: 'Что дальше',
  trackerNextLead: (status) => (status === 'submitted' ? 'Заявление получено: МФЦ проверит его и возьмёт в работу.' : 'Заявление рассматривают в МФЦ.'),
  trackerNextExpected: (date) => `Ожидаемый срок исполнения — ${date}.`,
  trackerNextTold:
    'Когда МФЦ изменит статус, он сменится здесь: открытая страница обновляется сама, иначе новый статус будет виден при следующем входе. Если понадобятся ещё документы или сведения, здесь появится запрос.',
  trackerNextBring: 'Эти документы называет услуга: если будете получать результат в МФЦ, возьмите с собой их оригиналы.',
  trackerCopyNumber: 'Скопировать номер',
  trackerNumberCopied: 'Номер скопирован',
  trackerNumberSelected: 'Скопировать не удалось: номер выделен, нажмите Ctrl+C, чтобы скопировать его',
  trackerSubmittedHeading: 'Что вы отправили',
  trackerPrintCopy: 'Распечатать копию (PDF)',
  trackerPreparingCopy: 'Готовим копию…',
  trackerBack: 'К списку заявлений',
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
};
