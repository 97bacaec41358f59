import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant } from '../common/instant';

/**
 * One entry of the append-only audit log: who did what to which record, when, from which request. The database
 * refuses UPDATE and DELETE on this table (triggers created by the migration); there is no API to change it.
 */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  /** increasing sequence number */
  @PrimaryGeneratedColumn('increment')
  seq: number;

  @Index('IDX_audit_log_at')
  @Column({ type: 'varchar', length: 24, transformer: instant })
  at: Date;

  /** e.g. case.create, case.update, case.delete, auth.login, auth.login_failed, user.update */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 64 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 100, nullable: true })
  entityId: string | null;

  @Index('IDX_audit_log_case_id')
  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  @Index('IDX_audit_log_user_id')
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  /** copied so the entry stays readable if the account is renamed */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ name: 'agency_id', type: 'varchar', length: 36, nullable: true })
  agencyId: string | null;

  /** roles held at the time, comma-separated */
  @Column({ type: 'varchar', length: 200, nullable: true })
  roles: string | null;

  @Column({ name: 'version_before', type: 'integer', nullable: true })
  versionBefore: number | null;

  @Column({ name: 'version_after', type: 'integer', nullable: true })
  versionAfter: number | null;

  /** JSON of the relevant fields before / after (never a whole case file: party data stays in the case) */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Column({ type: 'text', nullable: true })
  after: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
