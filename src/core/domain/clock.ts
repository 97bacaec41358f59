/**
 * The clock: the only place the core reads the current time. Agencies work on the calendar of Asia/Shanghai,
 * whatever the time zone of the process.
 */
import type { LegalDate } from './legal-date';

/** Beijing time is UTC+8 all year: China has observed no daylight saving time since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** today's calendar date in Asia/Shanghai */
export function todayInShanghai(now: Date = new Date()): LegalDate {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
