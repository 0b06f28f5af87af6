import type { TrackerCopyStrings, TrackerNextStrings } from './strings.js';

/** Russian strings of what happens next in an application's detail, and of its copy, loaded with the detail. */
export const ruTrackerNext: TrackerNextStrings & TrackerCopyStrings = {
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
};
