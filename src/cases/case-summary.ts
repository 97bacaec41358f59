/**
 * The summary columns of a stored case (what the case list, its filters and the deadline view read), built from
 * the case file, its draft-mode review and its latest stored review. Pure functions; CaseSummaryService stores them.
 */
import type { CaseFile, CaseStatus, Procedure } from '../core/case-file/types';
import type { ReviewResult, UpcomingDeadline } from '../core/engine/types';
import type { ScoreResult } from '../core/scoring/types';

/** 案号中的年份：益环罚〔2025〕12号 / [2025] / （2025） → 2025 */
const CASE_NUMBER_YEAR_RE = /[〔\[［(（【](\d{4})[〕\]］)）】]/;

/** 案件年度: the year in the case number, else the year the case was discovered. */
export function caseYear(cf: CaseFile): number {
  const m = CASE_NUMBER_YEAR_RE.exec(cf.case.caseNumber);
  return m ? +m[1] : +cf.case.discovery.discoveredOn.slice(0, 4);
}

/**
 * How search text is compared: Unicode NFKC (full-width ［２０２５］ = [2025], compatibility ideographs folded)
 * and lower case; applied to the stored text and to the query alike.
 */
export function normaliseSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export interface CaseSummaryColumns {
  caseNumber: string;
  agency: string;
  status: CaseStatus;
  year: number;
  procedure: Procedure;
  partyNames: string;
  officers: string;
  searchText: string;
}

export function summaryColumns(cf: CaseFile): CaseSummaryColumns {
  const parties = cf.parties.map((p) => p.name);
  return {
    caseNumber: cf.case.caseNumber,
    agency: cf.case.agency,
    status: cf.case.status,
    year: caseYear(cf),
    procedure: cf.case.procedure,
    partyNames: parties.join('\n'),
    officers: cf.officers.map((o) => o.name).join('\n'),
    searchText: normaliseSearch([cf.case.caseNumber, ...parties].join('\n')),
  };
}

/** The 承办人 names a case can be filtered by (distinct, non-empty, at most 200 characters as stored). */
export function officerTags(cf: CaseFile): string[] {
  return [...new Set(cf.officers.map((o) => o.name.trim()).filter((n) => n !== '' && n.length <= 200))];
}

/** Files still being handled have deadlines ahead (draft mode); closed and archived files are reviewed, not tracked. */
export function tracksDeadlines(status: CaseStatus): boolean {
  return status === 'draft' || status === 'in_progress';
}

export interface DeadlineRow {
  seq: number;
  ruleId: string;
  label: string;
  dueOn: string;
  calendar: string;
}

export function deadlineRows(upcoming: UpcomingDeadline[]): DeadlineRow[] {
  return upcoming.map((u, seq) => ({ seq, ruleId: u.ruleId, label: u.label.slice(0, 200), dueOn: u.dueOn, calendar: JSON.stringify(u.calendar) }));
}

export interface ReviewSummaryColumns {
  reviewId: string;
  reviewedAt: string;
  reviewedVersion: number;
  reviewMode: string;
  findingCount: number;
  vetoCount: number;
  score: number;
  grade: string;
  sheetId: string;
  sheetVersion: string;
}

export function reviewColumns(
  stored: { id: string; createdAt: string; caseVersion: number },
  review: ReviewResult,
  score: ScoreResult,
): ReviewSummaryColumns {
  return {
    reviewId: stored.id,
    reviewedAt: stored.createdAt,
    reviewedVersion: stored.caseVersion,
    reviewMode: review.mode,
    findingCount: review.findings.length,
    vetoCount: score.vetoHits.length,
    score: score.total,
    grade: score.grade,
    sheetId: score.sheetId,
    sheetVersion: score.sheetVersion,
  };
}

/** The rule ids of a review's findings, for the list's ruleId filter. */
export function ruleTags(review: ReviewResult): string[] {
  return [...new Set(review.findings.map((f) => f.ruleId))];
}
