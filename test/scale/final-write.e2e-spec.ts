/**
 * The last write of an evaluation run (its status and summary) failing: the outputs are on disk, the database
 * refuses the row's update. The write is retried with backoff; when every try fails, the run is handed back and
 * runs again once the database takes writes. The failure is a real one: a trigger on the evaluations table (SQLite
 * or PostgreSQL) that refuses the status change.
 */
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { generateSyntheticCases } from '../../bench/synthetic';
import { EVALUATIONS_OPTIONS, EvaluationsService } from '../../src/evaluations/evaluations.service';
import { api, createTestApp } from '../support/create-test-app';

let app: NestExpressApplication;
let dir: string;
let db: DataSource;
const postgres = () => db.options.type === 'postgres';

async function refuseFinalWrites(): Promise<void> {
  if (postgres()) {
    await db.query(`CREATE OR REPLACE FUNCTION refuse_final_write() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'disk full (test)'; END $$ LANGUAGE plpgsql`);
    await db.query(`CREATE TRIGGER refuse_final_write BEFORE UPDATE ON evaluations FOR EACH ROW
      WHEN (NEW.status IN ('completed', 'failed')) EXECUTE FUNCTION refuse_final_write()`);
  } else {
    await db.query(`CREATE TRIGGER refuse_final_write BEFORE UPDATE ON evaluations
      WHEN NEW.status IN ('completed', 'failed') BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`);
  }
}
async function acceptWrites(): Promise<void> {
  await db.query(postgres() ? 'DROP TRIGGER IF EXISTS refuse_final_write ON evaluations' : 'DROP TRIGGER IF EXISTS refuse_final_write');
}

async function storedCases(n: number, seed: number): Promise<string[]> {
  const ids: string[] = [];
  for (const c of generateSyntheticCases(n, seed)) ids.push((await api(app).post('/api/cases').send(c.caseFile).expect(201)).body.id);
  return ids;
}

async function until(what: string, ok: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const evaluation = async (id: string) => (await api(app).get(`/api/evaluations/${id}`).expect(200)).body as { status: string; progress: { done: number } };
const attempts = async (id: string) => Number((await db.query(postgres() ? 'SELECT attempts FROM evaluations WHERE id = $1' : 'SELECT attempts FROM evaluations WHERE id = ?', [id]))[0].attempts);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casefile-final-write-'));
  // a one-second lease: a run that could not record its outcome is taken again after a second
  app = await createTestApp({
    customize: (b) => b.overrideProvider(EVALUATIONS_OPTIONS).useValue({ dir, maxUploadBytes: 2 * 1024 * 1024, leaseSeconds: 1 }),
  });
  db = app.get(DataSource);
});
afterEach(async () => {
  jest.restoreAllMocks();
  await acceptWrites();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a final write that fails is retried: the evaluation completes, run once', async () => {
  const ids = await storedCases(2, 41);
  await refuseFinalWrites();
  const warnings: string[] = [];
  // the database takes writes again right after the first refused try
  jest.spyOn(Logger.prototype, 'warn').mockImplementation(function (message: unknown) {
    warnings.push(String(message));
    if (String(message).includes('结果写入失败')) void acceptWrites();
  });
  const started = app.get(EvaluationsService).stats.started;
  const id = (await api(app).post('/api/evaluations').send({ caseIds: ids, asOf: '2026-11-30' }).expect(202)).body.id as string;
  await until('completed', async () => (await evaluation(id)).status === 'completed');
  expect(warnings.filter((w) => w.includes(`评查 ${id} 结果写入失败（第 1 次）`))).toHaveLength(1);
  expect(await attempts(id)).toBe(1);
  expect(app.get(EvaluationsService).stats.started - started).toBe(1);
  expect((await evaluation(id)).progress.done).toBe(2);
});

it('when every try fails, the run is handed back and runs again once the database takes writes', async () => {
  const ids = await storedCases(2, 43);
  await refuseFinalWrites();
  const errors: string[] = [];
  jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
  const id = (await api(app).post('/api/evaluations').send({ caseIds: ids, asOf: '2026-11-30' }).expect(202)).body.id as string;
  await until('every try refused', () => errors.some((e) => e.includes(`评查 ${id} 结果写入 5 次均失败`)));
  expect((await evaluation(id)).status).toBe('running'); // not recorded, not lost
  await acceptWrites();
  await until('completed by a second run', async () => (await evaluation(id)).status === 'completed', 60_000);
  expect(await attempts(id)).toBe(2);
}, 90_000);
