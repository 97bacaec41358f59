import JSZip from 'jszip';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { EvaluationEntity } from '../../src/evaluations/evaluation.entity';
import { generateSyntheticCases } from '../../bench/synthetic';
import type { EvaluationResults } from '../../src/core/evaluation';
import { EVALUATIONS_OPTIONS, EvaluationsService } from '../../src/evaluations/evaluations.service';
import { api, createTestApp, defaultUser } from '../support/create-test-app';
import { loginAs, testAgency } from '../support/auth';

const AS_OF = '2026-11-30';
let app: NestExpressApplication;
let dir: string;
let zip: Buffer;
const N = 6;

async function waitDone(id: string): Promise<Record<string, unknown>> {
  await app.get(EvaluationsService).idle();
  const res = await api(app).get(`/api/evaluations/${id}`).expect(200);
  return res.body as Record<string, unknown>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casefile-evaluations-e2e-'));
  app = await createTestApp({
    customize: (b) => b.overrideProvider(EVALUATIONS_OPTIONS).useValue({ dir, maxUploadBytes: 2 * 1024 * 1024 }),
  });
  const z = new JSZip();
  for (const c of generateSyntheticCases(N, 5)) z.file(`cases/${c.index}.json`, JSON.stringify(c.caseFile));
  z.file('cases/broken.json', '{ not json');
  zip = await z.generateAsync({ type: 'nodebuffer' });
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/evaluations (zip upload)', () => {
  it('accepts a zip with 202, runs it in the background, reports progress and a summary, serves the four files', async () => {
    const res = await api(app)
      .post('/api/evaluations')
      .field('asOf', AS_OF)
      .attach('file', zip, { filename: '2025年度.zip', contentType: 'application/zip' })
      .expect(202);
    expect(res.body).toMatchObject({ id: expect.any(String), status: expect.stringMatching(/queued|running/), source: 'zip', asOf: AS_OF });

    const done = await waitDone(res.body.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual({ done: N + 1, total: N + 1, failed: 1 });
    const summary = done.summary as { totals: { evaluated: number; failed: number }; versions: { rulePack: string }; failed: { file: string }[] };
    expect(summary.totals).toMatchObject({ evaluated: N, failed: 1 });
    expect(summary.versions.rulePack).toMatch(/\S/);
    expect(summary.failed[0].file).toBe('cases/broken.json');

    const base = `/api/evaluations/${res.body.id}`;
    const json = await api(app).get(`${base}/results.json`).expect(200).expect('Content-Type', /application\/json/);
    const results = JSON.parse(json.text) as EvaluationResults;
    expect(results.ranking).toHaveLength(N);
    expect(results.parameters.asOf).toBe(AS_OF);
    const csv = await api(app).get(`${base}/summary.csv`).expect(200).expect('Content-Type', /text\/csv/);
    expect(csv.text.replace(/^\ufeff/, '').split('\r\n').filter(Boolean)).toHaveLength(1 + N + 1);
    const pdf = await api(app).get(`${base}/summary.pdf`).responseType('blob').expect(200).expect('Content-Type', 'application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await api(app).get(`${base}/summary.xlsx`).responseType('blob').expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.headers['content-disposition']).toContain('summary.xlsx');
    // outputs live in <dir>/<id>/, the upload itself is gone once the run has finished
    expect(readdirSync(join(dir, res.body.id)).sort()).toEqual(['results.json', 'summary.csv', 'summary.pdf', 'summary.xlsx']);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
  });

  it('refuses a file that is not a zip (400, Chinese message, nothing stored)', async () => {
    const before = (await api(app).get('/api/evaluations').expect(200)).body.length;
    const res = await api(app).post('/api/evaluations').attach('file', Buffer.from('hello'), 'cases.zip').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', errors: [{ path: 'file', code: 'INVALID_ZIP' }] });
    expect(res.body.errors[0].message).toMatch(/zip/);
    expect((await api(app).get('/api/evaluations').expect(200)).body.length).toBe(before);
  });

  it('refuses an unknown scoring sheet and a bad asOf', async () => {
    const res = await api(app)
      .post('/api/evaluations')
      .field('sheet', 'no-such-sheet')
      .field('asOf', '2025-02-30')
      .attach('file', zip, 'cases.zip')
      .expect(400);
    expect(res.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['INVALID_DATE', 'UNKNOWN_SCORING_SHEET']);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 1);
    big.writeUInt32LE(0x04034b50, 0);
    const res = await api(app).post('/api/evaluations').attach('file', big, 'big.zip').expect(413);
    expect(res.body.statusCode).toBe(413);
  });
});

describe('POST /api/evaluations (stored cases)', () => {
  it('evaluates stored cases by id', async () => {
    const ids: string[] = [];
    for (const c of generateSyntheticCases(3, 9)) {
      const created = await api(app).post('/api/cases').send(c.caseFile);
      if (created.status !== 201) throw new Error(`POST /api/cases → ${created.status} ${created.text}`);
      ids.push(created.body.id);
    }
    const res = await api(app).post('/api/evaluations').send({ caseIds: ids, asOf: AS_OF }).expect(202);
    expect(res.body.source).toBe('cases');
    const done = await waitDone(res.body.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual({ done: 3, total: 3, failed: 0 });
    const results = JSON.parse((await api(app).get(`/api/evaluations/${res.body.id}/results.json`).expect(200)).text) as EvaluationResults;
    expect(results.ranking.map((r) => r.file).every((f) => ids.some((id) => f.includes(id)))).toBe(true);
  });

  it('reads stored cases in batches; a stored document that is no longer JSON is one failed file, the rest are evaluated', async () => {
    const ids: string[] = [];
    for (const c of generateSyntheticCases(60, 13)) ids.push((await api(app).post('/api/cases').send(c.caseFile).expect(201)).body.id);
    // the 55th case (in the second batch of 50) damaged in storage
    await app.get(DataSource).query(`UPDATE case_files SET document = '{"case": ' WHERE id = '${ids[54]}'`);
    const res = await api(app).post('/api/evaluations').send({ caseIds: ids, asOf: AS_OF }).expect(202);
    const done = await waitDone(res.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: { done: 60, total: 60, failed: 1 } });
    const results = JSON.parse((await api(app).get(`/api/evaluations/${res.body.id}/results.json`).expect(200)).text) as EvaluationResults;
    expect(results.failed).toEqual([expect.objectContaining({ file: ids[54], issues: [expect.objectContaining({ code: 'CASE_UNREADABLE' })] })]);
    expect(results.ranking.length + results.unfinished.length).toBe(59);
  });

  it('a run interrupted by a restart is queued again and completes', async () => {
    const created = await api(app).post('/api/cases').send([...generateSyntheticCases(1, 31)][0].caseFile).expect(201);
    const repo = app.get<Repository<EvaluationEntity>>(getRepositoryToken(EvaluationEntity));
    const id = '3c9f1e2a-7b4d-4e8f-a1b2-c3d4e5f60718';
    await repo.save(repo.create({ id, status: 'running', source: JSON.stringify({ kind: 'cases', ids: [created.body.id] }), sheetId: 'inferred-2024', asOf: AS_OF, total: 1, done: 0, failedFiles: 0, agencyId: defaultUser(app).user.agency.id }));
    const service = app.get(EvaluationsService);
    await service.onModuleInit();
    const done = await waitDone(id);
    expect(done).toMatchObject({ status: 'completed', progress: { done: 1, total: 1, failed: 0 } });
  });

  it('400 for a body without caseIds, bad ids, unknown fields; 400 CASE_NOT_FOUND for ids that do not exist', async () => {
    const empty = await api(app).post('/api/evaluations').send({}).expect(400);
    expect(empty.body.errors[0]).toMatchObject({ path: 'caseIds', code: 'REQUIRED' });
    const bad = await api(app).post('/api/evaluations').send({ caseIds: ['x'], extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['INVALID_CASE_ID', 'UNKNOWN_PROPERTY']);
    const missing = await api(app)
      .post('/api/evaluations')
      .send({ caseIds: ['6f1c1d5e-8f0a-4c39-9d6b-2b8f3f0c9a11'] })
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'CASE_NOT_FOUND', errors: [{ path: 'caseIds[0]', code: 'CASE_NOT_FOUND' }] });
  });
});

describe('POST /api/evaluations with caseIds: which ids are stored is checked in batches, within the caller\'s agencies', () => {
  it('reports every id that is not stored or belongs to another agency, across a batch boundary, and stores nothing', async () => {
    const own = (await api(app).post('/api/cases').send([...generateSyntheticCases(1, 71)][0].caseFile).expect(201)).body.id as string;
    // a case of an agency outside the default user's tree: it does not exist for that user
    const elsewhere = await loginAs(app, { roles: ['officer', 'evaluation_admin'], agencyId: (await testAgency(app, '他省生态环境厅')).id });
    const foreignFile = JSON.parse(JSON.stringify([...generateSyntheticCases(1, 72)][0].caseFile).split('〔2025〕1000号').join('〔2025〕9000号'));
    const foreign = (await request(app.getHttpServer()).post('/api/cases').set(elsewhere.headers).send(foreignFile).expect(201)).body.id as string;
    const unknown = Array.from({ length: 520 }, (_, i) => `6f1c1d5e-8f0a-4c39-9d6b-${String(i).padStart(12, '0')}`);
    // positions 0–519 unknown, 520 the caller's own case (in the second batch of 500), 521 the other agency's
    const ids = [...unknown, own.toUpperCase(), foreign];
    const before = await app.get(DataSource).query('SELECT COUNT(*) AS n FROM evaluations');
    const res = await api(app).post('/api/evaluations').send({ caseIds: ids, asOf: AS_OF }).expect(400);
    expect(res.body.code).toBe('CASE_NOT_FOUND');
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toHaveLength(521);
    expect(paths.slice(0, 3)).toEqual(['caseIds[0]', 'caseIds[1]', 'caseIds[2]']);
    expect(paths).not.toContain('caseIds[520]');
    expect(paths[520]).toBe('caseIds[521]');
    expect(await app.get(DataSource).query('SELECT COUNT(*) AS n FROM evaluations')).toEqual(before);
    // the own case alone (written in capitals) is accepted
    const accepted = await api(app).post('/api/evaluations').send({ caseIds: [own.toUpperCase()], asOf: AS_OF }).expect(202);
    expect(await waitDone(accepted.body.id)).toMatchObject({ status: 'completed', progress: { done: 1, total: 1, failed: 0 } });
  });
});

describe('GET /api/evaluations/:id', () => {
  it('404 for an unknown id and an unknown output name', async () => {
    await api(app).get('/api/evaluations/6f1c1d5e-8f0a-4c39-9d6b-2b8f3f0c9a11').expect(404);
    await api(app).get('/api/evaluations/not-a-uuid').expect(404);
    const list = (await api(app).get('/api/evaluations').expect(200)).body as { id: string }[];
    await api(app).get(`/api/evaluations/${list[0].id}/secrets.txt`).expect(404);
  });

  it('409 while an evaluation has not finished', async () => {
    const repo = app.get<Repository<EvaluationEntity>>(getRepositoryToken(EvaluationEntity));
    const id = '0b6b7c2e-1d2f-4a8e-9c1b-5e6f7a8b9c0d';
    await repo.save(repo.create({ id, status: 'running', source: JSON.stringify({ kind: 'cases', ids: [] }), sheetId: 'inferred-2024', asOf: AS_OF, total: 10, done: 3, failedFiles: 0, agencyId: defaultUser(app).user.agency.id }));
    const res = await api(app).get(`/api/evaluations/${id}/summary.pdf`).expect(409);
    expect(res.body).toMatchObject({ code: 'EVALUATION_NOT_FINISHED' });
    expect(res.body.message).toMatch(/尚未完成/);
    const view = await api(app).get(`/api/evaluations/${id}`).expect(200);
    expect(view.body).toMatchObject({ status: 'running', progress: { done: 3, total: 10, failed: 0 } });
    expect(view.body.downloads).toBeUndefined();
  });
});
