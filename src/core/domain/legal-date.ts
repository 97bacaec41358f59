/**
 * Legal dates and times — the one definition of what a valid date is, and the day arithmetic every core module
 * uses (公历, 民法典第200条).
 *
 * A date is a `YYYY-MM-DD` string naming a real day of the proleptic Gregorian calendar in the years
 * MIN_YEAR–MAX_YEAR (a case file or a period request outside them is a typing error); a date-time is
 * `YYYY-MM-DD HH:mm` (wall-clock time of one place, 00:00–23:59). No `Date` object is used: a date becomes the
 * number of days since 1970-01-01 (Howard Hinnant's days_from_civil), a date-time the number of minutes, so no
 * process time zone can change a result (TZ=America/Los_Angeles and TZ=Asia/Shanghai give the same answers).
 *
 * Validation (`legalDateProblem`, `isLegalDate`, `parseLegalDate`) applies the year range. Arithmetic
 * (`toDays`, `fromDays`, month steps) is total over well-formed real dates, because a period computed from a
 * valid date may end past MAX_YEAR.
 */

/** 'YYYY-MM-DD' */
export type LegalDate = string;
/** 'YYYY-MM-DD HH:mm' */
export type LegalDateTime = string;
/** days since 1970-01-01 */
export type DayNumber = number;

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_RE = /^(\d{2}):(\d{2})$/;
export const DATETIME_RE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/;

/** The years a date may name (a case file from before 1900 or after 2199 is a typing error). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** a well-formed real calendar day (any four-digit year), or undefined — the arithmetic domain */
function civilOf(text: unknown): CivilDate | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export type DateProblem = 'format' | 'nonexistent' | 'out_of_range';

/** Why `s` is not a valid date, or null if it is one. */
export function legalDateProblem(s: string): DateProblem | null {
  if (!DATE_RE.test(s)) return 'format';
  const c = civilOf(s);
  if (!c) return 'nonexistent';
  return c.year < MIN_YEAR || c.year > MAX_YEAR ? 'out_of_range' : null;
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

export function isLegalDate(s: unknown): s is LegalDate {
  return typeof s === 'string' && legalDateProblem(s) === null;
}

/** A valid date as year, month, day; undefined when `text` is not one. */
export function parseLegalDate(text: unknown): CivilDate | undefined {
  return isLegalDate(text) ? civilOf(text) : undefined;
}

/** floor(a / b) for b > 0; integer-only fast path for non-negative a (every date from year 0 on). */
function div(a: number, b: number): number {
  return a >= 0 ? (a / b) | 0 : Math.floor(a / b);
}

/** days_from_civil (H. Hinnant): civil date → days since 1970-01-01. */
export function civilToDays({ year, month, day }: CivilDate): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = div(y, 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = (month + 9) % 12; // March = 0
  const doy = div(153 * mp + 2, 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + div(yoe, 4) - div(yoe, 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** civil_from_days (H. Hinnant): days since 1970-01-01 → civil date. */
export function daysToCivil(days: DayNumber): CivilDate {
  const z = days + 719468;
  const era = div(z, 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = div(doe - div(doe, 1460) + div(doe, 36524) - div(doe, 146096), 365);
  const doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100));
  const mp = div(5 * doy + 2, 153);
  const day = doy - div(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export function formatCivil({ year, month, day }: CivilDate): LegalDate {
  return `${`${year}`.padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** 'YYYY-MM-DD' → day number; throws RangeError on a malformed or non-existent date (callers validate input first). */
export function toDays(date: LegalDate): DayNumber {
  const c = civilOf(date);
  if (!c) throw new RangeError(`invalid date: ${String(date)}`);
  return civilToDays(c);
}

export function fromDays(days: DayNumber): LegalDate {
  return formatCivil(daysToCivil(days));
}

/** the date `n` calendar days after (before, when negative) a date or the date part of a date-time */
export function addCalendarDays(date: LegalDate | LegalDateTime, n: number): LegalDate {
  return fromDays(toDays(datePart(date)) + n);
}

/** b − a in calendar days (of dates, or of the date parts of date-times) */
export function daysBetween(a: LegalDate | LegalDateTime, b: LegalDate | LegalDateTime): number {
  return toDays(datePart(b)) - toDays(datePart(a));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayIndex(days: DayNumber): number {
  return (((days + 4) % 7) + 7) % 7;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayName(days: DayNumber): string {
  return WEEKDAY_NAMES[weekdayIndex(days)];
}

export function isWeekend(days: DayNumber): boolean {
  const w = weekdayIndex(days);
  return w === 0 || w === 6;
}

/**
 * 民法典第202条: the corresponding day of the month `months` later (or earlier, when negative);
 * when that month has no such day, its last day.
 */
export function addMonthsCivil(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function addMonthsDays(days: DayNumber, months: number): DayNumber {
  return civilToDays(addMonthsCivil(daysToCivil(days), months));
}

// —— date-times (民法典第201条第2款: 按照小时计算期间的，自法律规定或者当事人约定的时间开始计算) ——

/** minutes since 1970-01-01 00:00 of a valid 'YYYY-MM-DD HH:mm', or undefined */
export function parseLegalDateTime(text: unknown): number | undefined {
  if (typeof text !== 'string' || legalDateTimeProblem(text) !== null) return undefined;
  return toMinutes(text);
}

/** minutes since 1970-01-01 00:00 of a well-formed 'YYYY-MM-DD HH:mm' (throws RangeError on a bad date part) */
export function toMinutes(dateTime: LegalDateTime): number {
  return toDays(dateTime.slice(0, 10)) * 1440 + +dateTime.slice(11, 13) * 60 + +dateTime.slice(14, 16);
}

export function formatLegalDateTime(minutes: number): LegalDateTime {
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  return `${fromDays(days)} ${pad2(Math.floor(rest / 60))}:${pad2(rest % 60)}`;
}

/** a date-time rather than a date (the format's two shapes are told apart by length) */
export function isDateTime(s: string): boolean {
  return s.length === 16 && s[10] === ' ';
}

/** the date part of a date or date-time string */
export function datePart(s: string): LegalDate {
  return s.slice(0, 10);
}
