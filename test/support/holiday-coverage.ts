/**
 * "A year with no published schedule", derived from the holiday data's coverage (chinese-days plus
 * rules/holidays), so that adding a holiday year file moves these years instead of breaking tests.
 */
import { defaultCalendar, fromDays, toDays } from '../../src/core/calendar';

const covered = defaultCalendar().coveredYears();

/** the last year the calendar knows */
export const LAST_COVERED_YEAR = Math.max(...covered);
/** the first year after the data: every working-day question reaching it is 无法判定 */
export const NO_SCHEDULE_YEAR = LAST_COVERED_YEAR + 1;
/** the first year before the data */
export const BEFORE_DATA_YEAR = Math.min(...covered) - 1;

/** the first day on or after `date` that satisfies `pick` (a small search over the calendar) */
export function firstDayFrom(date: string, pick: (d: string) => boolean): string {
  for (let d = toDays(date); ; d++) if (pick(fromDays(d))) return fromDays(d);
}

