/**
 * The case list's summary filters (GET /api/cases): parsing with the API's error shape and their OpenAPI docs.
 * The base filters (status, agency, year, q, page, pageSize) are parsed by cases.controller.ts.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { ValidationIssue } from '../common/errors';
import { PROCEDURE_LABELS } from '../core/case-file/labels';
import type { Procedure } from '../core/case-file/types';
import type { CaseListFilter } from './case-summary.service';

/** the longest window the list and the deadline view accept, in working days (about three months) */
export const MAX_WINDOW_WORKDAYS = 60;

function last(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof v === 'string' ? v.trim() : undefined;
}

/** A whole number of working days 0…MAX_WINDOW_WORKDAYS, or an issue at `query.<name>`. */
export function parseWorkdays(raw: unknown, name: string, issues: ValidationIssue[]): number | undefined {
  const v = last(raw);
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v) || +v > MAX_WINDOW_WORKDAYS) {
    issues.push({ path: `query.${name}`, code: 'INVALID_PARAMETER', message: `查询参数「${name}」应为 0–${MAX_WINDOW_WORKDAYS} 的整数（工作日数），实际为 '${v}'` });
    return undefined;
  }
  return +v;
}

export function parseSummaryFilters(
  raw: Record<string, unknown>,
  issues: ValidationIssue[],
): Pick<CaseListFilter, 'procedure' | 'grade' | 'veto' | 'ruleId' | 'officer' | 'dueWithinWorkdays'> & { after?: string } {
  const out: ReturnType<typeof parseSummaryFilters> = {};
  const procedure = last(raw.procedure);
  if (procedure) {
    if (procedure in PROCEDURE_LABELS) out.procedure = procedure as Procedure;
    else {
      const allowed = Object.entries(PROCEDURE_LABELS).map(([v, l]) => `${v}（${l}）`).join('、');
      issues.push({ path: 'query.procedure', code: 'INVALID_ENUM', message: `查询参数「procedure」取值无效：'${procedure}'；可选值：${allowed}` });
    }
  }
  const veto = last(raw.veto);
  if (veto) {
    if (veto === 'true' || veto === '1') out.veto = true;
    else if (veto === 'false' || veto === '0') out.veto = false;
    else issues.push({ path: 'query.veto', code: 'INVALID_PARAMETER', message: `查询参数「veto」应为 true 或 false，实际为 '${veto}'` });
  }
  for (const name of ['grade', 'ruleId', 'officer'] as const) {
    const v = last(raw[name]);
    if (!v) continue;
    if (v.length > 200) issues.push({ path: `query.${name}`, code: 'INVALID_PARAMETER', message: `查询参数「${name}」过长（最多 200 个字符）` });
    else out[name] = v;
  }
  const due = parseWorkdays(raw.dueWithinWorkdays, 'dueWithinWorkdays', issues);
  if (due !== undefined) out.dueWithinWorkdays = due;
  const after = last(raw.after);
  if (after) out.after = after;
  return out;
}

/** OpenAPI entries of the summary filters. */
export function CASE_LIST_QUERY_DOCS(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'procedure', required: false, enum: Object.keys(PROCEDURE_LABELS), description: '程序：simple（简易程序）、general（一般程序）' }),
    ApiQuery({ name: 'grade', required: false, description: '最近一次审查按缺省评分表的等级（优秀、良好、合格、不合格）', example: '合格' }),
    ApiQuery({ name: 'veto', required: false, type: Boolean, description: 'true：最近一次审查命中否决项；false：已审查且未命中' }),
    ApiQuery({ name: 'ruleId', required: false, description: '最近一次审查发现该规则的问题（规则编号）', example: 'DL-06' }),
    ApiQuery({ name: 'officer', required: false, description: '承办人（执法人员）姓名，完全匹配' }),
    ApiQuery({
      name: 'dueWithinWorkdays',
      required: false,
      type: Number,
      description: `有期限在今日起 N 个工作日内届满（0 = 今日；最多 ${MAX_WINDOW_WORKDAYS}；按国务院放假调休安排计算）`,
    }),
    ApiQuery({ name: 'after', required: false, description: '游标分页：上一页返回的 nextCursor（代替 page）' }),
  );
}
