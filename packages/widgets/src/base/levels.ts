import type { AccountLevel } from '@mfc-cabinet/core';

const levelRank: Record<AccountLevel, number> = { simplified: 0, standard: 1, confirmed: 2 };

/** The account levels, lowest first. */
export const accountLevelOrder = Object.keys(levelRank) as AccountLevel[];

/** Whether an account of level `current` is enough for what needs `required`. */
export const hasLevel = (current: AccountLevel, required: AccountLevel): boolean => levelRank[current] >= levelRank[required];
