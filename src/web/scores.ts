/**
 * 得分 of the latest stored review: the review screen's score panel and the case list's score / grade / veto /
 * next-deadline columns. Scoring itself is the core's (src/core/scoring); this only applies it to stored reviews.
 */
import type { CaseFile } from '../core/case-file/types';
import type { StoredReview } from '../review/review.service';
import type { ScoreResult, ScoringSheet } from '../core/scoring';
import { scoreReview } from '../core/scoring';

export interface CaseScore {
  caseId: string;
  reviewId: string;
  caseVersion: number;
  mode: StoredReview['mode'];
  asOf: string;
  reviewedAt: string;
  findingCount: number;
  total: number;
  grade: string;
  veto: boolean;
  vetoIds: string[];
  /** the earliest deadline still ahead of asOf (draft-mode reviews list them) */
  nextDeadline: { label: string; dueOn: string; daysLeft: number; ruleId: string } | null;
}

export function caseScore(stored: StoredReview, score: ScoreResult): CaseScore {
  const next = [...stored.result.upcoming].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0];
  return {
    caseId: stored.caseId,
    reviewId: stored.id,
    caseVersion: stored.caseVersion,
    mode: stored.mode,
    asOf: stored.asOf,
    reviewedAt: stored.createdAt,
    findingCount: stored.result.findings.length,
    total: score.total,
    grade: score.grade,
    veto: score.vetoHits.length > 0,
    vetoIds: [...new Set(score.vetoHits.map((v) => v.vetoId))],
    nextDeadline: next ? { label: next.label, dueOn: next.dueOn, daysLeft: next.daysLeft, ruleId: next.ruleId } : null,
  };
}

/** The 细则 sheet scores documents: it needs the case file (the stored one, as the report does). */
export function scoreStored(stored: StoredReview, sheet: ScoringSheet, caseFile: CaseFile): ScoreResult {
  return scoreReview(stored.result, sheet, { caseFile });
}
