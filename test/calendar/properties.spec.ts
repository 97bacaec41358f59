/**
 * Property tests (fast-check, 10,000 runs each). Dates are drawn as integer day numbers and formatted by an
 * independent helper built on Date.UTC / getUTC* (never local time), so the checks hold under any TZ.
 */
import { strictEqual as eq, ok } from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultCalendar, type PeriodRequest } from '../../src/core/calendar';

const RUNS = 10_000;
const cal = defaultCalendar();
const MS_PER_DAY = 86_400_000;

// ---- an independent reference implementation (UTC Date only) --------------------------------------------------

function dayNo(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
// ISO strings of 1899–2200, computed once with Date#toISOString (UTC)
const ISO_FROM = dayNo('1899-01-01');
const ISO_TABLE: string[] = [];
for (let x = ISO_FROM; x <= dayNo('2200-12-31'); x++) ISO_TABLE.push(new Date(x * MS_PER_DAY).toISOString().slice(0, 10));
function iso(dayNumber: number): string {
  return ISO_TABLE[dayNumber - ISO_FROM];
}
const FIRST_COVERED = dayNo('2004-01-01');
const LAST_COVERED = dayNo('2026-12-31');

// chinese-days raw data (the year files agree with it day by day — holiday-data.spec.ts)
const cdJson = JSON.parse(
  readFileSync(join(dirname(require.resolve('chinese-days/package.json')), 'dist', 'chinese-days.json'), 'utf8'),
) as { holidays: Record<string, string>; workdays: Record<string, string> };

/** working day or not, per the raw package data and getUTCDay — tabulated once for 2004–2026 */
const WORK_TABLE: boolean[] = [];
for (let x = FIRST_COVERED; x <= LAST_COVERED; x++) {
  const date = iso(x);
  const w = new Date(x * MS_PER_DAY).getUTCDay();
  WORK_TABLE.push(date in cdJson.workdays ? true : date in cdJson.holidays ? false : w !== 0 && w !== 6);
}
function bruteIsWorkday(dayNumber: number): boolean {
  if (dayNumber < FIRST_COVERED || dayNumber > LAST_COVERED) throw new Error(`outside the data: ${iso(dayNumber)}`);
  return WORK_TABLE[dayNumber - FIRST_COVERED];
}

function bruteAddWorkdays(start: number, n: number): number {
  let x = start;
  for (let count = 0; count < n; ) {
    x++;
    if (bruteIsWorkday(x)) count++;
  }
  return x;
}

function daysInMonthUtc(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** 民法典第202条, written independently */
function expectedAddMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const ty = first.getUTCFullYear();
  const tm = first.getUTCMonth() + 1;
  const td = Math.min(d, daysInMonthUtc(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

function end(req: PeriodRequest): string {
  const r = cal.computePeriod(req);
  if (r.status !== 'ok' || !r.end) throw new Error(`undeterminable: ${JSON.stringify(req)}`);
  return r.end;
}

// ---- arbitraries ------------------------------------------------------------------------------------------------

const anyDay = fc.integer({ min: dayNo('1900-02-01'), max: dayNo('2150-12-31') });
/** starts whose short periods stay inside the covered years 2004–2026 */
const coveredStart = fc.integer({ min: FIRST_COVERED, max: dayNo('2026-09-30') });
const policy = fc.constantFrom<'party' | 'strict'>('party', 'strict');

describe('properties (10,000 runs each)', () => {
  test('month-end law: n months/years end on the corresponding day or the month’s last day (民法典第202条)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 600 }), fc.boolean(), (start, n, asYears) => {
        const date = iso(start);
        const amount = asYears ? 1 + (n % 100) : n;
        const months = asYears ? amount * 12 : amount;
        const r = cal.computePeriod({ start: date, amount, unit: asYears ? 'year' : 'month', roll: 'strict' });
        eq(r.end, expectedAddMonths(date, months));
        eq(r.arithmeticEnd, r.end);
      }),
      { numRuns: RUNS },
    );
  });

  test('calendar days: strict end = start + n; a party end is the first working day on or after it', () => {
    fc.assert(
      fc.property(coveredStart, fc.integer({ min: 1, max: 60 }), (start, n) => {
        eq(end({ start: iso(start), amount: n, unit: 'day', roll: 'strict' }), iso(start + n));
        let expected = start + n;
        while (!bruteIsWorkday(expected)) expected++;
        eq(end({ start: iso(start), amount: n, unit: 'day', roll: 'party' }), iso(expected));
      }),
      { numRuns: RUNS },
    );
  });

  test('working days: the end equals brute-force counting over the chinese-days data, and is a working day', () => {
    fc.assert(
      fc.property(coveredStart, fc.integer({ min: 1, max: 30 }), policy, (start, n, roll) => {
        const e = end({ start: iso(start), amount: n, unit: 'workday', roll });
        eq(e, iso(bruteAddWorkdays(start, n)));
        eq(cal.isWorkday(e), true);
      }),
      { numRuns: RUNS },
    );
  });

  test('monotonic in the start date: a later start never gives an earlier end (every unit and policy)', () => {
    const unit = fc.constantFrom<'day' | 'workday' | 'month' | 'year'>('day', 'workday', 'month', 'year');
    fc.assert(
      fc.property(coveredStart, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 20 }), unit, policy, (s1, gap, n, u, roll) => {
        const amount = u === 'year' ? 1 + (n % 2) : u === 'month' ? 1 + (n % 3) : n;
        if (u === 'year' && s1 > dayNo('2024-09-30')) return;
        const a = end({ start: iso(s1), amount, unit: u, roll });
        const b = end({ start: iso(Math.min(s1 + gap, dayNo('2026-09-30'))), amount, unit: u, roll });
        ok(a <= b, `${a} > ${b}`);
      }),
      { numRuns: RUNS },
    );
  });

  test('monotonic in the amount: more units never give an earlier end', () => {
    const unit = fc.constantFrom<'day' | 'workday' | 'month'>('day', 'workday', 'month');
    fc.assert(
      fc.property(coveredStart, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), unit, policy, (s, n1, extra, u, roll) => {
        const scale = (n: number) => (u === 'month' ? 1 + (n % 3) : n);
        const [lo, hi] = u === 'month' ? [scale(n1), Math.max(scale(n1), scale(n1 + extra))] : [n1, n1 + extra];
        const a = end({ start: iso(s), amount: lo, unit: u, roll });
        const b = end({ start: iso(s), amount: hi, unit: u, roll });
        ok(a <= b, `${a} > ${b}`);
      }),
      { numRuns: RUNS },
    );
  });

  test('forward/backward consistency (conservative reading)', () => {
    const target = fc.integer({ min: dayNo('2004-03-01'), max: LAST_COVERED });
    fc.assert(
      fc.property(target, fc.integer({ min: 1, max: 20 }), (t, n) => {
        // calendar days: counting n days forward from the latest day lands exactly on the target
        const dLatest = end({ start: iso(t), amount: n, unit: 'day', direction: 'backward' });
        eq(dLatest, iso(t - n));
        eq(end({ start: dLatest, amount: n, unit: 'day', roll: 'strict' }), iso(t));
        // working days: the latest day is a working day and exactly n working days lie in [latest, target)
        const wLatest = dayNo(end({ start: iso(t), amount: n, unit: 'workday', direction: 'backward' }));
        eq(bruteIsWorkday(wLatest), true);
        let count = 0;
        for (let x = wLatest; x < t; x++) if (bruteIsWorkday(x)) count++;
        eq(count, n);
        // … so n working days counted forward from it end on the target (or, if the target is a rest day, after it)
        const forward = dayNo(end({ start: iso(wLatest), amount: n, unit: 'workday' }));
        if (bruteIsWorkday(t)) eq(forward, t);
        else ok(forward > t);
        // months: the corresponding day n months before, which leads back to no later than the target
        const mLatest = end({ start: iso(t), amount: 1 + (n % 6), unit: 'month', direction: 'backward' });
        eq(mLatest, expectedAddMonths(iso(t), -(1 + (n % 6))));
        eq(expectedAddMonths(mLatest, 1 + (n % 6)) <= iso(t), true);
      }),
      { numRuns: RUNS },
    );
  });

  test('inclusive backward reading: the latest day whose forward period ends on or before the target, never before the conservative day', () => {
    // the inclusive search looks at the day after the answer, so keep clear of the last covered days
    const target = fc.integer({ min: dayNo('2004-03-01'), max: LAST_COVERED - 20 });
    const unit = fc.constantFrom<'day' | 'workday' | 'month'>('day', 'workday', 'month');
    fc.assert(
      fc.property(target, fc.integer({ min: 1, max: 12 }), unit, (t, n, u) => {
        const cons = dayNo(end({ start: iso(t), amount: n, unit: u, direction: 'backward' }));
        const incl = dayNo(end({ start: iso(t), amount: n, unit: u, direction: 'backward', backwardReading: 'inclusive' }));
        ok(incl >= cons);
        const fwd = (s: number) =>
          u === 'day' ? s + n : u === 'workday' ? bruteAddWorkdays(s, n) : dayNo(expectedAddMonths(iso(s), n));
        if (incl > cons) ok(fwd(incl) <= t);
        ok(fwd(incl + 1) > t);
      }),
      { numRuns: RUNS },
    );
  });

  test('exclusions: exactly n non-excluded days lie in (start, end]; equals "extend by excluded days until stable"', () => {
    const interval = fc.record({ off: fc.integer({ min: -20, max: 120 }), len: fc.integer({ min: 0, max: 30 }) });
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 120 }), fc.array(interval, { maxLength: 3 }), (s, n, xs) => {
        const exclusions = xs.map(({ off, len }) => ({ from: iso(s + off), to: iso(s + off + len), reason: '中止' }));
        const e = dayNo(end({ start: iso(s), amount: n, unit: 'day', roll: 'strict', exclusions }));
        const excluded = (x: number) => xs.some(({ off, len }) => x >= s + off && x <= s + off + len);
        let counted = 0;
        for (let x = s + 1; x <= e; x++) if (!excluded(x)) counted++;
        eq(counted, n);
        eq(excluded(e), false);
        // the iteration described in docs/legal-calendar.md
        let stable = s + n;
        for (;;) {
          let k = 0;
          for (let x = s + 1; x <= stable; x++) if (excluded(x)) k++;
          if (s + n + k === stable) break;
          stable = s + n + k;
        }
        eq(e, stable);
      }),
      { numRuns: RUNS },
    );
  });
});
