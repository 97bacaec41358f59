import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import type { CaseRecord } from '../cases/cases.service';
import { apiError, ApiException, badRequest } from '../common/errors';
import type { CaseFile } from '../core/case-file/types';
import {
  caseFileWorkbook,
  describeIssue,
  importWorkbook,
  templateWorkbook,
  WorkbookFormatError,
  type ImportResult,
  type IntakeIssue,
} from '../core/intake';
import type { ValidationIssue } from '../core/case-file/validation-issue';
import { DocxReadError, suggestFromDocx, type DocxSuggestions } from '../core/intake/docx-suggestions';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An import issue as an API error item: path "卷内目录!F7" (工作表!单元格), plus sheet/row/column. */
export function issueToApi(issue: IntakeIssue): ValidationIssue & { sheet: string; row?: number; column?: string; field?: string } {
  const cell = issue.column && issue.row !== undefined ? `${issue.column}${issue.row}` : issue.row !== undefined ? `第${issue.row}行` : '';
  return {
    path: cell ? `${issue.sheet}!${cell}` : issue.sheet,
    code: issue.code,
    message: describeIssue(issue),
    sheet: issue.sheet,
    ...(issue.row !== undefined ? { row: issue.row } : {}),
    ...(issue.column ? { column: issue.column } : {}),
    ...(issue.path ? { field: issue.path } : {}),
  };
}

export interface ImportResponse extends ImportResult {
  /** the stored case (?store=1) */
  stored?: CaseRecord;
}

/** 案卷录入: the workbook template, import (stored only when asked) and export. Thin shell over src/core/intake. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  template(): Promise<Buffer> {
    return templateWorkbook();
  }

  async exportCase(id: string): Promise<{ workbook: Buffer; caseFile: CaseFile }> {
    const caseFile = await this.cases.getCaseFile(id);
    return { workbook: await caseFileWorkbook(caseFile), caseFile };
  }

  /** Import an uploaded workbook; 400 with 工作表/行/列 issues when it has errors; store only when `store`. */
  async importUpload(
    file: { buffer?: Buffer; size?: number } | undefined,
    body: Record<string, unknown>,
    store: boolean,
    user: AuthUser | undefined,
  ): Promise<ImportResponse> {
    // storing creates a case: the same role POST /api/cases needs
    if (store && user && !user.roles.includes('officer')) {
      throw apiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', '保存案卷需要承办人（officer）角色；不加 store=1 可只导入核对');
    }
    if (!file?.buffer || file.buffer.length === 0) {
      badRequest([{ path: 'file', code: 'FILE_REQUIRED', message: '请以 multipart/form-data 上传工作簿（字段 file）' }], '没有上传工作簿', 'FILE_REQUIRED');
    }
    const base = this.parseHeader(body.header);
    let result: ImportResult;
    try {
      result = await importWorkbook(file.buffer, { base });
    } catch (e) {
      if (e instanceof WorkbookFormatError) badRequest([{ path: 'file', code: e.code, message: e.message }], e.message, e.code);
      throw e;
    }
    if (!result.ok) {
      const errors = result.issues.filter((i) => i.severity === 'error');
      throw new ApiException({
        statusCode: 400,
        code: 'INVALID_WORKBOOK',
        message: `工作簿有 ${errors.length} 处错误，未导入`,
        errors: errors.map(issueToApi),
      });
    }
    if (!store) return result;
    const stored = await this.cases.create(result.caseFile);
    await this.audit.record({
      action: 'case.create',
      entityType: 'case',
      entityId: stored.id,
      caseId: stored.id,
      after: { version: stored.version, caseNumber: stored.caseNumber, via: 'intake.xlsx' },
    });
    return { ...result, stored };
  }

  /** Suggestions from an uploaded 文书 (.docx): nothing is stored or applied; a person confirms them. */
  async suggestFromUpload(file: { buffer?: Buffer } | undefined, type: string | undefined): Promise<DocxSuggestions> {
    if (!file?.buffer || file.buffer.length === 0) {
      badRequest([{ path: 'file', code: 'FILE_REQUIRED', message: '请以 multipart/form-data 上传 .docx 文书（字段 file）' }], '没有上传文书', 'FILE_REQUIRED');
    }
    try {
      return await suggestFromDocx(file.buffer, { type: type || undefined });
    } catch (e) {
      if (e instanceof DocxReadError) badRequest([{ path: 'file', code: e.code, message: e.message }], e.message, e.code);
      throw e;
    }
  }

  /** `header` (multipart field): the case header JSON an index-only 卷内目录 belongs to. */
  private parseHeader(raw: unknown): Partial<CaseFile> | undefined {
    if (raw === undefined || raw === '') return undefined;
    let parsed: unknown = raw;
    if (typeof raw === 'string') {
      try {
        parsed = JSON.parse(raw);
      } catch {
        badRequest([{ path: 'header', code: 'INVALID_JSON', message: 'header 不是合法的 JSON' }], '案件信息（header）不是合法的 JSON', 'INVALID_HEADER');
      }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      badRequest([{ path: 'header', code: 'INVALID_TYPE', message: 'header 应为卷宗 JSON 对象（案件信息、当事人、人员等）' }], '案件信息（header）有误', 'INVALID_HEADER');
    }
    // its documents and 卷内目录 are replaced by the sheet's; the rest is validated with the imported case file
    const { documents: _d, fileIndex: _f, ...header } = parsed as Record<string, unknown>;
    return header as Partial<CaseFile>;
  }
}
