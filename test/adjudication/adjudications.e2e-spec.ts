/**
 * Rulings, manual findings and sign-off through the HTTP API, behind the real auth guard: a ruling survives a
 * re-review, goes stale / invalidated when the facts change, is refused for an officer; manual findings, the
 * 评查意见 and both signatures appear in the report PDF (text extracted with MuPDF); everything is audited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { CaseFile } from '../../src/core/case-file/types';
import { createTestApp } from '../support/create-test-app';
import { loginAs, testAgency, type LoggedIn } from '../support/auth';
import { pdfTextSquashed } from './support/pdf-text';
import { useDefaultScoringSheet } from '../support/scoring-sheet';

const file = JSON.parse(readFileSync(join(__dirname, '../../fixtures/cases/11-decision-before-statement-period-no-education.json'), 'utf8')) as CaseFile;


// These flows record category-level manual findings (the deduction model of the old inferred sheet); on the
// default 细则 sheet (official-2024) a reviewer scores the 细则's own items instead (manualScores G11.4, F1.3 …).
useDefaultScoringSheet('inferred-2024');

describe('rulings, manual findings and sign-off (HTTP)', () => {
  let app: NestExpressApplication;
  let reviewer: LoggedIn;
  let leader: LoggedIn;
  let officer: LoggedIn;
  let admin: LoggedIn;
  let caseId: string;
  const http = () => request(app.getHttpServer());
  const as = (u: LoggedIn) => ({ Authorization: u.headers.Authorization });

  beforeAll(async () => {
    app = await createTestApp();
    const agency = await testAgency(app, file.case.agency);
    reviewer = await loginAs(app, { roles: ['reviewer'], agencyId: agency.id, displayName: '李审核' });
    leader = await loginAs(app, { roles: ['reviewer'], agencyId: agency.id, displayName: '王组长' });
    officer = await loginAs(app, { roles: ['officer'], agencyId: agency.id, displayName: '曾丽' });
    admin = await loginAs(app, { roles: ['admin'], agencyId: agency.id });
    const created = await http().post('/api/cases').set(as(officer)).send(file).expect(201);
    caseId = created.body.id;
    await http().post(`/api/cases/${caseId}/reviews`).set(as(reviewer)).send({ asOf: '2026-06-30' }).expect(201);
  });
  afterAll(async () => app?.close());

  const seq07 = async () => {
    const latest = await http().get(`/api/cases/${caseId}/reviews/latest`).set(as(reviewer)).expect(200);
    return (latest.body.result.findings as { ruleId: string; fingerprint: string }[]).find((f) => f.ruleId === 'SEQ-07')!;
  };

  it('an officer may not rule, but may attach an explanation; a dismissal needs a reason', async () => {
    const f = await seq07();
    const denied = await http().post(`/api/cases/${caseId}/adjudications`).set(as(officer)).send({ fingerprint: f.fingerprint, decision: 'dismissed', reason: 'x' }).expect(403);
    expect(denied.body).toMatchObject({ statusCode: 403 });
    const noReason = await http().post(`/api/cases/${caseId}/adjudications`).set(as(reviewer)).send({ fingerprint: f.fingerprint, decision: 'dismissed' }).expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'body.reason', code: 'REQUIRED' })]);
    const unknown = await http().post(`/api/cases/${caseId}/adjudications`).set(as(reviewer)).send({ fingerprint: 'SEQ-07:nope', decision: 'accepted' }).expect(404);
    expect(unknown.body.code).toBe('FINDING_NOT_FOUND');
    await http().post(`/api/cases/${caseId}/explanations`).set(as(officer)).send({ fingerprint: f.fingerprint, text: '当事人口头放弃陈述申辩，见询问笔录第3页' }).expect(201);
    const list = await http().get(`/api/cases/${caseId}/adjudications`).set(as(officer)).expect(200);
    expect(list.body.rulings).toEqual([]);
  });

  it('a dismissal survives a re-review of the unchanged file, and does not deduct', async () => {
    const f = await seq07();
    const ruled = await http()
      .post(`/api/cases/${caseId}/adjudications`)
      .set(as(reviewer))
      .send({ fingerprint: f.fingerprint, decision: 'dismissed', reason: '卷内有当事人书面放弃陈述申辩的声明（第21页），引擎未录入' })
      .expect(201);
    expect(ruled.body).toMatchObject({ ruleId: 'SEQ-07', decision: 'dismissed', by: { id: reviewer.user.id, name: '李审核' } });
    await http().post(`/api/cases/${caseId}/reviews`).set(as(reviewer)).send({ asOf: '2026-06-30' }).expect(201);
    const list = await http().get(`/api/cases/${caseId}/adjudications`).set(as(reviewer)).expect(200);
    expect(list.body.findings.find((x: { ruleId: string }) => x.ruleId === 'SEQ-07')).toMatchObject({ status: 'dismissed' });
    expect(list.body.staleRulings).toEqual([]);
    const view = await http().get(`/api/cases/${caseId}/adjudicated`).set(as(reviewer)).expect(200);
    expect(view.body.adjudicated.score.dismissed).toEqual([expect.objectContaining({ ruleId: 'SEQ-07', reason: expect.stringContaining('书面放弃') })]);
    expect(view.body.adjudicated.score.vetoHits.map((v: { ruleId: string }) => v.ruleId)).not.toContain('SEQ-07');
    const f2 = view.body.adjudicated.findings.find((x: { finding: { ruleId: string } }) => x.finding.ruleId === 'SEQ-07');
    expect(f2.explanations[0]).toMatchObject({ text: expect.stringContaining('询问笔录'), by: { name: '曾丽' } });
  });

  it('a changed fact invalidates the ruling; it is reported, not applied', async () => {
    const current = await http().get(`/api/cases/${caseId}`).set(as(officer)).expect(200);
    const changed = structuredClone(current.body.caseFile) as CaseFile;
    changed.documents.find((d) => d.id === 'd-decision')!.madeOn = '2025-06-12';
    await http().put(`/api/cases/${caseId}`).set(as(officer)).send(changed).expect(200);
    await http().post(`/api/cases/${caseId}/reviews`).set(as(reviewer)).send({ asOf: '2026-06-30' }).expect(201);
    const list = await http().get(`/api/cases/${caseId}/adjudications`).set(as(reviewer)).expect(200);
    expect(list.body.findings.find((x: { ruleId: string }) => x.ruleId === 'SEQ-07')).toMatchObject({ status: 'open' });
    expect(list.body.staleRulings).toEqual([expect.objectContaining({ state: 'invalidated', ruling: expect.objectContaining({ ruleId: 'SEQ-07' }) })]);
    const view = await http().get(`/api/cases/${caseId}/adjudicated`).set(as(reviewer)).expect(200);
    expect(view.body.adjudicated.score.dismissed).toEqual([]);
    expect(view.body.adjudicated.score.grade).toBe('不合格');
  });

  it('a ruling whose finding is gone is stale', async () => {
    const current = await http().get(`/api/cases/${caseId}`).set(as(officer)).expect(200);
    // rule again on the new finding, then move the decision after the 陈述申辩 period: SEQ-07 no longer fires
    const f = await seq07();
    await http().post(`/api/cases/${caseId}/adjudications`).set(as(reviewer)).send({ fingerprint: f.fingerprint, decision: 'accepted' }).expect(201);
    const changed = structuredClone(current.body.caseFile) as CaseFile;
    changed.documents.find((d) => d.id === 'd-decision')!.madeOn = '2025-06-20';
    await http().put(`/api/cases/${caseId}`).set(as(officer)).send(changed).expect(200);
    await http().post(`/api/cases/${caseId}/reviews`).set(as(reviewer)).send({ asOf: '2026-06-30' }).expect(201);
    const list = await http().get(`/api/cases/${caseId}/adjudications`).set(as(reviewer)).expect(200);
    expect(list.body.findings.map((x: { ruleId: string }) => x.ruleId)).not.toContain('SEQ-07');
    expect(list.body.staleRulings.map((s: { state: string; ruling: { decision: string } }) => `${s.state}:${s.ruling.decision}`)).toContain('stale:accepted');
  });

  it('manual findings, 评查意见 and both signatures in the PDF; a signed review is frozen; all audited', async () => {
    // the default sheet's own items: a category to deduct from, an item the reviewer scores
    const current = (await http().get(`/api/cases/${caseId}/adjudicated`).set(as(reviewer)).expect(200)).body.adjudicated.score as {
      categories: { id: string; max: number }[];
      manualItems?: { itemId: string; points: number; kind: string }[];
    };
    const category = current.categories[current.categories.length - 1].id;
    const scored = current.manualItems?.find((m) => m.kind === 'score');
    const item = scored ? { id: scored.itemId, score: scored.points } : { id: current.categories[0].id, score: current.categories[0].max - 1 };
    const mf = await http()
      .post(`/api/cases/${caseId}/manual-findings`)
      .set(as(reviewer))
      .send({ item: '合法性评查 事实证据', categoryId: category, severity: 'error', points: 3, text: '违法事实认定缺少现场监测数据', evidence: '第8页 现场检查笔录' })
      .expect(201);
    expect(mf.body).toMatchObject({ categoryId: category, by: { name: '李审核' } });
    const bad = await http().post(`/api/cases/${caseId}/manual-findings`).set(as(reviewer)).send({ item: 'x', categoryId: 'nope', severity: 'error', points: 1, text: 'y' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'body.categoryId', code: 'UNKNOWN_SCORING_ITEM' });
    await http().put(`/api/cases/${caseId}/manual-scores/${item.id}`).set(as(reviewer)).send({ score: item.score, note: '卷内目录页码不连续' }).expect(200);
    const outOfRange = await http().put(`/api/cases/${caseId}/manual-scores/${item.id}`).set(as(reviewer)).send({ score: 1000 }).expect(400);
    expect(outOfRange.body.errors[0].path).toBe('body.score');

    const noOpinion = await http().post(`/api/cases/${caseId}/sign-off`).set(as(reviewer)).send({ action: 'sign' }).expect(400);
    expect(noOpinion.body.errors[0]).toMatchObject({ path: 'body.opinion', code: 'REQUIRED' });
    await http().post(`/api/cases/${caseId}/sign-off`).set(as(reviewer)).send({ action: 'sign', opinion: '事实认定证据不足，建议补充监测数据后重新审查' }).expect(200);
    const self = await http().post(`/api/cases/${caseId}/sign-off`).set(as(reviewer)).send({ action: 'approve' }).expect(409);
    expect(self.body.code).toBe('SAME_REVIEWER');
    const frozen = await http().post(`/api/cases/${caseId}/manual-findings`).set(as(reviewer)).send({ item: 'x', categoryId: category, severity: 'warning', points: 1, text: 'y' }).expect(409);
    expect(frozen.body.code).toBe('REVIEW_SIGNED');
    const approved = await http().post(`/api/cases/${caseId}/sign-off`).set(as(leader)).send({ action: 'approve', comment: '同意评查意见' }).expect(200);
    expect(approved.body).toMatchObject({ frozen: true, signOff: { state: 'approved', signedBy: { name: '李审核' }, reviewedBy: { name: '王组长' } } });

    const pdf = await http().get(`/api/cases/${caseId}/adjudicated/report.pdf`).set(as(officer)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const t = await pdfTextSquashed(new Uint8Array(pdf.body as Buffer));
    for (const s of [
      '行政处罚案卷评查报告',
      '人工认定的问题（1项）',
      '违法事实认定缺少现场监测数据',
      '第8页现场检查笔录',
      '人工评分的项目（1项）',
      '卷内目录页码不连续',
      '未适用的裁定',
      '评查意见：事实认定证据不足，建议补充监测数据后重新审查',
      '评查人：李审核',
      '复核人：王组长',
      '复核通过：同意评查意见',
    ]) {
      expect(t).toContain(s);
    }

    // a new review starts a new version; the signed one stays readable
    await http().post(`/api/cases/${caseId}/reviews`).set(as(reviewer)).send({ asOf: '2026-06-30' }).expect(201);
    const versions = await http().get(`/api/cases/${caseId}/sign-offs`).set(as(reviewer)).expect(200);
    expect(versions.body[0].state).toBe('open');
    expect(versions.body.find((v: { state: string }) => v.state === 'approved')).toMatchObject({ signedBy: '李审核', reviewedBy: '王组长' });
    const old = versions.body.find((v: { state: string }) => v.state === 'approved').reviewId;
    const oldView = await http().get(`/api/cases/${caseId}/adjudicated?reviewId=${old}`).set(as(reviewer)).expect(200);
    expect(oldView.body.adjudicated.manualFindings).toHaveLength(1);

    const audit = await http().get(`/api/audit?caseId=${caseId}&pageSize=100`).set(as(admin)).expect(200);
    const actions = (audit.body.items as { action: string }[]).map((a) => a.action);
    for (const a of ['adjudication.rule', 'adjudication.explain', 'adjudication.manual_finding', 'adjudication.manual_score', 'sign_off.sign', 'sign_off.approve']) {
      expect(actions).toContain(a);
    }
    expect(actions.filter((a) => a === 'adjudication.rule')).toHaveLength(2);
  });
});
