import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { instant } from '../common/instant';

/**
 * A login session. The token (cookie or Bearer) is a signed JWT naming this row; a token is accepted only while
 * its row is neither revoked (logout, account disabled) nor expired (absolute and idle limits).
 */
@Entity({ name: 'auth_sessions' })
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('IDX_auth_sessions_user_id')
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant })
  createdAt: Date;

  /** last request seen (written at most once a minute), for the idle timeout */
  @Column({ name: 'last_seen_at', type: 'varchar', length: 24, transformer: instant })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', type: 'varchar', length: 24, transformer: instant })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'varchar', length: 24, nullable: true, transformer: instant })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
