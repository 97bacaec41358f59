import fc from 'fast-check';
import { clockTimeProblem, daysInMonth, isLeapYear, legalDateProblem, legalDateTimeProblem } from '../../src/core/case-file/calendar-date';
import { validatePeriodRequest } from '../../src/core/calendar';
import { parseLegalDate } from '../../src/core/domain/legal-date';

describe('calendar-exact date checks', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('classifies dates', () => {
    expect(legalDateProblem('2025-02-28')).toBeNull();
    expect(legalDateProblem('2024-02-29')).toBeNull();
    expect(legalDateProblem('2025-02-29')).toBe('nonexistent');
    expect(legalDateProblem('2025-04-31')).toBe('nonexistent');
    expect(legalDateProblem('2025-00-10')).toBe('nonexistent');
    expect(legalDateProblem('2025-01-00')).toBe('nonexistent');
    expect(legalDateProblem('2025-1-01')).toBe('format');
    expect(legalDateProblem(' 2025-01-01')).toBe('format');
    expect(legalDateProblem('2025-01-01\n')).toBe('format');
    expect(legalDateProblem('１２３４-01-01')).toBe('format');
    expect(legalDateProblem('1899-12-31')).toBe('out_of_range');
    expect(legalDateProblem('2200-01-01')).toBe('out_of_range');
  });

  it('classifies times and date-times', () => {
    expect(clockTimeProblem('00:00')).toBeNull();
    expect(clockTimeProblem('23:59')).toBeNull();
    expect(clockTimeProblem('24:00')).toBe('nonexistent');
    expect(clockTimeProblem('12:60')).toBe('nonexistent');
    expect(clockTimeProblem('9:00')).toBe('format');
    expect(clockTimeProblem('09:00:00')).toBe('format');
    expect(legalDateTimeProblem('2025-05-12 10:40')).toBeNull();
    expect(legalDateTimeProblem('2025-02-30 10:40')).toBe('nonexistent');
    expect(legalDateTimeProblem('2025-05-12T10:40')).toBe('format');
  });

  it('agrees with the proleptic Gregorian calendar for every day 1900–2199 (property)', () => {
    // Date.UTC is used only as an oracle here, never in the code under test
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(legalDateProblem(s) === null).toBe(real);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('one notion of a valid date (src/core/domain/legal-date.ts)', () => {
  it('the case-file format, the calendar and the holiday files accept exactly the same dates', () => {
    const samples = ['2025-02-28', '2024-02-29', '2025-02-29', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '0999-01-01', '2025-1-01', '2025-13-01'];
    for (const s of samples) {
      const formatOk = legalDateProblem(s) === null;
      const calendarOk = validatePeriodRequest({ start: s, amount: 1, unit: 'day' }).ok;
      expect([s, calendarOk]).toEqual([s, formatOk]);
      expect([s, parseLegalDate(s) !== undefined]).toEqual([s, formatOk]);
    }
  });
});
