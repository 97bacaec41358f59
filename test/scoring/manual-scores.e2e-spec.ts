/**
 * Manual item scores with the review request: POST /api/review and POST /api/cases/:id/reviews accept
 * manualScores: [{ itemId, points, note? }], validated against the sheet (400 with the path; nothing stored).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { api, createTestApp } from '../support/create-test-app';

const sample = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'cases', name), 'utf8'));

describe('manual scores in the review request (e2e)', () => {
  let app: NestExpressApplication;
  const http = () => api(app);
  const storedReviews = async () => Number((await app.get(DataSource).query('SELECT COUNT(*) AS n FROM reviews'))[0].n);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('POST /api/review scores on the official sheet by default and takes the reviewer’s item scores', async () => {
    const caseFile = sample('01-general-fine-clean.json');
    const plain = await http().post('/api/review').send({ caseFile, asOf: '2026-06-30' }).expect(200);
    expect(plain.body.score).toMatchObject({ sheetId: 'official-2024', model: 'xize-2024', total: 100 });
    expect(plain.body.score.manualItems.map((m: { itemId: string }) => m.itemId)).toContain('G11.4');

    const res = await http()
      .post('/api/review')
      .send({ caseFile, asOf: '2026-06-30', manualScores: [{ itemId: 'G11.4', points: 0, note: '未说明陈述申辩采纳情况' }] })
      .expect(200);
    const g11 = res.body.score.normativity.documents.find((d: { id: string }) => d.id === 'G11');
    expect(g11.subItems.find((s: { no: number }) => s.no === 4)).toMatchObject({ status: 'reviewer', awarded: 0, points: 2 });
    // 50 × 11 / 13 = 42.31
    expect(res.body.score.normativity.score).toBe(42.31);
    expect(res.body.score.total).toBe(92.31);
  });

  it('400 with the path for an unknown item, points out of range or an unknown sheet', async () => {
    const caseFile = sample('01-general-fine-clean.json');
    const res = await http()
      .post('/api/review')
      .send({ caseFile, manualScores: [{ itemId: 'G99.9', points: 1 }, { itemId: 'G11.4', points: 5 }] })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_SCORING_REQUEST' });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.manualScores[0].itemId', code: 'UNKNOWN_SCORING_ITEM' }),
      expect.objectContaining({ path: 'body.manualScores[1].points', code: 'POINTS_OUT_OF_RANGE', message: expect.stringContaining('0 至 2') }),
    ]);
    const bad = await http().post('/api/review').send({ caseFile, sheet: 'nope' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'body.sheet', code: 'UNKNOWN_SCORING_SHEET' });
    // the old sheet, when asked for, has no manual items
    const old = await http().post('/api/review?sheet=inferred-2024').send({ caseFile, manualScores: [{ itemId: 'G11.4', points: 1 }] }).expect(400);
    expect(old.body.errors[0]).toMatchObject({ path: 'body.manualScores', code: 'NOT_A_MANUAL_SHEET' });
  });

  it('POST /api/cases/:id/reviews: bad manual scores store nothing; good ones come back in the score', async () => {
    const created = await http().post('/api/cases').send(sample('10-hearing-period-calendar-days.json')).expect(201);
    const id = created.body.id as string;
    const before = await storedReviews();
    const bad = await http().post(`/api/cases/${id}/reviews`).send({ asOf: '2026-06-30', manualScores: [{ itemId: 'S6.1', points: 1 }] }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'body.manualScores[0].itemId', code: 'UNKNOWN_SCORING_ITEM', message: expect.stringContaining('一般行政处罚') });
    expect(await storedReviews()).toBe(before);

    const ok = await http().post(`/api/cases/${id}/reviews`).send({ asOf: '2026-06-30', manualScores: [{ itemId: 'F2.8', points: 1 }] }).expect(201);
    expect(await storedReviews()).toBe(before + 1);
    expect(ok.body.score.total).toBe(0); // 细则合法性第14项
    expect(ok.body.score.legality.hits[0]).toMatchObject({ id: 'L14', no: 14 });
    expect(ok.body.score.formDeductions.deducted).toBe(1);
  });
});
