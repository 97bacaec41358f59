/**
 * One small annual evaluation through the HTTP API, behind the real auth guard: 3 agencies under a province,
 * 30 closed / archived cases; seeded sampling (same seed → same sample), assignment with 回避, each case reviewed,
 * ruled, scored by hand and signed by its reviewer, 组长复核 with one 退回, publication, an 异议 upheld, results,
 * exports and the 整改 list ticked off.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { CasesService } from '../../src/cases/cases.service';
import { pdfTextSquashed } from '../adjudication/support/pdf-text';
import { loginAs, testAgency, type LoggedIn } from '../support/auth';
import { createTestApp } from '../support/create-test-app';
import { AGENCIES, evaluationCases } from './support/cases';
import { useDefaultScoringSheet } from '../support/scoring-sheet';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};


// These flows record category-level manual findings (the deduction model of the old inferred sheet); on the
// default 细则 sheet (official-2024) a reviewer scores the 细则's own items instead (manualScores G11.4, F1.3 …).
useDefaultScoringSheet('inferred-2024');

describe('annual evaluation workflow (3 agencies, 30 cases)', () => {
  let app: NestExpressApplication;
  let organiser: LoggedIn;
  let leader: LoggedIn;
  let reviewers: LoggedIn[];
  let conflicted: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  const agencyIds: Record<string, string> = {};
  const http = () => request(app.getHttpServer());
  const as = (u: LoggedIn) => ({ Authorization: u.headers.Authorization });
  const body = (sampling: Record<string, unknown>) => ({
    name: '2025年度行政处罚案卷评查',
    scope: { agencies: [...AGENCIES] },
    sampling,
    reviewers: [...reviewers, conflicted].map((u) => ({ id: u.user.id })),
    leaders: [{ id: leader.user.id }],
  });

  beforeAll(async () => {
    app = await createTestApp();
    const province = await testAgency(app, '某省生态环境厅');
    for (const name of [...AGENCIES, '丁市生态环境局']) agencyIds[name] = (await testAgency(app, name, province.id)).id;
    organiser = await loginAs(app, { roles: ['evaluation_admin'], agencyId: province.id, displayName: '评查办' });
    leader = await loginAs(app, { roles: ['reviewer'], agencyId: province.id, displayName: '王组长' });
    reviewers = [];
    for (const [i, name] of AGENCIES.entries()) reviewers.push(await loginAs(app, { roles: ['reviewer'], agencyId: agencyIds[name], displayName: ['甲评查', '乙评查', '丙评查'][i] }));
    // named as 执法人员 in every case made from the 沅澧市 samples: must never get one of them
    conflicted = await loginAs(app, { roles: ['reviewer'], agencyId: agencyIds['丁市生态环境局'], displayName: '陈志刚' });
    officerA = await loginAs(app, { roles: ['officer'], agencyId: agencyIds[AGENCIES[0]], displayName: '甲承办' });
    officerB = await loginAs(app, { roles: ['officer'], agencyId: agencyIds[AGENCIES[1]], displayName: '乙承办' });
    const cases = app.get(CasesService);
    for (const c of evaluationCases(30)) await cases.create(c);
  });
  afterAll(async () => app?.close());

  it('only organisers create tasks; bad parameters get paths and change nothing', async () => {
    await http().post('/api/evaluation-tasks').set(as(officerA)).send(body({ mode: 'all' })).expect(403);
    const bad = await http()
      .post('/api/evaluation-tasks')
      .set(as(organiser))
      .send({ ...body({ mode: 'ratio', ratio: 2 }), reviewers: [{ id: officerA.user.id }] })
      .expect(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.sampling.ratio', code: 'OUT_OF_RANGE' })]),
    );
    const notReviewer = await http().post('/api/evaluation-tasks').set(as(organiser)).send({ ...body({ mode: 'all' }), reviewers: [{ id: officerA.user.id }] }).expect(400);
    expect(notReviewer.body.errors).toEqual([expect.objectContaining({ path: 'body.reviewers[0].id', code: 'NOT_A_REVIEWER' })]);
    expect((await http().get('/api/evaluation-tasks').set(as(organiser)).expect(200)).body).toEqual([]);
    const directory = (await http().get('/api/evaluation-tasks/reviewers').set(as(organiser)).expect(200)).body as { id: string; agency: { name: string } }[];
    expect(directory.map((d) => d.id)).toEqual(expect.arrayContaining([...reviewers, conflicted, leader].map((u) => u.user.id)));
    expect(directory.map((d) => d.id)).not.toContain(officerA.user.id);
    await http().get('/api/evaluation-tasks/reviewers').set(as(officerA)).expect(403);
  });

  it('the same seed gives the same sample; the seed is recorded', async () => {
    const ids = async (seed: string) => {
      const t = await http().post('/api/evaluation-tasks').set(as(organiser)).send(body({ mode: 'ratio', ratio: 0.5, seed })).expect(201);
      const rows = await http().get(`/api/evaluation-tasks/${t.body.id}/cases`).set(as(organiser)).expect(200);
      return { task: t.body, ids: (rows.body as { caseId: string }[]).map((r) => r.caseId).sort() };
    };
    const a = await ids('2025-评查');
    const b = await ids('2025-评查');
    const c = await ids('另一个种子');
    expect(a.ids).toEqual(b.ids);
    expect(a.ids).not.toEqual(c.ids);
    expect(a.task.params.sampling).toMatchObject({ mode: 'ratio', ratio: 0.5, seed: '2025-评查' });
    expect(a.task.draw.population).toBe(30);
    for (const p of a.task.draw.perAgency) expect(p).toMatchObject({ population: 10, selected: 5 });
  });

  it('回避 is enforced in assignment: not the own agency, not who worked on the case', async () => {
    const t = await http().post('/api/evaluation-tasks').set(as(organiser)).send(body({ mode: 'all', seed: 'all' })).expect(201);
    const rows = (await http().get(`/api/evaluation-tasks/${t.body.id}/cases`).set(as(organiser)).expect(200)).body as {
      agency: string;
      officers: string[];
      evaluator: { id: string; name: string };
    }[];
    expect(rows).toHaveLength(30);
    const agencyOf = new Map([...reviewers.map((u, i) => [u.user.id, AGENCIES[i]] as const), [conflicted.user.id, '丁市生态环境局'] as const]);
    for (const r of rows) {
      expect(r.evaluator).not.toBeNull();
      expect(agencyOf.get(r.evaluator.id)).not.toBe(r.agency);
      expect(r.officers).not.toContain(r.evaluator.name);
    }
    expect(t.body.draw.recusals).toEqual(expect.arrayContaining([expect.objectContaining({ evaluatorId: conflicted.user.id, reason: 'worked_on_case', label: '参与办理本案回避' })]));
    expect(t.body.draw.recusals).toEqual(expect.arrayContaining([expect.objectContaining({ evaluatorId: reviewers[0].user.id, reason: 'same_agency' })]));
    expect(t.body.draw.unassigned).toEqual([]);
  });

  it('from creation to the 整改 list', async () => {
    const created = await http().post('/api/evaluation-tasks').set(as(organiser)).send(body({ mode: 'ratio', ratio: 0.3, seed: 'full' })).expect(201);
    const id = created.body.id as string;
    const rows = (await http().get(`/api/evaluation-tasks/${id}/cases`).set(as(organiser)).expect(200)).body as {
      caseId: string;
      agency: string;
      evaluator: { id: string };
    }[];
    expect(rows).toHaveLength(9);
    const everyone = [...reviewers, conflicted];
    const who = (evaluatorId: string) => everyone.find((u) => u.user.id === evaluatorId)!;

    let returned = false;
    let separated = false;
    for (const row of rows) {
      const me = who(row.evaluator.id);
      const other = everyone.find((u) => u.user.id !== me.user.id)!;
      const base = `/api/evaluation-tasks/${id}/cases/${row.caseId}`;
      expect((await http().post(`${base}/review`).set(as(other)).expect(403)).body.code).toBe('NOT_ASSIGNED');
      // cross-agency: the case is not visible to the reviewer through the case API, only through the task
      await http().get(`/api/cases/${row.caseId}`).set(as(me)).expect(404);
      const view = (await http().post(`${base}/review`).set(as(me)).expect(201)).body;
      const findings = (view.adjudicated.findings as { finding: { fingerprint: string; severity: string } }[]).filter((f) => f.finding.severity !== 'info');
      // the sample is drawn over the cases' ids (new on every run): take the first sampled case with a finding, of
      // whichever agency, and let that agency's own reviewer try to interfere
      if (!separated && findings.length > 0) {
        // the agency's own 法制审核 dismissing a finding does not touch the evaluation's judgement of it
        const own = reviewers[AGENCIES.indexOf(row.agency as (typeof AGENCIES)[number])];
        await http().post(`/api/cases/${row.caseId}/reviews`).set(as(own)).send({}).expect(201);
        await http().post(`/api/cases/${row.caseId}/adjudications`).set(as(own)).send({ fingerprint: findings[0].finding.fingerprint, decision: 'dismissed', reason: '本局认为不构成问题' }).expect(201);
        const taskView = (await http().get(base).set(as(me)).expect(200)).body;
        expect(taskView.adjudicated.findings.find((f: { finding: { fingerprint: string } }) => f.finding.fingerprint === findings[0].finding.fingerprint).status).toBe('open');
        const inTask = await http().post(`/api/cases/${row.caseId}/sign-off?reviewId=${view.review.id}`).set(as(own)).send({ action: 'sign', opinion: 'x' }).expect(409);
        expect(inTask.body.code).toBe('REVIEW_IN_TASK');
        await http().get(`/api/cases/${row.caseId}/adjudicated?reviewId=${view.review.id}`).set(as(own)).expect(409);
        separated = true;
      }
      if (findings.length > 0) {
        await http().post(`${base}/adjudications`).set(as(me)).send({ fingerprint: findings[0].finding.fingerprint, decision: 'accepted' }).expect(201);
      }
      const category = (view.adjudicated.score.categories as { id: string }[]).at(-1)!.id;
      await http().post(`${base}/manual-findings`).set(as(me)).send({ item: '合法性评查 裁量', categoryId: category, severity: 'warning', points: 1, text: '裁量说理不充分' }).expect(201);
      expect((await http().post(`${base}/sign-off`).set(as(leader)).send({ action: 'sign', opinion: 'x' }).expect(403)).body.code).toBe('NOT_ASSIGNED');
      await http().post(`${base}/sign-off`).set(as(me)).send({ action: 'sign', opinion: '基本规范，裁量说理不充分' }).expect(200);
      if (!returned) {
        expect((await http().post(`${base}/sign-off`).set(as(other)).send({ action: 'approve' }).expect(403)).body.code).toBe('NOT_LEADER');
        const back = await http().post(`${base}/sign-off`).set(as(leader)).send({ action: 'return', comment: '请核对送达日期' }).expect(200);
        expect(back.body.signOff).toMatchObject({ state: 'returned', reviewComment: '请核对送达日期' });
        returned = true;
        await http().post(`${base}/sign-off`).set(as(me)).send({ action: 'sign', opinion: '已核对送达日期，维持' }).expect(200);
      }
      const done = await http().post(`${base}/sign-off`).set(as(leader)).send({ action: 'approve' }).expect(200);
      expect(done.body.signOff.state).toBe('approved');
    }
    expect(separated).toBe(true);
    const task = (await http().get(`/api/evaluation-tasks/${id}`).set(as(organiser)).expect(200)).body;
    expect(task.progress.reduce((s: number, p: { approved: number }) => s + p.approved, 0)).toBe(9);

    // before publication an agency sees nothing and cannot object
    await http().get(`/api/evaluation-tasks/${id}/results`).set(as(officerA)).expect(403);
    await http().post(`/api/evaluation-tasks/${id}/publish`).set(as(organiser)).expect(200);

    // the agency sees only its own results
    const own = (await http().get(`/api/evaluation-tasks/${id}/results`).set(as(officerA)).expect(200)).body.results;
    expect(own.agencies.map((a: { agency: string }) => a.agency)).toEqual([AGENCIES[0]]);
    expect(own.ranking.every((r: { agency: string }) => r.agency === AGENCIES[0])).toBe(true);

    // 异议 on an accepted finding of one of its cases, upheld by the 组长: no longer a defect
    let target: { caseId: string; fingerprint: string } | undefined;
    for (const row of rows.filter((r) => r.agency === AGENCIES[0])) {
      const v = (await http().get(`/api/evaluation-tasks/${id}/cases/${row.caseId}`).set(as(officerA)).expect(200)).body;
      const f = (v.adjudicated.findings as { status: string; finding: { fingerprint: string } }[]).find((x) => x.status === 'accepted');
      if (f) {
        target = { caseId: row.caseId, fingerprint: f.finding.fingerprint };
        break;
      }
    }
    expect(target).toBeDefined();
    const otherAgencyCase = rows.find((r) => r.agency === AGENCIES[1])!;
    expect((await http().post(`/api/evaluation-tasks/${id}/cases/${otherAgencyCase.caseId}/objections`).set(as(officerA)).send({ fingerprint: 'x', reason: 'y' }).expect(403)).body.code).toBe('NOT_OWN_AGENCY');
    const objection = await http()
      .post(`/api/evaluation-tasks/${id}/cases/${target!.caseId}/objections`)
      .set(as(officerA))
      .send({ fingerprint: target!.fingerprint, reason: '已在法定期限内送达，见送达回证' })
      .expect(201);
    expect((await http().get(`/api/evaluation-tasks/${id}/objections`).set(as(officerB)).expect(200)).body).toEqual([]);
    const answered = await http().post(`/api/evaluation-tasks/${id}/objections/${objection.body.id}/answer`).set(as(leader)).send({ outcome: 'upheld', answer: '经核，送达回证可以证明' }).expect(200);
    expect(answered.body).toMatchObject({ outcome: 'upheld', answeredBy: { id: leader.user.id } });

    const results = (await http().get(`/api/evaluation-tasks/${id}/results`).set(as(organiser)).expect(200)).body.results;
    const keys = (results.rectifications as { items: { key: string }[] }[]).flatMap((g) => g.items.map((i) => i.key));
    expect(keys).not.toContain(`${target!.caseId}:${target!.fingerprint}`);
    expect(results.ranking).toHaveLength(9);
    expect(results.agencies.map((a: { agency: string }) => a.agency).sort()).toEqual([...AGENCIES].sort());
    expect(results.officers.length).toBeGreaterThan(0);
    expect(results.topDefects).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: '人工', title: '合法性评查 裁量', count: 9 })]));
    const withBasis = results.topDefects.find((d: { ruleId: string }) => d.ruleId !== '人工');
    if (withBasis) expect(withBasis.basis).toMatch(/《/);

    // 整改: the agency ticks its items off
    const mine = (await http().get(`/api/evaluation-tasks/${id}/rectifications`).set(as(officerA)).expect(200)).body;
    expect(mine.map((g: { agency: string }) => g.agency)).toEqual([AGENCIES[0]]);
    const item = mine[0].items[0];
    const ticked = await http().put(`/api/evaluation-tasks/${id}/rectifications`).set(as(officerA)).send({ key: item.key, done: true, note: '已补正裁量说明' }).expect(200);
    expect(ticked.body).toMatchObject({ done: true, doneBy: { id: officerA.user.id }, note: '已补正裁量说明' });
    const after = (await http().get(`/api/evaluation-tasks/${id}/rectifications?agency=${encodeURIComponent(AGENCIES[0])}`).set(as(organiser)).expect(200)).body;
    expect(after[0]).toMatchObject({ done: 1 });

    // exports with the task's parameters
    const json = (await http().get(`/api/evaluation-tasks/${id}/results.json`).set(as(organiser)).expect(200)).body;
    expect(json).toMatchObject({ format: 'casefile-evaluation-task/1', task: { params: { sampling: { seed: 'full' } } }, results: { cases: 9 } });
    const csv = (await http().get(`/api/evaluation-tasks/${id}/results.csv`).set(as(organiser)).buffer(true).parse(binary).expect(200)).body.toString('utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(10);
    expect(csv).toContain(',full,');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await http().get(`/api/evaluation-tasks/${id}/results.xlsx`).set(as(organiser)).buffer(true).parse(binary).expect(200)).body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['排名', '单位', '承办人', '常见问题', '整改清单']);
    expect(String(wb.getWorksheet('排名')!.getCell('A1').value)).toContain('随机种子 full');
    const pdf = await pdfTextSquashed((await http().get(`/api/evaluation-tasks/${id}/results.pdf`).set(as(organiser)).buffer(true).parse(binary).expect(200)).body);
    for (const s of ['结果通报', '随机种子full', '各单位得分', '案卷排名', '常见问题及依据', '整改清单', ...AGENCIES, '合法性评查裁量']) expect(pdf).toContain(s);
    await http().get(`/api/evaluation-tasks/${id}/results.doc`).set(as(organiser)).expect(404);

    // every step is in the audit log
    const admin = await loginAs(app, { roles: ['admin'] });
    const audit = (await http().get(`/api/audit?pageSize=100&action=evaluation_task.objection_answer`).set(as(admin)).expect(200)).body;
    expect(audit.items).toHaveLength(1);
  });
});
