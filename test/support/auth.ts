/**
 * Log in as a fresh user with the given roles, created through the real UsersService and logged in through the
 * real POST /api/auth/login:
 *
 *   const officer = await loginAs(app, { roles: ['officer'], agencyId });
 *   await request(app.getHttpServer()).get('/api/cases').set('Authorization', `Bearer ${officer.token}`);
 *   await request(app.getHttpServer()).get('/api/cases').set('Cookie', officer.cookie);   // browser-style
 *
 * Without `agencyId` the user belongs to the test root agency (see testAgency).
 */
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AgenciesService } from '../../src/agencies/agencies.service';
import type { AgencyEntity } from '../../src/agencies/agency.entity';
import type { PublicUser } from '../../src/auth/auth-user';
import type { Role } from '../../src/auth/roles';
import { UsersService } from '../../src/users/users.service';

export const TEST_PASSWORD = 'test-Passw0rd';
export const TEST_ROOT_AGENCY = '测试市生态环境局';

export interface LoggedIn {
  token: string;
  /** `casefile_session=…` for a Cookie request header */
  cookie: string;
  user: PublicUser;
  /** `{ Authorization: 'Bearer …' }` */
  headers: { Authorization: string };
}

let counter = 0;

/** The agency with this name (a root, or under `parentId`), created if absent. */
export function testAgency(app: INestApplication, name = TEST_ROOT_AGENCY, parentId: string | null = null): Promise<AgencyEntity> {
  return app.get(AgenciesService).ensure(name, parentId);
}

export async function loginAs(
  app: INestApplication,
  options: { roles: Role[]; agencyId?: string; username?: string; displayName?: string; password?: string },
): Promise<LoggedIn> {
  const agencyId = options.agencyId ?? (await testAgency(app)).id;
  const username = options.username ?? `t${process.pid}-${++counter}-${options.roles.join('-').replace(/_/g, '')}`.slice(0, 64).toLowerCase();
  const password = options.password ?? TEST_PASSWORD;
  await app.get(UsersService).create({ username, password, displayName: options.displayName ?? `测试用户${counter}`, roles: options.roles, agencyId });
  const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('casefile_session='));
  if (!cookie) throw new Error('login set no session cookie');
  const body = res.body as { token: string; user: PublicUser };
  return { token: body.token, cookie, user: body.user, headers: { Authorization: `Bearer ${body.token}` } };
}
