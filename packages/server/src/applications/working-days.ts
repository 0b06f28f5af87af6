/** Terms in working days: Monday to Friday, counted from a calendar date. */

/** The date in Moscow (UTC+3, where МФЦ terms are counted) at `now`, as `YYYY-MM-DD`. */
export function moscowDate(now: number): string {
  return new Date(now + 3 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The date `days` working days after `date`, skipping Saturdays and Sundays.
 *
 * @example addWorkingDays('2026-11-20', 1) // '2026-11-23' (Friday → Monday)
 */
export function addWorkingDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day.toISOString().slice(0, 10);
}

/** The first millisecond of a Moscow date. */
export function moscowDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00+03:00`);
}

/** The first millisecond after a Moscow date (Moscow keeps UTC+3 all year: a day is 24 hours). */
export function moscowDayEnd(date: string): number {
  return moscowDayStart(date) + 86_400_000;
}
