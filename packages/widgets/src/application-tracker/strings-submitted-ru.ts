import type { TrackerSubmittedStrings } from './strings.js';

/** Russian strings of the answers submitted, loaded with their part (`tracker-submitted.ts`). */
export const ruTrackerSubmitted: TrackerSubmittedStrings = {
  trackerYes: 'Да',
  trackerNo: 'Нет',
  trackerNotGiven: 'Не указано',
  trackerNoDocuments: 'Документы не приложены',
  trackerFormChanged: 'Форма услуги с тех пор изменилась: сведения показаны с подписями её нынешней версии.',
  trackerAnswersOf: (step) => `Сведения: ${step}`,
};
