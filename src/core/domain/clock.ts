/**
 * The clock: the only place the core reads the current time. Agencies work on the calendar of Asia/Shanghai,
 * whatever the time zone of the process.
 */
import type { LegalDate } from './legal-date';

/** today's calendar date in Asia/Shanghai */
export function todayInShanghai(now: Date = new Date()): LegalDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
