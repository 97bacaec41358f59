import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { instant } from '../adjudications/adjudication.entities';

/**
 * 年度案卷评查任务: its parameters (scope, sampling with the seed, reviewers, 组长, scoring sheet) and what the
 * draw gave (population, per agency, 回避, unassigned). open → published (the agencies see their results and
 * may object and the reviewers answer).
 */
@Entity({ name: 'evaluation_tasks' })
export class EvaluationTaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ name: 'sheet_id', type: 'varchar', length: 100 }) sheetId: string;
  @Column({ type: 'varchar', length: 12 }) state: 'open' | 'published';
  /** TaskParams JSON */
  @Column({ type: 'text' }) params: string;
  /** TaskDraw JSON */
  @Column({ type: 'text' }) draw: string;
  @Column({ name: 'created_by_id', type: 'varchar', length: 36 }) createdById: string;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName: string;
  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant }) createdAt: Date;
  @Column({ name: 'published_at', type: 'varchar', length: 24, nullable: true, transformer: instant }) publishedAt: Date | null;
}

/** One sampled case of a task: why it is in, who reviews it, the review made for the task. */
@Entity({ name: 'evaluation_task_cases' })
@Index('IDX_task_cases_task_case', ['taskId', 'caseId'], { unique: true })
export class EvaluationTaskCaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'task_id', type: 'varchar', length: 36 }) taskId: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId: string;
  @Column({ name: 'case_number', type: 'varchar', length: 200 }) caseNumber: string;
  @Column({ type: 'varchar', length: 200 }) agency: string;
  /** the agency record of the case (agencies.id), for who may see its results */
  @Column({ name: 'agency_id', type: 'varchar', length: 36, nullable: true }) agencyId: string | null;
  /** 承办人 names, JSON array */
  @Column({ type: 'text' }) officers: string;
  /** all | must | drawn */
  @Column({ type: 'varchar', length: 10 }) reason: 'all' | 'must' | 'drawn';
  @Column({ name: 'evaluator_id', type: 'varchar', length: 36, nullable: true }) evaluatorId: string | null;
  @Column({ name: 'evaluator_name', type: 'varchar', length: 100, nullable: true }) evaluatorName: string | null;
  @Column({ name: 'review_id', type: 'varchar', length: 36, nullable: true }) reviewId: string | null;
}

/** 异议: the agency objects to a finding of its case; the reviewer answers; the outcome is recorded. */
@Entity({ name: 'evaluation_objections' })
@Index('IDX_objections_task', ['taskId', 'createdAt'])
export class ObjectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'task_id', type: 'varchar', length: 36 }) taskId: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId: string;
  @Column({ type: 'varchar', length: 80 }) fingerprint: string;
  @Column({ name: 'rule_id', type: 'varchar', length: 40 }) ruleId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'by_id', type: 'varchar', length: 36 }) byId: string;
  @Column({ name: 'by_name', type: 'varchar', length: 100 }) byName: string;
  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant }) createdAt: Date;
  /** upheld (异议成立: the finding is dismissed in the results) | rejected (维持) */
  @Column({ type: 'varchar', length: 10, nullable: true }) outcome: 'upheld' | 'rejected' | null;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'answered_by_id', type: 'varchar', length: 36, nullable: true }) answeredById: string | null;
  @Column({ name: 'answered_by_name', type: 'varchar', length: 100, nullable: true }) answeredByName: string | null;
  @Column({ name: 'answered_at', type: 'varchar', length: 24, nullable: true, transformer: instant }) answeredAt: Date | null;
}

/** A ticked (or unticked) 整改 item of a task. */
@Entity({ name: 'evaluation_rectifications' })
@Index('IDX_rectifications_task_key', ['taskId', 'itemKey'], { unique: true })
export class RectificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'task_id', type: 'varchar', length: 36 }) taskId: string;
  @Column({ name: 'item_key', type: 'varchar', length: 200 }) itemKey: string;
  @Column({ type: 'boolean' }) done: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'by_id', type: 'varchar', length: 36 }) byId: string;
  @Column({ name: 'by_name', type: 'varchar', length: 100 }) byName: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24, transformer: instant }) updatedAt: Date;
}
