/** Whether an account's level is enough for a service, and what to do when it is not. */
import { accountLevels, type AccountLevel } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';

/** What a citizen should do to reach each level, in the words of the refusal. */
const howToReach: Record<Exclude<AccountLevel, 'simplified'>, string> = {
  standard:
    'Для этой услуги нужна стандартная учётная запись. Укажите в профиле паспорт и СНИЛС: когда госреестры их подтвердят, заявление можно будет подать.',
  confirmed:
    'Для этой услуги нужна подтверждённая учётная запись. Подтвердите личность в МФЦ: возьмите паспорт и покажите оператору код из раздела «Профиль», затем подайте заявление снова.',
};

/**
 * Throws unless `level` is at least `required`.
 *
 * @throws {ApiError} `forbidden` saying how to raise the level
 */
export function assertLevel(level: AccountLevel, required: AccountLevel): void {
  if (required === 'simplified' || accountLevels.indexOf(level) >= accountLevels.indexOf(required)) return;
  throw new ApiError('forbidden', { detail: howToReach[required] });
}
