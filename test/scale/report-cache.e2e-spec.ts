/**
 * GET /api/cases/:id/report.pdf under load: rendered on worker threads, cached by review, sheet and case version;
 * concurrent requests for one report share one render.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { projectRoot } from '../../src/core/paths';
import { REPORT_RENDER_OPTIONS, ReportRenderer } from '../../src/report/report-renderer';
import { api, createTestApp } from '../support/create-test-app';
import { pdfText, squash } from '../report/support/text';

const fixture = (name: string) => JSON.parse(readFileSync(join(projectRoot(), 'fixtures', 'cases', name), 'utf8'));

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('report.pdf: worker threads and cache', () => {
  let app: NestExpressApplication;
  let renderer: ReportRenderer;
  let caseId: string;
  const http = () => api(app);
  const report = (id: string, query: Record<string, string> = {}) => http().get(`/api/cases/${id}/report.pdf`).query(query).buffer(true).parse(binary);

  beforeAll(async () => {
    app = await createTestApp({ customize: (b) => b.overrideProvider(REPORT_RENDER_OPTIONS).useValue({ workers: 1, cacheBytes: 8 * 1024 * 1024 }) });
    renderer = app.get(ReportRenderer);
    caseId = (await http().post('/api/cases').send(fixture('11-decision-before-statement-period-no-education.json')).expect(201)).body.id;
    await http().post(`/api/cases/${caseId}/reviews`).send({ asOf: '2026-11-30' }).expect(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('renders once on a worker thread; 20 concurrent and later requests get the same bytes from the cache', async () => {
    const before = renderer.stats.renders;
    const all = await Promise.all(Array.from({ length: 20 }, () => report(caseId).expect(200)));
    expect(renderer.stats.renders - before).toBe(1);
    const first = all[0].body as Buffer;
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const r of all) expect(Buffer.compare(r.body as Buffer, first)).toBe(0);
    const again = await report(caseId).expect(200);
    expect(Buffer.compare(again.body as Buffer, first)).toBe(0);
    expect(renderer.stats.renders - before).toBe(1);
    expect(again.headers['content-disposition']).toContain(encodeURIComponent('评查报告'));
    const t = squash((await pdfText(first)).text);
    expect(t).toContain('行政处罚案卷评查报告');
    expect(t).toContain(squash(fixture('11-decision-before-statement-period-no-education.json').case.caseNumber));
  });

  it('another sheet, a changed case and a new review are new reports', async () => {
    let renders = renderer.stats.renders;
    const strict = await report(caseId, { sheet: 'strict-veto-zero' }).expect(200);
    expect(renderer.stats.renders).toBe(++renders);
    expect(squash((await pdfText(strict.body as Buffer)).text)).toContain('strict-veto-zero');

    const cf = fixture('11-decision-before-statement-period-no-education.json');
    cf.case.notes = '修改后';
    await http().put(`/api/cases/${caseId}`).send(cf).expect(200);
    const changed = await report(caseId).expect(200);
    expect(renderer.stats.renders).toBe(++renders);
    expect(squash((await pdfText(changed.body as Buffer)).text)).toContain(squash('案卷现为第 2 版'));

    await http().post(`/api/cases/${caseId}/reviews`).send({ asOf: '2026-11-30' }).expect(201);
    const fresh = await report(caseId).expect(200);
    expect(renderer.stats.renders).toBe(++renders);
    expect(squash((await pdfText(fresh.body as Buffer)).text)).not.toContain(squash('案卷现为第'));
    await report(caseId).expect(200);
    expect(renderer.stats.renders).toBe(renders);
  });

  it('lays out PDFs on worker threads, never on the main thread', async () => {
    const { threadId } = await import('node:worker_threads');
    expect(renderer.stats.threads.size).toBeGreaterThan(0);
    expect(renderer.stats.threads.has(threadId)).toBe(false);
  });

  it('POST /api/review/report.pdf renders on the worker too (never cached)', async () => {
    const before = renderer.stats.renders;
    const body = fixture('02-hearing-case.json');
    await http().post('/api/review/report.pdf?mode=review&asOf=2025-12-31').send(body).buffer(true).parse(binary).expect(200);
    await http().post('/api/review/report.pdf?mode=review&asOf=2025-12-31').send(body).buffer(true).parse(binary).expect(200);
    expect(renderer.stats.renders - before).toBe(2);
  });
});
