import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badRequest, type ValidationIssue } from '../common/errors';
import { MAX_WINDOW_WORKDAYS, parseWorkdays } from '../cases/case-summary.query';
import { CaseSummaryService, type DeadlineQuery, type DeadlineView } from '../cases/case-summary.service';
import { ListRead } from '../common/list-admission';

export const DEFAULT_WINDOW_WORKDAYS = 5;
export const MAX_DEADLINES = 1000;

export function parseDeadlineQuery(raw: Record<string, unknown>): DeadlineQuery {
  const issues: ValidationIssue[] = [];
  const known = ['agency', 'withinWorkdays', 'limit'];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) issues.push({ path: `query.${key}`, code: 'UNKNOWN_PARAMETER', message: `未知的查询参数「${key}」；可用：${known.join('、')}` });
  }
  const withinWorkdays = parseWorkdays(raw.withinWorkdays, 'withinWorkdays', issues) ?? DEFAULT_WINDOW_WORKDAYS;
  const agency = typeof raw.agency === 'string' ? raw.agency.trim() : undefined;
  if (raw.agency !== undefined && typeof raw.agency !== 'string') {
    issues.push({ path: 'query.agency', code: 'INVALID_PARAMETER', message: '查询参数「agency」只能给一个执法机关' });
  }
  let limit = 200;
  if (raw.limit !== undefined && raw.limit !== '') {
    const v = String(raw.limit);
    if (!/^\d+$/.test(v) || +v < 1 || +v > MAX_DEADLINES) {
      issues.push({ path: 'query.limit', code: 'INVALID_PARAMETER', message: `查询参数「limit」应为 1–${MAX_DEADLINES} 的整数，实际为 '${v}'` });
    } else limit = +v;
  }
  if (issues.length) badRequest(issues, `查询参数有误（共 ${issues.length} 处）`, 'INVALID_QUERY');
  return { agency: agency || undefined, withinWorkdays, limit };
}

/**
 * 跨案卷期限一览: the deadlines of all files being handled that fall due soon, read from the deadlines stored
 * with each case (computed when the case was last written), not by reviewing every case per request.
 */
@ApiTags('期限 deadlines')
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly summaries: CaseSummaryService) {}

  @Get()
  @ListRead()
  @ApiOperation({
    summary: '临近届满的期限（跨案卷）',
    description:
      '列出办理中案卷（草稿、办理中）自今日起 withinWorkdays 个工作日内届满的期限（陈述申辩、听证申请、缴款、送达等），按届满日排序。' +
      '期限在案卷每次保存时按法定期间规则计算并保存；工作日按国务院放假调休安排，缺少当年安排时返回 409 CALENDAR_UNDETERMINABLE。',
  })
  @ApiQuery({ name: 'agency', required: false, description: '执法机关（完全匹配）' })
  @ApiQuery({ name: 'withinWorkdays', required: false, type: Number, description: `工作日数（0 = 今日；缺省 ${DEFAULT_WINDOW_WORKDAYS}；最多 ${MAX_WINDOW_WORKDAYS}）` })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `最多返回条数（缺省 200，最多 ${MAX_DEADLINES}）` })
  @ApiOkResponse({ description: '{ asOf, withinWorkdays, through, window, total, items: [{ caseId, caseNumber, agency, ruleId, label, dueOn, daysLeft, calendar }] }' })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY' })
  @ApiConflictResponse({ description: 'CALENDAR_UNDETERMINABLE：缺少所需年份的放假安排' })
  list(@Query() query: Record<string, unknown>): Promise<DeadlineView> {
    return this.summaries.deadlines(parseDeadlineQuery(query));
  }
}
