/**
 * Legal calendar contract (期间计算). Implementation: ./legal-calendar.ts.
 *
 * Units are distinct and never converted into each other: three months is not ninety days
 * (民法典第202条 vs 第201条; "三个月" counted as 90 days is the defect case reviews keep finding).
 */
import type { LegalDate } from '../case-file/types';
import type { PeriodUnit } from '../domain/period-text';

/** 日 (calendar day) | 工作日 | 月 | 年 | 小时 */
export type { PeriodUnit } from '../domain/period-text';

/**
 * party  — a party's period (缴款, 申请听证, 陈述申辩, 复议, 诉讼): a last day that is a rest day moves to the
 *          next working day (民法典第203条; 民诉法第85条第3款; 行诉解释第48条).
 * strict — the arithmetic end date as is (the agency's own limits).
 * Working-day periods always end on a working day, whatever the policy.
 */
export type RollPolicy = 'party' | 'strict';

/**
 * Backward periods ("举行听证的七日前通知"): the latest allowed date.
 * conservative — count back from the day before the target (the target day is not counted); the n-th
 *                counted day reached is the latest allowed date. This is the reading behind catalog f4 #6
 *                (hearing 2025-10-13 → notice by 2025-09-26) and #20 (2026-02-25 → 2026-02-09). 【I】
 * inclusive    — the forward period of n units counted from the notice may end on the target day itself;
 *                never earlier than conservative (equal for calendar days).
 * A stricter reading ("n full days strictly between notice and target") is not offered: the catalog's worked
 * answers do not use it; add it here if legal review asks for it.
 */
export type BackwardReading = 'conservative' | 'inclusive';

export interface ExcludedInterval {
  from: LegalDate;
  to: LegalDate;
  /** 中止 / 检测 / 鉴定 / 听证 / 公告 … — printed in the explanation */
  reason: string;
}

export interface PeriodRequest {
  /** 起算事件日 (the event day; it is not itself counted) */
  start: LegalDate;
  amount: number;
  unit: Exclude<PeriodUnit, 'hour'>;
  direction?: 'forward' | 'backward';
  roll?: RollPolicy;
  backwardReading?: BackwardReading;
  /** intervals whose days do not count (forward calendar-day/month periods) */
  exclusions?: ExcludedInterval[];
  /** 依据 printed in the explanation, e.g. "行政处罚法第64条第1款第1项、第85条" */
  basis?: string;
}

export type CalendarStatus = 'ok' | 'undeterminable';

export interface PeriodResult {
  status: CalendarStatus;
  /** 届满日 (forward) or latest allowed date (backward); absent when undeterminable */
  end?: LegalDate;
  /** the arithmetic end before any roll (forward) */
  arithmeticEnd?: LegalDate;
  /** true when the party roll moved the end */
  rolled?: boolean;
  /** years whose State Council schedule is missing (status undeterminable) */
  missingYears?: number[];
  /** Chinese steps a report can print as is */
  explanation: string[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface DayInfo {
  date: LegalDate;
  /** 星期一 … 星期日 */
  weekday: string;
  status: CalendarStatus;
  kind?: DayKind;
  isWorkday?: boolean;
  /** holiday or 调休 name, e.g. 春节 */
  name?: string;
  explanation: string[];
}

/** The calendar every rule and endpoint uses. */
export interface LegalCalendarApi {
  computePeriod(req: PeriodRequest): PeriodResult;
  dayInfo(date: LegalDate): DayInfo;
  /** undefined when the year's schedule is missing */
  isWorkday(date: LegalDate): boolean | undefined;
  /** inclusive day count from..to (按日连续处罚 计罚日数) */
  countDaysInclusive(from: LegalDate, to: LegalDate): number;
  /** years covered by the holiday data */
  coveredYears(): number[];
  /** version string of the holiday data (package version + override file version) */
  dataVersion(): string;
}
