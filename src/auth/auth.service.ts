import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AgenciesService } from '../agencies/agencies.service';
import { AuditService } from '../audit/audit.service';
import { apiError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { hashPassword, verifyPassword } from '../users/password';
import type { UserEntity } from '../users/user.entity';
import { rolesOf, UsersService } from '../users/users.service';
import type { AuthUser, PublicUser } from './auth-user';
import { SessionsService } from './sessions.service';

export const SESSION_COOKIE = 'casefile_session';

interface TokenClaims {
  sub: string;
  sid: string;
  exp?: number;
}

/** The account fields an authenticated request carries (AuthUser without its agency subtree and session). */
type AccountFields = Omit<AuthUser, 'agencyIds' | 'sessionId'>;

/** Compared against when the username is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;

/** Login, logout, and turning a token into the request's user. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly agencies: AgenciesService,
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The account for these credentials. 401 INVALID_CREDENTIALS (unknown user or wrong password — the same answer
   * for both), 423 ACCOUNT_LOCKED after LOGIN_MAX_FAILURES wrong passwords in a row, 403 ACCOUNT_DISABLED.
   */
  async validateCredentials(username: string, password: string): Promise<UserEntity> {
    const row = await this.users.findByUsername(username);
    if (!row) {
      await verifyPassword(await (dummyHash ??= hashPassword('not-a-password-0')), password);
      await this.audit.record({ action: 'auth.login_failed', entityType: 'user', entityId: null, after: { username: username.slice(0, 64), reason: 'unknown_user' }, user: null });
      throw invalidCredentials();
    }
    const actor = { id: row.id, username: row.username, agencyId: row.agencyId, roles: rolesOf(row) };
    if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) {
      await this.audit.record({ action: 'auth.login_failed', entityType: 'user', entityId: row.id, after: { reason: 'locked' }, user: actor });
      throw locked(row.lockedUntil);
    }
    if (!(await verifyPassword(row.passwordHash, password))) {
      const nowLocked = await this.users.recordFailure(row, this.config.loginMaxFailures, this.config.loginLockMinutes);
      await this.audit.record({ action: nowLocked ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: row.id, after: { reason: 'wrong_password' }, user: actor });
      if (nowLocked) throw locked(new Date(Date.now() + this.config.loginLockMinutes * 60_000));
      throw invalidCredentials();
    }
    if (row.disabled) {
      await this.audit.record({ action: 'auth.login_failed', entityType: 'user', entityId: row.id, after: { reason: 'disabled' }, user: actor });
      throw apiError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员');
    }
    await this.users.recordSuccess(row);
    return row;
  }

  /** Open a session for a validated account: the token (cookie value and Bearer token alike) and the user. */
  async login(row: UserEntity, ip: string | undefined): Promise<{ token: string; user: PublicUser; maxAgeMs: number }> {
    const session = await this.sessions.open(row.id, ip);
    const claims: TokenClaims = { sub: row.id, sid: session.id };
    const token = await this.jwt.signAsync(claims, { expiresIn: this.config.sessionMaxAgeMinutes * 60 });
    const user = await this.toAuthUser(row, session.id);
    await this.audit.record({ action: 'auth.login', entityType: 'session', entityId: session.id, user });
    return { token, user: await this.publicUser(user), maxAgeMs: this.config.sessionMaxAgeMinutes * 60_000 };
  }

  async logout(user: AuthUser): Promise<void> {
    if (user.sessionId) await this.sessions.revoke(user.sessionId);
    await this.audit.record({ action: 'auth.logout', entityType: 'session', entityId: user.sessionId ?? null, user });
  }

  /** The user of a token, or undefined when the token is malformed, forged, expired, revoked or the account disabled. */
  async authenticate(token: string): Promise<AuthUser | undefined> {
    const hit = this.sessions.remembered<AccountFields>(token);
    // the agency subtree is read again: AgenciesService keeps it current
    if (hit) return this.authUserOf(hit.value, hit.sessionId);
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return undefined;
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return undefined;
    const session = await this.sessions.live(claims.sid, claims.sub);
    if (!session) return undefined;
    const row = await this.users.findById(claims.sub);
    if (!row || row.disabled) return undefined;
    const account: AccountFields = { id: row.id, username: row.username, displayName: row.displayName, roles: rolesOf(row), agencyId: row.agencyId };
    const expiresAt = Math.min(session.expiresAt.getTime(), typeof claims.exp === 'number' ? claims.exp * 1000 : Infinity);
    this.sessions.remember(token, { sessionId: session.id, userId: row.id, value: account }, expiresAt);
    return this.authUserOf(account, session.id);
  }

  async toAuthUser(row: UserEntity, sessionId?: string): Promise<AuthUser> {
    return this.authUserOf({ id: row.id, username: row.username, displayName: row.displayName, roles: rolesOf(row), agencyId: row.agencyId }, sessionId);
  }

  private async authUserOf(account: AccountFields, sessionId?: string): Promise<AuthUser> {
    return {
      ...account,
      roles: [...account.roles],
      agencyIds: await this.agencies.subtreeIds(account.agencyId),
      ...(sessionId ? { sessionId } : {}),
    };
  }

  async publicUser(user: AuthUser): Promise<PublicUser> {
    const agency = await this.agencies.entity(user.agencyId);
    return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, agency: { id: agency.id, name: agency.name } };
  }
}

function invalidCredentials() {
  return apiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
}

function locked(until: Date) {
  const local = new Date(until.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return apiError(423, 'ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定至 ${local}（北京时间）；可请管理员解除锁定`);
}
