/**
 * Text input → PeriodRequest, shared by the HTTP endpoint (query string) and the CLI (arguments).
 * Strict: an amount must be written as digits only ("5", not "5.0", "-5" or "五"), and unknown parameters are
 * refused so that a misspelt option never silently falls back to a default.
 */
import type { ValidationIssue } from '../case-file/validation-issue';
import type { PeriodRequest } from './types';
import { validatePeriodRequest } from './validate';

export const DEADLINE_QUERY_KEYS = ['start', 'amount', 'unit', 'direction', 'roll', 'reading', 'basis'] as const;

export type DeadlineQuery = Partial<Record<(typeof DEADLINE_QUERY_KEYS)[number], unknown>>;

/** Parses { start, amount, unit, direction, roll, reading, basis } given as strings. */
export function parseDeadlineQuery(query: Record<string, unknown>): { ok: true; value: PeriodRequest } | { ok: false; errors: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(query)) {
    if (!(DEADLINE_QUERY_KEYS as readonly string[]).includes(key)) {
      issues.push({ path: key, code: 'UNKNOWN_PARAMETER', message: `未知参数：${key}（可用：${DEADLINE_QUERY_KEYS.join('、')}）` });
    } else if (Array.isArray(query[key])) {
      issues.push({ path: key, code: 'DUPLICATE_PARAMETER', message: `参数 ${key} 只能出现一次` });
    }
  }
  if (issues.length) return { ok: false, errors: issues };

  let amount: unknown = query.amount;
  if (typeof amount === 'string') {
    const text = amount.trim();
    if (/^\d{1,9}$/.test(text)) amount = Number(text);
    else {
      issues.push({ path: 'amount', code: 'INVALID_AMOUNT', message: `期间数额须为正整数：${amount}` });
      amount = undefined;
    }
  }
  const request: Record<string, unknown> = {
    start: typeof query.start === 'string' ? query.start.trim() : query.start,
    amount,
    unit: query.unit,
    direction: query.direction,
    roll: query.roll,
    backwardReading: query.reading,
    basis: query.basis,
  };
  for (const k of Object.keys(request)) if (request[k] === undefined) delete request[k];
  const v = validatePeriodRequest(request);
  if (!v.ok) {
    // an amount already reported as malformed is not reported again as missing
    const more = v.errors.filter((e) => !(e.path === 'amount' && issues.some((i) => i.path === 'amount')));
    return { ok: false, errors: [...issues, ...more.map((e) => (e.path === 'backwardReading' ? { ...e, path: 'reading' } : e))] };
  }
  if (issues.length) return { ok: false, errors: issues };
  return { ok: true, value: v.value };
}
