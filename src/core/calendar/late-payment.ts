/**
 * 加处罚款 (行政处罚法第72条第1款第1项): "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出
 * 罚款的数额". Amounts are computed in 分 (integer cents) so no floating-point drift reaches a report.
 * Periods of 复议/诉讼 do not count (第73条第3款): pass them as `excludedDays` (the caller decides which days).
 */
import { fromDays, toDays } from './civil';

export interface LateFeeSchedule {
  /** 罚款数额 (元) */
  fine: number;
  /** 每日加处数额 = 罚款 × 3% (元) */
  dailyAmount: number;
  /** 加处第一日 (the day after the payment deadline) */
  firstDay: string;
  /** 第几日累计加处达到封顶 (= 罚款数额) */
  daysToCap: number;
  /** the day the cap is reached */
  capReachedOn: string;
  explanation: string[];
}

function toCents(yuan: number): number {
  return Math.round(yuan * 100);
}

function yuan(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 });
}

/**
 * Daily surcharge and the day the cap is reached, counting from `firstDay` (the day after the deadline).
 * Days in `excludedDays` (复议/诉讼期间, as 'YYYY-MM-DD' inclusive intervals) are not counted.
 */
export function lateFeeSchedule(fine: number, firstDay: string, excludedDays: Array<{ from: string; to: string }> = []): LateFeeSchedule {
  if (!(fine > 0) || !Number.isFinite(fine)) throw new RangeError(`罚款数额须为正数：${fine}`);
  const fineCents = toCents(fine);
  // 3% per day, in cents; the last day is capped so the total never exceeds the fine
  const dailyCents = Math.max(1, Math.round((fineCents * 3) / 100));
  const daysToCap = Math.ceil(fineCents / dailyCents);
  const first = toDays(firstDay);
  const excluded = excludedDays.map((x) => [toDays(x.from), toDays(x.to)] as const);
  let counted = 0;
  let day = first - 1;
  while (counted < daysToCap) {
    day++;
    if (!excluded.some(([a, b]) => day >= a && day <= b)) counted++;
  }
  const explanation = [
    `罚款 ${yuan(fineCents)} 元，每日按 3% 加处 ${yuan(dailyCents)} 元（行政处罚法第72条第1款第1项）`,
    `加处罚款自 ${firstDay} 起算，累计不得超出罚款数额 ${yuan(fineCents)} 元`,
    ...(excluded.length ? [`复议、诉讼期间不计（行政处罚法第73条第3款）：${excludedDays.map((x) => `${x.from}至${x.to}`).join('、')}`] : []),
    `第 ${daysToCap} 日（${fromDays(day)}）累计加处达到封顶 ${yuan(fineCents)} 元`,
  ];
  return { fine, dailyAmount: dailyCents / 100, firstDay, daysToCap, capReachedOn: fromDays(day), explanation };
}

/** 累计加处罚款 (元) through `asOf` inclusive: min(counted days × daily amount, fine). */
export function lateFeeAccrued(fine: number, firstDay: string, asOf: string, excludedDays: Array<{ from: string; to: string }> = []): number {
  const fineCents = toCents(fine);
  const dailyCents = Math.max(1, Math.round((fineCents * 3) / 100));
  const first = toDays(firstDay);
  const last = toDays(asOf);
  let days = Math.max(0, last - first + 1);
  // excluded days inside [firstDay, asOf], overlapping intervals counted once
  const excluded = new Set<number>();
  for (const x of excludedDays) for (let d = Math.max(first, toDays(x.from)); d <= Math.min(last, toDays(x.to)); d++) excluded.add(d);
  days -= excluded.size;
  return Math.min(days * dailyCents, fineCents) / 100;
}
