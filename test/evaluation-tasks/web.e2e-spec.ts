/**
 * One small evaluation (3 agencies, 30 cases) through the web app in headless Chromium, against the real service:
 * the organiser creates the task on the 评查任务 screen (ratio, seed, reviewers, 组长); one reviewer works a case on
 * screen — machine review, a finding dismissed with its reason (struck through), a manual finding, the 评查意见 and
 * the signature; the 组长 approves it on screen; the other cases go through the API; the organiser publishes; the
 * agency opens its results and ticks a 整改 item off. Screens are saved under test/evaluation-tasks/artifacts/ and
 * checked for tofu (every Chinese character drawn with a real glyph).
 */
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { CasesService } from '../../src/cases/cases.service';
import { loginAs, TEST_PASSWORD, testAgency, type LoggedIn } from '../support/auth';
import { checkedScreenshot, launchBrowser, startWebApp } from '../web/browser';
import { AGENCIES, evaluationCases } from './support/cases';

const ARTIFACTS = join(__dirname, 'artifacts');
jest.setTimeout(240_000);

describe('evaluation task through the web app', () => {
  let app: NestExpressApplication;
  let base: string;
  let browser: Browser;
  let organiser: LoggedIn;
  let leader: LoggedIn;
  let officer: LoggedIn;
  const reviewers: LoggedIn[] = [];
  const pageErrors: string[] = [];
  const http = () => request(app.getHttpServer());
  const as = (u: LoggedIn) => ({ Authorization: u.headers.Authorization });
  let taskId: string;

  let context: BrowserContext;
  let page: Page;

  /** Log in as `user` (the bundled Chromium runs single-process: one context, the session cookie swapped). */
  async function open(user: LoggedIn): Promise<Page> {
    await context.clearCookies();
    await page.goto(`${base}/`);
    await page.locator('#username').fill(user.user.username);
    await page.locator('#password').fill(TEST_PASSWORD);
    await page.locator('#password').press('Enter');
    await page.getByTestId('user-menu').getByText(user.user.displayName).waitFor();
    return page;
  }

  const shot = (page: Page, name: string) => checkedScreenshot(page, ARTIFACTS, name, { fullPage: true });

  beforeAll(async () => {
    ({ app, base } = await startWebApp(ARTIFACTS));
    const province = await testAgency(app, '某省生态环境厅');
    const ids: Record<string, string> = {};
    for (const name of AGENCIES) ids[name] = (await testAgency(app, name, province.id)).id;
    organiser = await loginAs(app, { roles: ['evaluation_admin'], agencyId: province.id, username: 'web-organiser', displayName: '评查办' });
    leader = await loginAs(app, { roles: ['reviewer'], agencyId: province.id, username: 'web-leader', displayName: '王组长' });
    for (const [i, name] of AGENCIES.entries()) {
      reviewers.push(await loginAs(app, { roles: ['reviewer'], agencyId: ids[name], username: `web-reviewer-${i}`, displayName: ['甲评查', '乙评查', '丙评查'][i] }));
    }
    officer = await loginAs(app, { roles: ['officer'], agencyId: ids[AGENCIES[0]], username: 'web-officer', displayName: '甲承办' });
    const cases = app.get(CasesService);
    for (const c of evaluationCases(30)) await cases.create(c);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the organiser creates the task on screen: sampled with the seed, assigned with 回避', async () => {
    await open(organiser);
    await page.goto(`${base}/evaluation-tasks`);
    await page.locator('#task_name').fill('2025年度案卷评查（网页）');
    await page.locator('#task_seed').fill('web-2025');
    for (const [select, names] of [
      ['#task_reviewers', ['甲评查', '乙评查', '丙评查']],
      ['#task_leaders', ['王组长']],
    ] as const) {
      for (const name of names) {
        await page.locator(select).click();
        await page.locator(select).fill(name);
        await page.locator(`.ant-select-item-option[title*="${name}"]`).last().waitFor();
        await page.locator(select).press('Enter');
      }
      await page.locator(select).press('Escape');
    }
    await shot(page, 'tasks-01-create');
    await page.getByTestId('create-task').click();
    await page.waitForURL(/\/evaluation-tasks\/[0-9a-f-]{36}$/);
    taskId = page.url().split('/').pop()!;
    await page.getByTestId('task-seed').getByText('web-2025').waitFor();
    await page.getByTestId('task-progress').getByText('甲评查').waitFor();
    await shot(page, 'tasks-02-task');

    const rows = (await http().get(`/api/evaluation-tasks/${taskId}/cases`).set(as(organiser)).expect(200)).body as { agency: string; evaluator: { id: string } }[];
    expect(rows).toHaveLength(9);
    const agencyOf = new Map(reviewers.map((r, i) => [r.user.id, AGENCIES[i]]));
    for (const r of rows) expect(agencyOf.get(r.evaluator.id)).not.toBe(r.agency);
  });

  it('a reviewer works a case on screen, the 组长 approves it, the rest go through the API', async () => {
    const rows = (await http().get(`/api/evaluation-tasks/${taskId}/cases`).set(as(organiser)).expect(200)).body as { caseId: string; agency: string; evaluator: { id: string } }[];
    // the agency's drawn case with the most findings (the machine review, run here without storing anything)
    let target = rows.find((r) => r.agency === AGENCIES[0])!;
    let most = -1;
    for (const r of rows.filter((x) => x.agency === AGENCIES[0])) {
      const file = (await http().get(`/api/cases/${r.caseId}`).set(as(organiser)).expect(200)).body.caseFile;
      const n = (await http().post('/api/review').set(as(organiser)).send({ caseFile: file, mode: 'review' }).expect(200)).body.findings.length;
      if (n > most) [most, target] = [n, r];
    }
    expect(most).toBeGreaterThan(0);
    const me = reviewers.find((r) => r.user.id === target.evaluator.id)!;
    await open(me);
    await page.goto(`${base}/evaluation-tasks/${taskId}/cases/${target.caseId}`);
    await page.getByTestId('start-review').click();
    await page.getByTestId('adjudicated-finding').first().waitFor();
    const findings = await page.getByTestId('adjudicated-finding').count();
    expect(findings).toBeGreaterThan(0);
    await page.getByTestId('dismiss').first().click();
    await page.locator('#dismiss_reason').fill('卷内有补正材料，引擎未识别');
    await page.getByRole('button', { name: '驳 回' }).or(page.getByRole('button', { name: '驳回', exact: true })).last().click();
    await page.locator('[data-testid="adjudicated-finding"][data-status="dismissed"]').first().waitFor();
    expect(await page.locator('[data-status="dismissed"]').first().getAttribute('style')).toContain('line-through');
    await page.getByTestId('dismissed-reason').getByText(/卷内有补正材料/).waitFor();

    await page.locator('#manual_item').fill('合法性评查 裁量');
    await page.locator('#manual_category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.locator('#manual_text').fill('裁量说理不充分');
    await page.getByTestId('add-manual').click();
    await page.getByText('裁量说理不充分').first().waitFor();
    await page.locator('#opinion').fill('基本规范，裁量说理不充分');
    await page.getByTestId('sign').click();
    await page.getByText('已签署，待复核').first().waitFor();
    // a 否决项 hit says so beside the total (which it zeroes), whatever the machine-judged items add up to
    const signed = (await http().get(`/api/evaluation-tasks/${taskId}/cases/${target.caseId}`).set(as(me)).expect(200)).body;
    const hits = signed.adjudicated.score.vetoHits as { vetoId: string }[];
    if (hits.length > 0) {
      for (const h of hits) await page.getByTestId('veto-notice').getByText(new RegExp(`${h.vetoId} `)).waitFor();
      await page.getByTestId('veto-notice').getByText(new RegExp(`总分计 ${signed.adjudicated.score.total} 分`)).waitFor();
    } else {
      expect(await page.getByTestId('veto-notice').count()).toBe(0);
    }
    await shot(page, 'tasks-03-case-signed');

    const lp = await open(leader);
    await lp.goto(`${base}/evaluation-tasks/${taskId}/cases/${target.caseId}`);
    await lp.getByTestId('approve').click();
    await lp.getByText('复核通过').first().waitFor();

    for (const row of rows.filter((r) => r.caseId !== target.caseId)) {
      const who = reviewers.find((r) => r.user.id === row.evaluator.id)!;
      const b = `/api/evaluation-tasks/${taskId}/cases/${row.caseId}`;
      await http().post(`${b}/review`).set(as(who)).expect(201);
      await http().post(`${b}/sign-off`).set(as(who)).send({ action: 'sign', opinion: '基本规范' }).expect(200);
      await http().post(`${b}/sign-off`).set(as(leader)).send({ action: 'approve' }).expect(200);
    }
    const task = (await http().get(`/api/evaluation-tasks/${taskId}`).set(as(organiser)).expect(200)).body;
    expect(task.progress.reduce((s: number, p: { approved: number }) => s + p.approved, 0)).toBe(9);
  });

  it('the organiser publishes; the agency sees its results and ticks a 整改 item off', async () => {
    await open(organiser);
    await page.goto(`${base}/evaluation-tasks/${taskId}`);
    await page.getByTestId('publish-task').click();
    await page.getByText('已发布').first().waitFor();
    await page.getByTestId('task-results').getByRole('tab', { name: '排名' }).waitFor();
    await shot(page, 'tasks-04-results');

    const op = await open(officer);
    await op.goto(`${base}/evaluation-tasks/${taskId}`);
    await op.getByTestId('task-results').getByRole('tab', { name: '整改清单' }).click();
    await op.getByTestId('rectifications').getByText(AGENCIES[0]).first().waitFor();
    expect(await op.getByTestId('rectifications').getByText(AGENCIES[1]).count()).toBe(0);
    await op.getByTestId('rectification-tick').first().click();
    await op.getByTestId('rectifications').getByText(/已整改 1 项/).waitFor();
    await shot(op, 'tasks-05-rectifications');

    const list = (await http().get(`/api/evaluation-tasks/${taskId}/rectifications`).set(as(officer)).expect(200)).body;
    expect(list[0].done).toBe(1);
    expect(list[0].items.find((i: { done: boolean }) => i.done).doneBy.id).toBe(officer.user.id);
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
