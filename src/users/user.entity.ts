import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { instant } from '../common/instant';

/** A real-name account (一人一号). */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** login name, stored in lower case */
  @Index('IDX_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** 姓名 */
  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  /** argon2id hash (PHC string) */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** roles, comma-separated (officer,reviewer,…) */
  @Column({ type: 'varchar', length: 200 })
  roles: string;

  @Index('IDX_users_agency_id')
  @Column({ name: 'agency_id', type: 'varchar', length: 36 })
  agencyId: string;

  /** a disabled account cannot log in and has no live sessions */
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** consecutive failed logins since the last success (登录失败锁定) */
  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'varchar', length: 24, nullable: true, transformer: instant })
  lockedUntil: Date | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'varchar', length: 24, transformer: instant })
  updatedAt: Date;
}
