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
import { UsersService } from '../../src/users/users.service';
import { createTestApp } from '../support/create-test-app';
import { TEST_PASSWORD, testAgency } from '../support/auth';
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
  const as = (r: request.Test) => r.set(auth);

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
  const evaluation = async (id: string) => (await as(request(a.url).get(`/api/evaluations/${id}`)).expect(200)).body;
  const attempts = async (id: string) =>
    (await sql<{ attempts: number; lease_owner: string | null; done: number }>(dbUrl, 'SELECT attempts, lease_owner, done FROM evaluations WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin(`CREATE DATABASE ${dbName}`);
    dir = mkdtempSync(join(tmpdir(), 'casefile-queue-'));
    // migrate the new database and create the user both instances are called as (sessions live in the database)
    const setup = await createTestApp({ config: { databaseUrl: dbUrl } });
    const agency = await testAgency(setup);
    await setup.get(UsersService).create({ username: 'queue-test', password: TEST_PASSWORD, displayName: '队列测试', roles: ['officer', 'evaluation_admin'], agencyId: agency.id });
    await setup.close();
    const env = {
      DATABASE_URL: dbUrl,
      EVALUATIONS_DIR: dir,
      EVALUATION_LEASE_SECONDS: '2',
      JOB_POLL_SECONDS: '0.5',
      CASEFILE_WORKERS: '0',
      REPORT_WORKERS: '0',
      // every instance must verify every instance's session tokens
      AUTH_SECRET: `queue-test-${process.pid}-secret-key-of-enough-length`,
    };
    // both start at once: migrations are serialised by an advisory lock
    [a, b] = await Promise.all([startInstance(env, 'instance A'), startInstance(env, 'instance B')]);
    const login = await request(a.url).post('/api/auth/login').send({ username: 'queue-test', password: TEST_PASSWORD }).expect(200);
    auth = { Authorization: `Bearer ${login.body.token}` };
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  });

  it('runs each of many evaluations exactly once, spread over both instances', async () => {
    const files = [...generateCaseFiles(40, 11)];
    const created = await as(request(a.url).post('/api/cases/bulk')).send(files).expect(200);
    const ids: string[] = created.body.results.map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(40);
    const evaluations: string[] = [];
    for (let k = 0; k < 8; k++) {
      const via = k % 2 ? b : a;
      const res = await as(request(via.url).post('/api/evaluations')).send({ caseIds: ids.slice(k * 5, k * 5 + 5), asOf: AS_OF }).expect(202);
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
    const res = await as(request(a.url).post('/api/evaluations')).attach('file', buffer, { filename: 'big.zip', contentType: 'application/zip' }).expect(202);
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
        const v = (await as(request(survivor.url).get(`/api/evaluations/${id}`)).expect(200)).body;
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
    const summary = await as(request(survivor.url).get(`/api/evaluations/${id}/results.json`)).expect(200);
    expect(JSON.parse(summary.text).totals.files).toBe(2000);
  }, 420_000);
});
