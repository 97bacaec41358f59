import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseStatus, Procedure } from '../core/case-file/types';

/**
 * What the case list shows of a stored case (案卷摘要), one row per case, kept up to date whenever the case is
 * written or reviewed (CaseSummaryService). The list, its filters, its counts and the deadline view read only
 * these tables, never the case file JSON in case_files.document. Rows go with their case (ON DELETE CASCADE).
 * Instants are UTC ISO strings as in case_files; dates are YYYY-MM-DD.
 */
@Entity({ name: 'case_summaries' })
export class CaseSummaryEntity {
  /** integer key: the SQLite full-text index (FTS5, external content) refers to rows by it */
  @PrimaryGeneratedColumn({ type: 'integer' })
  seq: number;

  /** case_files.id */
  @Index('IDX_case_summaries_case_id', { unique: true })
  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  /** 案号 */
  @Column({ name: 'case_number', type: 'varchar', length: 200 })
  caseNumber: string;

  /** 执法机关 */
  @Column({ type: 'varchar', length: 200 })
  agency: string;

  /** the agency record (case_files.agency_id): what a user's scope filters on */
  @Column({ name: 'agency_id', type: 'varchar', length: 36, nullable: true })
  agencyId: string | null;

  /** 案件状态 */
  @Column({ type: 'varchar', length: 20 })
  status: CaseStatus;

  /** 案件年度 */
  @Column({ type: 'integer' })
  year: number;

  /** 程序: simple（简易程序）| general（一般程序） */
  @Column({ type: 'varchar', length: 20 })
  procedure: Procedure;

  /** 当事人名称, one per line */
  @Column({ name: 'party_names', type: 'text' })
  partyNames: string;

  /** 承办人（执法人员）姓名, one per line */
  @Column({ type: 'text' })
  officers: string;

  /** 案号 and 当事人名称, NFKC + lower case, one per line: what ?q searches */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  /** the case's version this row was built from */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;

  // —— the latest stored review (POST /api/cases/:id/reviews), scored with the default sheet ——

  @Column({ name: 'review_id', type: 'varchar', length: 36, nullable: true })
  reviewId: string | null;

  @Column({ name: 'reviewed_at', type: 'varchar', length: 24, nullable: true })
  reviewedAt: string | null;

  /** the case version the review looked at (differs from `version` once the case changed since) */
  @Column({ name: 'reviewed_version', type: 'integer', nullable: true })
  reviewedVersion: number | null;

  @Column({ name: 'review_mode', type: 'varchar', length: 20, nullable: true })
  reviewMode: string | null;

  @Column({ name: 'finding_count', type: 'integer', nullable: true })
  findingCount: number | null;

  /** 否决项 hits of the score (0 = none) */
  @Column({ name: 'veto_count', type: 'integer', nullable: true })
  vetoCount: number | null;

  /** 总分 */
  @Column({ type: 'real', nullable: true })
  score: number | null;

  /** 优秀 / 良好 / 合格 / 不合格 */
  @Column({ type: 'varchar', length: 20, nullable: true })
  grade: string | null;

  @Column({ name: 'sheet_id', type: 'varchar', length: 64, nullable: true })
  sheetId: string | null;

  @Column({ name: 'sheet_version', type: 'varchar', length: 40, nullable: true })
  sheetVersion: string | null;
}

/**
 * Many-valued list filters of a case: kind `officer` (承办人姓名) and `rule` (rule ids of the latest review's
 * findings). Keyed for the lookup the list makes: kind + value → case ids.
 */
@Entity({ name: 'case_summary_tags' })
@Index('IDX_case_summary_tags_case', ['caseId'])
export class CaseSummaryTagEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: 'officer' | 'rule';

  @PrimaryColumn({ type: 'varchar', length: 200 })
  value: string;

  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;
}

/**
 * The deadlines still ahead of a case when it was last written (期限), from a draft-mode review of the stored file:
 * what the cross-case deadline view (GET /api/deadlines) and the list's nextDue read.
 */
@Entity({ name: 'case_deadlines' })
@Index('IDX_case_deadlines_due', ['dueOn', 'agency'])
@Index('IDX_case_deadlines_agency_due', ['agency', 'dueOn'])
export class CaseDeadlineEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  /** position in the review's upcoming list (earliest first) */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  /** 执法机关 (copied so the view filters without a join) */
  @Column({ type: 'varchar', length: 200 })
  agency: string;

  /** the agency record (case_files.agency_id) */
  @Column({ name: 'agency_id', type: 'varchar', length: 36, nullable: true })
  agencyId: string | null;

  @Column({ name: 'case_number', type: 'varchar', length: 200 })
  caseNumber: string;

  @Column({ name: 'rule_id', type: 'varchar', length: 40 })
  ruleId: string;

  /** e.g. 听证申请期限届满 */
  @Column({ type: 'varchar', length: 200 })
  label: string;

  /** 届满日 YYYY-MM-DD */
  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn: string;

  /** the calendar's explanation of the due date, JSON array of Chinese steps */
  @Column({ type: 'text' })
  calendar: string;
}
