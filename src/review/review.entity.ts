import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { ReviewMode } from '../core/engine/types';

/** Instants as fixed-width UTC ISO strings, as in case_files (same on sqlite and postgres). */
const instant: ValueTransformer = {
  to: (value: Date | undefined) => (value instanceof Date ? value.toISOString() : value),
  from: (value: string | null) => (value == null ? value : new Date(value)),
};

/**
 * A stored review (审查结果) of a stored case file: which pack and holiday data produced it, in which mode and
 * as of which day, and the ReviewResult JSON as the engine returned it.
 */
// (one TypeORM column declaration per stored field: alike in shape by design)
@Entity({ name: 'reviews' })
@Index('IDX_reviews_case_created', ['caseId', 'createdAt'])
export class ReviewEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** case_files.id */
  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  /** the case file's version when it was reviewed */
  @Column({ name: 'case_version', type: 'integer' })
  caseVersion: number;

  @Column({ name: 'rule_pack_version', type: 'varchar', length: 40 })
  rulePackVersion: string;

  @Column({ name: 'holiday_data_version', type: 'varchar', length: 200 })
  holidayDataVersion: string;

  @Column({ type: 'varchar', length: 20 })
  mode: ReviewMode;

  /** YYYY-MM-DD */
  @Column({ name: 'as_of', type: 'varchar', length: 10 })
  asOf: string;

  /** counts for listing without parsing the result */
  @Column({ name: 'finding_count', type: 'integer' })
  findingCount: number;

  @Column({ name: 'veto_count', type: 'integer' })
  vetoCount: number;

  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant })
  createdAt: Date;

  /** ReviewResult JSON */
  @Column({ type: 'text' })
  result: string;
}
