/**
 * Date-string helpers for the engine. Dates stay `YYYY-MM-DD` strings; arithmetic goes through day numbers
 * computed with Date.UTC, which involves no local time zone.
 */

const DAY_MS = 86_400_000;

/** days since 1970-01-01 of a YYYY-MM-DD string */
export function dayNumber(date: string): number {
  return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** b − a in calendar days */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** minutes since epoch of `YYYY-MM-DD HH:mm` */
export function minuteNumber(dateTime: string): number {
  return dayNumber(dateTime.slice(0, 10)) * 1440 + +dateTime.slice(11, 13) * 60 + +dateTime.slice(14, 16);
}

export function fromMinuteNumber(n: number): string {
  const day = Math.floor(n / 1440);
  const rest = n - day * 1440;
  const h = Math.floor(rest / 60);
  const m = rest % 60;
  return `${fromDayNumber(day)} ${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

export function isDateTime(s: string): boolean {
  return s.length === 16 && s[10] === ' ';
}

/** the date part of a date or date-time string */
export function datePart(s: string): string {
  return s.slice(0, 10);
}

/** lexical comparison works for both YYYY-MM-DD and YYYY-MM-DD HH:mm */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** today's calendar date in Asia/Shanghai (the agency's calendar), whatever the process time zone */
export function todayInShanghai(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Chinese numerals for small period amounts in messages: 5 → 五 */
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + (ones ? CN_DIGITS[ones] : '');
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return CN_DIGITS[hundreds] + '百';
  return CN_DIGITS[hundreds] + '百' + (rest < 10 ? '零' + CN_DIGITS[rest] : (rest < 20 ? '一' : '') + chineseNumber(rest));
}

const UNIT_TEXT: Record<string, string> = {
  day: '日',
  workday: '个工作日',
  month: '个月',
  year: '年',
  hour: '小时',
};

/** "七个工作日", "九十日", "三个月", "二年", "二十四小时" */
export function periodText(amount: number, unit: string): string {
  return chineseNumber(amount) + (UNIT_TEXT[unit] ?? unit);
}
