/**
 * GET /api/cases/:id/report.pdf of a stored case on the default 细则 sheet (official-2024): with no judgement it
 * prints the machine score and blank signature lines; once a finding is dismissed, an item scored by hand and the
 * review signed, the same URL prints them (the PDF cache key follows each change), and the adjudicated score
 * (the 重大问题 dismissed: 合法性 back to 50) is the one in the report. Text extracted with MuPDF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { CaseFile } from '../../src/core/case-file/types';
import { createTestApp } from '../support/create-test-app';
import { loginAs, testAgency, type LoggedIn } from '../support/auth';
import { pdfTextSquashed } from './support/pdf-text';

const file = JSON.parse(readFileSync(join(__dirname, '../../fixtures/cases/11-decision-before-statement-period-no-education.json'), 'utf8')) as CaseFile;

describe('stored-case report with the judgement (official sheet)', () => {
  let app: NestExpressApplication;
  let reviewer: LoggedIn;
  let caseId: string;
  const http = () => request(app.getHttpServer());
  const as = (u: LoggedIn) => ({ Authorization: u.headers.Authorization });
  const reportText = async (): Promise<string> => {
    const res = await http()
      .get(`/api/cases/${caseId}/report.pdf`)
      .set(as(reviewer))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return pdfTextSquashed(new Uint8Array(res.body as Buffer));
  };

  beforeAll(async () => {
    app = await createTestApp();
    const agency = await testAgency(app, file.case.agency);
    reviewer = await loginAs(app, { roles: ['reviewer'], agencyId: agency.id, displayName: '李审核' });
    const officer = await loginAs(app, { roles: ['officer'], agencyId: agency.id, displayName: '曾丽' });
    caseId = (await http().post('/api/cases').set(as(officer)).send(file).expect(201)).body.id;
    await http().post(`/api/cases/${caseId}/reviews`).set(as(reviewer)).send({ asOf: '2026-06-30' }).expect(201);
  });
  afterAll(async () => app?.close());

  it('prints rulings, manual item scores and the sign-off once there are any, and the adjudicated score', async () => {
    const before = await reportText();
    expect(before).toContain('行政处罚案卷评查报告');
    expect(before).not.toContain('引擎未录入的书面放弃声明');

    const view = (await http().get(`/api/cases/${caseId}/adjudicated`).set(as(reviewer)).expect(200)).body.adjudicated.score as {
      total: number;
      legality: { score: number; hits: { id: string; evidence: { kind: string; ruleId: string; fingerprint?: string }[] }[] };
      manualItems: { itemId: string; points: number; kind: string }[];
    };
    expect(view.legality.score).toBe(0);
    const taking = view.legality.hits.flatMap((h) => h.evidence).filter((e) => e.kind === 'finding');
    expect(taking.length).toBeGreaterThan(0);
    for (const e of taking) {
      await http()
        .post(`/api/cases/${caseId}/adjudications`)
        .set(as(reviewer))
        .send({ fingerprint: e.fingerprint, decision: 'dismissed', reason: '卷内第21页有引擎未录入的书面放弃声明' })
        .expect(201);
    }
    const dismissed = await reportText();
    expect(dismissed).toContain('引擎未录入的书面放弃声明');
    const adjudicated = (await http().get(`/api/cases/${caseId}/adjudicated`).set(as(reviewer)).expect(200)).body.adjudicated.score as { total: number; legality: { score: number } };
    expect(adjudicated.legality.score).toBe(50);
    expect(adjudicated.total).toBeGreaterThan(50);

    const item = view.manualItems.find((m) => m.kind === 'score')!;
    await http().put(`/api/cases/${caseId}/manual-scores/${item.itemId}`).set(as(reviewer)).send({ score: item.points, note: '送达回证齐全，人工核对' }).expect(200);
    const tooMuch = await http().put(`/api/cases/${caseId}/manual-scores/${item.itemId}`).set(as(reviewer)).send({ score: item.points + 1 }).expect(400);
    expect(tooMuch.body.errors[0]).toMatchObject({ path: 'body.score', code: 'SCORE_OUT_OF_RANGE' });
    const scored = await reportText();
    expect(scored).toContain('人工评分的项目（1项）');
    expect(scored).toContain('送达回证齐全，人工核对');
    expect(scored).not.toContain('评查人：李审核');

    await http().post(`/api/cases/${caseId}/sign-off`).set(as(reviewer)).send({ action: 'sign', opinion: '程序合法，建议维持' }).expect(200);
    const signed = await reportText();
    expect(signed).toContain('评查意见：程序合法，建议维持');
    expect(signed).toContain('评查人：李审核');
  });
});
