/**
 * Annual evaluation (年度案卷评查) result shapes: what results.json holds and what the summaries print.
 *
 * Numbers depend only on the inputs, the rule pack, the scoring sheet, the holiday data and `asOf`;
 * the run time lives in `meta` alone.
 */
import type { ValidationIssue } from '../case-file/validation-issue';
import type { Severity } from '../engine/types';

export const EVALUATION_FORMAT = 'casefile-evaluation/1' as const;

export interface EvaluationVersions {
  rulePack: string;
  scoringSheet: { id: string; version: string; name: string; status: 'placeholder' | 'official'; model?: 'deduction' | 'xize-2024' };
  holidayData: string;
}

export type SeverityCounts = Record<Severity, number>;

/** One evaluated file (one row of the ranking, the CSV and sheet 1 of the XLSX). */
export interface EvaluatedFileRow {
  /** 名次 (1 = highest score) */
  rank: number;
  /** path inside the folder or zip (or the stored case's label) */
  file: string;
  caseNumber: string;
  party: string;
  agency: string;
  causeOfAction: string;
  procedure: string;
  total: number;
  grade: string;
  /** category id → score */
  categories: Record<string, number>;
  vetoCount: number;
  findings: SeverityCounts & { total: number };
  /** the 细则 parts, when the sheet is of the 细则 model (official-2024) */
  official?: OfficialRowParts;
}

/** One file's score on a 细则 sheet, in the summaries' columns. */
export interface OfficialRowParts {
  /** 案件类型 (一般行政处罚 …), or the note that the 细则 has none for the file */
  caseType: string;
  /** 重大问题 hit: "第14项（DL-06-SP）" */
  majorIssues: string[];
  /** the 细则 item numbers hit */
  majorIssueNos: number[];
  legality: number;
  /** 50 × Σ得分 / Σ参与评查项目标准分 */
  documentScore: number;
  earned: number;
  participating: number;
  /** 卷面基本要素扣分 */
  formDeducted: number;
  normativity: number;
  /** items left to the reviewer */
  manualItems: number;
  range: { min: number; max: number };
}

/** A file that could not be evaluated (malformed JSON, validation errors, unreadable entry …). */
export interface FailedFileRow {
  file: string;
  /** the first issues (at most 20) */
  issues: ValidationIssue[];
  issueCount: number;
}

/**
 * A file whose case is not yet closed or archived (未结案): the annual evaluation scores finished files only, so it
 * is listed apart — never ranked, never in the grade distribution, averages or per-agency statistics.
 */
export interface UnfinishedFileRow {
  file: string;
  caseNumber: string;
  agency: string;
  /** case.status: draft | in_progress */
  status: string;
  /** 草稿 / 办理中 */
  statusLabel: string;
  /** findings of the review (mode review) at `asOf`, for the agency's information */
  findings: number;
}

/** Why unfinished files are left out, as every output prints it. */
export const UNFINISHED_REASON = '未结案（不参与评分排名）：年度评查只评已结案、已归档的案卷';

export interface RuleCount {
  ruleId: string;
  title: string;
  severity: Severity;
  /** number of findings of the rule */
  findings: number;
  /** number of files with at least one */
  files: number;
}

export interface CategoryStats {
  id: string;
  name: string;
  max: number;
  /** mean score over the evaluated files */
  averageScore: number;
  /** points deducted, all files together */
  deductedPoints: number;
  /** deductions (findings scored in the category) */
  findings: number;
  files: number;
}

export interface AgencyStats {
  agency: string;
  files: number;
  averageScore: number;
  grades: Record<string, number>;
  vetoFiles: number;
  findings: number;
  /** the agency's three most frequent rules */
  topRules: { ruleId: string; title: string; files: number }[];
}

export interface EvaluationAggregates {
  grades: { grade: string; count: number }[];
  bySeverity: SeverityCounts;
  byRule: RuleCount[];
  byCategory: CategoryStats[];
  byAgency: AgencyStats[];
  /** 细则 sheets: how often each 重大问题 was hit, the files per case type */
  official?: {
    majorIssues: { no: number; name: string; files: number }[];
    byCaseType: { caseType: string; files: number; averageScore: number }[];
    averageFormDeducted: number;
    filesWithManualItems: number;
    gradeOverlay?: { name: string; note: string };
  };
}

export interface EvaluationTotals {
  files: number;
  evaluated: number;
  failed: number;
  /** files left out of the scoring because the case is not closed/archived (see `unfinished`) */
  unfinished: number;
  unfinishedReason: string;
  averageScore: number;
  medianScore: number;
  vetoFiles: number;
  findings: number;
}

export interface EvaluationResults {
  format: typeof EVALUATION_FORMAT;
  versions: EvaluationVersions;
  parameters: { mode: 'review'; asOf: string; sheetId: string };
  /** scoring-sheet categories, in sheet order (the per-category columns) */
  categories: { id: string; name: string; max: number }[];
  totals: EvaluationTotals;
  ranking: EvaluatedFileRow[];
  failed: FailedFileRow[];
  /** 未结案（不参与评分排名）: files whose case status is not closed/archived, in file order */
  unfinished: UnfinishedFileRow[];
  aggregates: EvaluationAggregates;
  /** run metadata — the only part that changes between two runs on the same input */
  meta: {
    generatedAt: string;
    durationMs: number;
    input: string;
    /** worker threads used (0 = main thread) */
    workers?: number;
    /** milliseconds per phase: assessMs (read, validate, review, score), csvMs, xlsxMs, pdfMs */
    timings?: Record<string, number>;
  };
}

export interface EvaluationProgress {
  done: number;
  total: number;
  failed: number;
  /** the file just finished */
  file: string;
}
