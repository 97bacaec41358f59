/**
 * Scoring contract (案卷评查评分). Sheets live in rules/scoring/*.yaml; implementation ./score.ts.
 */
export interface Deduction {
  ruleId: string;
  fingerprint: string;
  severity: string;
  /** points this finding took, after the category floor (扣完为止) */
  points: number;
  /** points the sheet asked for before the floor */
  requested: number;
  title: string;
}

export interface CategoryScore {
  id: string;
  name: string;
  max: number;
  score: number;
  deducted: number;
  deductions: Deduction[];
}

export interface VetoHit {
  /** sheet veto item id, e.g. V7 */
  vetoId: string;
  name: string;
  ruleId: string;
  fingerprint: string;
}

export interface ScoreResult {
  sheetId: string;
  sheetVersion: string;
  sheetName: string;
  total: number;
  /** 优秀 / 良好 / 合格 / 不合格 */
  grade: string;
  vetoHits: VetoHit[];
  categories: CategoryScore[];
  bonus: { id: string; name: string; points: number }[];
}
