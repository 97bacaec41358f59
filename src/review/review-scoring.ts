/**
 * Scoring a review for the API: the sheet the request names (?sheet / body.sheet, else the default) and the
 * reviewer's manual item scores (manualScores: [{ itemId, points, note? }]), validated against the sheet and the
 * case type the file is scored under. Bad input → 400 with the field path; nothing is stored before this passes.
 */
import { HttpStatus } from '@nestjs/common';
import { apiError, badRequest, type ValidationIssue } from '../common/errors';
import type { CaseFile } from '../core/case-file/types';
import type { ReviewResult } from '../core/engine';
import {
  availableScoringSheetIds,
  loadScoringSheet,
  ScoringError,
  ScoringSheetError,
  ScoringSheetNotFoundError,
  scoreReview,
  validateManualScores,
  type ManualScore,
  type ScoreResult,
  type ScoringSheet,
} from '../core/scoring';

export interface ScoringRequest {
  sheet?: unknown;
  manualScores?: unknown;
}

/** The sheet and the manual scores of a request, validated (400 on the first problem list). */
export function parseScoringRequest(raw: ScoringRequest, caseFile: CaseFile, where: 'query' | 'body'): { sheet: ScoringSheet; manualScores: ManualScore[] } {
  const issues: ValidationIssue[] = [];
  let sheet: ScoringSheet | undefined;
  if (raw.sheet !== undefined && raw.sheet !== '' && typeof raw.sheet !== 'string') {
    issues.push({ path: `${where}.sheet`, code: 'UNKNOWN_SCORING_SHEET', message: 'sheet 只能给一个评分表编号' });
  } else {
    try {
      sheet = raw.sheet ? loadScoringSheet(raw.sheet as string) : loadScoringSheet();
    } catch (e) {
      if (e instanceof ScoringSheetNotFoundError) {
        issues.push({ path: `${where}.sheet`, code: 'UNKNOWN_SCORING_SHEET', message: `未知的评分表：${e.sheetId}（可用：${availableScoringSheetIds().join('、')}）` });
      } else if (e instanceof ScoringSheetError) {
        throw apiError(HttpStatus.INTERNAL_SERVER_ERROR, e.code, e.message);
      } else throw e;
    }
  }
  let manualScores: ManualScore[] = [];
  if (sheet) {
    const v = validateManualScores(raw.manualScores, sheet, caseFile, 'body.manualScores');
    issues.push(...v.issues);
    manualScores = v.scores;
  }
  if (issues.length > 0) badRequest(issues, `评分参数有误（共 ${issues.length} 处）`, 'INVALID_SCORING_REQUEST');
  return { sheet: sheet!, manualScores };
}

export function scoreForRequest(caseFile: CaseFile, review: ReviewResult, scoring: { sheet: ScoringSheet; manualScores: ManualScore[] }): ScoreResult {
  try {
    return scoreReview(review, scoring.sheet, { caseFile, manualScores: scoring.manualScores });
  } catch (e) {
    if (e instanceof ScoringError) throw apiError(HttpStatus.INTERNAL_SERVER_ERROR, e.code, e.message);
    throw e;
  }
}
