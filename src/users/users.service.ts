import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AgenciesService } from '../agencies/agencies.service';
import type { PublicUser } from '../auth/auth-user';
import { isRole, ROLES, type Role } from '../auth/roles';
import { SessionsService } from '../auth/sessions.service';
import { BodyChecker, UUID_RE } from '../common/body-checks';
import { badRequest, conflict, notFound } from '../common/errors';
import { hashPassword, passwordProblem } from './password';
import { UserEntity } from './user.entity';

export interface UserView extends PublicUser {
  disabled: boolean;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  agencyId: string;
}

const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export function rolesOf(row: UserEntity): Role[] {
  return row.roles.split(',').filter(isRole);
}

/** Accounts (一人一号): created and changed by an admin. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>,
    private readonly agencies: AgenciesService,
    private readonly sessions: SessionsService,
  ) {}

  async view(row: UserEntity): Promise<UserView> {
    const agency = await this.agencies.entity(row.agencyId);
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      roles: rolesOf(row),
      agency: { id: agency.id, name: agency.name },
      disabled: row.disabled,
      locked: row.lockedUntil != null && row.lockedUntil.getTime() > Date.now(),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async list(): Promise<UserView[]> {
    const rows = await this.repo.find({ order: { username: 'ASC' } });
    return Promise.all(rows.map((r) => this.view(r)));
  }

  async entity(id: string): Promise<UserEntity> {
    if (!UUID_RE.test(id)) badRequest([{ path: 'id', code: 'INVALID_ID', message: `用户 id 格式错误：'${id}'（应为 UUID）` }], '用户 id 格式错误', 'INVALID_ID');
    const row = await this.repo.findOneBy({ id: id.toLowerCase() });
    if (!row) notFound(`用户不存在：${id}`, 'USER_NOT_FOUND');
    return row;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ username: username.trim().toLowerCase() });
  }

  async countAdmins(): Promise<number> {
    return (await this.repo.find({ select: { roles: true, disabled: true } })).filter((u) => !u.disabled && u.roles.split(',').includes('admin')).length;
  }

  /** POST /api/users {username, password, displayName, role | roles, agencyId} */
  async createFromBody(body: unknown): Promise<UserView> {
    const c = new BodyChecker(body, ['username', 'password', 'displayName', 'role', 'roles', 'agencyId']);
    const username = this.username(c);
    const password = this.password(c, username);
    const displayName = c.string('displayName', '姓名', 100);
    const roles = this.roles(c, true);
    const agencyId = this.agencyId(c, true);
    c.done('用户数据有误');
    return this.view(await this.create({ username: username!, password: password!, displayName: displayName!, roles: roles!, agencyId: agencyId! }));
  }

  /** Create an account (validated input). 409 USERNAME_EXISTS, 400 AGENCY_NOT_FOUND. */
  async create(input: NewUser): Promise<UserEntity> {
    const problem = passwordProblem(input.password, input.username);
    if (problem) badRequest([{ path: 'password', code: 'WEAK_PASSWORD', message: problem }], problem, 'WEAK_PASSWORD');
    await this.agencies.entity(input.agencyId).catch(() => this.agencyMissing(input.agencyId));
    const username = input.username.toLowerCase();
    if (await this.findByUsername(username)) conflict(`用户名已存在：${username}`, 'USERNAME_EXISTS', [{ path: 'username', code: 'USERNAME_EXISTS', message: `用户名已存在：${username}` }]);
    const now = new Date();
    const row = this.repo.create({
      id: randomUUID(),
      username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      roles: [...new Set(input.roles)].join(','),
      agencyId: input.agencyId.toLowerCase(),
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.repo.insert(row);
    } catch (e) {
      if (await this.findByUsername(username)) conflict(`用户名已存在：${username}`, 'USERNAME_EXISTS');
      throw e;
    }
    return row;
  }

  /**
   * PATCH /api/users/:id {displayName?, password?, role | roles?, agencyId?, disabled?, unlock?}. Disabling an
   * account or setting a new password ends all its sessions. Returns the view and the fields before the change.
   */
  async update(id: string, body: unknown): Promise<{ before: UserView; after: UserView; sessionsEnded: number }> {
    const row = await this.entity(id);
    const before = await this.view(row);
    const c = new BodyChecker(body, ['displayName', 'password', 'role', 'roles', 'agencyId', 'disabled', 'unlock']);
    const displayName = c.has('displayName') ? c.string('displayName', '姓名', 100) : undefined;
    const password = c.has('password') ? this.password(c, row.username) : undefined;
    const roles = this.roles(c, false);
    const agencyId = this.agencyId(c, false);
    const disabled = c.boolean('disabled', '停用');
    const unlock = c.boolean('unlock', '解除锁定');
    c.done('用户数据有误');
    if (agencyId) await this.agencies.entity(agencyId).catch(() => this.agencyMissing(agencyId));
    if (displayName !== undefined) row.displayName = displayName;
    if (password !== undefined) row.passwordHash = await hashPassword(password);
    if (roles !== undefined) row.roles = [...new Set(roles)].join(',');
    if (agencyId !== undefined) row.agencyId = agencyId;
    if (disabled !== undefined) row.disabled = disabled;
    if (unlock) {
      row.failedLogins = 0;
      row.lockedUntil = null;
    }
    row.updatedAt = new Date();
    await this.repo.save(row);
    this.sessions.forget({ userId: row.id });
    const sessionsEnded = disabled === true || password !== undefined || agencyId !== undefined || roles !== undefined ? await this.sessions.revokeAllOf(row.id) : 0;
    return { before, after: await this.view(row), sessionsEnded };
  }

  /** A failed login: count it and lock the account after `maxFailures` in a row. Returns whether it is now locked. */
  async recordFailure(row: UserEntity, maxFailures: number, lockMinutes: number): Promise<boolean> {
    // counted in the database, so that guesses sent in parallel cannot all see the same count
    await this.repo.createQueryBuilder().update(UserEntity).set({ failedLogins: () => 'failed_logins + 1' }).where('id = :id', { id: row.id }).execute();
    const failures = (await this.repo.findOneBy({ id: row.id }))?.failedLogins ?? maxFailures;
    if (failures < maxFailures) return false;
    await this.repo
      .createQueryBuilder()
      .update(UserEntity)
      .set({ failedLogins: 0, lockedUntil: new Date(Date.now() + lockMinutes * 60_000) })
      .where('id = :id', { id: row.id })
      .execute();
    return true;
  }

  async recordSuccess(row: UserEntity): Promise<void> {
    if (row.failedLogins !== 0 || row.lockedUntil !== null) await this.repo.update({ id: row.id }, { failedLogins: 0, lockedUntil: null });
  }

  // —— body parts ——

  private username(c: BodyChecker): string | undefined {
    const v = c.string('username', '用户名', 64);
    if (v !== undefined && !USERNAME_RE.test(v.toLowerCase())) {
      c.add({ path: 'username', code: 'INVALID_USERNAME', message: '用户名应为 3–64 位字母、数字或 . _ -，以字母或数字开头' });
      return undefined;
    }
    return v?.toLowerCase();
  }

  private password(c: BodyChecker, username: string | undefined): string | undefined {
    const v = c.raw('password');
    if (typeof v !== 'string') {
      c.add({ path: 'password', code: v === undefined ? 'REQUIRED' : 'INVALID_TYPE', message: '缺少密码（password），应为字符串' });
      return undefined;
    }
    const problem = passwordProblem(v, username);
    if (problem) {
      c.add({ path: 'password', code: 'WEAK_PASSWORD', message: problem });
      return undefined;
    }
    return v;
  }

  private roles(c: BodyChecker, required: boolean): Role[] | undefined {
    if (c.has('role') && c.has('roles')) {
      c.add({ path: 'roles', code: 'AMBIGUOUS', message: 'role 与 roles 只能给出一个' });
      return undefined;
    }
    const raw = c.has('role') ? [c.raw('role')] : c.raw('roles');
    const path = c.has('role') ? 'role' : 'roles';
    if (raw === undefined) {
      if (required) c.add({ path: 'roles', code: 'REQUIRED', message: `缺少角色（role 或 roles）；可选：${ROLES.join('、')}` });
      return undefined;
    }
    if (!Array.isArray(raw) || raw.length === 0) {
      c.add({ path, code: 'INVALID_TYPE', message: `roles 应为非空数组；可选：${ROLES.join('、')}` });
      return undefined;
    }
    const bad = raw.findIndex((r) => !isRole(r));
    if (bad >= 0) {
      c.add({ path: path === 'role' ? 'role' : `roles[${bad}]`, code: 'INVALID_ENUM', message: `未知角色「${String(raw[bad])}」；可选：${ROLES.join('、')}` });
      return undefined;
    }
    return raw as Role[];
  }

  private agencyId(c: BodyChecker, required: boolean): string | undefined {
    const v = c.raw('agencyId');
    if (v === undefined) {
      if (required) c.add({ path: 'agencyId', code: 'REQUIRED', message: '缺少所属机构（agencyId）' });
      return undefined;
    }
    if (typeof v !== 'string' || !UUID_RE.test(v)) {
      c.add({ path: 'agencyId', code: 'INVALID_ID', message: '所属机构 agencyId 应为机构 id（UUID）' });
      return undefined;
    }
    return v.toLowerCase();
  }

  private agencyMissing(agencyId: string): never {
    return badRequest([{ path: 'agencyId', code: 'AGENCY_NOT_FOUND', message: `机构不存在：${agencyId}` }], '所属机构不存在', 'AGENCY_NOT_FOUND');
  }
}
