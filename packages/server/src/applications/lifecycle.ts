/**
 * The lifecycle of an application: which statuses an operator may move it to from each,
 * when the citizen may withdraw it, and the Russian names of the statuses for messages.
 */
import type { ApplicationStatus } from '@mfc-cabinet/core/schemas';
import { applicationStatusNamesRu } from '@mfc-cabinet/core/messages';
import { ApiError } from '../api-error.js';

/** The statuses an operator may move an application to, from each. */
export const operatorTransitions: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: [],
  submitted: ['in_review'],
  in_review: ['needs_info', 'approved', 'rejected'],
  needs_info: ['in_review'],
  approved: ['ready_for_issue'],
  ready_for_issue: ['completed'],
  completed: [],
  rejected: [],
  withdrawn: [],
};

/** The statuses a citizen may withdraw an application from. */
export const withdrawable: readonly ApplicationStatus[] = ['submitted', 'in_review', 'needs_info'];

/** The name of each status, as the cabinet shows it (shared with the widgets). */
export const statusNames = applicationStatusNamesRu;

/**
 * Throws unless an operator may move an application from `from` to `to`.
 *
 * @throws {ApiError} `conflict` naming both statuses
 */
export function assertOperatorTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (operatorTransitions[from].includes(to)) return;
  throw new ApiError('conflict', {
    detail: `Заявление в статусе «${statusNames[from]}» нельзя перевести в статус «${statusNames[to]}»`,
  });
}
