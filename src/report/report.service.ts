import { HttpStatus, Injectable } from '@nestjs/common';
import { AdjudicationsService } from '../adjudications/adjudications.service';
import { CasesService } from '../cases/cases.service';
import { apiError, badRequest, notFound, type ValidationIssue } from '../common/errors';
import type { CaseFile } from '../core/case-file/types';
import type { ReviewResult } from '../core/engine/types';
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
import { collectReviewOptions, ReviewService } from '../review/review.service';
import { reportFileName, type ReportJudgement } from '../core/report';
import { ReportRenderer } from './report-renderer';

/** Query of the report endpoints: ?mode=review|draft|pre-decision&asOf=YYYY-MM-DD&sheet=<id> (all optional). */
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

const QUERY_CODE = 'INVALID_REPORT_QUERY';

/** Thin Nest shell around src/core/{scoring,report}; reviews come from ReviewService. Nothing is stored here. */
@Injectable()
export class ReportService {
  constructor(
    private readonly reviews: ReviewService,
    private readonly cases: CasesService,
    private readonly renderer: ReportRenderer,
    private readonly adjudications: AdjudicationsService,
  ) {}

  listSheets(): ScoringSheetSummary[] {
    return listScoringSheets();
  }

  /** POST /api/review/report.pdf — validate the case file, review it, score it, render it. */
  async reportForCaseFile(body: unknown, query: ReportQuery): Promise<RenderedReport> {
    const issues: ValidationIssue[] = [];
    const options = collectReviewOptions(query, 'query', issues);
    const sheet = this.sheetOf(query.sheet, issues);
    if (issues.length > 0) badRequest(issues, `请求参数有误（共 ${issues.length} 处问题）`, QUERY_CODE);
    const review = this.reviews.review(body, options); // 400 VALIDATION_FAILED on a bad case file
    return this.render({ caseFile: body as CaseFile, review, sheet: sheet! });
  }

  /**
   * GET /api/cases/:id/report.pdf — the latest stored review of a stored case file, scored with ?sheet.
   * 404 CASE_NOT_FOUND / REVIEW_NOT_FOUND. The review's own mode and asOf are printed: ?mode / ?asOf are
   * refused (a report for another day needs a new review: POST /api/cases/:id/reviews).
   */
  async reportForStoredCase(caseId: string, query: ReportQuery): Promise<RenderedReport> {
    const issues: ValidationIssue[] = [];
    for (const key of ['mode', 'asOf'] as const) {
      if (query[key] !== undefined && query[key] !== '') {
        issues.push({
          path: `query.${key}`,
          code: 'NOT_ALLOWED',
          message: `报告按最近一次保存的审查结果生成，不能指定 ${key}；如需按其他模式或基准日出具报告，请先 POST /api/cases/${caseId}/reviews 重新审查`,
        });
      }
    }
    const sheet = this.sheetOf(query.sheet, issues);
    if (issues.length > 0) badRequest(issues, `请求参数有误（共 ${issues.length} 处问题）`, QUERY_CODE);
    const entity = await this.cases.getEntity(caseId); // 404 CASE_NOT_FOUND
    const latest = await this.reviews.latestHeaderForCase(entity.id);
    if (!latest) {
      notFound(
        `案卷 ${entity.caseNumber} 尚未审查，无法生成评查报告；请先 POST /api/cases/${entity.id}/reviews 进行审查`,
        'REVIEW_NOT_FOUND',
      );
    }
    const notice =
      latest.caseVersion !== entity.version
        ? `注意：本报告依据 ${latest.createdAt.slice(0, 10)} 对第 ${latest.caseVersion} 版案卷的审查结果；案卷现为第 ${entity.version} 版，建议重新审查。`
        : undefined;
    // the PDF depends on the stored review (immutable), the sheet, the notice and the judgement about the review
    // (rulings, manual items, sign-off: its key changes with any of them); the review holds the case file's
    // version it saw, and the notice only the case's current version
    const judged = await this.adjudications.judgementForReport(latest.id, sheet!);
    const key = `${latest.id}|${sheet!.id}@${sheet!.version}|${notice ? `v${entity.version}` : 'current'}|${judged?.key ?? 'unjudged'}`;
    return this.renderer.cached(key, async () => {
      const review = (await this.reviews.resultOf(latest.id))!;
      const caseFile = JSON.parse(entity.document) as CaseFile;
      return this.render({ caseFile, review, sheet: sheet!, notice, judgement: judged?.judgement(review, caseFile) });
    });
  }

  /** The sheet named by ?sheet (default: SCORING_SHEET / official-2024); an unknown id is a 400 issue. */
  sheetOf(id: unknown, issues: ValidationIssue[]): ScoringSheet | undefined {
    if (Array.isArray(id) || (id !== undefined && typeof id !== 'string')) {
      issues.push({ path: 'query.sheet', code: 'UNKNOWN_SCORING_SHEET', message: 'sheet 只能给一个评分表编号' });
      return undefined;
    }
    try {
      return id ? loadScoringSheet(id) : loadScoringSheet();
    } catch (e) {
      if (e instanceof ScoringSheetNotFoundError) {
        issues.push({
          path: 'query.sheet',
          code: 'UNKNOWN_SCORING_SHEET',
          message: `未知的评分表：${e.sheetId}（可用：${availableScoringSheetIds().join('、')}）`,
        });
        return undefined;
      }
      // a sheet file that exists but is malformed is the server's problem, not the request's
      if (e instanceof ScoringSheetError) throw apiError(HttpStatus.INTERNAL_SERVER_ERROR, e.code, e.message);
      throw e;
    }
  }

  private async render(input: { caseFile: CaseFile; review: ReviewResult; sheet: ScoringSheet; notice?: string; judgement?: ReportJudgement }): Promise<RenderedReport> {
    // with a judgement the score is the adjudicated one (dismissed findings do not deduct, manual items count)
    const score = input.judgement ? input.judgement.adjudicated.score : this.score(input.review, input.sheet, input.caseFile);
    const pdf = await this.renderer.render({ caseFile: input.caseFile, review: input.review, score, notice: input.notice, ...(input.judgement ? { judgement: input.judgement } : {}) });
    return { pdf, fileName: reportFileName(input.review.caseNumber, input.review.mode) };
  }

  private score(review: ReviewResult, sheet: ScoringSheet, caseFile: CaseFile) {
    try {
      // the 细则 sheet scores documents: it needs the case file itself
      return scoreReview(review, sheet, { caseFile });
    } catch (e) {
      // the sheet cannot score this pack's findings (policy error on an unknown scoringItem): configuration
      if (e instanceof ScoringError) throw apiError(HttpStatus.INTERNAL_SERVER_ERROR, e.code, e.message);
      throw e;
    }
  }
}

