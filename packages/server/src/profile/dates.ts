/** Calendar dates as `YYYY-MM-DD` strings, which compare in date order as strings do. */

const hour = 3_600_000;

/** The offset of Kamchatka, the easternmost time zone of Russia: it starts each day first. */
const easternmostOffsetMs = 12 * hour;

/**
 * The date it is somewhere in Russia at `now`, in the easternmost zone: a date that has
 * come anywhere in the country is never «in the future».
 */
export function latestDateInRussia(now: number): string {
  return new Date(now + easternmostOffsetMs).toISOString().slice(0, 10);
}

/** Whether `value` is a date of the calendar written `YYYY-MM-DD` (no 2023-02-29, no 2024-13-01). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date `years` later (earlier when negative); a 29 February becomes the 28th in a
 * common year, as a period in years ends under the Civil Code (article 192).
 *
 * @example addYears('2012-02-29', 14) // '2026-02-28'
 */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const pad = (value: number, length: number) => String(value).padStart(length, '0');
  return `${pad(target, 4)}-${pad(month, 2)}-${pad(Math.min(day, daysInMonth(target, month)), 2)}`;
}
