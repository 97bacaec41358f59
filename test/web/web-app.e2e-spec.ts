/**
 * The web app in a real browser (headless Chromium via playwright-core) against the real service on a random port
 * with a fresh in-memory SQLite database. Walks what the users do: (log in,) create a case through the form with a
 * validation error fixed on the way, see its findings with the date steps, switch to draft mode and see the
 * deadlines, download the PDF, run an evaluation and see its progress and charts. Every screen is saved as a PNG
 * under test/web/artifacts/ and checked to draw real glyphs (no tofu boxes) for every Chinese character shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loginAs, TEST_PASSWORD, testAgency } from '../support/auth';
import { checkedScreenshot, launchBrowser, startWebApp, tofuCharacters } from './browser';

const ARTIFACTS = join(__dirname, 'artifacts');
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'cases');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

jest.setTimeout(180_000);

describe('web app in headless Chromium', () => {
  let app: NestExpressApplication;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: (method: 'get' | 'post', path: string) => request.Test;
  const pageErrors: string[] = [];
  const username = 'web-reviewer';

  const shot = (name: string) => checkedScreenshot(page, ARTIFACTS, name);

  beforeAll(async () => {
    ({ app, base } = await startWebApp(ARTIFACTS));
    const http = app.getHttpServer();
    // the samples' agencies: 沅澧市生态环境局 and its 临湖分局; the user sits at the top, so sees both
    const city = await testAgency(app, '沅澧市生态环境局');
    await testAgency(app, '沅澧市生态环境局临湖分局', city.id);
    const { headers } = await loginAs(app, { roles: ['officer', 'reviewer', 'evaluation_admin'], agencyId: city.id, username, displayName: '王审核' });
    api = (method, path) => request(http)[method](path).set(headers);
    const bulk = await api('post', '/api/cases/bulk')
      .send({ files: ['01-general-fine-clean.json', '08-draft-in-progress.json', '11-decision-before-statement-period-no-education.json', '13-decision-served-late-education-after-closing.json'].map((name) => ({ name, caseFile: fixture(name) })) });
    expect(bulk.body.failed).toBe(0);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('response', async (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) process.stdout.write(`[api ${r.status()}] ${r.request().method()} ${r.url()} ${(await r.text().catch(() => '')).slice(0, 300)}\n`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('serves the app at / and client routes as index.html, the API stays JSON', async () => {
    const http = app.getHttpServer();
    const index = await request(http).get('/cases/new').set('Accept', 'text/html').expect(200);
    expect(index.text).toContain('<div id="root">');
    const api404 = await request(http).get('/api/nope').set('Accept', 'text/html').expect(404);
    expect(api404.body.code).toBe('ROUTE_NOT_FOUND');
    await request(http).get('/fonts/NotoSansSC-GB2312.woff2').expect(200).expect('Content-Type', /font\/woff2/);
  });

  it('logs in through the login screen, a wrong password first, and shows the user menu', async () => {
    await page.goto(`${base}/`);
    await page.locator('#username').waitFor();
    await page.locator('#username').fill(username);
    await page.locator('#password').fill('wrong-password');
    await page.locator('#password').press('Enter');
    await page.locator('.ant-alert-error').waitFor();
    await shot('01-login');
    await page.locator('#password').fill(TEST_PASSWORD);
    await page.locator('#password').press('Enter');
    await page.getByTestId('user-menu').getByText('王审核').waitFor();
    await page.getByText('沅环罚〔2025〕46号').waitFor();
    await shot('02-case-list');
  });

  it('creates a case through the form, fixing a validation error shown at its field', async () => {
    await page.goto(`${base}/cases/new`);
    await page.getByText('新建案卷').waitFor();
    const bad = fixture('01-general-fine-clean.json') as { case: Record<string, unknown> };
    delete bad.case.caseNumber;
    bad.case.status = 'in_progress';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入 JSON' }).click();
    await (await chooser).setFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByText('已导入 draft.json').waitFor();
    await page.locator('#case_causeOfAction').fill('未按规定贮存危险废物案（网页录入）');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    // the server's validator answers; its message sits under the 案号 field
    const fieldError = page.locator('#case_caseNumber_help');
    await fieldError.getByText('缺少必填项「案号」').waitFor();
    await shot('03-case-form-validation');
    await page.locator('#case_caseNumber').fill('沅环罚〔2025〕99号');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/review$/);
    await page.getByText('沅环罚〔2025〕99号').first().waitFor();
  });

  it('shows the facts the 重大问题 turn on for the document types they belong to', async () => {
    await page.goto(`${base}/cases/new`);
    await page.getByText('新建案卷').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入 JSON' }).click();
    await (await chooser).setFiles({ name: 'seizure.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fixture('06-seizure.json'))) });
    await page.getByText('已导入 seizure.json').waitFor();
    // 监测报告: 结果告知 (办法第29条第3款); 查封现场笔录: 当场告知 (行政强制法第18条); 案件审查意见: 审查人员 (细则第21项)
    await page.getByText('结果告知当事人日').first().waitFor();
    await page.getByText('当场告知理由、依据').first().waitFor();
    await page.getByText('审查人员（不是签署意见的承办人）').first().waitFor();
    expect(await page.getByText('被申请回避的人员').count()).toBe(0);
  });

  it('reviews a case and shows findings grouped by 评查项 with the 期间计算 steps and the score', async () => {
    // sample 11: 决定书 before the 陈述申辩 period ended (a date finding with its steps), no 普法教育
    const list = await api('get', '/api/cases').query({ q: '〔2025〕11号' });
    const target = list.body.items[0];
    await page.goto(`${base}/cases/${target.id}/review`);
    await page.getByTestId('mode-switch').getByText('审查（结案后评查）').click();
    await page.getByTestId('run-review').click();
    await page.getByTestId('finding').first().waitFor();
    expect(await page.getByTestId('finding-group').count()).toBeGreaterThan(0);
    await page.getByTestId('calendar-steps').first().waitFor();
    expect(await page.getByTestId('calendar-steps').first().innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.getByTestId('score').getByText('总分').waitFor();
    // the 2024 细则 parts: 合法性 0 with the 重大问题 (细则第14项) and its rule, 规范性 per document, 卷面, the items
    // left to the reviewer with their range; the grade apart, as the local 【I】 overlay
    const legality = await page.getByTestId('score-legality').innerText();
    expect(legality).toContain('细则合法性评查第14项');
    expect(legality).toMatch(/DL-|SEQ-/);
    expect(await page.getByTestId('score-normativity').innerText()).toContain('行政处罚决定书');
    expect(await page.getByTestId('score-form').innerText()).toContain('卷面基本要素');
    expect(await page.getByTestId('score-manual').innerText()).toMatch(/待人工评分（\d+ 项）[\s\S]*0–\d/);
    expect(await page.getByTestId('grade-overlay').innerText()).toContain('【I】');
    // a finding that is a 重大问题 names the sheet's item (the 2024 细则's), not the rule pack's old V-number
    const vetoTags = await page.getByTestId('veto-item').allInnerTexts();
    expect(vetoTags.length).toBeGreaterThan(0);
    for (const t of vetoTags) expect(t).not.toMatch(/V\d/);
    // findings grouped under the pack's 评分项 names, not their ids
    expect(await page.getByTestId('finding-group').first().innerText()).not.toMatch(/^(procedure|decision|service_enforcement)/);
    await shot('04-review-findings');

    const download = page.waitForEvent('download');
    await page.getByTestId('pdf-download').click();
    const file = await (await download).path();
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('switches to draft mode and shows the upcoming deadlines and the self-check timeline', async () => {
    // sample 08: in progress, 告知书 served 2026-02-09; 五个工作日 end on the 调休上班日 2026-02-14
    const list = await api('get', '/api/cases').query({ q: '〔2026〕4号' });
    const draftCase = list.body.items[0];
    await page.goto(`${base}/self-check/${draftCase.id}`);
    const asOf = page.locator('.ant-picker input').first();
    await asOf.click();
    await asOf.fill('2026-02-10');
    await asOf.press('Enter');
    await page.getByTestId('deadline-timeline').waitFor();
    const timeline = await page.getByTestId('deadline-timeline').innerText();
    expect(timeline).toMatch(/还有 \d+ 日/);
    expect(timeline).toContain('调休上班日');
    // 2026-02-10 → 02-14: four working days left, the Saturday 02-14 being a 调休上班日
    await page.getByTestId('workdays-left').getByText('还有 4 个工作日').first().waitFor();
    await shot('05-self-check');

    await page.goto(`${base}/cases/${draftCase.id}/review`);
    await page.getByTestId('mode-switch').getByText('自查草稿').click();
    const reviewAsOf = page.locator('.ant-picker input').first();
    await reviewAsOf.click();
    await reviewAsOf.fill('2026-02-10');
    await reviewAsOf.press('Enter');
    await page.getByTestId('run-review').click();
    await page.getByTestId('upcoming').waitFor();
    await shot('06-review-draft-mode');
  });

  it('runs an evaluation of stored closed cases and shows its progress, charts and ranking', async () => {
    await page.goto(`${base}/evaluations`);
    await page.getByText('沅环罚〔2025〕46号').waitFor();
    await page.getByRole('button', { name: '全选' }).click();
    await page.getByTestId('start-evaluation').click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    await page.getByTestId('evaluation-progress').waitFor();
    await page.getByText('已完成').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('chart-grades').locator('canvas').waitFor();
    await page.getByTestId('chart-rules').locator('canvas').waitFor();
    await page.getByText('排名').waitFor();
    await shot('07-evaluation');
  });

  it('shows the unfinished files of an evaluation apart: counted, listed, never ranked', async () => {
    const all = (await api('get', '/api/cases').query({ pageSize: 100 })).body.items as { id: string; caseNumber: string; status: string }[];
    const unfinished = all.filter((c) => c.status === 'draft' || c.status === 'in_progress');
    expect(unfinished.length).toBeGreaterThan(0); // sample 08 is a draft
    const created = await api('post', '/api/evaluations').send({ caseIds: all.map((c) => c.id), asOf: '2026-11-30' }).expect(202);
    await page.goto(`${base}/evaluations/${created.body.id}`);
    await page.getByText('已完成').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('evaluation-unfinished').innerText()).toContain(String(unfinished.length));
    const table = await page.getByTestId('unfinished-table').innerText();
    for (const c of unfinished) expect(table).toContain(c.caseNumber);
    // the ranking has none of them
    const ranking = await page.getByTestId('ranking').innerText();
    for (const c of unfinished) expect(ranking).not.toContain(c.caseNumber);
    await page.getByTestId('unfinished-table').scrollIntoViewIfNeeded();
    await shot('07b-evaluation-unfinished');
  });

  it('browses the rule pack and the holiday calendar', async () => {
    await page.goto(`${base}/rules`);
    await page.getByText(/规则包 .*条/).waitFor();
    await shot('08-rules');
    await page.getByRole('tab', { name: '节假日日历' }).click();
    await page.getByTestId('holiday-list').getByText('春节').first().click();
    await page.locator('[data-day-mark="holiday"]').first().waitFor();
    await page.locator('[data-day-mark="adjusted_workday"]').first().waitFor();
    expect(await page.locator('[data-day-mark]').count()).toBeGreaterThan(0);
    await shot('09-holidays');
  });

  it('the glyph check finds tofu where no CJK font is available (so it can fail)', async () => {
    const bare = await context.newPage();
    await bare.setContent('<body style="font-family: serif"><p>案卷合规检查 abc</p></body>');
    const { tofu } = await tofuCharacters(bare);
    await bare.close();
    expect(tofu.sort()).toEqual([...'案卷合规检查'].sort());
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
