import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { pdfTextSquashed } from '../adjudication/support/pdf-text';
import type { ActingUser } from '../../src/adjudications/acting-user';
import { AdjudicationsService } from '../../src/adjudications/adjudications.service';
import { CasesService } from '../../src/cases/cases.service';
import { EvaluationTasksService } from '../../src/evaluation-tasks/evaluation-tasks.service';
import { createTestApp } from '../support/create-test-app';
import { AGENCIES, evaluationCases } from './support/cases';

const admin: ActingUser = { id: 'u-admin', displayName: '评查办', roles: ['evaluation_admin'] };
const r = (id: string, name: string): ActingUser => ({ id, displayName: name, roles: ['reviewer'] });
const reviewers = [
  { user: r('u-a', '甲评查'), agency: AGENCIES[0] },
  { user: r('u-b', '乙评查'), agency: AGENCIES[1] },
  { user: r('u-c', '丙评查'), agency: AGENCIES[2] },
  // worked on every case made from the 沅澧市 samples: must never get one of them
  { user: r('u-d', '陈志刚'), agency: '丁市生态环境局' },
];
const leader = r('u-lead', '王组长');
const officer: ActingUser = { id: 'u-off', displayName: '赵办案', roles: ['officer'] };

describe('annual evaluation workflow (3 agencies, 30 cases) — services on a real database', () => {
  let app: NestExpressApplication;
  let tasks: EvaluationTasksService;
  let adj: AdjudicationsService;
  const body = (seed: string, extra: Record<string, unknown> = {}) => ({
    name: '2025年度行政处罚案卷评查',
    scope: { agencies: [...AGENCIES] },
    sampling: { mode: 'ratio', ratio: 0.5, seed },
    reviewers: reviewers.map((x) => ({ id: x.user.id, name: x.user.displayName, agency: x.agency })),
    leaders: [{ id: leader.id, name: leader.displayName }],
    ...extra,
  });

  beforeAll(async () => {
    app = await createTestApp();
    tasks = app.get(EvaluationTasksService);
    adj = app.get(AdjudicationsService);
    const cases = app.get(CasesService);
    for (const c of evaluationCases(30)) await cases.create(c);
  });
  afterAll(async () => app?.close());

  it('the same seed gives the same sample; the seed is recorded', async () => {
    const a = await tasks.create(admin, body('2025-评查'));
    const b = await tasks.create(admin, body('2025-评查'));
    const c = await tasks.create(admin, body('other'));
    const ids = async (id: string) => (await tasks.caseIds(id)).sort();
    expect(await ids(a.id)).toEqual(await ids(b.id));
    expect(await ids(a.id)).not.toEqual(await ids(c.id));
    expect(a.params.sampling.seed).toBe('2025-评查');
    expect(a.draw.population).toBe(30);
    expect(a.draw.perAgency).toEqual(AGENCIES.map((agency) => ({ agency, population: 10, selected: 5 })).sort((x, y) => (x.agency < y.agency ? -1 : 1)));
    const noSeed = await tasks.create(admin, body('x', { sampling: { mode: 'all' } }));
    expect(noSeed.params.sampling.seed).toMatch(/^[0-9a-f]{16}$/);
  });

  it('回避: nobody reviews a case of their own agency or one they worked on', async () => {
    const t = await tasks.create(admin, body('s', { sampling: { mode: 'all' } }));
    const rows = await tasks.cases(t.id);
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      const ev = reviewers.find((x) => x.user.id === row.evaluator?.id)!;
      expect(ev).toBeDefined();
      expect(ev.agency).not.toBe(row.agency);
      expect(row.officers).not.toContain(ev.user.displayName);
    }
    expect(t.draw.recusals.some((x) => x.evaluatorId === 'u-d' && x.reason === 'worked_on_case')).toBe(true);
    expect(t.draw.unassigned).toEqual([]);
  });

  it('refuses bad parameters with paths and changes nothing', async () => {
    const before = (await tasks.list()).length;
    await expect(tasks.create(admin, { ...body('s'), sampling: { mode: 'ratio', ratio: 2 } })).rejects.toMatchObject({
      body: { statusCode: 400, errors: [expect.objectContaining({ path: 'body.sampling.ratio', code: 'OUT_OF_RANGE' })] },
    });
    await expect(tasks.create(officer, body('s'))).rejects.toMatchObject({ body: { statusCode: 403 } });
    expect((await tasks.list()).length).toBe(before);
  });

  it('from creation to the 整改 list', async () => {
    const t = await tasks.create(admin, body('full', { sampling: { mode: 'ratio', ratio: 0.3, seed: 'full' } }));
    const rows = await tasks.cases(t.id);
    expect(rows).toHaveLength(9);
    const userOf = (id: string) => reviewers.find((x) => x.user.id === id)!.user;

    let dismissedOne: { caseId: string; fingerprint: string } | undefined;
    let returnedOnce = false;
    for (const row of rows) {
      const reviewer = userOf(row.evaluator!.id);
      // another reviewer may not start it
      const other = reviewers.find((x) => x.user.id !== reviewer.id)!.user;
      await expect(tasks.startReview(t.id, row.caseId, other)).rejects.toMatchObject({ body: { code: 'NOT_ASSIGNED' } });
      const view = await tasks.startReview(t.id, row.caseId, reviewer);
      const findings = view.adjudicated.findings.filter((f) => f.finding.severity !== 'info');
      if (findings.length > 0 && !dismissedOne) {
        await adj.rule(row.caseId, reviewer, { fingerprint: findings[0].finding.fingerprint, decision: 'dismissed', reason: '卷内有补正材料' });
        dismissedOne = { caseId: row.caseId, fingerprint: findings[0].finding.fingerprint };
      } else if (findings.length > 0) {
        await adj.rule(row.caseId, reviewer, { fingerprint: findings[0].finding.fingerprint, decision: 'accepted' });
      }
      await adj.addManualFinding(row.caseId, reviewer, { item: '合法性评查 裁量', categoryId: 'decision', severity: 'warning', points: 1, text: '裁量说理不充分' });
      await expect(tasks.signOff(t.id, row.caseId, leader, { action: 'sign', opinion: 'x' })).rejects.toMatchObject({ body: { code: 'NOT_ASSIGNED' } });
      await tasks.signOff(t.id, row.caseId, reviewer, { action: 'sign', opinion: '基本规范，存在裁量说理问题' });
      if (!returnedOnce) {
        await expect(tasks.signOff(t.id, row.caseId, reviewer, { action: 'approve' })).rejects.toMatchObject({ body: { code: 'NOT_LEADER' } });
        const back = await tasks.signOff(t.id, row.caseId, leader, { action: 'return', comment: '请核对送达日期' });
        expect(back.signOff.state).toBe('returned');
        returnedOnce = true;
        await tasks.signOff(t.id, row.caseId, reviewer, { action: 'sign', opinion: '已核对，维持' });
      }
      const done = await tasks.signOff(t.id, row.caseId, leader, { action: 'approve', comment: '同意' });
      expect(done.signOff.state).toBe('approved');
      expect(done.frozen).toBe(true);
    }
    const progress = (await tasks.get(t.id)).progress;
    expect(progress.reduce((s, p) => s + p.approved, 0)).toBe(9);

    // a ruling after signing does not change the signed result
    const first = rows[0];
    await expect(adj.addManualFinding(first.caseId, userOf(first.evaluator!.id), { item: 'x', categoryId: 'decision', severity: 'warning', points: 1, text: 'y' })).rejects.toMatchObject({
      body: { code: 'REVIEW_SIGNED' },
    });

    // 异议 after publication; upheld → the finding is dismissed in the results
    await expect(tasks.object(t.id, first.caseId, officer, { fingerprint: 'x', reason: 'y' })).rejects.toMatchObject({ body: { code: 'TASK_NOT_PUBLISHED' } });
    await tasks.publish(t.id, admin);
    const before = await tasks.results(t.id);
    let objected: { caseId: string; fingerprint: string } | undefined;
    for (const row of rows) {
      const v = await tasks.caseView(t.id, row.caseId, leader);
      const f = v.adjudicated.findings.find((x) => x.status === 'accepted' && x.finding.severity !== 'info');
      if (f) {
        objected = { caseId: row.caseId, fingerprint: f.finding.fingerprint };
        break;
      }
    }
    expect(objected).toBeDefined();
    const o = await tasks.object(t.id, objected!.caseId, officer, { fingerprint: objected!.fingerprint, reason: '已在法定期限内送达，见送达回证' });
    await expect(tasks.object(t.id, objected!.caseId, officer, { fingerprint: objected!.fingerprint, reason: '再次' })).rejects.toMatchObject({ body: { code: 'OBJECTION_PENDING' } });
    const answered = await tasks.answer(t.id, o.id, leader, { outcome: 'upheld', answer: '经核，送达回证可以证明' });
    expect(answered.outcome).toBe('upheld');
    const after = await tasks.results(t.id);
    const key = `${objected!.caseId}:${objected!.fingerprint}`;
    expect(before.results.rectifications.flatMap((x) => x.items).map((i) => i.key)).toContain(key);
    expect(after.results.rectifications.flatMap((x) => x.items).map((i) => i.key)).not.toContain(key);
    if (dismissedOne) expect(after.results.rectifications.flatMap((x) => x.items).map((i) => i.key)).not.toContain(`${dismissedOne.caseId}:${dismissedOne.fingerprint}`);

    // results: ranking on the sheet, per agency / 承办人, frequent defects with 依据, 整改 per agency
    expect(after.results.ranking).toHaveLength(9);
    expect(after.results.agencies.map((a) => a.agency).sort()).toEqual([...AGENCIES].sort());
    expect(after.results.officers.length).toBeGreaterThan(0);
    const manual = after.results.topDefects.find((d) => d.ruleId === '人工');
    expect(manual).toMatchObject({ title: '合法性评查 裁量', count: 9 });
    expect(after.task.params.sampling).toMatchObject({ mode: 'ratio', ratio: 0.3, seed: 'full' });

    const item = after.results.rectifications.find((x) => x.items.length > 0)!.items[0];
    const ticked = await tasks.tick(t.id, officer, { key: item.key, done: true, note: '已补正' });
    expect(ticked).toMatchObject({ done: true, doneBy: { id: officer.id }, note: '已补正' });
    const final = await tasks.results(t.id);
    const again = final.results.rectifications.flatMap((x) => x.items).find((i) => i.key === item.key)!;
    expect(again.done).toBe(true);
    await expect(tasks.tick(t.id, officer, { key: 'nope', done: true })).rejects.toMatchObject({ body: { code: 'RECTIFICATION_NOT_FOUND' } });

    // exports carry the task's parameters
    const json = JSON.parse((await tasks.exportResults(t.id, 'json')).body.toString('utf8'));
    expect(json).toMatchObject({ format: 'casefile-evaluation-task/1', task: { params: { sampling: { seed: 'full' } } }, results: { cases: 9 } });
    const csv = (await tasks.exportResults(t.id, 'csv')).body.toString('utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(10);
    expect(csv).toContain(',full,');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tasks.exportResults(t.id, 'xlsx')).body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['排名', '单位', '承办人', '常见问题', '整改清单']);
    expect(String(wb.getWorksheet('排名')!.getCell('A1').value)).toContain('随机种子 full');
    const rectRows = wb.getWorksheet('整改清单')!.rowCount - 2;
    expect(rectRows).toBe(final.results.rectifications.reduce((s, g) => s + g.items.length, 0));
    const pdf = await pdfTextSquashed((await tasks.exportResults(t.id, 'pdf')).body);
    for (const s of ['结果通报', '随机种子full', '各单位得分', '案卷排名', '常见问题及依据', '整改清单', ...AGENCIES, '合法性评查裁量']) expect(pdf).toContain(s);
  });
});
