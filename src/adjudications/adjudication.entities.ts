import { Column, Entity, Index, PrimaryColumn, VersionColumn, type ValueTransformer } from 'typeorm';

/** Instants as fixed-width UTC ISO strings, as in case_files (same on sqlite and postgres). */
export const instant: ValueTransformer = {
  to: (value: Date | undefined | null) => (value instanceof Date ? value.toISOString() : value),
  from: (value: string | null) => (value == null ? value : new Date(value)),
};

/** A reviewer's ruling (裁定) on one finding of a case, keyed on the finding's fingerprint + facts digest. */
@Entity({ name: 'adjudication_rulings' })
@Index('IDX_rulings_case', ['caseId', 'createdAt'])
export class RulingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId: string;
  /** '' for the case's own review (法制审核), the evaluation task id for a 评查 — the two never mix */
  @Column({ type: 'varchar', length: 36 }) context: string;
  @Column({ name: 'rule_id', type: 'varchar', length: 40 }) ruleId: string;
  @Column({ type: 'varchar', length: 80 }) fingerprint: string;
  @Column({ name: 'facts_digest', type: 'varchar', length: 64 }) factsDigest: string;
  @Column({ type: 'text' }) refs: string;
  /** accepted | dismissed */
  @Column({ type: 'varchar', length: 12 }) decision: 'accepted' | 'dismissed';
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text' }) title: string;
  /** the review the ruling was made on */
  @Column({ name: 'review_id', type: 'varchar', length: 36 }) reviewId: string;
  @Column({ name: 'by_id', type: 'varchar', length: 36 }) byId: string;
  @Column({ name: 'by_name', type: 'varchar', length: 100 }) byName: string;
  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant }) createdAt: Date;
  /** 撤回: set when withdrawn or superseded by a later ruling */
  @Column({ name: 'withdrawn_at', type: 'varchar', length: 24, nullable: true, transformer: instant }) withdrawnAt: Date | null;
  @Column({ name: 'withdrawn_by_id', type: 'varchar', length: 36, nullable: true }) withdrawnById: string | null;
  @Column({ name: 'withdrawn_by_name', type: 'varchar', length: 100, nullable: true }) withdrawnByName: string | null;
}

/** An officer's explanation (情况说明) attached to a finding. */
@Entity({ name: 'finding_explanations' })
@Index('IDX_explanations_case', ['caseId', 'createdAt'])
export class ExplanationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId: string;
  @Column({ type: 'varchar', length: 80 }) fingerprint: string;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'by_id', type: 'varchar', length: 36 }) byId: string;
  @Column({ name: 'by_name', type: 'varchar', length: 100 }) byName: string;
  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant }) createdAt: Date;
}

/**
 * The reviewer's own judgement on a case: a manual finding (kind finding: 细则 item, category, severity, points,
 * text, evidence) or a manual item score (kind score: item, score). Tied to the scoring sheet it was made for.
 */
@Entity({ name: 'manual_judgements' })
@Index('IDX_manual_judgements_case', ['caseId', 'createdAt'])
export class ManualJudgementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId: string;
  /** '' for the case's own review, the evaluation task id for a 评查 */
  @Column({ type: 'varchar', length: 36 }) context: string;
  /** finding | score */
  @Column({ type: 'varchar', length: 10 }) kind: 'finding' | 'score';
  @Column({ name: 'sheet_id', type: 'varchar', length: 100 }) sheetId: string;
  /** finding: 细则 item; score: the sheet item scored */
  @Column({ type: 'text' }) item: string;
  @Column({ name: 'category_id', type: 'varchar', length: 100 }) categoryId: string;
  @Column({ type: 'varchar', length: 10, nullable: true }) severity: 'veto' | 'error' | 'warning' | 'info' | null;
  /** finding: points to deduct; score: the score given */
  @Column({ type: 'real' }) points: number;
  @Column({ name: 'veto_id', type: 'varchar', length: 20, nullable: true }) vetoId: string | null;
  @Column({ type: 'text', nullable: true }) text: string | null;
  @Column({ type: 'text', nullable: true }) evidence: string | null;
  @Column({ name: 'by_id', type: 'varchar', length: 36 }) byId: string;
  @Column({ name: 'by_name', type: 'varchar', length: 100 }) byName: string;
  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant }) createdAt: Date;
  @Column({ name: 'withdrawn_at', type: 'varchar', length: 24, nullable: true, transformer: instant }) withdrawnAt: Date | null;
}

/**
 * 签署 of one stored review (one version of the case's review): state, the event history, and once signed the
 * adjudicated result as signed (frozen: what the report and the evaluation read).
 */
@Entity({ name: 'review_sign_offs' })
@Index('IDX_sign_offs_case', ['caseId'])
export class SignOffEntity {
  @PrimaryColumn({ name: 'review_id', type: 'varchar', length: 36 }) reviewId: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId: string;
  @Column({ type: 'varchar', length: 10 }) state: 'open' | 'signed' | 'approved' | 'returned';
  /** SignOffEvent[] JSON */
  @Column({ type: 'text' }) events: string;
  /** SignedSnapshot JSON while signed / approved */
  @Column({ type: 'text', nullable: true }) snapshot: string | null;
  @Column({ name: 'updated_at', type: 'varchar', length: 24, transformer: instant }) updatedAt: Date;
  @VersionColumn() version: number;
}
