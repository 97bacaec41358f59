/** Legal dates live in the domain kernel (src/core/domain/legal-date.ts); this path re-exports the validators. */
export {
  clockTimeProblem,
  DATE_RE,
  DATETIME_RE,
  daysInMonth,
  isLeapYear,
  isLegalDate,
  legalDateProblem,
  legalDateTimeProblem,
  MAX_YEAR,
  MIN_YEAR,
  TIME_RE,
  type DateProblem,
} from '../domain/legal-date';
