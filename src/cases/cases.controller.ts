import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { apiError, badRequest, type ValidationIssue } from '../common/errors';
import { CASE_STATUS_LABELS } from '../core/case-file/labels';
import type { CaseStatus } from '../core/case-file/types';
import { CASE_LIST_QUERY_DOCS, parseSummaryFilters } from './case-summary.query';
import { type BulkItem, type CaseList, type CaseListQuery, type CaseRecord, CasesService } from './cases.service';
import {
  ApiErrorModel,
  BulkRequestModel,
  BulkResponseModel,
  CASE_FILE_SCHEMA,
  CaseDetailModel,
  CaseListModel,
  CaseSummaryModel,
} from './dto/case-api.models';
import { ListRead } from '../common/list-admission';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_BULK_FILES = 500;

/** 415 unless the request carried a JSON body. */
function requireJson(req: Request): void {
  if (!req.is('application/json') || req.body === undefined) {
    throw apiError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON，并带有 Content-Type: application/json');
  }
}

/** `If-Match: "3"` (or `3`, `W/"3"`) → 3; absent → undefined; anything else → 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) {
    badRequest([{ path: 'If-Match', code: 'INVALID_IF_MATCH', message: `If-Match 应为案卷版本号，如 "3"，实际为 ${header}` }], 'If-Match 请求头格式错误', 'INVALID_IF_MATCH');
  }
  return +m[1];
}

function one(value: unknown): string | undefined {
  return Array.isArray(value) ? String(value[value.length - 1]) : typeof value === 'string' ? value : undefined;
}

/** Parse and check the list query; every bad parameter is reported (path `query.<name>`). */
export function parseListQuery(raw: Record<string, unknown>): CaseListQuery {
  const issues: ValidationIssue[] = [];
  const known = new Set(['status', 'agency', 'year', 'q', 'procedure', 'grade', 'veto', 'ruleId', 'officer', 'dueWithinWorkdays', 'after', 'page', 'pageSize']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) issues.push({ path: `query.${key}`, code: 'UNKNOWN_PARAMETER', message: `未知的查询参数「${key}」；可用：${[...known].join('、')}` });
    // a NUL would cut the search pattern short in the database (「%00」 matched every case); no text has control characters
    const value = one(raw[key]);
    if (value !== undefined && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u.test(value)) {
      issues.push({ path: `query.${key}`, code: 'INVALID_CHARACTERS', message: `查询参数「${key}」含有控制字符或无效的 Unicode 字符` });
    }
  }
  const int = (name: string, min: number, max: number, fallback?: number): number | undefined => {
    const v = one(raw[name]);
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v) || +v < min || +v > max) {
      issues.push({ path: `query.${name}`, code: 'INVALID_PARAMETER', message: `查询参数「${name}」应为 ${min}–${max} 的整数，实际为 '${v}'` });
      return fallback;
    }
    return +v;
  };
  const status = one(raw.status);
  if (status !== undefined && status !== '' && !(status in CASE_STATUS_LABELS)) {
    const allowed = Object.entries(CASE_STATUS_LABELS).map(([v, l]) => `${v}（${l}）`).join('、');
    issues.push({ path: 'query.status', code: 'INVALID_ENUM', message: `查询参数「status」取值无效：'${status}'；可选值：${allowed}` });
  }
  const query: CaseListQuery = {
    status: status && status in CASE_STATUS_LABELS ? (status as CaseStatus) : undefined,
    agency: one(raw.agency)?.trim() || undefined,
    year: int('year', 1900, 2199),
    q: one(raw.q)?.trim() || undefined,
    ...parseSummaryFilters(raw, issues),
    page: int('page', 1, 1_000_000, 1)!,
    pageSize: int('pageSize', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE)!,
  };
  if (issues.length) badRequest(issues, `查询参数有误（共 ${issues.length} 处）`, 'INVALID_QUERY');
  return query;
}

/** Accept `[caseFile, …]` or `{ files: [{ name?, caseFile }, …] }`. */
export function parseBulkBody(body: unknown): BulkItem[] {
  const shapeError = (message: string, issues: ValidationIssue[] = []): never =>
    badRequest(issues, message, 'INVALID_BULK_BODY');
  let items: BulkItem[];
  if (Array.isArray(body)) {
    items = body.map((caseFile) => ({ caseFile }));
  } else if (typeof body === 'object' && body !== null && Array.isArray((body as { files?: unknown }).files)) {
    const extra = Object.keys(body).filter((k) => k !== 'files');
    if (extra.length) {
      shapeError(`批量请求体只能包含 files 字段`, extra.map((k) => ({ path: k, code: 'UNKNOWN_PROPERTY', message: `未知字段「${k}」` })));
    }
    const issues: ValidationIssue[] = [];
    items = ((body as { files: unknown[] }).files).map((f, i) => {
      const entry = f as { name?: unknown; caseFile?: unknown };
      if (typeof f !== 'object' || f === null || Array.isArray(f)) {
        issues.push({ path: `files[${i}]`, code: 'INVALID_TYPE', message: '应为 { name, caseFile } 对象' });
        return { caseFile: undefined };
      }
      for (const k of Object.keys(entry)) {
        if (k !== 'name' && k !== 'caseFile') issues.push({ path: `files[${i}].${k}`, code: 'UNKNOWN_PROPERTY', message: `未知字段「${k}」；每项只含 name 和 caseFile` });
      }
      if (entry.name !== undefined && typeof entry.name !== 'string') {
        issues.push({ path: `files[${i}].name`, code: 'INVALID_TYPE', message: 'name 应为字符串' });
      }
      if (entry.caseFile === undefined) issues.push({ path: `files[${i}].caseFile`, code: 'REQUIRED', message: '缺少 caseFile' });
      return { name: typeof entry.name === 'string' ? entry.name : undefined, caseFile: entry.caseFile };
    });
    if (issues.length) shapeError(`批量请求体格式有误（共 ${issues.length} 处）`, issues);
  } else {
    return shapeError('批量请求体应为案卷数组，或 { "files": [{ "name": …, "caseFile": … }] }');
  }
  if (items.length === 0) shapeError('批量请求中没有案卷');
  if (items.length > MAX_BULK_FILES) shapeError(`一次最多提交 ${MAX_BULK_FILES} 份案卷，实际为 ${items.length} 份；请分批提交`);
  return items;
}

/** What the audit log keeps of a case: identity, state and version — never party data. */
function auditFields(c: { version: number; status: string; caseNumber: string; agencyId: string | null }) {
  return { version: c.version, status: c.status, caseNumber: c.caseNumber, agencyId: c.agencyId };
}

const ID_PARAM = { name: 'id', description: '案卷 id（UUID）', example: '3f1c2a9e-7b4d-4c1e-9a35-0d6f2b8e91c4' };
const IF_MATCH = { name: 'If-Match', required: false, description: '可选：期望的案卷版本号（如 "3"）；与当前版本不符时返回 412 VERSION_CONFLICT' };

@ApiTags('案卷 cases')
@ApiExtraModels(CaseSummaryModel, CaseDetailModel, ApiErrorModel, BulkRequestModel)
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: '提交案卷', description: '校验并保存一份案卷（卷宗 JSON）。校验不通过返回 400，列出每处问题；不保存任何内容。' })
  @ApiBody({ schema: { $ref: getSchemaPath(CASE_FILE_SCHEMA) } })
  @ApiCreatedResponse({ type: CaseSummaryModel, description: '已保存；Location 头指向新案卷' })
  @ApiBadRequestResponse({ type: ApiErrorModel, description: 'VALIDATION_FAILED（errors 列出每处问题）或 INVALID_JSON' })
  @ApiConflictResponse({ type: ApiErrorModel, description: 'CASE_NUMBER_EXISTS：同一执法机关已有此案号' })
  @ApiPayloadTooLargeResponse({ type: ApiErrorModel, description: 'PAYLOAD_TOO_LARGE：超过 BODY_LIMIT（默认 5 MB）' })
  async create(@Req() req: Request, @Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<CaseRecord> {
    requireJson(req);
    const created = await this.cases.create(body);
    await this.audit.record({ action: 'case.create', entityType: 'case', entityId: created.id, caseId: created.id, after: auditFields(created) });
    res.location(`/api/cases/${created.id}`);
    res.setHeader('ETag', `"${created.version}"`);
    return created;
  }

  @Post('bulk')
  @Roles('officer')
  @HttpCode(200)
  @ApiOperation({
    summary: '批量提交案卷',
    description:
      '请求体为案卷数组，或 { files: [{ name, caseFile }] }。每份案卷单独处理：成功的保存，失败的不保存任何内容，也不影响其他案卷；' +
      '返回每份的结果（顺序与请求相同）。',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(BulkRequestModel) }, { type: 'array', items: { $ref: getSchemaPath(CASE_FILE_SCHEMA) } }] } })
  @ApiOkResponse({ type: BulkResponseModel })
  @ApiBadRequestResponse({ type: ApiErrorModel, description: 'INVALID_BULK_BODY：请求体结构不对（不涉及单份案卷的内容）' })
  async bulk(@Req() req: Request, @Body() body: unknown): Promise<BulkResponseModel> {
    requireJson(req);
    const results = await this.cases.bulkCreate(parseBulkBody(body));
    for (const r of results) {
      if (r.ok) await this.audit.record({ action: 'case.create', entityType: 'case', entityId: r.id, caseId: r.id, after: { version: 1, caseNumber: r.caseNumber, via: 'bulk' } });
    }
    const created = results.filter((r) => r.ok).length;
    return { created, failed: results.length - created, results };
  }

  @Get()
  @ListRead()
  @ApiOperation({ summary: '查询案卷列表', description:
      '按状态、执法机关、年度、程序、等级、否决项、规则、承办人、临近期限筛选，q 按案号或当事人名称模糊查找；分页（page，或 after 游标）。' +
      '按创建时间倒序。只读列表摘要（保存与审查时更新），不读取案卷正文；符合条件超过 10000 件时 total 为 10000、totalExact 为 false。',
  })
  @ApiQuery({ name: 'status', required: false, enum: Object.keys(CASE_STATUS_LABELS) })
  @ApiQuery({ name: 'agency', required: false, description: '执法机关（完全匹配）' })
  @ApiQuery({ name: 'year', required: false, type: Number, description: '案件年度' })
  @ApiQuery({ name: 'q', required: false, description: '案号或当事人名称中的文字' })
  @CASE_LIST_QUERY_DOCS()
  @ApiQuery({ name: 'page', required: false, type: Number, description: '页码，从 1 开始（默认 1）' })
  @ApiQuery({ name: 'pageSize', required: false, type: Number, description: `每页条数（默认 ${DEFAULT_PAGE_SIZE}，最多 ${MAX_PAGE_SIZE}）` })
  @ApiOkResponse({ type: CaseListModel })
  @ApiBadRequestResponse({ type: ApiErrorModel, description: 'INVALID_QUERY' })
  list(@Query() query: Record<string, unknown>): Promise<CaseList> {
    return this.cases.list(parseListQuery(query));
  }

  @Get(':id')
  @ApiOperation({ summary: '取回案卷', description: '返回元数据与原样保存的案卷（caseFile）；ETag 为版本号。' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: CaseDetailModel })
  @ApiBadRequestResponse({ type: ApiErrorModel, description: 'INVALID_ID' })
  @ApiNotFoundResponse({ type: ApiErrorModel, description: 'CASE_NOT_FOUND' })
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<CaseRecord> {
    const record = await this.cases.get(id);
    res.setHeader('ETag', `"${record.version}"`);
    return record;
  }

  @Get(':id/case-file')
  @ApiOperation({ summary: '下载案卷 JSON', description: '只返回案卷本身（与提交时相同），作为附件下载。' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ schema: { $ref: getSchemaPath(CASE_FILE_SCHEMA) } })
  @ApiNotFoundResponse({ type: ApiErrorModel })
  async download(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const record = await this.cases.get(id);
    const fileName = `${record.caseNumber}.json`;
    res.setHeader('Content-Disposition', `attachment; filename="case-${record.id}.json"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    res.setHeader('ETag', `"${record.version}"`);
    return record.caseFile;
  }

  @Put(':id')
  @Roles('officer')
  @ApiOperation({ summary: '修改案卷', description: '以提交的案卷整体替换。已归档（archived）的案卷只读：409 CASE_ARCHIVED。' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: { $ref: getSchemaPath(CASE_FILE_SCHEMA) } })
  @ApiOkResponse({ type: CaseSummaryModel })
  @ApiBadRequestResponse({ type: ApiErrorModel })
  @ApiNotFoundResponse({ type: ApiErrorModel })
  @ApiConflictResponse({ type: ApiErrorModel, description: 'CASE_ARCHIVED 或 CASE_NUMBER_EXISTS' })
  @ApiPreconditionFailedResponse({ type: ApiErrorModel, description: 'VERSION_CONFLICT' })
  async replace(
    @Param('id') id: string,
    @Req() req: Request,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseRecord> {
    const expected = parseIfMatch(ifMatch);
    requireJson(req);
    const before = await this.cases.getEntity(id);
    const updated = await this.cases.replace(id, body, expected);
    await this.audit.record({ action: 'case.update', entityType: 'case', entityId: updated.id, caseId: updated.id, before: { ...auditFields(before), version: updated.version - 1 }, after: auditFields(updated) });
    res.setHeader('ETag', `"${updated.version}"`);
    return updated;
  }

  @Delete(':id')
  @Roles('officer')
  @HttpCode(204)
  @ApiOperation({ summary: '删除案卷', description: '已归档（archived）的案卷不得删除：409 CASE_ARCHIVED。' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: '已删除' })
  @ApiNotFoundResponse({ type: ApiErrorModel })
  @ApiConflictResponse({ type: ApiErrorModel, description: 'CASE_ARCHIVED' })
  async remove(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    const removed = await this.cases.remove(id, parseIfMatch(ifMatch));
    await this.audit.record({ action: 'case.delete', entityType: 'case', entityId: removed.id, caseId: removed.id, before: auditFields(removed) });
  }
}
