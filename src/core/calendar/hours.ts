/**
 * Hour periods (小时): 民法典第201条第2款 — "按照小时计算期间的，自法律规定或者当事人约定的时间开始计算"
 * (e.g. 行政强制法第19条 情况紧急当场实施 → 24 小时内报告并补办批准; 移送规定第5条 24 小时内移送).
 * Values are 'YYYY-MM-DD HH:mm' wall-clock times of one place (no time zone is involved); arithmetic is on
 * integer minutes, never on Date objects.
 */
import { civilToDays, fromDays, parseLegalDate } from './civil';

const DATETIME_RE = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/;

/** minutes since 1970-01-01 00:00, or undefined when not a valid 'YYYY-MM-DD HH:mm' */
export function parseLegalDateTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATETIME_RE.exec(text);
  if (!m) return undefined;
  const date = parseLegalDate(m[1]);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!date || hour > 23 || minute > 59) return undefined;
  return civilToDays(date) * 1440 + hour * 60 + minute;
}

export function formatLegalDateTime(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `${fromDays(days)} ${hh}:${mm}`;
}

/**
 * The moment `hours` after `dateTime` ('YYYY-MM-DD HH:mm'); negative hours go back. Hour periods run from the
 * stated moment itself (no "start day not counted") and are not moved by rest days.
 * Throws RangeError on an invalid time or a non-integer hour count.
 */
export function addHours(dateTime: string, hours: number): string {
  const start = parseLegalDateTime(dateTime);
  if (start === undefined) throw new RangeError(`时间格式有误：${dateTime}（应为 YYYY-MM-DD HH:mm）`);
  if (!Number.isInteger(hours)) throw new RangeError(`小时数须为整数：${hours}`);
  return formatLegalDateTime(start + hours * 60);
}

/** true when `actual` is no later than `limitHours` after `from` (e.g. 补办批准 within 24 hours) */
export function withinHours(from: string, actual: string, limitHours: number): boolean {
  const a = parseLegalDateTime(from);
  const b = parseLegalDateTime(actual);
  if (a === undefined || b === undefined) throw new RangeError(`时间格式有误：${a === undefined ? from : actual}`);
  return b <= a + limitHours * 60;
}
