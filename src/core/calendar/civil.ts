/**
 * Proleptic Gregorian date arithmetic on integer day numbers (公历, 民法典第200条).
 *
 * No `Date` object is used anywhere: a `LegalDate` ('YYYY-MM-DD') is converted to the number of days since
 * 1970-01-01 with Howard Hinnant's days_from_civil algorithm, so every result is identical whatever the
 * process time zone (TZ=America/Los_Angeles and TZ=Asia/Shanghai give the same answers).
 */
import type { LegalDate } from '../case-file/types';

/** days since 1970-01-01 */
export type DayNumber = number;

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** Parses a strict 'YYYY-MM-DD' (a real calendar date, years 1000–9999); undefined when invalid. */
export function parseLegalDate(text: unknown): CivilDate | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isLegalDate(text: unknown): text is LegalDate {
  return parseLegalDate(text) !== undefined;
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

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

export function formatCivil({ year, month, day }: CivilDate): LegalDate {
  const y = year >= 1000 ? `${year}` : `${year}`.padStart(4, '0');
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** 'YYYY-MM-DD' → day number; throws RangeError on an invalid date (callers validate input first). */
export function toDays(date: LegalDate): DayNumber {
  const c = parseLegalDate(date);
  if (!c) throw new RangeError(`invalid date: ${String(date)}`);
  return civilToDays(c);
}

export function fromDays(days: DayNumber): LegalDate {
  return formatCivil(daysToCivil(days));
}

export function yearOf(days: DayNumber): number {
  return daysToCivil(days).year;
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

/** '2025-01-28（星期二）' — how explanations print a day. */
export function describeDay(days: DayNumber): string {
  return `${fromDays(days)}（${weekdayName(days)}）`;
}
