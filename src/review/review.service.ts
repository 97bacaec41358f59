import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CaseSummaryService } from '../cases/case-summary.service';
import { CasesService } from '../cases/cases.service';
import { badRequest, conflict, notFound, type ValidationIssue } from '../common/errors';
import { defaultCalendar } from '../core/calendar';
import type { LegalCalendarApi } from '../core/calendar/types';
import { isLegalDate } from '../core/case-file/calendar-date';
import type { CaseFile } from '../core/case-file/types';
import { validateCaseFile } from '../core/case-file/validate';
import { defaultRulePack, RuleEngine, type ReviewOptions, type ReviewResult, type RulePack } from '../core/engine';
import type { ScoreResult } from '../core/scoring';
import { ReviewEntity } from './review.entity';
import { parseScoringRequest, scoreForRequest, type ScoringRequest } from './review-scoring';

/** A stored review as the API returns it. */
export interface StoredReview {
  id: string;
  caseId: string;
  caseVersion: number;
  rulePackVersion: string;
  holidayDataVersion: string;
  mode: ReviewResult['mode'];
  asOf: string;
  createdAt: string;
  result: ReviewResult;
  /** the score on the requested (or default) sheet, with the request's manual scores — computed, not stored */
  score?: ScoreResult;
}

/** POST /api/review: the review and its score. */
export type ScoredReview = ReviewResult & { score: ScoreResult };

/** `mode` and `asOf` from a query or body: review|draft|pre-decision and a real YYYY-MM-DD; 400 otherwise. */
export function parseReviewOptions(raw: { mode?: unknown; asOf?: unknown }, where: 'query' | 'body'): ReviewOptions {
  const issues: ValidationIssue[] = [];
  const out = collectReviewOptions(raw, where, issues);
  if (issues.length) badRequest(issues, `审查参数有误（共 ${issues.length} 处）`, 'INVALID_REVIEW_OPTIONS');
  return out;
}

/** As parseReviewOptions, adding what is wrong to `issues` (for endpoints that report it with their own). */
export function collectReviewOptions(raw: { mode?: unknown; asOf?: unknown }, where: 'query' | 'body', issues: ValidationIssue[]): ReviewOptions {
  const out: ReviewOptions = {};
  if (raw.mode !== undefined && raw.mode !== '') {
    if (raw.mode === 'review' || raw.mode === 'draft' || raw.mode === 'pre-decision') out.mode = raw.mode;
    else issues.push({ path: `${where}.mode`, code: 'INVALID_MODE', message: `mode 须为 review（评查）、draft（自查）或 pre-decision（决定前法制审核）：${String(raw.mode)}` });
  }
  if (raw.asOf !== undefined && raw.asOf !== '') {
    if (isLegalDate(raw.asOf)) out.asOf = raw.asOf;
    else issues.push({ path: `${where}.asOf`, code: 'INVALID_DATE', message: `asOf 须为 YYYY-MM-DD 格式的有效日期：${String(raw.asOf)}` });
  }
  return out;
}

function toStored(row: ReviewEntity): StoredReview {
  return {
    id: row.id,
    caseId: row.caseId,
    caseVersion: row.caseVersion,
    rulePackVersion: row.rulePackVersion,
    holidayDataVersion: row.holidayDataVersion,
    mode: row.mode,
    asOf: row.asOf,
    createdAt: row.createdAt.toISOString(),
    result: JSON.parse(row.result) as ReviewResult,
  };
}

/**
 * Runs the rule engine for the API. The rule pack and the calendar load when the module starts, so a
 * malformed pack (RulePackError: file, rule id, reason) stops the application from starting.
 */
@Injectable()
export class ReviewService {
  readonly pack: RulePack;
  readonly calendar: LegalCalendarApi;
  /** one engine for every review of this instance: periods counted once are not counted again */
  private readonly engine: RuleEngine;

  constructor(
    @InjectRepository(ReviewEntity) private readonly repo: Repository<ReviewEntity>,
    private readonly cases: CasesService,
    private readonly summaries: CaseSummaryService,
  ) {
    this.pack = defaultRulePack();
    this.calendar = defaultCalendar();
    this.engine = new RuleEngine({ pack: this.pack, calendar: this.calendar });
  }

  /** Validate (400 VALIDATION_FAILED) and review a case file; nothing is stored. */
  review(input: unknown, options: ReviewOptions = {}): ReviewResult {
    const v = validateCaseFile(input);
    if (!v.ok) badRequest(v.errors, `案卷数据校验未通过（共 ${v.errors.length} 处问题）`, 'VALIDATION_FAILED');
    return this.reviewValid(v.value, options);
  }

  /** Validate the case file, the sheet and the manual scores (400 with paths), review and score; nothing is stored. */
  reviewAndScore(input: unknown, options: ReviewOptions, scoring: ScoringRequest, where: 'query' | 'body'): ScoredReview {
    const v = validateCaseFile(input);
    if (!v.ok) badRequest(v.errors, `案卷数据校验未通过（共 ${v.errors.length} 处问题）`, 'VALIDATION_FAILED');
    const parsed = parseScoringRequest(scoring, v.value, where);
    const result = this.reviewValid(v.value, options);
    return { ...result, score: scoreForRequest(v.value, result, parsed) };
  }

  reviewValid(caseFile: CaseFile, options: ReviewOptions = {}): ReviewResult {
    return this.engine.review(caseFile, options);
  }

  /** Review a stored case file and store the result (400 INVALID_ID, 404 CASE_NOT_FOUND). */
  async reviewStored(caseId: string, options: ReviewOptions = {}, scoring: ScoringRequest = {}): Promise<StoredReview> {
    const entity = await this.cases.getEntity(caseId);
    const v = validateCaseFile(JSON.parse(entity.document));
    if (!v.ok) conflict(`已保存的案卷不再符合案卷格式，无法审查（共 ${v.errors.length} 处问题）`, 'STORED_CASE_INVALID', v.errors);
    // the sheet and the manual scores are checked before anything is stored
    const parsedScoring = parseScoringRequest(scoring, v.value, 'body');
    const result = this.reviewValid(v.value, options);
    const row = this.repo.create({
      id: randomUUID(),
      caseId: entity.id,
      caseVersion: entity.version,
      rulePackVersion: result.rulePackVersion,
      holidayDataVersion: result.holidayDataVersion,
      mode: result.mode,
      asOf: result.asOf,
      findingCount: result.findings.length,
      vetoCount: result.findings.filter((f) => f.severity === 'veto').length,
      createdAt: new Date(),
      result: JSON.stringify(result),
    });
    await this.repo.insert(row);
    const stored = toStored(row);
    await this.summaries.reviewStored(entity.id, stored, result, v.value);
    return { ...stored, score: scoreForRequest(v.value, result, parsedScoring) };
  }

  /** GET …/reviews/latest: 400/404 for the case as CasesService, 404 REVIEW_NOT_FOUND when never reviewed. */
  async latestForStoredCase(caseId: string): Promise<StoredReview> {
    const entity = await this.cases.getEntity(caseId);
    const latest = await this.latestForCase(entity.id);
    if (!latest) notFound(`案卷 ${entity.caseNumber} 尚无审查结果`, 'REVIEW_NOT_FOUND');
    return latest;
  }

  /** Which review is the latest of a case (id, case version, time, mode), without reading its result. */
  async latestHeaderForCase(caseId: string): Promise<Pick<StoredReview, 'id' | 'caseVersion' | 'createdAt' | 'mode'> | undefined> {
    const row = await this.repo.findOne({
      select: { id: true, caseVersion: true, createdAt: true, mode: true },
      where: { caseId: caseId.toLowerCase() },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return row ? { id: row.id, caseVersion: row.caseVersion, createdAt: row.createdAt.toISOString(), mode: row.mode } : undefined;
  }

  /** The result of a stored review by its id, or undefined. */
  async resultOf(reviewId: string): Promise<ReviewResult | undefined> {
    const row = await this.repo.findOne({ select: { id: true, result: true }, where: { id: reviewId } });
    return row ? (JSON.parse(row.result) as ReviewResult) : undefined;
  }

  /** The latest stored review of a case (the report module prints it), or undefined. */
  async latestForCase(caseId: string): Promise<StoredReview | undefined> {
    const row = await this.repo.findOne({ where: { caseId: caseId.toLowerCase() }, order: { createdAt: 'DESC', id: 'DESC' } });
    return row ? toStored(row) : undefined;
  }
}
