import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SessionEntity } from './session.entity';

/** How often a session's last-seen time is written (the idle timeout is measured in minutes). */
const TOUCH_INTERVAL_MS = 60_000;

/** Login sessions, stored in the application database (so revocation and 强制下线 take effect at once). */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly repo: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(userId: string, ip: string | undefined): Promise<SessionEntity> {
    const now = new Date();
    const row = this.repo.create({
      id: randomUUID(),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionMaxAgeMinutes * 60_000),
      revokedAt: null,
      ip: ip?.slice(0, 64) ?? null,
    });
    await this.repo.insert(row);
    return row;
  }

  /** The session if it is live (not revoked, not past its absolute or idle limit); its last-seen time is refreshed. */
  async live(id: string, userId: string): Promise<SessionEntity | undefined> {
    const row = await this.repo.findOneBy({ id });
    if (!row || row.userId !== userId || row.revokedAt) return undefined;
    const now = Date.now();
    if (row.expiresAt.getTime() <= now) return undefined;
    if (row.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000 <= now) return undefined;
    if (now - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      row.lastSeenAt = new Date(now);
      // best effort: storage that cannot be written right now (locked, read-only) must not stop reads
      await this.repo.update({ id: row.id }, { lastSeenAt: row.lastSeenAt }).catch(() => undefined);
    }
    return row;
  }

  async revoke(id: string): Promise<void> {
    await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** End every session of a user (account disabled, password changed). Returns how many were live. */
  async revokeAllOf(userId: string): Promise<number> {
    const result = await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }
}
