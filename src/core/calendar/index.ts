/**
 * Legal calendar entry point (期间计算).
 *
 *   const cal = defaultCalendar();               // rules/holidays + chinese-days data, cached
 *   cal.computePeriod({ start: '2025-01-24', amount: 5, unit: 'workday', basis: '行政处罚法第64条第1款第1项、第85条' })
 *   // → { status: 'ok', end: '2025-02-07', explanation: [...] }
 *
 * Law, readings and data sources: docs/legal-calendar.md.
 */
import { join } from 'node:path';
import { rulesDir as defaultRulesDir } from '../paths';
import { loadHolidaySchedule } from './holiday-data';
import { LegalCalendar } from './legal-calendar';

export * from './types';
export { LegalCalendar } from './legal-calendar';
export { HolidayDataError, loadChineseDaysData, parseYearFile, type HolidayDataDiscrepancy, type YearFile } from './holiday-data';
export { CalendarInputError, validatePeriodRequest, UNITS, MAX_AMOUNT, type NormalizedPeriodRequest } from './validate';
export { isLegalDate, parseLegalDate, weekdayName, toDays, fromDays } from '../domain/legal-date';
export { parseDeadlineQuery, DEADLINE_QUERY_KEYS } from './query';
export { DAY_KIND_LABELS } from './labels';

export interface LegalCalendarOptions {
  /** the rules folder whose holidays/ subfolder holds the year files; defaults to rulesDir() (RULES_DIR or rules/) */
  rulesDir?: string;
}

/** A calendar over chinese-days data plus the year files of `<rulesDir>/holidays` (which take precedence). */
export function createLegalCalendar(opts: LegalCalendarOptions = {}): LegalCalendar {
  const dir = opts.rulesDir ?? defaultRulesDir();
  return new LegalCalendar(loadHolidaySchedule(join(dir, 'holidays')));
}

let cached: LegalCalendar | undefined;

/** The calendar of the project's rules folder, built once per process. */
export function defaultCalendar(): LegalCalendar {
  cached ??= createLegalCalendar();
  return cached;
}
