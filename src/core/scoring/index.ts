/**
 * Scoring (案卷评查评分) — public entry point. Pure TypeScript: no Nest, no TypeORM.
 *
 *   const sheet = loadScoringSheet();            // env SCORING_SHEET, else official-2024
 *   const score = scoreReview(review, sheet);
 */
export * from './types';
export {
  DEFAULT_SCORING_SHEET_ID,
  ScoringSheetError,
  ScoringSheetNotFoundError,
  availableScoringSheetIds,
  defaultScoringSheetId,
  listScoringSheets,
  loadScoringSheet,
  loadScoringSheetFile,
  parseScoringSheet,
  scoringSheetsDir,
} from './sheet';
export type { SheetIssue } from './sheet';
export { ScoringError, scoreReview, type ScoringInput } from './score';
export { scoreXize, validateManualScores, xizeCaseTypeOf, type ManualScoreIssue } from './xize-score';
export { LEGALITY_STATUS_LABELS, MANUAL_ITEM_KIND_LABELS, SCORE_ITEM_STATUS_LABELS } from './labels';
