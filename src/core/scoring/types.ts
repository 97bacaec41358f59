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
  /** 评分模型: deduction (分项扣分) or xize-2024 (合法性 + 规范性) */
  model?: ScoringModel;
  /** (xize-2024) 合法性评查: 25 项重大问题, 一票否决 */
  legality?: LegalityScore;
  /** (xize-2024) 规范性评查: 各类型文书评查项 (得分制) */
  normativity?: NormativityScore;
  /** (xize-2024) 卷面基本要素评查项 (扣分制, 20 分封顶) */
  formDeductions?: FormDeductionScore;
  /** (xize-2024) every sub-item still 待人工评分, with the points it can still move */
  manualItems?: ManualItem[];
  /** (xize-2024) the range the reviewer's pending items can still move the total (legality items aside) */
  totalRange?: { min: number; max: number };
  /** (xize-2024) the grade bands are a local overlay 【I】, not part of the official standard */
  gradeOverlay?: { name: string; note: string };
  /** (optional) 录入完整度: the file has parts not entered yet; `rules` checks wait for them (待补录, no
   *  deduction), so the score is provisional until they are entered */
  pendingEntry?: { rules: number; provisional: true };
}

/* ——————————————————————————————————————————————————————————————————————————————
 * 细则 model (xize-2024): 合法性 50 (一票否决) + 规范性 50 (50 × Σ得分 / Σ参与评查项目标准分 − 卷面扣分).
 * —————————————————————————————————————————————————————————————————————————————— */

export type ScoringModel = 'deduction' | 'xize-2024';

/** How an item was settled. */
export type ItemStatus =
  /** 机器评定: the mapped rules decided it (a finding took the points, or the rules passed and kept them) */
  | 'machine'
  /** 评查人员评定: manual score supplied with the request */
  | 'reviewer'
  /** 待人工评分 */
  | 'pending'
  /** 根据案情无需评审: leaves the denominator */
  | 'not_applicable';

/** A finding or a passed check an item rests on. */
export interface ItemEvidence {
  ruleId: string;
  /** finding fingerprint; absent for a passed check */
  fingerprint?: string;
  /** 'finding' took the points, 'passed' kept them, 'hint' is shown to the reviewer only */
  kind: 'finding' | 'passed' | 'hint';
  title: string;
  severity?: string;
  basisPending?: boolean;
}

export interface LegalityItemResult {
  /** L1 … L25 */
  id: string;
  /** 细则合法性评查标准 序号 1–25 */
  no: number;
  group: string;
  name: string;
  /** hit: a mapped rule found the 重大问题 · clear: the mapped rules applied and passed · pending: for the reviewer · not_applicable */
  status: 'hit' | 'clear' | 'pending' | 'not_applicable';
  /** machine: all of the item is machine-checkable; partial: the rules cover part of it; manual: none */
  coverage: 'machine' | 'partial' | 'manual';
  evidence: ItemEvidence[];
  note?: string;
}

export interface LegalityScore {
  max: number;
  /** 50, or 0 when any item is hit (the whole file then scores 0: 直接评为 0 分) */
  score: number;
  hits: LegalityItemResult[];
  items: LegalityItemResult[];
}

export interface SubItemResult {
  /** e.g. G11.5 = 一般行政处罚 第11项 第5目 */
  id: string;
  no: number;
  text: string;
  points: number;
  /** points awarded; for pending items 0 (see range) */
  awarded: number;
  status: ItemStatus;
  bonus?: boolean;
  evidence: ItemEvidence[];
  note?: string;
}

export interface DocumentItemResult {
  /** e.g. G11 */
  id: string;
  no: number;
  name: string;
  points: number;
  bonus?: boolean;
  /** scored · absent (得0分) · not_applicable (无需评审) · pending (是否无需评审由评查人员认定) */
  status: 'scored' | 'absent' | 'not_applicable' | 'pending';
  /** document ids the item was judged on */
  documentIds: string[];
  awarded: number;
  subItems: SubItemResult[];
  note?: string;
}

export interface NormativityScore {
  max: number;
  /** 案件类型: general / no_penalty / daily / seizure / detention_transfer / crime_transfer, or null */
  caseType: string | null;
  caseTypeName: string;
  /** 该类型文书评查项总分 (100 / 120 …), bonus items aside */
  caseTypeTotal: number;
  documents: DocumentItemResult[];
  /** Σ得分 over settled items (bonus included) */
  earned: number;
  /** Σ参与评查项目标准分 over settled items (bonus and not-applicable excluded) */
  participating: number;
  /** 50 × earned / participating (before 卷面 deductions) */
  documentScore: number;
  /** documentScore − 卷面扣分, never below 0 */
  score: number;
  /** the formula with this file's numbers */
  formula: string;
  note?: string;
}

export interface FormElementResult {
  /** F1.1 … F2.9 */
  id: string;
  text: string;
  points: number;
  deducted: number;
  status: ItemStatus;
  evidence: ItemEvidence[];
}

export interface FormDeductionScore {
  max: number;
  deducted: number;
  groups: { id: string; name: string; max: number; deducted: number; elements: FormElementResult[] }[];
}

export interface ManualItem {
  itemId: string;
  /** where it is: 规范性 · 行政处罚决定书 · 第5目 */
  label: string;
  points: number;
  /** 'score' = points to award (0…points); 'deduction' = points to deduct (卷面, 0…points) */
  kind: 'score' | 'deduction';
}

/** A reviewer's score for one manual item (POST /api/review manualScores). */
export interface ManualScore {
  itemId: string;
  points: number;
  note?: string;
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

/** What every sheet has (readers that only need totals, grades and veto items use this). */
export interface ScoringSheetBase {
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
  /** a veto hit zeroes the total (the grade is the veto grade in any case) */
  vetoZeroesTotal: boolean;
  /** grade given whenever a veto item is hit */
  vetoGrade: string;
  veto: VetoItem[];
  bonus: BonusItem[];
  /** bands, highest first; the last band has min 0 */
  grades: GradeBand[];
  /** the file the sheet came from (absolute path) */
  file: string;
}

/** 分项扣分 model (inferred-2024, strict-veto-zero: the old inferred sheets): findings deduct from the category their scoringItem names. */
export interface DeductionSheet extends ScoringSheetBase {
  model: 'deduction';
  deductions: {
    /** points per severity, e.g. { veto: 5, error: 2, warning: 1, info: 0 } */
    bySeverity: Record<'veto' | 'error' | 'warning' | 'info', number>;
    /** per rule id override of the severity value */
    byRule: Record<string, number>;
    duplicates: DuplicatePolicy;
  };
  unknownScoringItem: { policy: UnknownItemPolicy; fallbackCategory?: string };
  /** a veto-severity finding of a rule no veto item lists: still a veto hit, under this id */
  unmappedVeto: { id: string; name: string };
}

export type ScoringSheet = DeductionSheet | XizeSheet;

/* —— the 细则 model as loaded from the sheet (see rules/scoring/official-2024.yaml, docs/scoring.md) —— */

/** Applicability condition: the rule pack's own condition language (engine/pack/types.ts Condition). */
export type SheetCondition = import('../engine/pack/types').Condition;

export interface XizeLegalityItem {
  id: string;
  no: number;
  group: string;
  name: string;
  /** rules whose finding is this 重大问题 (【Q】 only) */
  rules: string[];
  /** rules whose findings are shown to the reviewer for this item, never a hit */
  hints: string[];
  coverage: 'machine' | 'partial' | 'manual';
  /** the item does not apply (e.g. 第14项 for 不予处罚) */
  notApplicableWhen?: SheetCondition;
  note?: string;
}

export interface XizeSubItem {
  no: number;
  text: string;
  points: number;
  /** rules that judge it: a finding (veto/error/warning) takes the points, passing keeps them */
  rules: string[];
  hints: string[];
  notApplicableWhen?: SheetCondition;
}

/** 没有该文书时: zero (本项得0分) · not_applicable (本项无需评审) · review (由评查人员认定是否无需评审) */
export type AbsentPolicy = 'zero' | 'not_applicable' | 'review';

export interface XizeDocumentItem {
  /** library key, e.g. penalty_decision_15 */
  key: string;
  name: string;
  points: number;
  /** the file's documents of these types are this item */
  documentTypes: string[];
  /** at least this many documents of those types (再次责令改正 = the second 责令改正决定书) */
  minCount: number;
  whenAbsent: AbsentPolicy;
  /** the item is only reviewed when this holds (e.g. 听证通知书: the party applied for a hearing) */
  applicableWhen?: SheetCondition;
  /** 无需评审 when this holds (e.g. 责令改正写入决定书) */
  notApplicableWhen?: SheetCondition;
  /** 加分项: counts in Σ得分, never in Σ标准分 */
  bonus: boolean;
  subItems: XizeSubItem[];
  /** the 细则's 说明 column, printed with the item */
  note?: string;
}

export interface XizeCaseType {
  id: string;
  /** letter used in item ids: G11.5 */
  code: string;
  name: string;
  /** 该类型文书评查项总分 (bonus aside) — checked against the items */
  total: number;
  /** first case type whose condition holds scores the file */
  when: SheetCondition;
  documents: { no: number; item: XizeDocumentItem }[];
}

export interface XizeFormElement {
  id: string;
  text: string;
  points: number;
  rules: string[];
  hints: string[];
}

export interface XizeSheet extends ScoringSheetBase {
  model: 'xize-2024';
  legality: { points: number; items: XizeLegalityItem[] };
  /** 规范性评查 满分 (50) */
  normativityPoints: number;
  form: { max: number; groups: { id: string; name: string; max: number; elements: XizeFormElement[] }[] };
  caseTypes: XizeCaseType[];
  /** the file no case type covers (e.g. 简易程序): how it is scored, printed with the score */
  uncoveredNote: string;
  /** which findings take points: severities */
  takingSeverities: string[];
  /** rules the sheet deliberately does not score, with the reason (coverage: every pack rule is placed somewhere) */
  unscored: { rules: string[]; reason: string }[];
  /** the grade bands' label: they are not part of the official standard */
  gradeOverlay: { name: string; note: string };
}

export interface ScoringSheetSummary {
  id: string;
  version: string;
  name: string;
  status: ScoringSheet['status'];
  model: ScoringModel;
  vetoZeroesTotal: boolean;
  isDefault: boolean;
}
