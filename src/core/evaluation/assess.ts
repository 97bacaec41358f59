/**
 * One file of an evaluation: parse + validate → review (mode review) → score, reduced to what the evaluation
 * keeps (a summary row, the finding lines for the NDJSON, per-category numbers). Runs on the main thread or in a
 * worker (./worker-main.ts) — the outcome is plain data either way (structured-clone safe).
 */
import { basisText } from '../law/basis-text';
import { defaultCalendar } from '../calendar';
import type { LegalCalendarApi } from '../calendar/types';
import { parseCaseFileJson, validateCaseFile } from '../case-file/validate';
import type { ValidationIssue } from '../case-file/validation-issue';
import { defaultRulePack, RuleEngine, type RulePack } from '../engine';
import type { Finding, Severity } from '../engine/types';
import { loadScoringSheet, scoreReview } from '../scoring';
import type { ScoreResult, ScoringSheet } from '../scoring/types';
import type { EvaluationItem } from './input';
import { CASE_STATUS_LABELS } from '../domain/labels';
import type { EvaluatedFileRow, OfficialRowParts, SeverityCounts, UnfinishedFileRow } from './types';

import { SEVERITIES, SEVERITY_LABELS } from '../domain/severity';

export { SEVERITIES, SEVERITY_LABELS };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One line of the findings NDJSON (sheet 2 of the XLSX). */
export interface FindingLine {
  file: string;
  caseNumber: string;
  agency: string;
  ruleId: string;
  severity: Severity;
  confidence: string;
  basisPending: boolean;
  title: string;
  message: string;
  basis: string;
  suggestion: string;
  category: string;
  points: number;
  fingerprint: string;
}

export type FileOutcome =
  | { status: 'failed'; file: string; issues: ValidationIssue[] }
  | { status: 'unfinished'; file: string; row: UnfinishedFileRow }
  | {
      status: 'ok';
      file: string;
      row: Omit<EvaluatedFileRow, 'rank'>;
      lines: FindingLine[];
      categories: { id: string; score: number; deducted: number; deductions: number }[];
      rulePackVersion: string;
      holidayDataVersion: string;
    };

export interface AssessContext {
  pack: RulePack;
  calendar: LegalCalendarApi;
  /** one engine for the whole evaluation (or worker): periods counted for one file serve the next */
  engine: RuleEngine;
  sheet: ScoringSheet;
  asOf: string;
}

export function createAssessContext(sheetId: string | undefined, asOf: string): AssessContext {
  const pack = defaultRulePack();
  const calendar = defaultCalendar();
  return { pack, calendar, engine: new RuleEngine({ pack, calendar }), sheet: loadScoringSheet(sheetId), asOf };
}

/** a finding's 依据 as the CLI and the evaluation outputs print it, with 依据待核 where it rests on 【S】/【I】 */
export function formatBasis(f: Finding): string {
  return basisText(f.basis) + (f.basisPending ? '（依据待核）' : '');
}

/** Deterministic finding order inside one file: severity, rule id, fingerprint. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint),
  );
}

/** 年度案卷评查 scores the files of finished cases only: 已结案 and 已归档. */
export const FINISHED_STATUSES: readonly string[] = ['closed', 'archived'];

export function assessItem(item: EvaluationItem, ctx: AssessContext): FileOutcome {
  const file = item.name;
  if (item.issue) return { status: 'failed', file, issues: [item.issue] };
  const parsed = item.value !== undefined ? validateCaseFile(item.value) : parseCaseFileJson(item.text ?? '');
  if (!parsed.ok) return { status: 'failed', file, issues: parsed.errors };
  const caseFile = parsed.value;
  try {
    const review = ctx.engine.review(caseFile, { mode: 'review', asOf: ctx.asOf });
    const caseStatus = caseFile.case.status;
    if (!FINISHED_STATUSES.includes(caseStatus)) {
      return {
        status: 'unfinished',
        file,
        row: {
          file,
          caseNumber: caseFile.case.caseNumber,
          agency: caseFile.case.agency,
          status: caseStatus,
          statusLabel: CASE_STATUS_LABELS[caseStatus] ?? caseStatus,
          findings: review.findings.length,
        },
      };
    }
    const score = scoreReview(review, ctx.sheet, { caseFile });
    const points = new Map<string, { points: number; category: string }>();
    for (const c of score.categories) for (const d of c.deductions) points.set(d.fingerprint, { points: d.points, category: c.name });
    const findings = sortFindings(review.findings);
    const counts: SeverityCounts & { total: number } = { veto: 0, error: 0, warning: 0, info: 0, total: findings.length };
    for (const f of findings) counts[f.severity]++;
    return {
      status: 'ok',
      file,
      row: {
        file,
        caseNumber: caseFile.case.caseNumber,
        party: caseFile.parties.map((p) => p.name).join('、'),
        agency: caseFile.case.agency,
        causeOfAction: caseFile.case.causeOfAction,
        procedure: caseFile.case.procedure === 'simple' ? '简易程序' : '一般程序',
        total: score.total,
        grade: score.grade,
        categories: Object.fromEntries(score.categories.map((c) => [c.id, c.score])),
        vetoCount: score.vetoHits.length,
        findings: counts,
        ...(score.model === 'xize-2024' ? { official: officialParts(score) } : {}),
      },
      lines: findings.map((f) => ({
        file,
        caseNumber: caseFile.case.caseNumber,
        agency: caseFile.case.agency,
        ruleId: f.ruleId,
        severity: f.severity,
        confidence: f.confidence,
        basisPending: f.basisPending,
        title: f.title,
        message: f.message,
        basis: formatBasis(f),
        suggestion: f.suggestion,
        category: points.get(f.fingerprint)?.category ?? f.scoringItem,
        points: points.get(f.fingerprint)?.points ?? 0,
        fingerprint: f.fingerprint,
      })),
      categories: score.categories.map((c) => ({ id: c.id, score: c.score, deducted: c.deducted, deductions: c.deductions.length })),
      rulePackVersion: review.rulePackVersion,
      holidayDataVersion: review.holidayDataVersion,
    };
  } catch (e) {
    return { status: 'failed', file, issues: [{ path: '', code: 'REVIEW_FAILED', message: `审查或评分出错：${(e as Error).message}` }] };
  }
}

/** The 细则 parts of a score as the summaries print them. */
export function officialParts(score: ScoreResult): OfficialRowParts {
  const n = score.normativity!;
  return {
    caseType: n.caseType ? n.caseTypeName : '（细则未设该类案卷的文书评查项）',
    majorIssues: score.legality!.hits.map((h) => `第${h.no}项（${h.evidence.filter((e) => e.kind === 'finding').map((e) => e.ruleId).join('、')}）`),
    majorIssueNos: score.legality!.hits.map((h) => h.no),
    legality: score.legality!.score,
    documentScore: n.documentScore,
    earned: n.earned,
    participating: n.participating,
    formDeducted: score.formDeductions!.deducted,
    normativity: n.score,
    manualItems: score.manualItems?.length ?? 0,
    range: score.totalRange ?? { min: score.total, max: score.total },
  };
}
