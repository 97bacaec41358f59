/**
 * Calendar-exact checks for the format's date and time strings. Pure string arithmetic on the proleptic
 * Gregorian calendar — no Date objects, so no time zone can change a result.
 */

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_RE = /^(\d{2}):(\d{2})$/;
export const DATETIME_RE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/;

/** Years the format accepts (a case file from before 1900 or after 2199 is a typing error). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

export type DateProblem = 'format' | 'nonexistent' | 'out_of_range';

/** Why `s` is not a valid `YYYY-MM-DD` calendar date, or null if it is one. */
export function legalDateProblem(s: string): DateProblem | null {
  const m = DATE_RE.exec(s);
  if (!m) return 'format';
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'nonexistent';
  if (year < MIN_YEAR || year > MAX_YEAR) return 'out_of_range';
  return null;
}

/** Why `s` is not a valid `HH:mm` (00:00–23:59) clock time, or null. */
export function clockTimeProblem(s: string): 'format' | 'nonexistent' | null {
  const m = TIME_RE.exec(s);
  if (!m) return 'format';
  return +m[1] > 23 || +m[2] > 59 ? 'nonexistent' : null;
}

/** Why `s` is not a valid `YYYY-MM-DD HH:mm`, or null. */
export function legalDateTimeProblem(s: string): DateProblem | null {
  const m = DATETIME_RE.exec(s);
  if (!m) return 'format';
  return legalDateProblem(m[1]) ?? clockTimeProblem(m[2]);
}

export function isLegalDate(s: unknown): s is string {
  return typeof s === 'string' && legalDateProblem(s) === null;
}
