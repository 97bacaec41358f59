/**
 * The defects found by attacking the service (reliability probe 2026-12), each reproduced against the real app.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loginAs, type LoggedIn } from '../support/auth';
import { api, createTestApp, defaultUser } from '../support/create-test-app';
import { caseFile } from './support';

const AGENCY = '测试市生态环境局';
/** Further apps in this suite get their own in-memory database: a shared TEST_DATABASE_URL would be reset under the first. */
const OWN_DB = 'sqlite::memory:';

/** `{"x":[[[…]]]}` nested `depth` levels, as raw JSON text (JSON.stringify itself would recurse). */
function nested(depth: number, inside = '0'): string {
  return '['.repeat(depth) + inside + ']'.repeat(depth);
}

describe('hardening', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const count = async (table: string) => Number((await app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  let officer: LoggedIn;

  beforeAll(async () => {
    app = await createTestApp();
    officer = defaultUser(app);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('headers', () => {
    it('sends security headers and no X-Powered-By, on API answers and on errors', async () => {
      for (const url of ['/api/health', '/api/nope', '/nope']) {
        const res = await http().get(url);
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['content-security-policy']).toContain("default-src 'self'");
        expect(res.headers['strict-transport-security']).toBeDefined();
        expect(res.headers['x-request-id']).toEqual(expect.any(String));
      }
    });

    it('CORS is off unless an allowlist is configured', async () => {
      const res = await http().options('/api/cases').set('Origin', 'http://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const corsApp = await createTestApp({ config: { corsOrigins: ['http://desk.example'], databaseUrl: OWN_DB }, login: false });
      try {
        const ok = await request(corsApp.getHttpServer()).options('/api/cases').set('Origin', 'http://desk.example').set('Access-Control-Request-Method', 'POST');
        expect(ok.headers['access-control-allow-origin']).toBe('http://desk.example');
        expect(ok.headers['access-control-allow-credentials']).toBe('true');
        const evil = await request(corsApp.getHttpServer()).options('/api/cases').set('Origin', 'http://evil.example').set('Access-Control-Request-Method', 'POST');
        expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await corsApp.close();
      }
    });
  });

  describe('CSRF', () => {
    it('a write with the session cookie must show its own origin; a foreign Origin is refused even with a token', async () => {
      const body = caseFile(AGENCY, 'CSRF环罚〔2025〕1号');
      const noOrigin = await http().post('/api/cases').set('Cookie', officer.cookie).send(body).expect(403);
      expect(noOrigin.body.code).toBe('CSRF_CHECK_FAILED');
      const foreign = await http().post('/api/cases').set('Cookie', officer.cookie).set('Origin', 'http://evil.example').send(body).expect(403);
      expect(foreign.body.code).toBe('ORIGIN_NOT_ALLOWED');
      await http().post('/api/cases').set(officer.headers).set('Origin', 'http://evil.example').send(body).expect(403);
      await http().post('/api/cases').set('Cookie', officer.cookie).set('Sec-Fetch-Site', 'cross-site').set('Referer', 'http://evil.example/x').send(body).expect(403);
      expect(await count('case_files')).toBe(0);
      // the same origin (what the browser sends from the web app) is fine, as Origin or as Referer
      const host = '127.0.0.1';
      const own = await http().post('/api/cases').set('Cookie', officer.cookie).set('Host', host).set('Origin', `http://${host}`).send(body).expect(201);
      await http().delete(`/api/cases/${own.body.id}`).set('Cookie', officer.cookie).set('Host', host).set('Referer', `http://${host}/cases`).expect(204);
      // reads need no origin
      await http().get('/api/cases').set('Cookie', officer.cookie).expect(200);
    });

    it('text/plain, forms and bodies without a Content-Type get 415 on every write, and store nothing', async () => {
      const id = (await api(app).post('/api/cases').send(caseFile(AGENCY, '415环罚〔2025〕1号')).expect(201)).body.id;
      const reviews = await count('reviews');
      for (const [url, type] of [
        [`/api/cases/${id}/reviews`, 'text/plain'],
        [`/api/cases/${id}/reviews`, 'application/x-www-form-urlencoded'],
        ['/api/review/report.pdf', 'text/plain'],
        ['/api/review', 'text/plain'],
        ['/api/cases/bulk', 'text/plain'],
      ]) {
        const res = await api(app).post(url).set('Content-Type', type).send('{"mode":"review"}').expect(415);
        expect(res.body).toEqual({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String), errors: [] });
      }
      // a body with no Content-Type at all
      const raw = await new Promise<number>((resolve, reject) => {
        const req = api(app).post(`/api/cases/${id}/reviews`);
        req.unset('Content-Type').send(Buffer.from('{}')).end((err, res) => (err && !res ? reject(err) : resolve(res.status)));
      });
      expect(raw).toBe(415);
      expect(await count('reviews')).toBe(reviews);
      // no body is fine where the body is optional
      await api(app).post(`/api/cases/${id}/reviews`).expect(201);
    });
  });

  describe('Swagger', () => {
    it('is off in production unless SWAGGER=1', async () => {
      const prod = await createTestApp({ config: { production: true, swagger: false, adminUsername: 'prod-admin', adminPassword: 'Secret-2026x', databaseUrl: OWN_DB }, login: false });
      try {
        await request(prod.getHttpServer()).get('/api/docs').expect(404);
        await request(prod.getHttpServer()).get('/api/docs-json').expect(404);
      } finally {
        await prod.close();
      }
      await http().get('/api/docs-json').expect(200);
    });
  });

  describe('rate limits', () => {
    it('limits login attempts per address and writes per user (429 RATE_LIMITED); reads are not limited', async () => {
      const limited = await createTestApp({ config: { loginRateLimit: 3, writeRateLimit: 4, databaseUrl: OWN_DB }, login: false });
      try {
        const h = () => request(limited.getHttpServer());
        const user = await loginAs(limited, { roles: ['officer'] });
        for (let i = 0; i < 2; i++) await h().post('/api/auth/login').send({ username: 'nobody', password: 'x-1234567' }).expect(401);
        const res = await h().post('/api/auth/login').send({ username: 'nobody', password: 'x-1234567' }).expect(429);
        expect(res.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.stringContaining('请求过于频繁'), errors: [] });
        expect(res.headers['retry-after']).toEqual(expect.any(String));
        for (let i = 0; i < 4; i++) await h().post('/api/review').set(user.headers).send(caseFile(AGENCY, `限流${i}`)).expect(200);
        expect((await h().post('/api/review').set(user.headers).send(caseFile(AGENCY, '限流x'))).status).toBe(429);
        for (let i = 0; i < 10; i++) await h().get('/api/cases').set(user.headers).expect(200);
      } finally {
        await limited.close();
      }
    });
  });

  describe('deeply nested JSON (D1)', () => {
    it('gives 400 TOO_DEEP, not 500, on every case-file endpoint, and stores nothing', async () => {
      const id = (await api(app).post('/api/cases').send(caseFile(AGENCY, '深环罚〔2025〕1号')).expect(201)).body.id;
      const before = await count('case_files');
      const deep = JSON.stringify(caseFile(AGENCY, '深环罚〔2025〕2号')).replace(/}$/, `,"x":${nested(8000)}}`);
      for (const [method, url, body] of [
        ['post', '/api/cases', deep],
        ['put', `/api/cases/${id}`, deep],
        ['post', '/api/cases/bulk', `[${deep}]`],
        ['post', '/api/review', deep],
        ['post', '/api/review/report.pdf', deep],
        ['post', '/api/review', nested(100_000)],
      ] as const) {
        const res = await api(app)[method](url).set('Content-Type', 'application/json').send(body).expect(400);
        expect(res.body.code).toBe('TOO_DEEP');
        expect(res.body.errors[0]).toEqual({ path: expect.any(String), code: 'TOO_DEEP', message: expect.stringContaining('嵌套层数') });
      }
      expect(await count('case_files')).toBe(before);
      expect((await api(app).get(`/api/cases/${id}`).expect(200)).body.version).toBe(1);
    });
  });

  describe('invalid text (D2, D12)', () => {
    it('refuses a lone surrogate in the case number (400 INVALID_UNICODE) — stored, it broke every PDF of the case', async () => {
      const text = JSON.stringify(caseFile(AGENCY, 'LS环罚〔2025〕1号')).replace('LS环罚', 'LS\\ud800环罚');
      for (const url of ['/api/cases', '/api/review/report.pdf', '/api/review']) {
        const res = await api(app).post(url).set('Content-Type', 'application/json').send(text).expect(400);
        expect(res.body.code).toBe('INVALID_UNICODE');
        expect(res.body.errors[0].path).toBe('case.caseNumber');
      }
      // a proper pair (an emoji) is valid text
      await api(app).post('/api/review').set('Content-Type', 'application/json').send(text.replace('\\ud800', '\\ud83d\\ude00')).expect(200);
    });

    it('refuses invalid UTF-8 bytes (400 INVALID_UTF8) instead of storing U+FFFD', async () => {
      const bytes = Buffer.concat([
        Buffer.from(JSON.stringify(caseFile(AGENCY, 'U8环罚〔2025〕1号')).replace('U8环罚', 'U8__'), 'utf8'),
      ]);
      const at = bytes.indexOf('__');
      bytes[at] = 0xc3; // a lead byte
      bytes[at + 1] = 0x28; // not a continuation byte
      const before = await count('case_files');
      const res = await api(app).post('/api/cases').set('Content-Type', 'application/json').serialize((b: unknown) => b as string).send(bytes).expect(400);
      expect(res.body).toEqual({ statusCode: 400, code: 'INVALID_UTF8', message: expect.stringContaining('UTF-8'), errors: [] });
      expect(await count('case_files')).toBe(before);
    });

    it('?q=%00 is refused, it no longer matches every case (D7)', async () => {
      const res = await api(app).get('/api/cases?q=%00').expect(400);
      expect(res.body.errors[0]).toEqual(expect.objectContaining({ path: 'query.q', code: 'INVALID_CHARACTERS' }));
      await api(app).get('/api/cases?q=%E6%8E%A2%E6%B5%8B%00').expect(400);
    });
  });

  describe('look-alike case numbers (D6)', () => {
    it('collide with the stored case, and the answer names it', async () => {
      const stored = await api(app).post('/api/cases').send(caseFile(AGENCY, '益环罚〔2025〕12号')).expect(201);
      for (const [agency, number] of [
        [AGENCY, '益环罚〔2025〕12号 '],
        [AGENCY, ' 益环罚〔2025〕12号'],
        [AGENCY, '益环罚\u200b〔2025〕12号'],
        [AGENCY, '益环罚〔２０２５〕１２号'],
        [AGENCY, '益环罚[2025]12号'],
        [AGENCY, '益环罚（2025）12号'],
        [`${AGENCY} `, '益环罚〔2025〕12号'],
      ]) {
        const res = await api(app).post('/api/cases').send(caseFile(agency, number)).expect(409);
        expect(res.body.code).toBe('CASE_NUMBER_EXISTS');
        expect(res.body.message).toContain(stored.body.id);
        expect(res.body.message).toContain('益环罚〔2025〕12号');
      }
      // moving another case onto it by PUT collides as well
      const other = await api(app).post('/api/cases').send(caseFile(AGENCY, '益环罚〔2025〕13号')).expect(201);
      await api(app).put(`/api/cases/${other.body.id}`).send(caseFile(AGENCY, '益环罚[２０２５]12号')).expect(409);
    });

    it('a case number of invisible characters only is refused', async () => {
      const res = await api(app).post('/api/cases').send(caseFile(AGENCY, '\u200b\u200b\u200b')).expect(400);
      expect(res.body.errors[0].path).toBe('case.caseNumber');
    });
  });

  describe('archiving racing a delete (D4)', () => {
    it('never deletes an archived case and never answers 500 (120 rounds)', async () => {
      const tally: Record<string, number> = {};
      for (let round = 0; round < 120; round++) {
        const number = `竞环罚〔2025〕${round}号`;
        const { id } = (await api(app).post('/api/cases').send(caseFile(AGENCY, number, (cf) => (cf.case.status = 'closed')))).body;
        const archived = caseFile(AGENCY, number, (cf) => (cf.case.status = 'archived'));
        // start the DELETE a varying number of event-loop turns after the PUT, so that over the rounds it lands
        // before, inside and after the PUT's read-check-write
        const delayed = async () => {
          for (let i = 0; i < round % 40; i++) await new Promise((r) => setImmediate(r));
          return api(app).delete(`/api/cases/${id}`);
        };
        const [put, del] = await Promise.all([api(app).put(`/api/cases/${id}`).set('If-Match', '"1"').send(archived), delayed()]);
        const key = `PUT ${put.status} DELETE ${del.status}`;
        tally[key] = (tally[key] ?? 0) + 1;
        expect(put.status).not.toBe(500);
        expect(del.status).not.toBe(500);
        const after = await api(app).get(`/api/cases/${id}`);
        if (put.status === 200) {
          // archived: it must still be there, and the DELETE must have been refused
          expect(after.status).toBe(200);
          expect(after.body.caseFile.case.status).toBe('archived');
          expect(del.status).toBe(409);
        } else {
          expect(del.status).toBe(204);
          expect(after.status).toBe(404);
          expect([404, 409, 412]).toContain(put.status);
        }
      }
      // both orders happened (the archive won some rounds, the delete others), or the test proved nothing
      expect(tally['PUT 200 DELETE 409']).toBeGreaterThan(0);
      expect(tally['PUT 404 DELETE 204']).toBeGreaterThan(0);
    });
  });

  describe('storage faults (D10)', () => {
    it('a database locked by another process gives 503 STORAGE_BUSY, and works again once released', async () => {
      const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'casefile-lock-'));
      const file = require('node:path').join(dir, 'db.sqlite');
      const fileApp = await createTestApp({ config: { databaseUrl: `sqlite:${file}` } });
      const sqlite3 = require('sqlite3') as typeof import('sqlite3');
      const other = new sqlite3.Database(file);
      const run = (sql: string) => new Promise<void>((resolve, reject) => other.run(sql, (e) => (e ? reject(e) : resolve())));
      try {
        const user = defaultUser(fileApp);
        await run('BEGIN EXCLUSIVE');
        const res = await request(fileApp.getHttpServer()).post('/api/cases').set(user.headers).send(caseFile(AGENCY, '锁环罚〔2025〕1号'));
        expect(res.status).toBe(503);
        expect(res.body).toEqual({ statusCode: 503, code: 'STORAGE_BUSY', message: expect.any(String), errors: [] });
        expect(res.headers['retry-after']).toEqual(expect.any(String));
        await run('COMMIT');
        await request(fileApp.getHttpServer()).post('/api/cases').set(user.headers).send(caseFile(AGENCY, '锁环罚〔2025〕1号')).expect(201);
      } finally {
        await new Promise((r) => other.close(r));
        await fileApp.close();
      }
    });
  });

  describe('oversized headers (D12)', () => {
    it('a 100 KB query string gets 431 in the API error shape, not an empty body', async () => {
      await new Promise<void>((r) => app.listen(0, '127.0.0.1').then(() => r()));
      const { port } = app.getHttpServer().address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/api/cases?q=${'x'.repeat(100_000)}`, { headers: officer.headers });
      expect(res.status).toBe(431);
      expect(await res.json()).toEqual({ statusCode: 431, code: 'HEADERS_TOO_LARGE', message: expect.any(String), errors: [] });
    });
  });

  describe('health', () => {
    it('needs no login and reveals nothing but status (and how many list reads this instance is running)', async () => {
      const res = await http().get('/api/health').expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['database', 'lists', 'rulePack', 'status']);
      expect(Object.keys(res.body.lists).sort()).toEqual(['concurrency', 'running', 'waiting']);
      expect(Object.values(res.body.lists).every((n) => typeof n === 'number')).toBe(true);
    });
  });

  it('logins keep working in this app after another app in the same process has come and gone', async () => {
    const colleague = await loginAs(app, { roles: ['officer'] });
    expect(colleague.user.agency.name).toBe(AGENCY);
  });
});
