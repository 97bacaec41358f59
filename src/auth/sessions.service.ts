import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SessionEntity } from './session.entity';

/** How often a session's last-seen time is written (the idle timeout is measured in minutes). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * How long a checked token is trusted without reading its session and account again. A revocation or an account
 * change made through this instance ends the trust at once; one made by another instance on the same database is
 * seen within this time (as the agency tree, AgenciesService).
 */
export const AUTHENTICATED_TTL_MS = 2_000;
/** Tokens remembered at most (the oldest are dropped first). */
const AUTHENTICATED_MAX = 10_000;

/** What a recently checked token stands for: its session and the account row's fields the request needs. */
export interface Authenticated<T> {
  sessionId: string;
  userId: string;
  value: T;
  until: number;
}

/** Login sessions, stored in the application database (so revocation and 强制下线 take effect at once). */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly repo: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** token → what it was last found to stand for (see AUTHENTICATED_TTL_MS) */
  private readonly recent = new Map<string, Authenticated<unknown>>();

  /** The remembered result of checking this token, while it is fresh. */
  remembered<T>(token: string, now = Date.now()): Authenticated<T> | undefined {
    const hit = this.recent.get(token);
    if (!hit) return undefined;
    if (hit.until > now) return hit as Authenticated<T>;
    this.recent.delete(token);
    return undefined;
  }

  /** Remember a checked token until `notAfter` at the latest (its expiry), for AUTHENTICATED_TTL_MS. */
  remember<T>(token: string, entry: Omit<Authenticated<T>, 'until'>, notAfter: number, now = Date.now()): void {
    if (this.recent.size >= AUTHENTICATED_MAX) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(token, { ...entry, until: Math.min(now + AUTHENTICATED_TTL_MS, notAfter) });
  }

  /** Forget what was remembered for a session or for every session of a user (account changed). */
  forget(match: { sessionId?: string; userId?: string }): void {
    for (const [token, e] of this.recent) {
      if (e.sessionId === match.sessionId || e.userId === match.userId) this.recent.delete(token);
    }
  }

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
    this.forget({ sessionId: id });
    await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** End every session of a user (account disabled, password changed). Returns how many were live. */
  async revokeAllOf(userId: string): Promise<number> {
    this.forget({ userId });
    const result = await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }
}
