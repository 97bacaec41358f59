import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { UUID_RE } from '../common/body-checks';
import { badRequest, type ValidationIssue } from '../common/errors';
import { AuditService, type AuditQuery } from './audit.service';
import { ListRead } from '../common/list-admission';

function one(value: unknown): string | undefined {
  return Array.isArray(value) ? String(value[value.length - 1]) : typeof value === 'string' ? value : undefined;
}

/** YYYY-MM-DD (Beijing time, start of that day) or a full ISO instant → ISO instant. */
function instantParam(v: string, name: string, issues: ValidationIssue[], endOfDay: boolean): string | undefined {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const d = new Date(day ? `${v}T00:00:00+08:00` : v);
  if (Number.isNaN(d.getTime()) || (!day && !/^\d{4}-\d{2}-\d{2}T/.test(v))) {
    issues.push({ path: `query.${name}`, code: 'INVALID_DATE', message: `查询参数「${name}」应为日期 YYYY-MM-DD 或 ISO 时间，实际为 '${v}'` });
    return undefined;
  }
  if (day && endOfDay) d.setTime(d.getTime() + 86_400_000);
  return d.toISOString();
}

export function parseAuditQuery(raw: Record<string, unknown>): AuditQuery {
  const issues: ValidationIssue[] = [];
  const known = ['caseId', 'userId', 'action', 'from', 'to', 'page', 'pageSize'];
  for (const k of Object.keys(raw)) {
    if (!known.includes(k)) issues.push({ path: `query.${k}`, code: 'UNKNOWN_PARAMETER', message: `未知的查询参数「${k}」；可用：${known.join('、')}` });
  }
  const id = (name: 'caseId' | 'userId'): string | undefined => {
    const v = one(raw[name]);
    if (v === undefined || v === '') return undefined;
    if (!UUID_RE.test(v)) issues.push({ path: `query.${name}`, code: 'INVALID_ID', message: `查询参数「${name}」应为 UUID` });
    return v;
  };
  const int = (name: string, max: number, fallback: number): number => {
    const v = one(raw[name]);
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v) || +v < 1 || +v > max) {
      issues.push({ path: `query.${name}`, code: 'INVALID_PARAMETER', message: `查询参数「${name}」应为 1–${max} 的整数` });
      return fallback;
    }
    return +v;
  };
  const from = one(raw.from);
  const to = one(raw.to);
  const action = one(raw.action);
  const query: AuditQuery = {
    caseId: id('caseId'),
    userId: id('userId'),
    action: action && /^[a-z_.]{1,64}$/.test(action) ? action : undefined,
    from: from ? instantParam(from, 'from', issues, false) : undefined,
    to: to ? instantParam(to, 'to', issues, true) : undefined,
    page: int('page', 1_000_000, 1),
    pageSize: int('pageSize', 500, 50),
  };
  if (action && !query.action) issues.push({ path: 'query.action', code: 'INVALID_PARAMETER', message: `查询参数「action」格式错误：'${action}'` });
  if (issues.length) badRequest(issues, `查询参数有误（共 ${issues.length} 处）`, 'INVALID_QUERY');
  return query;
}

/** 审计日志 (read only; there is no API to change or delete it). */
@ApiTags('审计 audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ListRead()
  @Roles('admin')
  @ApiOperation({ summary: '查询审计日志（管理员）', description: '按案卷、用户、操作、时间筛选；按发生顺序倒序。to 为日期时包含当日。' })
  @ApiQuery({ name: 'caseId', required: false })
  @ApiQuery({ name: 'userId', required: false })
  @ApiQuery({ name: 'action', required: false, description: '如 case.update、auth.login_failed' })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD（北京时间）或 ISO 时间' })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number })
  list(@Query() query: Record<string, unknown>) {
    return this.audit.query(parseAuditQuery(query));
  }
}
