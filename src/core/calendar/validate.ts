/**
 * Input checks for period requests (used by computePeriod, the HTTP endpoint and the CLI alike).
 * Every problem is a ValidationIssue: field path, English code, Chinese message.
 */
import type { ValidationIssue } from '../case-file/validation-issue';
import { legalDateProblem, MAX_YEAR, MIN_YEAR, toDays } from '../domain/legal-date';
import { PERIOD_UNIT_WORDS } from '../domain/period-text';
import type { BackwardReading, ExcludedInterval, PeriodRequest, RollPolicy } from './types';

export type PeriodUnitNoHour = PeriodRequest['unit'];

export interface NormalizedPeriodRequest {
  start: string;
  amount: number;
  unit: PeriodUnitNoHour;
  direction: 'forward' | 'backward';
  roll: RollPolicy;
  backwardReading: BackwardReading;
  exclusions: ExcludedInterval[];
  basis?: string;
}

/** Thrown by the calendar on invalid input; `issues` say what and where. */
export class CalendarInputError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.path || '(输入)'}: ${i.message}`).join('；'));
    this.name = 'CalendarInputError';
  }
}

export const UNITS: readonly PeriodUnitNoHour[] = ['day', 'workday', 'month', 'year'];

/** Upper bounds that keep every computation small (far above any statutory period). */
export const MAX_AMOUNT: Record<PeriodUnitNoHour, number> = { day: 36600, workday: 2000, month: 1200, year: 100 };

export function checkDate(value: unknown, path: string, issues: ValidationIssue[], label = '日期'): string | undefined {
  if (value === undefined || value === null || value === '') {
    issues.push({ path, code: 'REQUIRED', message: `缺少${label}（格式 YYYY-MM-DD）` });
    return undefined;
  }
  const problem = typeof value === 'string' ? legalDateProblem(value) : 'format';
  if (problem === 'format' || problem === 'nonexistent') {
    issues.push({ path, code: 'INVALID_DATE', message: `${label}不存在或格式有误：${String(value)}（应为 YYYY-MM-DD）` });
    return undefined;
  }
  if (problem === 'out_of_range') {
    issues.push({ path, code: 'DATE_OUT_OF_RANGE', message: `${label}须在 ${MIN_YEAR} 年至 ${MAX_YEAR} 年之间：${String(value)}` });
    return undefined;
  }
  return value as string;
}

export function validatePeriodRequest(
  input: unknown,
): { ok: true; value: NormalizedPeriodRequest } | { ok: false; errors: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [{ path: '', code: 'INVALID_REQUEST', message: '期间计算请求应为对象' }] };
  }
  const r = input as Record<string, unknown>;
  const start = checkDate(r.start, 'start', issues, '起算日期');

  let unit: PeriodUnitNoHour | undefined;
  if (r.unit === undefined) issues.push({ path: 'unit', code: 'REQUIRED', message: '缺少期间单位 unit（day/workday/month/year）' });
  else if (r.unit === 'hour') {
    issues.push({ path: 'unit', code: 'INVALID_UNIT', message: '按小时计算的期间不在此计算：小时自法律规定或者当事人约定的时间开始计算（民法典第201条第2款）' });
  } else if (!UNITS.includes(r.unit as PeriodUnitNoHour)) {
    issues.push({ path: 'unit', code: 'INVALID_UNIT', message: `期间单位无效：${String(r.unit)}（应为 day 日、workday 工作日、month 月、year 年 之一）` });
  } else unit = r.unit as PeriodUnitNoHour;

  let amount: number | undefined;
  if (r.amount === undefined || r.amount === null) issues.push({ path: 'amount', code: 'REQUIRED', message: '缺少期间数额 amount' });
  else if (typeof r.amount !== 'number' || !Number.isInteger(r.amount) || r.amount < 1) {
    issues.push({ path: 'amount', code: 'INVALID_AMOUNT', message: `期间数额须为正整数：${String(r.amount)}` });
  } else if (unit && r.amount > MAX_AMOUNT[unit]) {
    issues.push({ path: 'amount', code: 'AMOUNT_TOO_LARGE', message: `期间数额过大：${r.amount}${PERIOD_UNIT_WORDS[unit]}（上限 ${MAX_AMOUNT[unit]}）` });
  } else amount = r.amount;

  const direction = r.direction ?? 'forward';
  if (direction !== 'forward' && direction !== 'backward') {
    issues.push({ path: 'direction', code: 'INVALID_DIRECTION', message: `计算方向无效：${String(direction)}（应为 forward 向后 或 backward 向前倒数）` });
  }
  const roll = r.roll ?? 'party';
  if (roll !== 'party' && roll !== 'strict') {
    issues.push({ path: 'roll', code: 'INVALID_ROLL', message: `顺延口径无效：${String(roll)}（应为 party 当事人期间顺延 或 strict 严格不顺延）` });
  }
  const reading = r.backwardReading ?? 'conservative';
  if (reading !== 'conservative' && reading !== 'inclusive') {
    issues.push({
      path: 'backwardReading',
      code: 'INVALID_READING',
      message: `倒数口径无效：${String(reading)}（应为 conservative 保守 或 inclusive 宽松）`,
    });
  }

  const exclusions: ExcludedInterval[] = [];
  if (r.exclusions !== undefined) {
    if (!Array.isArray(r.exclusions)) {
      issues.push({ path: 'exclusions', code: 'INVALID_EXCLUSIONS', message: '扣除期间 exclusions 应为列表' });
    } else {
      r.exclusions.forEach((x: unknown, i: number) => {
        const path = `exclusions[${i}]`;
        if (typeof x !== 'object' || x === null) {
          issues.push({ path, code: 'INVALID_EXCLUSION', message: '扣除期间应为 { from, to, reason }' });
          return;
        }
        const e = x as Record<string, unknown>;
        const from = checkDate(e.from, `${path}.from`, issues, '扣除期间起日');
        const to = checkDate(e.to, `${path}.to`, issues, '扣除期间止日');
        if (typeof e.reason !== 'string' || e.reason.trim() === '') {
          issues.push({ path: `${path}.reason`, code: 'REQUIRED', message: '扣除期间须写明事由（中止、检测、鉴定……）' });
        }
        if (from && to && toDays(from) > toDays(to)) {
          issues.push({ path, code: 'INVALID_INTERVAL', message: `扣除期间起日 ${from} 晚于止日 ${to}` });
        } else if (from && to && typeof e.reason === 'string' && e.reason.trim() !== '') {
          exclusions.push({ from, to, reason: e.reason.trim() });
        }
      });
    }
  }
  if (r.basis !== undefined && typeof r.basis !== 'string') {
    issues.push({ path: 'basis', code: 'INVALID_BASIS', message: '依据 basis 应为文字' });
  }

  if (issues.length > 0 || !start || !unit || amount === undefined) return { ok: false, errors: issues };
  const basis = typeof r.basis === 'string' && r.basis.trim() !== '' ? r.basis.trim() : undefined;
  return {
    ok: true,
    value: {
      start,
      amount,
      unit,
      direction: direction as 'forward' | 'backward',
      roll: roll as RollPolicy,
      backwardReading: reading as BackwardReading,
      exclusions,
      basis,
    },
  };
}
