/**
 * The API the web app adds: the vocabulary (labels from the core's single label modules), the holiday marks of a
 * year, and the scores of stored reviews (list columns and the score panel).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestApp } from '../support/create-test-app';
import { loginAs, testAgency } from '../support/auth';
import { CASE_STATUS_LABELS, SERVICE_METHOD_LABELS } from '../../src/core/case-file/labels';
import { defaultDocumentTypes } from '../../src/core/domain/document-types';
import { SEVERITY_LABELS } from '../../src/core/evaluation/assess';
import { LEGALITY_STATUS_LABELS, SCORE_ITEM_STATUS_LABELS } from '../../src/core/scoring';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'cases');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as object;

describe('web API: vocabulary, holidays, scores', () => {
  let app: NestExpressApplication;
  let api: (method: 'get' | 'post', path: string) => request.Test;
  let other: { Authorization: string };
  beforeAll(async () => {
    app = await createTestApp();
    const http = app.getHttpServer();
    const city = await testAgency(app, '沅澧市生态环境局');
    await testAgency(app, '沅澧市生态环境局临湖分局', city.id);
    const { headers } = await loginAs(app, { roles: ['reviewer', 'officer'], agencyId: city.id });
    api = (method, path) => request(http)[method](path).set(headers);
    other = (await loginAs(app, { roles: ['reviewer'], agencyId: (await testAgency(app, '别市生态环境局')).id })).headers;
  });
  afterAll(async () => {
    await app.close();
  });

  it('needs a session like every API route', async () => {
    await request(app.getHttpServer()).get('/api/vocabulary').expect(401);
    await request(app.getHttpServer()).get('/api/scores').query({ caseIds: '3f1c2a9e-7b4d-4c1e-9a35-0d6f2b8e91c4' }).expect(401);
  });

  it('GET /api/vocabulary gives the core labels and the document-type catalog', async () => {
    const res = await api('get', '/api/vocabulary').expect(200);
    expect(res.body.caseStatuses).toEqual(Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value, label })));
    expect(res.body.serviceMethods).toEqual(Object.entries(SERVICE_METHOD_LABELS).map(([value, label]) => ({ value, label })));
    expect(res.body.severities.map((s: { value: string }) => s.value)).toEqual(['veto', 'error', 'warning', 'info']);
    expect(res.body.severities[0].label).toBe(SEVERITY_LABELS.veto);
    expect(res.body.documentTypes.items).toHaveLength(defaultDocumentTypes().all().length);
    expect(res.body.documentTypes.items.find((t: { id: string }) => t.id === 'penalty_decision').name).toBe('行政处罚决定书');
    expect(res.body.reviewModes.map((m: { value: string }) => m.value)).toEqual(expect.arrayContaining(['review', 'draft']));
    expect(res.body.holidayYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(res.body.grades.length).toBeGreaterThan(1);
    expect(res.body.scoreItemStatuses).toEqual(Object.entries(SCORE_ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label })));
    expect(res.body.scoringItems.find((s: { value: string }) => s.value === 'procedure').label).toContain('听证');
    expect(res.body.legalityStatuses.find((s: { value: string }) => s.value === 'hit').label).toBe(LEGALITY_STATUS_LABELS.hit);
  });

  it('GET /api/vocabulary/holidays/:year marks 放假 and 调休上班 days with the calendar explanation', async () => {
    const res = await api('get', '/api/vocabulary/holidays/2025').expect(200);
    expect(res.body).toMatchObject({ year: 2025, covered: true, source: '国办发明电〔2024〕12号' });
    const day = (d: string) => res.body.days.find((x: { date: string }) => x.date === d);
    expect(day('2025-01-28')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(day('2025-01-26')).toMatchObject({ kind: 'adjusted_workday', name: '春节' });
    expect(day('2025-10-11')).toMatchObject({ kind: 'adjusted_workday' });
    expect(day('2025-03-03')).toBeUndefined();
    expect(day('2025-01-26').explanation[0]).toContain('调休上班日');
  });

  it('a year without a published schedule is not covered (never guessed Mon–Fri); a bad year is a 400', async () => {
    const none = await api('get', '/api/vocabulary/holidays/2099').expect(200);
    expect(none.body).toEqual({ year: 2099, covered: false, days: [] });
    const bad = await api('get', '/api/vocabulary/holidays/20x5').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'INVALID_YEAR', errors: [{ path: 'year', code: 'INVALID_YEAR' }] });
  });

  it('GET /api/vocabulary/workdays counts working days left, naming the 调休上班日; undeterminable without a schedule', async () => {
    const res = await api('get', '/api/vocabulary/workdays').query({ from: '2026-02-10', to: '2026-02-14' }).expect(200);
    // 02-11, 02-12, 02-13 and the Saturday 02-14 (春节调休上班日); the start day is not counted
    expect(res.body).toMatchObject({ from: '2026-02-10', to: '2026-02-14', workdays: 4, missingYears: [] });
    expect(res.body.notes).toEqual([expect.stringContaining('2026-02-14')]);
    expect(res.body.notes[0]).toContain('调休上班日');
    const none = await api('get', '/api/vocabulary/workdays').query({ from: '2099-01-01', to: '2099-01-10' }).expect(200);
    expect(none.body).toMatchObject({ workdays: null, missingYears: [2099] });
    const bad = await api('get', '/api/vocabulary/workdays').query({ from: '2026-02-30', to: '2026-01-01' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.from']);
    const backwards = await api('get', '/api/vocabulary/workdays').query({ from: '2026-02-10', to: '2026-01-01' }).expect(400);
    expect(backwards.body.errors[0]).toMatchObject({ path: 'query.to', code: 'INVALID_RANGE' });
  });

  it('GET /api/scores gives the latest review\'s score, grade, veto and next deadline of each listed case', async () => {
    const a = await api('post', '/api/cases').send(fixture('11-decision-before-statement-period-no-education.json')).expect(201);
    const b = await api('post', '/api/cases').send(fixture('08-draft-in-progress.json')).expect(201);
    const c = await api('post', '/api/cases').send(fixture('01-general-fine-clean.json')).expect(201);
    await api('post', `/api/cases/${a.body.id}/reviews`).send({ mode: 'review', asOf: '2026-11-30' }).expect(201);
    await api('post', `/api/cases/${b.body.id}/reviews`).send({ mode: 'draft', asOf: '2026-02-10' }).expect(201);
    const res = await api('get', '/api/scores').query({ caseIds: [a.body.id, b.body.id, c.body.id].join(',') }).expect(200);
    expect(res.body.items).toHaveLength(2); // c was never reviewed
    const sa = res.body.items.find((x: { caseId: string }) => x.caseId === a.body.id);
    // the default 细则 sheet: the 重大问题 is 合法性评查第14项 (L14), and the file scores 0
    expect(sa).toMatchObject({ mode: 'review', veto: true, vetoIds: ['L14'], total: 0 });
    const sb = res.body.items.find((x: { caseId: string }) => x.caseId === b.body.id);
    expect(sb.nextDeadline).toMatchObject({ dueOn: '2026-02-14', daysLeft: 4 });

    const one = await api('get', `/api/scores/${a.body.id}`).expect(200);
    expect(one.body.score.grade).toBe(sa.grade);
    expect(one.body.score.categories.length).toBeGreaterThan(0);
    // scored on the case file itself: 合法性 with the hit, 规范性 per document, 卷面, the items left to the reviewer
    expect(one.body.score).toMatchObject({ model: 'xize-2024', legality: { max: 50, score: 0, hits: [expect.objectContaining({ id: 'L14', no: 14 })] } });
    expect(one.body.score.normativity.documents.length).toBeGreaterThan(0);
    expect(one.body.score.formDeductions.max).toBe(20);
    expect(one.body.score.manualItems.length).toBeGreaterThan(0);
    expect(one.body.score.gradeOverlay.name).toContain('【I】');
    expect(one.body.review).toMatchObject({ caseId: a.body.id, mode: 'review' });
    expect(one.body.review.result).toBeUndefined();
    const never = await api('get', `/api/scores/${c.body.id}`).expect(404);
    expect(never.body.code).toBe('REVIEW_NOT_FOUND');

    // another agency's user sees none of these scores, and the case does not exist for them
    const outside = await request(app.getHttpServer()).get('/api/scores').set(other).query({ caseIds: [a.body.id, b.body.id].join(',') }).expect(200);
    expect(outside.body.items).toEqual([]);
    const hidden = await request(app.getHttpServer()).get(`/api/scores/${a.body.id}`).set(other).expect(404);
    expect(hidden.body.code).toBe('CASE_NOT_FOUND');
  });

  it('rejects bad score queries with field paths and changes nothing', async () => {
    const missing = await api('get', '/api/scores').expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'query.caseIds', code: 'REQUIRED' })]);
    const bad = await api('get', '/api/scores').query({ caseIds: 'nope', extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.caseIds[0]', 'query.extra']);
    const sheet = await api('get', '/api/scores').query({ caseIds: '3f1c2a9e-7b4d-4c1e-9a35-0d6f2b8e91c4', sheet: 'no-such-sheet' }).expect(400);
    expect(sheet.body.code).toBe('UNKNOWN_SHEET');
  });
});
