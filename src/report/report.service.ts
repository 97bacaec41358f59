import { HttpStatus, Injectable } from '@nestjs/common';
import { apiError, badRequest, type ValidationIssue } from '../common/errors';
import { isLegalDate } from '../core/case-file/calendar-date';
import type { CaseFile } from '../core/case-file/types';
import { validateCaseFile } from '../core/case-file/validate';
import { reviewCaseFile } from '../core/engine';
import type { ReviewMode, ReviewResult } from '../core/engine/types';
import { renderReviewReport } from '../core/report';
import {
  availableScoringSheetIds,
  listScoringSheets,
  loadScoringSheet,
  ScoringError,
  ScoringSheetError,
  ScoringSheetNotFoundError,
  scoreReview,
  type ScoringSheet,
  type ScoringSheetSummary,
} from '../core/scoring';

/** Query of the report endpoints: ?mode=review|draft&asOf=YYYY-MM-DD&sheet=<id> (all optional). */
export interface ReportQuery {
  mode?: unknown;
  asOf?: unknown;
  sheet?: unknown;
}

export interface RenderedReport {
  pdf: Uint8Array;
  /** file name for Content-Disposition, e.g. 益环罚〔2025〕12号-评查报告.pdf */
  fileName: string;
}

/** Thin Nest shell around src/core/{engine,scoring,report}: nothing here is stored. */
@Injectable()
export class ReportService {
  listSheets(): ScoringSheetSummary[] {
    return listScoringSheets();
  }

  /** POST /api/review/report.pdf — validate the case file, review it, score it, render it. */
  async reportForCaseFile(body: unknown, query: ReportQuery): Promise<RenderedReport> {
    const issues: ValidationIssue[] = [];
    const options = this.parseReviewOptions(query, issues);
    const sheet = this.sheetOf(query.sheet, issues);
    if (issues.length > 0) badRequest(issues, `请求参数有误（共 ${issues.length} 处问题）`);
    const validated = validateCaseFile(body);
    if (!validated.ok) badRequest(validated.errors, `案卷数据校验未通过（共 ${validated.errors.length} 处问题）`);
    const review = reviewCaseFile(validated.value, options);
    return this.render(validated.value, review, sheet!);
  }

  /** GET /api/cases/:id/report.pdf — the latest stored review of a stored case file, scored with ?sheet. */
  async reportForStoredReview(caseFile: CaseFile, review: ReviewResult, query: ReportQuery): Promise<RenderedReport> {
    const issues: ValidationIssue[] = [];
    const sheet = this.sheetOf(query.sheet, issues);
    if (issues.length > 0) badRequest(issues, `请求参数有误（共 ${issues.length} 处问题）`);
    return this.render(caseFile, review, sheet!);
  }

  /** The sheet named by ?sheet (default: SCORING_SHEET / default-2024); an unknown id is a 400. */
  sheetOf(id: unknown, issues: ValidationIssue[]): ScoringSheet | undefined {
    if (id !== undefined && id !== '' && typeof id !== 'string') {
      issues.push({ path: 'sheet', code: 'UNKNOWN_SCORING_SHEET', message: 'sheet 只能给一个评分表编号' });
      return undefined;
    }
    try {
      return id ? loadScoringSheet(id) : loadScoringSheet();
    } catch (e) {
      if (e instanceof ScoringSheetNotFoundError) {
        issues.push({ path: 'sheet', code: 'UNKNOWN_SCORING_SHEET', message: `未知的评分表：${e.sheetId}（可用：${availableScoringSheetIds().join('、')}）` });
        return undefined;
      }
      if (e instanceof ScoringSheetError) throw apiError(HttpStatus.INTERNAL_SERVER_ERROR, e.code, e.message);
      throw e;
    }
  }

  private parseReviewOptions(query: ReportQuery, issues: ValidationIssue[]): { mode?: ReviewMode; asOf?: string } {
    const out: { mode?: ReviewMode; asOf?: string } = {};
    if (query.mode !== undefined && query.mode !== '') {
      if (query.mode === 'review' || query.mode === 'draft') out.mode = query.mode;
      else issues.push({ path: 'mode', code: 'INVALID_MODE', message: `mode 须为 review（评查）或 draft（自查）：${String(query.mode)}` });
    }
    if (query.asOf !== undefined && query.asOf !== '') {
      if (isLegalDate(query.asOf)) out.asOf = query.asOf;
      else issues.push({ path: 'asOf', code: 'INVALID_DATE', message: `asOf 须为 YYYY-MM-DD 格式的有效日期：${String(query.asOf)}` });
    }
    return out;
  }

  private async render(caseFile: CaseFile, review: ReviewResult, sheet: ScoringSheet): Promise<RenderedReport> {
    let score;
    try {
      score = scoreReview(review, sheet);
    } catch (e) {
      // the sheet cannot score this pack's findings (policy error on an unknown scoringItem): a configuration problem
      if (e instanceof ScoringError) throw apiError(HttpStatus.INTERNAL_SERVER_ERROR, e.code, e.message);
      throw e;
    }
    const pdf = await renderReviewReport({ caseFile, review, score });
    const kind = review.mode === 'draft' ? '自查报告' : '评查报告';
    return { pdf, fileName: `${review.caseNumber}-${kind}.pdf` };
  }
}
