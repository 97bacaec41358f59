import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loginAs, type LoggedIn, testAgency } from '../support/auth';
import { api, createTestApp } from '../support/create-test-app';
import { caseFile } from './support';

/**
 * Each role's allowed and refused actions on a 市局 → 分局A / 分局B tree; another agency's case does not exist for
 * an officer (404 on read, list, write and delete); the audit log records every write.
 */
describe('roles and agency scoping', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  let city: { id: string; name: string };
  let branchA: { id: string; name: string };
  let branchB: { id: string; name: string };
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let cityReviewer: LoggedIn;
  let evaluator: LoggedIn;
  let admin: LoggedIn;
  let caseId: string;

  beforeAll(async () => {
    app = await createTestApp();
    city = await testAgency(app, '甲市生态环境局');
    branchA = await testAgency(app, '甲市生态环境局东区分局', city.id);
    branchB = await testAgency(app, '甲市生态环境局西区分局', city.id);
    officerA = await loginAs(app, { roles: ['officer'], agencyId: branchA.id });
    officerB = await loginAs(app, { roles: ['officer'], agencyId: branchB.id });
    cityReviewer = await loginAs(app, { roles: ['reviewer'], agencyId: city.id });
    evaluator = await loginAs(app, { roles: ['evaluation_admin'], agencyId: city.id });
    admin = await loginAs(app, { roles: ['admin'], agencyId: city.id });
    const res = await http().post('/api/cases').set(officerA.headers).send(caseFile(branchA.name, '甲东环罚〔2025〕1号')).expect(201);
    caseId = res.body.id;
    expect(res.body.agencyId).toBe(branchA.id);
  });
  afterAll(async () => {
    await app.close();
  });

  describe("another agency's officer", () => {
    it('gets 404 on read, on every per-case route, and does not see the case in the list', async () => {
      for (const url of [`/api/cases/${caseId}`, `/api/cases/${caseId}/case-file`, `/api/cases/${caseId}/report.pdf`, `/api/cases/${caseId}/reviews/latest`]) {
        const res = await http().get(url).set(officerB.headers).expect(404);
        expect(res.body.code).toBe('CASE_NOT_FOUND');
      }
      const list = await http().get('/api/cases').set(officerB.headers).expect(200);
      expect(list.body.total).toBe(0);
      const search = await http().get('/api/cases').query({ q: '甲东' }).set(officerB.headers).expect(200);
      expect(search.body.items).toEqual([]);
    });

    it('gets 404 on delete, replace and review, and changes nothing', async () => {
      await http().delete(`/api/cases/${caseId}`).set(officerB.headers).expect(404);
      await http().put(`/api/cases/${caseId}`).set(officerB.headers).send(caseFile(branchB.name, '甲东环罚〔2025〕1号')).expect(404);
      await http().post(`/api/cases/${caseId}/reviews`).set(officerB.headers).expect(404);
      const still = await http().get(`/api/cases/${caseId}`).set(officerA.headers).expect(200);
      expect(still.body.version).toBe(1);
    });

    it('cannot file a case in the name of an agency outside its own subtree (400 AGENCY_OUT_OF_SCOPE)', async () => {
      const res = await http().post('/api/cases').set(officerB.headers).send(caseFile(branchA.name, '甲东环罚〔2025〕99号')).expect(400);
      expect(res.body.code).toBe('AGENCY_OUT_OF_SCOPE');
      expect(res.body.errors[0].path).toBe('case.agency');
    });
  });

  describe('officer (承办人)', () => {
    it('creates, edits and deletes drafts of its own agency, self-checks, but manages no users and runs no evaluation', async () => {
      const created = await http().post('/api/cases').set(officerA.headers).send(caseFile(branchA.name, '甲东环罚〔2025〕2号')).expect(201);
      await http().put(`/api/cases/${created.body.id}`).set(officerA.headers).send(caseFile(branchA.name, '甲东环罚〔2025〕2号', (cf) => (cf.case.causeOfAction = '改'))).expect(200);
      await http().post(`/api/cases/${created.body.id}/reviews`).set(officerA.headers).expect(201);
      await http().post('/api/review').set(officerA.headers).send(caseFile(branchA.name, 'x')).expect(200);
      await http().delete(`/api/cases/${created.body.id}`).set(officerA.headers).expect(204);
      for (const [method, url] of [
        ['get', '/api/users'],
        ['post', '/api/agencies'],
        ['get', '/api/audit'],
        ['get', '/api/evaluations'],
        ['post', '/api/evaluations'],
      ] as const) {
        const res = await http()[method](url).set(officerA.headers).send({}).expect(403);
        expect(res.body.code).toBe('FORBIDDEN_ROLE');
      }
    });
  });

  describe('reviewer (法制审核) of the 市局', () => {
    it('sees the 分局 cases (its subtree) and reviews them, but does not write case files', async () => {
      await http().get(`/api/cases/${caseId}`).set(cityReviewer.headers).expect(200);
      const list = await http().get('/api/cases').set(cityReviewer.headers).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
      await http().post(`/api/cases/${caseId}/reviews`).set(cityReviewer.headers).expect(201);
      await http().get(`/api/cases/${caseId}/report.pdf`).set(cityReviewer.headers).expect(200);
      await http().get('/api/evaluations').set(cityReviewer.headers).expect(200);
      for (const call of [
        http().post('/api/cases').send(caseFile(city.name, '甲环罚〔2025〕1号')),
        http().put(`/api/cases/${caseId}`).send(caseFile(branchA.name, '甲东环罚〔2025〕1号')),
        http().delete(`/api/cases/${caseId}`),
        http().post('/api/evaluations').send({ caseIds: [caseId] }),
      ]) {
        const res = await call.set(cityReviewer.headers).expect(403);
        expect(res.body.code).toBe('FORBIDDEN_ROLE');
      }
    });

    it('a 分局 officer does not see the 市局 cases (scoping goes down the tree, not up)', async () => {
      const cityOfficer = await loginAs(app, { roles: ['officer'], agencyId: city.id });
      const res = await http().post('/api/cases').set(cityOfficer.headers).send(caseFile(city.name, '甲环罚〔2025〕7号')).expect(201);
      await http().get(`/api/cases/${res.body.id}`).set(officerA.headers).expect(404);
      await http().get(`/api/cases/${caseId}`).set(cityOfficer.headers).expect(200);
    });
  });

  describe('evaluation admin (评查组织者)', () => {
    it('starts an evaluation of stored cases in its subtree; other agencies’ ids are unknown to it', async () => {
      const res = await http().post('/api/evaluations').set(evaluator.headers).send({ caseIds: [caseId] }).expect(202);
      expect(res.body.id).toEqual(expect.any(String));
      const outsider = await loginAs(app, { roles: ['evaluation_admin'], agencyId: (await testAgency(app, '乙市生态环境局')).id });
      const refused = await http().post('/api/evaluations').set(outsider.headers).send({ caseIds: [caseId] });
      expect([400, 404]).toContain(refused.status);
      // the evaluation (its outputs hold party data) is visible within the starter's agency tree only
      await http().get(`/api/evaluations/${res.body.id}`).set(cityReviewer.headers).expect(200);
      expect((await http().get('/api/evaluations').set(cityReviewer.headers).expect(200)).body.map((e: { id: string }) => e.id)).toContain(res.body.id);
      await http().get(`/api/evaluations/${res.body.id}`).set(outsider.headers).expect(404);
      await http().get(`/api/evaluations/${res.body.id}/results.json`).set(outsider.headers).expect(404);
      expect((await http().get('/api/evaluations').set(outsider.headers).expect(200)).body).toEqual([]);
      const audit = await http().get('/api/audit').query({ userId: evaluator.user.id, action: 'evaluation.create' }).set(admin.headers).expect(200);
      expect(audit.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([res.body.id]);
      await http().post('/api/cases').set(evaluator.headers).send(caseFile(city.name, '甲环罚〔2025〕8号')).expect(403);
    });
  });

  describe('admin', () => {
    it('creates agencies and users (role or roles), changes them, and sees the audit log', async () => {
      const agency = await http().post('/api/agencies').set(admin.headers).send({ name: '甲市生态环境局南区分局', parentId: city.id }).expect(201);
      expect(agency.body).toEqual(expect.objectContaining({ name: '甲市生态环境局南区分局', parentId: city.id }));
      const user = await http()
        .post('/api/users')
        .set(admin.headers)
        .send({ username: 'wang.wu', password: 'Wangwu-2026', displayName: '王五', role: 'officer', agencyId: agency.body.id })
        .expect(201);
      expect(user.body).toEqual(expect.objectContaining({ username: 'wang.wu', roles: ['officer'], agency: { id: agency.body.id, name: '甲市生态环境局南区分局' }, disabled: false }));
      expect(JSON.stringify(user.body)).not.toMatch(/password|argon/i);
      const login = await http().post('/api/auth/login').send({ username: 'wang.wu', password: 'Wangwu-2026' }).expect(200);
      expect(login.body.user.agency.name).toBe('甲市生态环境局南区分局');
      await http().patch(`/api/users/${user.body.id}`).set(admin.headers).send({ roles: ['officer', 'reviewer'] }).expect(200);
      // a role change ends the sessions: the token carried the old rights
      await http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.token}`).expect(401);
      const users = await http().get('/api/users').set(admin.headers).expect(200);
      expect(users.body.map((u: { username: string }) => u.username)).toContain('wang.wu');
      await http().get('/api/agencies').set(admin.headers).expect(200);
    });

    it('refuses bad account input with field paths and changes nothing', async () => {
      const res = await http()
        .post('/api/users')
        .set(admin.headers)
        .send({ username: 'a', password: 'short', displayName: '', roles: ['boss'], agencyId: 'nope', extra: 1 })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['agencyId', 'displayName', 'extra', 'password', 'roles[0]', 'username']);
      const dup = await http().post('/api/users').set(admin.headers).send({ username: officerA.user.username, password: 'Another-2026', displayName: '重名', role: 'officer', agencyId: city.id }).expect(409);
      expect(dup.body.code).toBe('USERNAME_EXISTS');
      const cycle = await http().patch(`/api/agencies/${city.id}`).set(admin.headers).send({ parentId: branchA.id }).expect(400);
      expect(cycle.body.code).toBe('AGENCY_CYCLE');
      await http().post('/api/agencies').set(admin.headers).send({ name: city.name }).expect(409);
      await http().post('/api/agencies').set(admin.headers).set('Content-Type', 'text/plain').send('x').expect(415);
    });
  });

  describe('audit log', () => {
    it('records who changed which case, with versions before and after and the request id; filters by case, user and time', async () => {
      const put = await http()
        .put(`/api/cases/${caseId}`)
        .set(officerA.headers)
        .set('X-Request-Id', 'req-audit-1')
        .send(caseFile(branchA.name, '甲东环罚〔2025〕1号', (cf) => (cf.case.causeOfAction = '修改后的案由')))
        .expect(200);
      expect(put.headers['x-request-id']).toBe('req-audit-1');
      const res = await http().get('/api/audit').query({ caseId }).set(admin.headers).expect(200);
      const actions = res.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['case.create', 'case.update', 'review.create']));
      const update = res.body.items.find((e: { action: string }) => e.action === 'case.update');
      expect(update).toEqual(
        expect.objectContaining({
          entityType: 'case',
          caseId,
          user: { id: officerA.user.id, username: officerA.user.username },
          agencyId: branchA.id,
          roles: ['officer'],
          versionBefore: 1,
          versionAfter: 2,
          requestId: 'req-audit-1',
          at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        }),
      );
      // no party data in the log
      expect(JSON.stringify(res.body)).not.toContain('测试某某科技有限公司');

      const byUser = await http().get('/api/audit').query({ userId: officerB.user.id }).set(admin.headers).expect(200);
      expect(byUser.body.items.every((e: { user: { id: string } | null }) => e.user?.id === officerB.user.id)).toBe(true);
      const future = await http().get('/api/audit').query({ from: '2999-01-01' }).set(admin.headers).expect(200);
      expect(future.body.total).toBe(0);
      const today = await http().get('/api/audit').query({ caseId, to: '2999-01-01', from: '2000-01-01' }).set(admin.headers).expect(200);
      expect(today.body.total).toBe(res.body.total);
      const bad = await http().get('/api/audit').query({ from: 'yesterday', caseId: 'x' }).set(admin.headers).expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.caseId', 'query.from']);
    });

    it('records logins, failed logins and deletes', async () => {
      await http().post('/api/auth/login').send({ username: officerA.user.username, password: 'wrong-password-1' }).expect(401);
      const created = await http().post('/api/cases').set(officerA.headers).send(caseFile(branchA.name, '甲东环罚〔2025〕3号')).expect(201);
      await http().delete(`/api/cases/${created.body.id}`).set(officerA.headers).expect(204);
      const res = await http().get('/api/audit').query({ userId: officerA.user.id, pageSize: 500 }).set(admin.headers).expect(200);
      const actions = res.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'case.delete']));
      const del = res.body.items.find((e: { action: string; caseId: string }) => e.action === 'case.delete' && e.caseId === created.body.id);
      expect(del.versionBefore).toBe(1);
    });

    it('is append-only: there is no route to change it, and the database refuses UPDATE and DELETE', async () => {
      await api(app).delete('/api/audit').expect(404);
      await api(app).put('/api/audit/1').send({}).expect(404);
      const db = app.get(DataSource);
      await expect(db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n)).toBeGreaterThan(5);
    });
  });
});
