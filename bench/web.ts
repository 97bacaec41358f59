/**
 * Bench: the web app's first screen and the case list at 10,000 cases, in headless Chromium.
 *
 *   npm run build:web && node scripts/run-ts.cjs bench/web.ts [--n 10000] [--runs 7]
 *
 * 1. JavaScript shipped for the first screen: the entry script and its modulepreloads in web/dist/index.html,
 *    gzipped (level 9) — goal ≤ 600 KB; the editor, review, evaluation (ECharts) and rule screens are separate chunks.
 * 2. First screen load on localhost: a fresh browser context (cold cache) opens `/` until the case table shows
 *    its rows; p50 / p95 over the runs. Also the font (GB 2312 subset of Noto Sans SC, woff2) size.
 * 3. The case list with n stored cases (bench/synthetic.ts through POST /api/cases/bulk): time from a click on the
 *    next page / a filter to the new rows, p50 / p95; the browser never holds more than one page of rows.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.factory';
import { APP_CONFIG, loadAppConfig } from '../src/config/app-config';
import { webDistDir } from '../src/web/serve-web-app';
import { launchBrowser } from '../test/web/browser';
import { loginAs } from '../test/support/auth';
import { generateCaseFiles } from './synthetic';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  const n = +arg('n', '10000');
  const runs = +arg('runs', '7');
  const dist = webDistDir();

  // 1. first-screen JavaScript
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const firstScreen = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  const firstBytes = firstScreen.reduce((s, f) => s + gz(f), 0);
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const allBytes = all.reduce((s, f) => s + gz(`/assets/${f}`), 0);
  const font = statSync(join(dist, 'fonts', 'NotoSansSC-GB2312.woff2')).size;
  console.log(`first-screen JS (gzip): ${kb(firstBytes)} in ${firstScreen.length} file(s) — goal ≤ 600 KB; all chunks ${kb(allBytes)} in ${all.length}; ratio first/goal ${(firstBytes / (600 * 1024)).toFixed(2)}`);
  console.log(`CJK web font: ${kb(font)} woff2 (loaded once, cached; font-display: swap)`);

  const config = { ...loadAppConfig({}), databaseUrl: 'sqlite::memory:', loadSamples: false };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(APP_CONFIG).useValue(config).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureApp(app, { ...config, bodyLimit: '50mb' });
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    // 3a. load n cases
    // a reviewer at a root agency: the synthetic files' agencies are no agency record, so they file under it
    const user = await loginAs(app, { roles: ['reviewer', 'officer'] });
    const [cookieName, cookieValue] = user.cookie.split('=');
    const cookie = { name: cookieName, value: cookieValue, url: base };
    const t0 = Date.now();
    const files = [...generateCaseFiles(n, 2026)];
    for (let i = 0; i < files.length; i += 500) {
      const res = await request(app.getHttpServer()).post('/api/cases/bulk').set(user.headers).send(files.slice(i, i + 500));
      if (res.status !== 200 && res.status !== 201) throw new Error(`bulk ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    console.log(`stored ${n} synthetic cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    browser = await launchBrowser();

    // 2. first screen, cold cache each run
    const loads: number[] = [];
    for (let r = 0; r < runs; r++) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await ctx.addCookies([cookie]);
      const page = await ctx.newPage();
      const t = Date.now();
      await page.goto(`${base}/`);
      await page.locator('.ant-table-row').first().waitFor();
      loads.push(Date.now() - t);
      // contexts stay open: closing one ends a --single-process Chromium (@sparticuz/chromium's args)
      await page.close();
    }
    console.log(`first screen (/ → case rows, cold cache, ${n} cases stored): p50 ${pct(loads, 50)} ms, p95 ${pct(loads, 95)} ms`);

    // 3b. paging and filtering
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await ctx.addCookies([cookie]);
    const page = await ctx.newPage();
    await page.goto(`${base}/cases`);
    await page.locator('.ant-table-row').first().waitFor();
    const pages: number[] = [];
    for (let r = 0; r < runs * 2; r++) {
      const before = (await page.locator('.ant-table-row').first().textContent()) ?? '';
      const t = Date.now();
      await page.locator('.ant-pagination-next').click();
      // a function, not a string: the page's CSP (helmet) forbids eval
      await page.waitForFunction((prev) => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
        return doc.querySelector('.ant-table-row')?.textContent !== prev && !doc.querySelector('.ant-spin-spinning');
      }, before);
      pages.push(Date.now() - t);
    }
    const filters: number[] = [];
    for (const status of ['closed', 'in_progress', 'archived', 'draft', 'closed', 'in_progress', 'archived']) {
      const t = Date.now();
      await page.goto(`${base}/cases?status=${status}`);
      await page.locator('.ant-table-row, .ant-empty').first().waitFor();
      filters.push(Date.now() - t);
    }
    const rows = await page.locator('.ant-table-row').count();
    console.log(`case list, ${n} cases: next page p50 ${pct(pages, 50)} ms, p95 ${pct(pages, 95)} ms; status filter (full navigation) p50 ${pct(filters, 50)} ms, p95 ${pct(filters, 95)} ms; rows in the DOM ${rows}`);
  } finally {
    await browser?.close();
    await app.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
