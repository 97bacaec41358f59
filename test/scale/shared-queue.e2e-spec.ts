/**
 * Two service instances (separate processes) on one PostgreSQL database share the evaluation queue (pg-boss):
 * every evaluation is run and recorded exactly once, and a run whose instance is killed mid-run is taken over by
 * the other instance once its lease runs out. PostgreSQL only (the PostgreSQL pass of npm test; SQLite keeps the
 * in-process queue of one instance).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { generateCaseFiles } from '../../bench/synthetic';
import { type Instance, startInstance } from './support/instances';

const BASE_URL = process.env.TEST_DATABASE_URL?.trim() ?? '';
const onPostgres = /^postgres(ql)?:\/\//.test(BASE_URL);
const AS_OF = '2026-11-30';

const starts = (out: string, id: string) => out.split('\n').filter((l) => l.includes(`评查 ${id} 开始`)).length;
const finishes = (out: string, id: string) => out.split('\n').filter((l) => l.includes(`评查 ${id} 完成`) || l.includes(`评查 ${id} 失败`)).length;

async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

(onPostgres ? describe : describe.skip)('shared evaluation queue: two instances, one PostgreSQL database', () => {
  const dbName = `casefile_queue_${process.pid}`;
  const dbUrl = BASE_URL.replace(/\/[^/?]*(\?|$)/, `/${dbName}$1`);
  let dir: string;
  let a: Instance;
  let b: Instance;
  let auth: { Authorization: string };

  const sql = async <T = unknown>(url: string, text: string, parameters: unknown[] = []): Promise<T[]> => {
    const ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    try {
      return (await ds.query(text, parameters)) as T[];
    } finally {
      await ds.destroy();
    }
  };
  const admin = (text: string) => sql(BASE_URL, text);
  const evaluation = async (id: string) => (await request(a.url).get(`/api/evaluations/${id}`).set(auth).expect(200)).body;
  const attempts = async (id: string) =>
    (await sql<{ attempts: number; lease_owner: string | null; done: number }>(dbUrl, 'SELECT attempts, lease_owner, done FROM evaluations WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin(`CREATE DATABASE ${dbName}`);
    dir = mkdtempSync(join(tmpdir(), 'casefile-queue-'));
    const env = {
      DATABASE_URL: dbUrl,
      EVALUATIONS_DIR: dir,
      EVALUATION_LEASE_SECONDS: '2',
      JOB_POLL_SECONDS: '0.5',
      CASEFILE_WORKERS: '0',
      REPORT_WORKERS: '0',
      // one signing key, so a token from either instance works on both; the first admin from the variables
      AUTH_SECRET: 'shared-queue-test-secret',
      ADMIN_USERNAME: 'queue-admin',
      ADMIN_PASSWORD: 'Shared-secret-26',
    };
    // both start at once: migrations are serialised by an advisory lock
    [a, b] = await Promise.all([startInstance(env, 'instance A'), startInstance(env, 'instance B')]);
    // an officer who also runs evaluations, created by the admin
    const login = async (username: string, password: string) => (await request(a.url).post('/api/auth/login').send({ username, password }).expect(200)).body;
    const firstAdmin = await login('queue-admin', 'Shared-secret-26');
    await request(a.url)
      .post('/api/users')
      .set('Authorization', `Bearer ${firstAdmin.token}`)
      .send({ username: 'queue-officer', password: 'Officer-pass-26', displayName: '评查承办人', roles: ['officer', 'evaluation_admin'], agencyId: firstAdmin.user.agency.id })
      .expect(201);
    auth = { Authorization: `Bearer ${(await login('queue-officer', 'Officer-pass-26')).token}` };
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  });

  it('runs each of many evaluations exactly once, spread over both instances', async () => {
    const files = [...generateCaseFiles(40, 11)];
    const created = await request(a.url).post('/api/cases/bulk').set(auth).send(files).expect(200);
    const ids: string[] = created.body.results.map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(40);
    const evaluations: string[] = [];
    for (let k = 0; k < 8; k++) {
      const via = k % 2 ? b : a;
      const res = await request(via.url).post('/api/evaluations').set(auth).send({ caseIds: ids.slice(k * 5, k * 5 + 5), asOf: AS_OF }).expect(202);
      evaluations.push(res.body.id);
    }
    for (const id of evaluations) {
      const view = await poll(`evaluation ${id}`, async () => {
        const v = await evaluation(id);
        return v.status === 'completed' || v.status === 'failed' ? v : undefined;
      });
      expect(view).toMatchObject({ status: 'completed', progress: { done: 5, total: 5 } });
      expect((await attempts(id)).attempts).toBe(1);
      expect(starts(a.output(), id) + starts(b.output(), id)).toBe(1);
      expect(finishes(a.output(), id) + finishes(b.output(), id)).toBe(1);
    }
    const byA = evaluations.filter((id) => starts(a.output(), id) === 1).length;
    expect(byA).toBeGreaterThan(0);
    expect(byA).toBeLessThan(evaluations.length);
  }, 180_000);

  it('an evaluation whose instance is killed mid-run is finished once by the other instance', async () => {
    const zip = new JSZip();
    let n = 0;
    for (const cf of generateCaseFiles(2000, 23)) zip.file(`cases/${n++}.json`, JSON.stringify(cf));
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });
    const res = await request(a.url).post('/api/evaluations').set(auth).attach('file', buffer, { filename: 'big.zip', contentType: 'application/zip' }).expect(202);
    const id: string = res.body.id;
    // wait until it is running and has saved progress, then kill its instance without warning
    const owner = await poll('progress', async () => {
      const row = await attempts(id);
      return row.lease_owner && row.done > 0 ? row.lease_owner : undefined;
    });
    const [victim, survivor] = owner.startsWith(`${a.pid}-`) ? [a, b] : [b, a];
    expect(owner.startsWith(`${victim.pid}-`)).toBe(true);
    await victim.kill('SIGKILL');

    const view = await poll(
      'the take-over',
      async () => {
        const v = (await request(survivor.url).get(`/api/evaluations/${id}`).set(auth).expect(200)).body;
        return v.status === 'completed' || v.status === 'failed' ? v : undefined;
      },
      300_000,
    );
    expect(view).toMatchObject({ status: 'completed', progress: { done: 2000, total: 2000 } });
    expect((await attempts(id)).attempts).toBe(2);
    expect(starts(victim.output(), id)).toBe(1);
    expect(finishes(victim.output(), id)).toBe(0);
    expect(starts(survivor.output(), id)).toBe(1);
    expect(finishes(survivor.output(), id)).toBe(1);
    const summary = await request(survivor.url).get(`/api/evaluations/${id}/results.json`).set(auth).expect(200);
    expect(JSON.parse(summary.text).totals.files).toBe(2000);
  }, 420_000);
});
