/**
 * The web app on an instance whose list reads are all taken (LIST_CONCURRENCY 1, LIST_QUEUE_LIMIT 1, both held):
 * the case list page gets 503 SERVICE_BUSY, waits the Retry-After and asks again, and shows the list once the
 * instance has room — the officer sees the list, not an error. In headless Chromium against the real service; the
 * lists are held on a gate inside CasesService.list, released when the page's first answer was the 503.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { ListAdmissionInterceptor } from '../../src/common/list-admission';
import { loginAs, TEST_PASSWORD, testAgency } from '../support/auth';
import { holdCaseLists } from '../support/hold-case-lists';
import { checkedScreenshot, launchBrowser, startWebApp } from './browser';

const ARTIFACTS = join(__dirname, 'artifacts');
const sample = JSON.parse(readFileSync(join(__dirname, '../../fixtures/cases/01-general-fine-clean.json'), 'utf8'));
jest.setTimeout(120_000);

describe('web app on a busy instance', () => {
  let app: NestExpressApplication;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ app, base } = await startWebApp(ARTIFACTS, { config: { listConcurrency: 1, listQueueLimit: 1 } }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await browser?.close();
    await app?.close();
  });

  it('the case list waits out a 503 SERVICE_BUSY and then shows the cases', async () => {
    const city = await testAgency(app, '沅澧市生态环境局');
    const officer = await loginAs(app, { roles: ['officer'], agencyId: city.id, username: 'busy-officer', displayName: '李承办' });
    await request(app.getHttpServer()).post('/api/cases').set(officer.headers).send(sample).expect(201);

    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/`);
    await page.locator('#username').fill('busy-officer');
    await page.locator('#password').fill(TEST_PASSWORD);
    await page.locator('#password').press('Enter');
    await page.getByTestId('user-menu').getByText('李承办').waitFor();
    await page.getByText(sample.case.caseNumber).first().waitFor();

    // two list reads hold the instance's one place and its one queue slot
    const { open } = holdCaseLists(app);
    const admission = app.get(ListAdmissionInterceptor);
    const held = [1, 2].map(() => request(app.getHttpServer()).get('/api/cases').set(officer.headers).then((r) => r.status));
    for (let i = 0; i < 500 && admission.load.waiting < 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(admission.load).toMatchObject({ running: 1, waiting: 1 });

    const statuses: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/cases' && r.request().method() === 'GET') statuses.push(r.status());
    });
    const busy = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases' && r.status() === 503);
    await page.reload();
    expect((await busy).headers()['retry-after']).toBe('1');
    open();
    await page.getByText(sample.case.caseNumber).first().waitFor();
    expect(await Promise.all(held)).toEqual([200, 200]);
    expect(statuses[0]).toBe(503);
    expect(statuses[statuses.length - 1]).toBe(200);
    expect(await page.getByText('服务繁忙').count()).toBe(0);
    await checkedScreenshot(page, ARTIFACTS, 'busy-instance-list');
    expect(pageErrors).toEqual([]);
  });
});
