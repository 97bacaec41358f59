/**
 * The legal calendar (期间计算) — implementation of LegalCalendarApi.
 *
 * Law (rules-catalog §f1):
 * - 民法典第201条 / 民诉法第85条第2款: the start day is not counted; counting begins the next day.
 * - 民法典第202条: a month/year period ends on the corresponding day of the final month, or that month's last day.
 * - 民法典第203条 / 民诉法第85条第3款 / 行诉解释第48条: a party's period whose last day is a rest day ends on the
 *   first working day after it ('party' roll). Agency limits are kept as computed ('strict').
 * - 行政处罚法第85条, 行政强制法第69条, 行政复议法第88条: short periods are working days, not counting holidays.
 * "Rest day" means a day off under the State Council schedule: Saturdays and Sundays (unless it is a 调休上班日)
 * and the 放假调休 days; a 调休上班日 is a working day (rules-catalog §(a) 注【I】, e.g. 2024-09-29, 2026-02-28).
 *
 * All arithmetic is on integer day numbers (./civil), never on Date objects.
 */
import {
  addMonthsCivil,
  addMonthsDays,
  civilToDays,
  daysToCivil,
  fromDays,
  isWeekend,
  toDays,
  weekdayName,
  type DayNumber,
} from '../domain/legal-date';
import { chineseNumber, periodDigits } from '../domain/period-text';
import { type HolidayDataDiscrepancy, type HolidaySchedule, type ScheduleEntry } from './holiday-data';
import type { ValidationIssue } from '../case-file/validation-issue';
import type { DayInfo, DayKind, LegalCalendarApi, PeriodRequest, PeriodResult } from './types';
import { CalendarInputError, checkDate, validatePeriodRequest, type NormalizedPeriodRequest } from './validate';

type DayStatus =
  | { covered: false; year: number }
  | { covered: true; workday: boolean; entry?: ScheduleEntry };

/** A maximal run of consecutive rest days (as in the notices' "与周末连休"). */
interface RestRun {
  from: DayNumber;
  to: DayNumber;
  /** holiday names in the run, in date order; empty = an ordinary weekend */
  names: string[];
}

/** Marker thrown inside a computation when a needed year has no schedule. */
class MissingYear {
  constructor(readonly year: number) {}
}

function d(day: DayNumber): string {
  return `${fromDays(day)}（${weekdayName(day)}）`;
}

/** Merged, sorted exclusion intervals as day-number pairs (overlaps counted once). */
function mergeIntervals(intervals: Array<[DayNumber, DayNumber]>): Array<[DayNumber, DayNumber]> {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Array<[DayNumber, DayNumber]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function overlap(a: DayNumber, b: DayNumber, from: DayNumber, to: DayNumber): number {
  return Math.max(0, Math.min(b, to) - Math.max(a, from) + 1);
}

export class LegalCalendar implements LegalCalendarApi {
  private readonly runCache = new Map<DayNumber, RestRun>();
  /** covered years as merged [first day, last day] ranges, so a day's coverage needs no date conversion */
  private readonly coveredRanges: Array<[DayNumber, DayNumber]>;

  constructor(private readonly schedule: HolidaySchedule) {
    this.coveredRanges = mergeIntervals(
      [...schedule.years.keys()].map((y) => [civilToDays({ year: y, month: 1, day: 1 }), civilToDays({ year: y, month: 12, day: 31 })]),
    );
  }

  // ---------------------------------------------------------------------------------------------- day status

  covers(year: number): boolean {
    return this.schedule.years.has(year);
  }

  private status(day: DayNumber): DayStatus {
    if (!this.coveredRanges.some(([a, b]) => day >= a && day <= b)) return { covered: false, year: daysToCivil(day).year };
    const entry = this.schedule.entries.get(day);
    if (entry) return { covered: true, workday: entry.kind === 'adjusted_workday', entry };
    return { covered: true, workday: !isWeekend(day) };
  }

  /** Status of a day the computation needs; throws MissingYear when its year has no schedule. */
  private need(day: DayNumber): { workday: boolean; entry?: ScheduleEntry } {
    const s = this.status(day);
    if (!s.covered) throw new MissingYear(s.year);
    return s;
  }

  /** The run of rest days containing `day` (which must be a rest day of a covered year). */
  private restRun(day: DayNumber): RestRun {
    const cached = this.runCache.get(day);
    if (cached) return cached;
    const isRest = (x: DayNumber) => {
      const s = this.status(x);
      return s.covered && !s.workday;
    };
    let from = day;
    let to = day;
    while (isRest(from - 1)) from--;
    while (isRest(to + 1)) to++;
    const names: string[] = [];
    for (let x = from; x <= to; x++) {
      const e = this.schedule.entries.get(x);
      if (e && e.kind === 'holiday' && !names.includes(e.name)) names.push(e.name);
    }
    const run = { from, to, names };
    for (let x = from; x <= to; x++) this.runCache.set(x, run);
    return run;
  }

  /** "2025-01-28至2025-02-04 春节放假" or "星期日（周末）" */
  private restReason(day: DayNumber): string {
    const run = this.restRun(day);
    if (run.names.length === 0) return `${weekdayName(day)}，周末`;
    return `${fromDays(run.from)}至${fromDays(run.to)} ${run.names.join('、')}放假期间`;
  }

  isWorkday(date: string): boolean | undefined {
    const s = this.status(this.parseDay(date, 'date'));
    return s.covered ? s.workday : undefined;
  }

  dayInfo(date: string): DayInfo {
    const day = this.parseDay(date, 'date');
    const weekday = weekdayName(day);
    const s = this.status(day);
    if (!s.covered) {
      return {
        date,
        weekday,
        status: 'undeterminable',
        explanation: [
          `${date}（${weekday}）：缺少 ${s.year} 年国务院放假调休安排，无法判断是否为工作日（不按周一至周五推定）`,
          `可在 rules/holidays/ 添加 ${s.year}.yaml（见 docs/legal-calendar.md）`,
        ],
      };
    }
    const source = this.schedule.years.get(daysToCivil(day).year)!;
    const explanation: string[] = [];
    let kind: DayKind;
    let name: string | undefined;
    if (s.workday) {
      if (s.entry) {
        kind = 'adjusted_workday';
        name = s.entry.name;
        explanation.push(`${date}（${weekday}）：${name}调休上班日，是工作日`);
      } else {
        kind = 'workday';
        explanation.push(`${date}（${weekday}）：工作日`);
      }
    } else {
      const run = this.restRun(day);
      if (run.names.length > 0) {
        kind = 'holiday';
        name = s.entry?.name ?? run.names.join('、');
        explanation.push(`${date}（${weekday}）：${name}放假（${fromDays(run.from)}至${fromDays(run.to)}），休息日`);
      } else {
        kind = 'weekend';
        explanation.push(`${date}（${weekday}）：周末，休息日`);
      }
    }
    explanation.push(`数据来源：${s.entry?.source ?? source.citation}`);
    const disagreement = this.schedule.discrepancies.find((x) => x.date === date);
    if (disagreement) explanation.push(`注：chinese-days 数据与 ${disagreement.rulesFile} 记载不一致，以本项目文件为准`);
    return { date, weekday, status: 'ok', kind, isWorkday: s.workday, name, explanation };
  }

  countDaysInclusive(from: string, to: string): number {
    const a = this.parseDay(from, 'from');
    const b = this.parseDay(to, 'to');
    return b < a ? 0 : b - a + 1;
  }

  coveredYears(): number[] {
    return [...this.schedule.years.keys()].sort((a, b) => a - b);
  }

  dataVersion(): string {
    return this.schedule.version;
  }

  /** Days on which the project's year files and chinese-days disagree (the year files win). */
  dataDiscrepancies(): readonly HolidayDataDiscrepancy[] {
    return this.schedule.discrepancies;
  }

  /** Where a year's schedule comes from (notice 文号 or package), undefined when the year is not covered. */
  yearSource(year: number): { origin: 'rules' | 'chinese-days'; citation: string; file?: string } | undefined {
    return this.schedule.years.get(year);
  }

  private parseDay(date: string, path: string): DayNumber {
    const issues: ValidationIssue[] = [];
    const ok = checkDate(date, path, issues);
    if (!ok) throw new CalendarInputError(issues);
    return toDays(ok);
  }

  // ---------------------------------------------------------------------------------------------- periods

  computePeriod(req: PeriodRequest): PeriodResult {
    const v = validatePeriodRequest(req);
    if (!v.ok) throw new CalendarInputError(v.errors);
    const r = v.value;
    const lines: string[] = [];
    const partial: { arithmeticEnd?: DayNumber } = {};
    try {
      return r.direction === 'forward' ? this.forward(r, lines, partial) : this.backward(r, lines);
    } catch (e) {
      if (!(e instanceof MissingYear)) throw e;
      const missingYears = this.missingYearsFrom(e.year, r);
      lines.push(
        `缺少 ${missingYears.join('、')} 年国务院放假调休安排，无法确定${r.direction === 'forward' ? '届满日' : '最迟日'}（不按周一至周五推定）`,
      );
      lines.push(`可在 rules/holidays/ 添加该年文件后重新计算（见 docs/legal-calendar.md）`);
      const result: PeriodResult = { status: 'undeterminable', missingYears, explanation: lines };
      if (partial.arithmeticEnd !== undefined) result.arithmeticEnd = fromDays(partial.arithmeticEnd);
      return result;
    }
  }

  /**
   * All uncovered years the computation could reach, from the first one hit: the span is estimated generously
   * (the period's length in calendar days plus a month) since without the schedule the exact end is unknown.
   */
  private missingYearsFrom(firstMissing: number, r: NormalizedPeriodRequest): number[] {
    const start = toDays(r.start);
    const spanDays = r.unit === 'day' ? r.amount : r.unit === 'workday' ? Math.ceil(r.amount * 1.6) + 20 : r.amount * (r.unit === 'year' ? 366 : 31);
    const edge = r.direction === 'forward' ? start + spanDays + 31 : start - spanDays - 31;
    const lastYear = daysToCivil(edge).year;
    const years: number[] = [];
    const [lo, hi] = r.direction === 'forward' ? [firstMissing, Math.max(firstMissing, lastYear)] : [Math.min(firstMissing, lastYear), firstMissing];
    for (let y = lo; y <= hi; y++) if (!this.covers(y)) years.push(y);
    return years.length ? years : [firstMissing];
  }

  private unitLines(r: NormalizedPeriodRequest, lines: string[]): void {
    const n = r.amount;
    switch (r.unit) {
      case 'day':
        lines.push(`期间：${n}日，按日历日计算，其间节假日照常计入`);
        break;
      case 'workday': {
        lines.push(`期间：${n}个工作日，只计工作日（调休上班日计入，周末和放假调休日不计入）`);
        const statute = this.workdayStatute(n, r.basis);
        if (statute) lines.push(statute);
        break;
      }
      case 'month':
        lines.push(`期间：${n}个月，按公历月计算，不换算为日（民法典第200条、第202条）`);
        break;
      case 'year':
        lines.push(`期间：${n}年，按公历年计算（民法典第200条、第202条）`);
        break;
    }
    if (r.basis) lines.push(`依据：${r.basis}`);
  }

  /** The statute that makes a short "N日" a working-day period, when the basis names that law. */
  private workdayStatute(n: number, basis?: string): string | undefined {
    if (!basis) return undefined;
    const cn = chineseNumber(n);
    if (basis.includes('行政处罚法') && [2, 3, 5, 7].includes(n)) return `行政处罚法第85条："${cn}日"指工作日，不含法定节假日`;
    if (basis.includes('行政强制法') && n <= 10) return `行政强制法第69条：十日以内期限指工作日，不含法定节假日`;
    if (basis.includes('行政复议法') && [3, 5, 7, 10].includes(n)) return `行政复议法第88条第2款："${cn}日"指工作日，不含法定休假日`;
    return undefined;
  }

  private forward(r: NormalizedPeriodRequest, lines: string[], partial: { arithmeticEnd?: DayNumber }): PeriodResult {
    const start = toDays(r.start);
    lines.push(`起算事件日：${d(start)}，当日不计入，自次日起算（民法典第201条）`);
    this.unitLines(r, lines);
    const exclusions = mergeIntervals(r.exclusions.map((x) => [toDays(x.from), toDays(x.to)] as [DayNumber, DayNumber]));
    const isExcluded = (x: DayNumber) => exclusions.some(([a, b]) => x >= a && x <= b);

    if (r.unit === 'workday') {
      const end = this.countWorkdaysForward(start, r.amount, isExcluded, lines);
      this.exclusionLines(r, start, end, exclusions, lines, 'workday');
      lines.push(`第${r.amount}个工作日：${d(end)}`);
      lines.push('工作日期间止于工作日，不发生顺延');
      lines.push(`届满日：${d(end)}`);
      return { status: 'ok', end: fromDays(end), arithmeticEnd: fromDays(end), rolled: false, explanation: lines };
    }

    // calendar arithmetic: 日 = start + n; 月/年 = corresponding day or month end (民法典第202条)
    let base: DayNumber;
    if (r.unit === 'day') {
      base = start + r.amount;
      lines.push(`计算：${fromDays(start)} 加 ${r.amount} 日 = ${d(base)}`);
    } else {
      const months = r.unit === 'year' ? r.amount * 12 : r.amount;
      const s = daysToCivil(start);
      const target = addMonthsCivil(s, months);
      base = civilToDays(target);
      const label = r.unit === 'year' ? `${r.amount}年` : `${r.amount}个月`;
      if (target.day < s.day) {
        const wanted = `${target.year}-${String(target.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
        lines.push(`计算：${fromDays(start)} 起${label}，到期月无对应日 ${wanted}，以月末${d(base)}为最后一日（民法典第202条）`);
      } else {
        lines.push(`计算：${fromDays(start)} 起${label}，到期月对应日为 ${d(base)}（民法典第202条）`);
      }
    }

    // exclusions (中止、检测、鉴定 …): the end moves on by one non-excluded day for every excluded day in (start, end]
    let end = base;
    if (exclusions.length > 0) {
      const excludedInBase = exclusions.reduce((sum, [a, b]) => sum + overlap(a, b, start + 1, base), 0);
      let k = excludedInBase;
      while (k > 0) {
        end++;
        if (!isExcluded(end)) k--;
      }
      this.exclusionLines(r, start, end, exclusions, lines, 'calendar');
      if (end !== base) lines.push(`扣除后：期间末日由 ${fromDays(base)} 延至 ${d(end)}`);
    }
    partial.arithmeticEnd = end;

    let finalEnd = end;
    let rolled = false;
    if (r.roll === 'strict') {
      const s = this.status(end);
      if (s.covered && !s.workday) {
        lines.push(`${fromDays(end)} 为休息日（${this.restReason(end)}）`);
        lines.push('严格口径（机关自身期限）：不顺延，以计算所得之日为届满日');
      } else if (s.covered && s.entry?.kind === 'adjusted_workday') {
        lines.push(`${fromDays(end)} 为${s.entry.name}调休上班日，是工作日`);
        lines.push('严格口径（机关自身期限）：不顺延');
      } else {
        lines.push('严格口径（机关自身期限）：不顺延');
      }
    } else {
      const s = this.need(end);
      if (s.workday) {
        if (s.entry?.kind === 'adjusted_workday') {
          lines.push(`${fromDays(end)} 虽是${weekdayName(end)}，但为${s.entry.name}调休上班日，是工作日，不顺延`);
        } else {
          lines.push(`${fromDays(end)} 为工作日，无需顺延`);
        }
      } else {
        lines.push(`${fromDays(end)} 为休息日（${this.restReason(end)}）`);
        let x = end;
        while (!this.need(x).workday) x++;
        finalEnd = x;
        rolled = true;
        lines.push(`当事人期间最后一日为法定休假日的，顺延至其后第一个工作日（民法典第203条；民诉法第85条第3款）`);
        lines.push(`顺延至：${d(finalEnd)}`);
      }
    }
    lines.push(`届满日：${d(finalEnd)}`);
    return { status: 'ok', end: fromDays(finalEnd), arithmeticEnd: fromDays(end), rolled, explanation: lines };
  }

  /** Counts `amount` working days after `start` (skipping excluded days); records 调休 and holiday blocks. */
  private countWorkdaysForward(
    start: DayNumber,
    amount: number,
    isExcluded: (x: DayNumber) => boolean,
    lines: string[],
  ): DayNumber {
    let count = 0;
    let x = start;
    const seenRuns = new Set<DayNumber>();
    let weekendDays = 0;
    while (count < amount) {
      x++;
      const s = this.need(x);
      if (isExcluded(x)) continue;
      if (s.workday) {
        count++;
        if (s.entry?.kind === 'adjusted_workday') lines.push(`${d(x)} ${s.entry.name}调休上班日，计为第${count}个工作日`);
      } else if (this.explainRestDay(x, seenRuns, lines)) weekendDays++;
    }
    if (weekendDays > 0) lines.push(`其间普通周六、周日共 ${weekendDays} 天，不计入`);
    return x;
  }

  /**
   * A day that does not count in a working-day walk: a holiday block (放假调休) is explained once, by name;
   * returns true for an ordinary Saturday/Sunday, which the caller only counts.
   */
  private explainRestDay(x: DayNumber, seenRuns: Set<DayNumber>, lines: string[]): boolean {
    const run = this.restRun(x);
    if (run.names.length === 0) return true;
    if (!seenRuns.has(run.from)) {
      seenRuns.add(run.from);
      lines.push(`${fromDays(run.from)}至${fromDays(run.to)} ${run.names.join('、')}放假，不计入`);
    }
    return false;
  }

  private exclusionLines(
    r: NormalizedPeriodRequest,
    start: DayNumber,
    end: DayNumber,
    merged: Array<[DayNumber, DayNumber]>,
    lines: string[],
    mode: 'calendar' | 'workday',
  ): void {
    if (r.exclusions.length === 0) return;
    const inRange = (a: DayNumber, b: DayNumber) => {
      if (mode === 'calendar') return overlap(a, b, start + 1, end);
      let n = 0;
      for (let x = Math.max(a, start + 1); x <= Math.min(b, end); x++) if (this.need(x).workday) n++;
      return n;
    };
    const unitWord = mode === 'calendar' ? '日' : '个工作日';
    for (const x of r.exclusions) {
      const n = inRange(toDays(x.from), toDays(x.to));
      lines.push(`扣除：${x.from}至${x.to} ${x.reason}（起止日均扣除），其中 ${n} ${unitWord}落在期间内，不计入`);
    }
    if (r.exclusions.length > 1) {
      const total = merged.reduce((sum, [a, b]) => sum + inRange(a, b), 0);
      lines.push(`扣除合计 ${total} ${unitWord}（相互重叠的日子只计一次）`);
    }
  }

  // ---------------------------------------------------------------------------------------------- backward

  /** The forward end (no roll, no exclusions) of a period of `amount` units started on `from`. */
  private plainForwardEnd(from: DayNumber, r: NormalizedPeriodRequest): DayNumber {
    switch (r.unit) {
      case 'day':
        return from + r.amount;
      case 'month':
        return addMonthsDays(from, r.amount);
      case 'year':
        return addMonthsDays(from, r.amount * 12);
      case 'workday': {
        let count = 0;
        let x = from;
        while (count < r.amount) {
          x++;
          if (this.need(x).workday) count++;
        }
        return x;
      }
    }
  }

  private backward(r: NormalizedPeriodRequest, lines: string[]): PeriodResult {
    const target = toDays(r.start);
    lines.push(`目标日：${d(target)}，当日不计入（民法典第201条），自前一日起向前倒数${periodDigits(r.amount, r.unit)}`);
    this.unitLines(r, lines);
    if (r.exclusions.length > 0) lines.push('扣除期间只适用于向后计算的期间，倒数时未适用');

    // conservative (default): counting back from the day before the target, the day on which the n-th unit is
    // reached is the latest allowed date (that day itself is one of the n) — rules-catalog f4 #6, #20.
    let conservative: DayNumber;
    switch (r.unit) {
      case 'day':
        conservative = target - r.amount;
        lines.push(`倒数：${fromDays(target - 1)} 为第1日，……，${d(conservative)} 为第${r.amount}日`);
        break;
      case 'month':
      case 'year': {
        const months = (r.unit === 'year' ? 12 : 1) * r.amount;
        conservative = addMonthsDays(target, -months);
        lines.push(`倒数：${fromDays(target)} 前${periodDigits(r.amount, r.unit)}的对应日（无对应日取月末）为 ${d(conservative)}（民法典第202条）`);
        break;
      }
      case 'workday': {
        let count = 0;
        let x = target;
        const seenRuns = new Set<DayNumber>();
        let weekendDays = 0;
        while (count < r.amount) {
          x--;
          const s = this.need(x);
          if (s.workday) {
            count++;
            if (s.entry?.kind === 'adjusted_workday') lines.push(`${d(x)} ${s.entry.name}调休上班日，计为倒数第${count}个工作日`);
          } else if (this.explainRestDay(x, seenRuns, lines)) weekendDays++;
        }
        if (weekendDays > 0) lines.push(`其间普通周六、周日共 ${weekendDays} 天，不计入`);
        conservative = x;
        lines.push(`倒数第${r.amount}个工作日：${d(conservative)}`);
        break;
      }
    }

    let latest = conservative;
    if (r.backwardReading === 'conservative') {
      lines.push(`保守口径：目标日不计入，倒数满${periodDigits(r.amount, r.unit)}之日（该日本身计入）为最迟日`);
    } else {
      // inclusive: the period counted forward from the act (act day not counted) may end on the target day itself;
      // never earlier than the conservative date.
      while (this.plainForwardEnd(latest + 1, r) <= target) latest++;
      lines.push(`宽松口径：自最迟日次日起算的${periodDigits(r.amount, r.unit)}可以在目标日当日届满`);
      lines.push(
        latest === conservative
          ? `宽松口径与保守口径结果相同`
          : `宽松口径较保守口径（${fromDays(conservative)}）晚 ${latest - conservative} 日`,
      );
    }
    const s = this.status(latest);
    if (s.covered && !s.workday) {
      lines.push(`注意：${fromDays(latest)} 为休息日（${this.restReason(latest)}），倒数期间不顺延`);
      let p = latest - 1;
      for (let sp = this.status(p); sp.covered && !sp.workday; sp = this.status(p)) p--;
      if (this.status(p).covered) lines.push(`如须在工作日完成，最迟为 ${d(p)}`);
    }
    lines.push(`最迟日：${d(latest)}`);
    return { status: 'ok', end: fromDays(latest), rolled: false, explanation: lines };
  }
}
