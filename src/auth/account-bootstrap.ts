import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AgenciesService } from '../agencies/agencies.service';
import { ApiException } from '../common/errors';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UsersService } from '../users/users.service';
import type { Role } from './roles';

/** The demo agency tree: the sample case files' 市局 with their 分局, and a second 分局 that has no cases. */
export const DEMO_CITY_BUREAU = '沅澧市生态环境局';
export const DEMO_BRANCHES = ['沅澧市生态环境局临湖分局', '沅澧市生态环境局西洲分局'] as const;

/** Demo-only accounts (README lists them). Never created in production. */
export const DEMO_PASSWORD = 'demo-2026!';
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; roles: Role[]; agency: string }> = [
  { username: 'demo-admin', displayName: '演示管理员', roles: ['admin'], agency: DEMO_CITY_BUREAU },
  { username: 'demo-evaluator', displayName: '演示评查组织者', roles: ['evaluation_admin', 'reviewer'], agency: DEMO_CITY_BUREAU },
  { username: 'demo-reviewer', displayName: '演示法制审核员', roles: ['reviewer'], agency: DEMO_CITY_BUREAU },
  { username: 'demo-city-officer', displayName: '演示市局承办人', roles: ['officer'], agency: DEMO_CITY_BUREAU },
  { username: 'demo-officer', displayName: '演示临湖分局承办人', roles: ['officer'], agency: DEMO_BRANCHES[0] },
  { username: 'demo-xizhou-officer', displayName: '演示西洲分局承办人', roles: ['officer'], agency: DEMO_BRANCHES[1] },
];

/**
 * At start-up:
 * - ADMIN_USERNAME + ADMIN_PASSWORD on a database without an admin create the first admin (in ADMIN_AGENCY);
 * - DEMO_ACCOUNTS=1 (`npm start`) creates the demo agencies and accounts that do not exist yet and prints them once;
 * - in production (NODE_ENV=production) a database without any active admin stops the start.
 */
@Injectable()
export class AccountBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly users: UsersService,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword } = this.config;
    if (adminUsername && adminPassword && (await this.users.countAdmins()) === 0) {
      const agency = await this.agencies.ensure(this.config.adminAgency);
      const admin = await this.createOnce({ username: adminUsername, password: adminPassword, displayName: '系统管理员', roles: ['admin'], agencyId: agency.id });
      if (admin) {
        await this.audit.record({ action: 'user.create', entityType: 'user', entityId: admin.id, after: { username: admin.username, roles: ['admin'], source: 'ADMIN_USERNAME' }, user: null });
        this.logger.log(`已创建首个管理员：${admin.username}（${agency.name}）`);
      }
    }
    if (this.config.demoAccounts) await this.createDemoAccounts();
    if (this.config.production && (await this.users.countAdmins()) === 0) {
      throw new Error('生产模式下数据库中没有可用的管理员账号：请设置 ADMIN_USERNAME 与 ADMIN_PASSWORD 后重新启动（首次启动时据此创建管理员）');
    }
  }

  /** Create an account unless another instance starting on the same database just did (then undefined). */
  private async createOnce(input: Parameters<UsersService['create']>[0]) {
    try {
      return await this.users.create(input);
    } catch (e) {
      if (e instanceof ApiException && e.body.code === 'USERNAME_EXISTS') return undefined;
      throw e;
    }
  }

  private async createDemoAccounts(): Promise<void> {
    const city = await this.agencies.ensure(DEMO_CITY_BUREAU);
    const agencyIds = new Map<string, string>([[city.name, city.id]]);
    for (const name of DEMO_BRANCHES) agencyIds.set(name, (await this.agencies.ensure(name, city.id)).id);
    const created: string[] = [];
    for (const a of DEMO_ACCOUNTS) {
      if (await this.users.findByUsername(a.username)) continue;
      const row = await this.createOnce({ username: a.username, password: DEMO_PASSWORD, displayName: a.displayName, roles: a.roles, agencyId: agencyIds.get(a.agency)! });
      if (!row) continue;
      await this.audit.record({ action: 'user.create', entityType: 'user', entityId: row.id, after: { username: row.username, roles: a.roles, source: 'DEMO_ACCOUNTS' }, user: null });
      created.push(`  ${a.username.padEnd(20)} ${a.roles.join(',').padEnd(27)} ${a.agency}`);
    }
    if (created.length) {
      this.logger.warn(`已创建演示账号（仅供演示，勿用于生产；密码均为 ${DEMO_PASSWORD}）：\n${created.join('\n')}`);
    }
  }
}
