import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { defaultRulePack } from '../../src/core/engine';
import { ReviewService } from '../../src/review/review.service';
import { api, createTestApp } from '../support/create-test-app';

const BASE = join(__dirname, '..', '..', 'fixtures', 'rules', 'base');
const base = (name = 'general-fine') => JSON.parse(readFileSync(join(BASE, `${name}.json`), 'utf8'));

describe('review API', () => {
  let app: NestExpressApplication;
  const http = () => api(app);
  // COUNT(*) is a bigint on PostgreSQL, which the driver returns as a string
  const storedReviews = async () => Number((await app.get(DataSource).query('SELECT COUNT(*) AS n FROM reviews'))[0].n);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  describe('POST /api/review', () => {
    it('reviews a clean case file: no findings, checks listed, nothing stored', async () => {
      const res = await http().post('/api/review').query({ asOf: '2026-01-05' }).send(base()).expect(200);
      expect(res.body).toMatchObject({ caseNumber: '益环罚〔2025〕12号', mode: 'review', asOf: '2026-01-05', rulePackVersion: defaultRulePack().version });
      expect(res.body.findings).toEqual([]);
      expect(res.body.passed.length).toBeGreaterThan(20);
      expect(await storedReviews()).toBe(0);
    });

    it('reports a defect with its rule, basis, facts and calendar steps', async () => {
      const cf = base();
      cf.documents.find((d: any) => d.id === 'decision').service.servedOn = '2025-04-15';
      const res = await http().post('/api/review').send(cf).expect(200);
      const f = res.body.findings.find((x: any) => x.ruleId === 'DL-08');
      expect(f).toMatchObject({ severity: 'error', confidence: 'Q', basisPending: false, data: { dueOn: '2025-04-11' } });
      expect(f.calendar.length).toBeGreaterThan(0);
    });

    it('takes mode and asOf from the query or from a { caseFile, mode, asOf } body', async () => {
      const cf = base();
      cf.case.status = 'in_progress';
      cf.documents = cf.documents.filter((d: any) => !['decision', 'decision-receipt', 'payment', 'disclosure', 'closing'].includes(d.id));
      cf.fileIndex = cf.fileIndex.filter((e: any) => !['decision', 'decision-receipt', 'payment', 'disclosure', 'closing'].includes(e.refId));
      const q = await http().post('/api/review').query({ mode: 'draft', asOf: '2025-03-21' }).send(cf).expect(200);
      expect(q.body.mode).toBe('draft');
      expect(q.body.upcoming.map((u: any) => u.ruleId)).toContain('SEQ-07');
      const b = await http().post('/api/review').send({ caseFile: cf, mode: 'draft', asOf: '2025-03-21' }).expect(200);
      expect(b.body).toEqual(q.body);
    });

    it('400 with path and code for an invalid case file', async () => {
      const cf = base();
      cf.documents[0].madeOn = '2025-02-30';
      const res = await http().post('/api/review').send(cf).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors[0]).toMatchObject({ path: 'documents[0].madeOn', code: 'INVALID_DATE' });
      expect(await storedReviews()).toBe(0);
    });

    it('400 for a bad mode or asOf, an unknown wrapper field; 415 without JSON', async () => {
      const bad = await http().post('/api/review').query({ mode: 'audit', asOf: '2025-13-01' }).send(base()).expect(400);
      expect(bad.body.code).toBe('INVALID_REVIEW_OPTIONS');
      expect(bad.body.errors.map((e: any) => e.path)).toEqual(['query.mode', 'query.asOf']);
      const wrap = await http().post('/api/review').send({ caseFile: base(), grade: 'x' }).expect(400);
      expect(wrap.body.errors[0]).toMatchObject({ path: 'grade', code: 'UNKNOWN_PROPERTY' });
      await http().post('/api/review').set('Content-Type', 'text/plain').send('x').expect(415);
    });
  });

  describe('stored reviews', () => {
    let caseId: string;

    beforeAll(async () => {
      const res = await http().post('/api/cases').send(base('hearing')).expect(201);
      caseId = res.body.id;
    });

    it('404 REVIEW_NOT_FOUND before the first review; 404/400 for unknown or malformed case ids', async () => {
      expect((await http().get(`/api/cases/${caseId}/reviews/latest`).expect(404)).body.code).toBe('REVIEW_NOT_FOUND');
      expect((await http().get('/api/cases/00000000-0000-4000-8000-000000000000/reviews/latest').expect(404)).body.code).toBe('CASE_NOT_FOUND');
      expect((await http().post('/api/cases/not-a-uuid/reviews').expect(400)).body.code).toBe('INVALID_ID');
    });

    it('POST /api/cases/:id/reviews runs the engine and stores the result; latest returns it', async () => {
      const first = await http().post(`/api/cases/${caseId}/reviews`).query({ asOf: '2026-01-05' }).expect(201);
      expect(first.body).toMatchObject({ caseId, caseVersion: 1, mode: 'review', asOf: '2026-01-05', rulePackVersion: defaultRulePack().version });
      expect(first.body.holidayDataVersion).toBe(first.body.result.holidayDataVersion);
      expect(first.body.result.findings).toEqual([]);
      expect(first.headers.location).toBe(`/api/cases/${caseId}/reviews/${first.body.id}`);

      const second = await http().post(`/api/cases/${caseId}/reviews`).send({ mode: 'draft', asOf: '2025-02-20' }).expect(201);
      expect(second.body.mode).toBe('draft');
      const latest = await http().get(`/api/cases/${caseId}/reviews/latest`).expect(200);
      // the score comes with the request that ran the review (computed, not stored)
      const { score, ...stored } = second.body;
      expect(score.sheetId).toBe('official-2024');
      expect(latest.body).toEqual(stored);
      expect(await storedReviews()).toBe(2);
      expect((await app.get(ReviewService).latestForCase(caseId))?.id).toBe(second.body.id);
    });

    it('mode pre-decision (法制审核 before the decision) is stored and returns the 决定书应载明 list', async () => {
      const res = await http().post(`/api/cases/${caseId}/reviews`).send({ mode: 'pre-decision', asOf: '2025-02-20' }).expect(201);
      expect(res.body.mode).toBe('pre-decision');
      expect(res.body.result.decisionMustState.map((d: any) => d.ruleId)).toEqual(expect.arrayContaining(['FLD-01', 'SEQ-15']));
      const latest = await http().get(`/api/cases/${caseId}/reviews/latest`).expect(200);
      expect(latest.body.mode).toBe('pre-decision');
      const oneOff = await http().post('/api/review').query({ mode: 'pre-decision', asOf: '2025-02-20' }).send(base()).expect(200);
      expect(oneOff.body.mode).toBe('pre-decision');
      // 第59条's six items and the seal, then the 说理 / 复议机关 / 责令改正 items of the stated_contents rules
      expect(oneOff.body.decisionMustState.filter((d: any) => d.ruleId === 'FLD-01' || d.ruleId === 'SEQ-15')).toHaveLength(7);
      expect(oneOff.body.decisionMustState.map((d: any) => d.ruleId)).toEqual(expect.arrayContaining(['FLD-30', 'FLD-31', 'FLD-32', 'FLD-33', 'FLD-34']));
    });

    it('400 for bad options on a stored review', async () => {
      const res = await http().post(`/api/cases/${caseId}/reviews`).send({ mode: 'x' }).expect(400);
      expect(res.body.errors[0].path).toBe('body.mode');
    });
  });

  describe('GET /api/rules', () => {
    it('lists every rule with id, title, basis, severity, confidence, effective range and scoring item', async () => {
      const res = await http().get('/api/rules').expect(200);
      const pack = defaultRulePack();
      expect(res.body).toMatchObject({ version: pack.version, count: pack.rules.length });
      const dl01 = res.body.rules.find((r: any) => r.id === 'DL-01');
      expect(dl01).toMatchObject({ confidence: 'Q', severity: 'error', scoringItem: 'decision', effective: { date: 'filingDate', from: '2023-07-01' } });
      expect(dl01.basis[0].article).toBe('第60条');
      expect(res.body.rules.find((r: any) => r.id === 'DL-01a')).toMatchObject({ confidence: 'S', basisPending: true, severity: 'warning' });
    });

    it('GET /api/rules/:id returns the definition and its valid/invalid examples; 404 otherwise', async () => {
      const res = await http().get('/api/rules/DL-08').expect(200);
      expect(res.body.check).toMatchObject({ kind: 'deadline', amount: 7, unit: 'workday' });
      expect(res.body.examples.valid.length).toBeGreaterThan(0);
      expect(res.body.examples.invalid[0]).toMatchObject({ base: 'general-fine' });
      expect((await http().get('/api/rules/DL-99').expect(404)).body.code).toBe('RULE_NOT_FOUND');
    });

    it('GET /api/rules/DL-33 (an id merged into DL-01 as its 2010 version) gives DL-01 with that version', async () => {
      const res = await http().get('/api/rules/dl-33').expect(200);
      expect(res.body.id).toBe('DL-01');
      expect(res.body.check).toMatchObject({ kind: 'deadline', parameter: 'case_handling_period' });
      expect(res.body.formerVersions).toEqual([
        expect.objectContaining({ formerId: 'DL-33', effective: expect.objectContaining({ before: '2023-07-01' }), title: '（2010年办法）自立案之日起三个月内作出处理决定' }),
      ]);
    });
  });
});
