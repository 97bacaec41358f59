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
  /** (optional) the finding's own scoringItem when the sheet had no such category and it fell back here */
  unmappedItem?: string;
  /** (optional) why points < requested: 扣完为止 / 同一规则重复命中 / 单条规则扣分上限 */
  note?: string;
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
  /** (optional) 依据 of the veto item */
  basis?: string;
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
  /** (optional) placeholder = the sheet's values are defaults 【I】, not the official 细则 */
  sheetStatus?: 'placeholder' | 'official';
  /** (optional) the sheet's 总分 */
  maxTotal?: number;
  /** (optional) categories + bonus before a veto zeroed the total */
  totalBeforeVeto?: number;
  /** (optional, added) 录入完整度: the file has parts not entered yet; `rules` checks wait for them (待补录, no
   *  deduction), so the score is provisional until they are entered */
  pendingEntry?: { rules: number; provisional: true };
}

/* ——————————————————————————————————————————————————————————————————————————————
 * The scoring sheet (评分表) as loaded from rules/scoring/<id>.yaml — see docs/scoring.md.
 * —————————————————————————————————————————————————————————————————————————————— */

/** Where a finding goes when its scoringItem is not a category of the sheet. */
export type UnknownItemPolicy =
  /** count it in `fallbackCategory` and mark the deduction with `unmappedItem` */
  | 'fallback'
  /** scoring fails (ScoringError) — for sheets that must match the rule pack exactly */
  | 'error';

/** Repeated hits of one rule (e.g. DL-06 on three 告知书): different fingerprints. */
export interface DuplicatePolicy {
  /** each: every hit deducts; once: only the first hit of a rule deducts (the rest are listed at 0) */
  mode: 'each' | 'once';
  /** at most this many points per rule id (before the category floor); absent = no cap */
  capPerRule?: number;
}

export interface ScoringCategory {
  /** the engine's Finding.scoringItem, e.g. 'procedure' */
  id: string;
  name: string;
  max: number;
}

export interface VetoItem {
  /** V1 … V12 */
  id: string;
  name: string;
  /** 依据 as the catalog cites it (e.g. 行政处罚法第58条) */
  basis?: string;
  /** rule ids whose veto findings are this item */
  rules: string[];
}

/**
 * A bonus item (加分项). Awarded when every condition given holds:
 * - applicableAnyOf: at least one of these rules applied to the file (it passed or produced a finding)
 * - cleanCategories: no finding of severity veto/error/warning in these categories
 * - passedAllOf: all of these rules passed
 */
export interface BonusItem {
  id: string;
  name: string;
  points: number;
  applicableAnyOf?: string[];
  cleanCategories?: string[];
  passedAllOf?: string[];
}

export interface GradeBand {
  /** 优秀 / 良好 / 合格 / 不合格 */
  name: string;
  /** lowest total (inclusive) for this band */
  min: number;
}

export interface ScoringSheet {
  id: string;
  version: string;
  name: string;
  /** placeholder: the values are the project's defaults (【I】), not an official 细则 */
  status: 'placeholder' | 'official';
  /** where the values come from (printed in reports and docs) */
  source: string;
  /** 总分 (e.g. 100) — equals the sum of category maxima */
  total: number;
  categories: ScoringCategory[];
  deductions: {
    /** points per severity, e.g. { veto: 5, error: 2, warning: 1, info: 0 } */
    bySeverity: Record<'veto' | 'error' | 'warning' | 'info', number>;
    /** per rule id override of the severity value */
    byRule: Record<string, number>;
    duplicates: DuplicatePolicy;
  };
  unknownScoringItem: { policy: UnknownItemPolicy; fallbackCategory?: string };
  /** a veto hit zeroes the total (the grade is the veto grade in any case) */
  vetoZeroesTotal: boolean;
  /** grade given whenever a veto item is hit */
  vetoGrade: string;
  veto: VetoItem[];
  /** a veto-severity finding of a rule no veto item lists: still a veto hit, under this id */
  unmappedVeto: { id: string; name: string };
  bonus: BonusItem[];
  /** bands, highest first; the last band has min 0 */
  grades: GradeBand[];
  /** the file the sheet came from (absolute path) */
  file: string;
}

export interface ScoringSheetSummary {
  id: string;
  version: string;
  name: string;
  status: ScoringSheet['status'];
  vetoZeroesTotal: boolean;
  isDefault: boolean;
}
