/**
 * Human judgement on a machine review (人工评查): rulings on findings, the reviewer's own findings and scores,
 * the sign-off with 组长复核, and the annual evaluation's sampling and assignment. Pure data; no Nest, no TypeORM.
 *
 * The engine reports; a reviewer decides. A ruling is keyed to the finding's fingerprint AND a digest of the
 * facts the finding used, so it survives a re-review while the facts are unchanged and stops applying (is
 * reported, never silently applied) once the finding disappears or its facts change.
 */
import type { Finding, Severity } from '../engine/types';
import type { ScoreResult } from '../scoring/types';

/** Who did something (a user of the service). */
export interface Actor {
  id: string;
  name: string;
}

/** accepted: the reviewer confirms the defect · dismissed: a false positive (误报), does not deduct */
export type RulingDecision = 'accepted' | 'dismissed';

/** A reviewer's ruling on one finding (裁定). */
export interface Ruling {
  id: string;
  ruleId: string;
  fingerprint: string;
  /** digest of the finding's facts and values when the ruling was made (see factsDigest) */
  factsDigest: string;
  /** the documents / records the finding was about, sorted ids joined by "," (factRefs) */
  refs: string;
  decision: RulingDecision;
  /** required for a dismissal (驳回理由) */
  reason?: string;
  /** the finding's title when ruled on (a stale ruling is still readable) */
  title: string;
  by: Actor;
  /** UTC ISO instant */
  at: string;
}

/** An officer's explanation attached to a finding for the reviewer (情况说明). */
export interface Explanation {
  id: string;
  fingerprint: string;
  text: string;
  by: Actor;
  at: string;
}

/** Why a ruling no longer applies. */
export type RulingStaleness =
  /** the finding no longer appears in the review (the defect was fixed, or the rule changed) */
  | 'stale'
  /** the same rule still fires on the same documents, but a fact it used changed: the ruling must be made again */
  | 'invalidated';

export interface StaleRuling {
  ruling: Ruling;
  state: RulingStaleness;
  /** Chinese, for the report */
  reason: string;
}

export type FindingStatus = 'open' | 'accepted' | 'dismissed';

/** A finding as the reviewer sees it: the engine's finding, the ruling that applies, explanations. */
export interface AdjudicatedFinding {
  finding: Finding;
  status: FindingStatus;
  factsDigest: string;
  ruling?: Ruling;
  explanations: Explanation[];
}

/**
 * A finding the reviewer records on an item no rule can check (细则 合法性 主体、事实证据、法律适用、裁量,
 * 规范性 items marked for the reviewer).
 */
export interface ManualFinding {
  id: string;
  /** 细则 item, e.g. "合法性评查 第10项 事实证据" */
  item: string;
  /** the scoring-sheet category it deducts from */
  categoryId: string;
  severity: Severity;
  /** points to deduct (before the category floor 扣完为止) */
  points: number;
  /** severity veto: the sheet's veto item (e.g. V3 事实不清、证据不足) */
  vetoId?: string;
  text: string;
  /** 证据 / 卷内位置, e.g. "第12页 询问笔录" */
  evidence?: string;
  by: Actor;
  at: string;
}

/** A score the reviewer sets for a sheet item only a person can judge (得分制 文书评查项). */
export interface ManualScore {
  id: string;
  /** the scoring-sheet category (item) scored */
  itemId: string;
  /** points given, 0 … the item's maximum */
  score: number;
  note?: string;
  by: Actor;
  at: string;
}

/** A machine deduction a dismissal removed: what it would have cost, and who said why. */
export interface DismissedDeduction {
  ruleId: string;
  fingerprint: string;
  title: string;
  /** points the finding would have deducted */
  points: number;
  /** it would have been a veto hit */
  veto?: string;
  reason: string;
  by: Actor;
  at: string;
}

export interface ManualDeduction {
  manualFindingId: string;
  item: string;
  categoryId: string;
  severity: Severity;
  points: number;
  requested: number;
  text: string;
  note?: string;
  by: Actor;
  at: string;
}

export interface ManualItemScore {
  itemId: string;
  name: string;
  max: number;
  /** what the machine deductions alone would give (deduction sheets; the 细则 model leaves the item to the reviewer) */
  machineScore?: number;
  score: number;
  note?: string;
  by: Actor;
  at: string;
}

/** How much of the score the machine judged and how much was set by whom. */
export interface ScoreProvenance {
  /** points deducted by machine findings (after dismissals) */
  machineDeducted: number;
  /** points of categories judged by machine findings only */
  machineJudgedMax: number;
  /** per person: items scored by hand, points deducted by their manual findings, dismissals made */
  manual: { by: Actor; scoredItems: string[]; scoredMax: number; deducted: number; dismissed: number }[];
  /** 细则 model: how many items the machine settled, the reviewer scored, are still pending */
  items?: { machine: number; reviewer: number; pending: number };
}

/** The score after rulings, manual findings and manual scores. */
export interface AdjudicatedScore extends ScoreResult {
  dismissed: DismissedDeduction[];
  manualDeductions: ManualDeduction[];
  manualScores: ManualItemScore[];
  provenance: ScoreProvenance;
}

/** One review with everything a person decided about it. */
export interface AdjudicatedReview {
  findings: AdjudicatedFinding[];
  staleRulings: StaleRuling[];
  manualFindings: ManualFinding[];
  score: AdjudicatedScore;
}
