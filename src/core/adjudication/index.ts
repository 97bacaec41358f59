/**
 * Human judgement on machine reviews and the 年度案卷评查 workflow — public entry point (pure TypeScript).
 *
 * - adjudicate({ review, sheet, rulings, explanations, manualFindings, manualScores }) → findings with their
 *   rulings, stale/invalidated rulings, the adjudicated score (dismissed deductions, manual items, provenance)
 * - applySignOffEvent / replaySignOff: 签署 → 组长复核 (approve / 退回)
 * - drawSample: seeded 抽查 (all, ratio, 必查) · assignReviewers: 分配 with 回避
 * - computeTaskResults: ranking, per agency and per 承办人, frequent defects, 整改 lists
 */
export * from './types';
export { factRefs, factsDigest } from './digest';
export { AdjudicationError, applyRulings, currentRulings } from './rulings';
export type { AppliedRulings } from './rulings';
export { adjudicate, checkManualFinding, checkManualScore, scoresItems } from './score';
export type { AdjudicationInput } from './score';
export * from './sign-off';
export { newSeed, seededRandom, shuffled } from './random';
export * from './sampling';
export * from './assignment';
export * from './results';
export * from './task-export';
