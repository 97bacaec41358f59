import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loginAs, TEST_PASSWORD, testAgency } from '../support/auth';
import { api, createTestApp, defaultUser, TEST_DATABASE_URL } from '../support/create-test-app';
import { DataSource } from 'typeorm';
import { UsersService } from '../../src/users/users.service';
import { SessionEntity } from '../../src/auth/session.entity';
import { AUTHENTICATED_TTL_MS } from '../../src/auth/sessions.service';

describe('authentication: login, sessions, the global guard', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp({ config: { loginMaxFailures: 3, loginLockMinutes: 15 } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses every API route without credentials (401 UNAUTHENTICATED), and a forged or garbage token', async () => {
    for (const [method, url] of [
      ['get', '/api/cases'],
      ['delete', '/api/cases/216915e2-798d-4b25-8de1-75bded387d0c'],
      ['get', '/api/rules'],
      ['get', '/api/evaluations'],
      ['get', '/api/calendar/day/2025-10-11'],
      ['get', '/api/auth/me'],
      ['get', '/api/users'],
      ['get', '/api/audit'],
    ] as const) {
      const res = await http()[method](url).expect(401);
      expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.stringContaining('请先登录'), errors: [] });
    }
    await http().get('/api/cases').set('Authorization', 'Bearer garbage').expect(401);
    const token = defaultUser(app).token;
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await http().get('/api/cases').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('health and login need no credentials', async () => {
    const res = await http().get('/api/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: { ok: true },
      rulePack: { ok: true, version: expect.any(String), rules: expect.any(Number) },
      lists: { running: 0, waiting: 0, concurrency: /^postgres/.test(TEST_DATABASE_URL) ? 4 : 2 },
    });
  });

  it('login → token + user + httpOnly SameSite=Strict cookie; me; logout ends the session for token and cookie', async () => {
    const agency = await testAgency(app);
    await app.get(UsersService).create({ username: 'zhang.san', password: 'Zhang-2026x', displayName: '张三', roles: ['officer', 'reviewer'], agencyId: agency.id });
    const res = await http().post('/api/auth/login').send({ username: 'Zhang.San', password: 'Zhang-2026x' }).expect(200);
    expect(res.body).toEqual({
      token: expect.any(String),
      user: { id: expect.any(String), username: 'zhang.san', displayName: '张三', roles: ['officer', 'reviewer'], agency: { id: agency.id, name: agency.name } },
    });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie']);
    expect(setCookie[0]).toMatch(/^casefile_session=[^;]+;/);
    expect(setCookie[0]).toMatch(/HttpOnly/);
    expect(setCookie[0]).toMatch(/SameSite=Strict/);
    const cookie = setCookie[0].split(';')[0];
    const token = res.body.token as string;

    const me = await http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toEqual(res.body.user);
    await http().get('/api/auth/me').set('Cookie', cookie).expect(200);

    await http().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await http().get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('wrong password and unknown user get the same 401; the account locks after repeated failures (423)', async () => {
    const agency = await testAgency(app);
    await app.get(UsersService).create({ username: 'li.si', password: 'Lisi-2026x', displayName: '李四', roles: ['officer'], agencyId: agency.id });
    const wrong = await http().post('/api/auth/login').send({ username: 'li.si', password: 'nope-nope-1' }).expect(401);
    const unknown = await http().post('/api/auth/login').send({ username: 'nobody', password: 'nope-nope-1' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    await http().post('/api/auth/login').send({ username: 'li.si', password: 'nope-nope-2' }).expect(401);
    const locked = await http().post('/api/auth/login').send({ username: 'li.si', password: 'nope-nope-3' }).expect(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    // even the right password is refused while locked
    await http().post('/api/auth/login').send({ username: 'li.si', password: 'Lisi-2026x' }).expect(423);
    // an admin unlocks it
    const user = await app.get(UsersService).findByUsername('li.si');
    await api(app).patch(`/api/users/${user!.id}`).send({ unlock: true }).expect(200);
    await http().post('/api/auth/login').send({ username: 'li.si', password: 'Lisi-2026x' }).expect(200);
  });

  it('guesses sent in parallel still lock the account', async () => {
    const agency = await testAgency(app);
    await app.get(UsersService).create({ username: 'zhao.liu', password: 'Zhaoliu-2026', displayName: '赵六', roles: ['officer'], agencyId: agency.id });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => http().post('/api/auth/login').send({ username: 'zhao.liu', password: `guess-${i}-x` })));
    expect(answers.map((r) => r.status)).toContain(423);
    await http().post('/api/auth/login').send({ username: 'zhao.liu', password: 'Zhaoliu-2026' }).expect(423);
  });

  it('a login body without both fields is a 400 with the field paths', async () => {
    const res = await http().post('/api/auth/login').send({ username: 'x' }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'password', code: 'REQUIRED' })]);
    await http().post('/api/auth/login').set('Content-Type', 'text/plain').send('username=x&password=y').expect(415);
  });

  it('an admin disabling a user ends its sessions at once and refuses its next login', async () => {
    const officer = await loginAs(app, { roles: ['officer'] });
    await http().get('/api/cases').set(officer.headers).expect(200);
    const res = await api(app).patch(`/api/users/${officer.user.id}`).send({ disabled: true }).expect(200);
    expect(res.body.disabled).toBe(true);
    await http().get('/api/cases').set(officer.headers).expect(401);
    const again = await http().post('/api/auth/login').send({ username: officer.user.username, password: TEST_PASSWORD }).expect(403);
    expect(again.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('a checked token is trusted for at most AUTHENTICATED_TTL_MS: a change through this instance shows at once, a revocation written by another instance within the TTL', async () => {
    const officer = await loginAs(app, { roles: ['officer'] });
    await http().get('/api/auth/me').set(officer.headers).expect(200);
    await api(app).patch(`/api/users/${officer.user.id}`).send({ displayName: '改名后' }).expect(200);
    expect((await http().get('/api/auth/me').set(officer.headers).expect(200)).body.displayName).toBe('改名后');

    // another instance on the same database ends the session: only the row changes here
    await app.get(DataSource).getRepository(SessionEntity).update({ userId: officer.user.id }, { revokedAt: new Date() });
    const realNow = Date.now;
    Date.now = () => realNow() + AUTHENTICATED_TTL_MS - 1_500;
    try {
      await http().get('/api/auth/me').set(officer.headers).expect(200); // still trusted: within the TTL
      Date.now = () => realNow() + AUTHENTICATED_TTL_MS + 1;
      await http().get('/api/auth/me').set(officer.headers).expect(401);
    } finally {
      Date.now = realNow;
    }
  });

  it('a session expires after the idle limit', async () => {
    // a second app in this suite: its own in-memory database, so a shared test database (TEST_DATABASE_URL) is not reset under the first
    const idleApp = await createTestApp({ config: { sessionIdleMinutes: 1, databaseUrl: 'sqlite::memory:' } });
    try {
      const officer = await loginAs(idleApp, { roles: ['officer'] });
      await request(idleApp.getHttpServer()).get('/api/auth/me').set(officer.headers).expect(200);
      const realNow = Date.now;
      Date.now = () => realNow() + 61_000;
      try {
        await request(idleApp.getHttpServer()).get('/api/auth/me').set(officer.headers).expect(401);
      } finally {
        Date.now = realNow;
      }
    } finally {
      await idleApp.close();
    }
  });

  it('passwords are stored as argon2id hashes', async () => {
    const row = await app.get(UsersService).findByUsername('zhang.san');
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row!.passwordHash).not.toContain('Zhang-2026x');
  });
});
