import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { projectRoot } from '../../src/core/paths';
import { api, createTestApp } from '../support/create-test-app';
import { pdfText, squash } from './support/text';

const fixture = (name: string) => JSON.parse(readFileSync(join(projectRoot(), 'fixtures', 'cases', name), 'utf8'));

/** supertest: collect an application/pdf body as a Buffer */
function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('report endpoints (e2e)', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('POST /api/review/report.pdf → the review report of the posted case file', async () => {
    const body = fixture('02-hearing-case.json');
    const res = await api(app)
      .post('/api/review/report.pdf?mode=review&asOf=2025-12-31')
      .send(body)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const t = squash((await pdfText(pdf)).text);
    expect(t).toContain('行政处罚案卷评查报告');
    expect(t).toContain(squash(body.case.caseNumber));
    expect(t).toContain(squash(body.case.agency));
    expect(t).toContain('2025-12-31');
    expect(t).toContain('official-2024'); // the default sheet: the 2024 评查细则
    expect(t).toContain('合法性评查');
  });

  it('mode=pre-decision gives the 法制审核报告, named so for download', async () => {
    const res = await api(app)
      .post('/api/review/report.pdf?mode=pre-decision&asOf=2025-03-01')
      .send(fixture('08-draft-in-progress.json'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(squash((await pdfText(res.body as Buffer)).text)).toContain('行政处罚案件法制审核报告');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('-法制审核报告.pdf'));
  });

  it('mode=draft gives the 自查报告; sheet=strict-veto-zero is used when asked', async () => {
    const res = await api(app)
      .post('/api/review/report.pdf?mode=draft&asOf=2025-03-01&sheet=strict-veto-zero')
      .send(fixture('08-draft-in-progress.json'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const t = squash((await pdfText(res.body as Buffer)).text);
    expect(t).toContain('行政处罚案卷自查报告');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('-自查报告.pdf'));
    expect(t).toContain('strict-veto-zero');
    expect(t).toContain('后续期限');
  });

  it('SCORING_SHEET chooses the sheet when the request names none', async () => {
    const saved = process.env.SCORING_SHEET;
    process.env.SCORING_SHEET = 'strict-veto-zero';
    try {
      const res = await api(app)
        .post('/api/review/report.pdf?asOf=2025-12-31')
        .send(fixture('01-general-fine-clean.json'))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(squash((await pdfText(res.body as Buffer)).text)).toContain('strict-veto-zero');
    } finally {
      if (saved === undefined) delete process.env.SCORING_SHEET;
      else process.env.SCORING_SHEET = saved;
    }
  });

  it('400 for an unknown sheet, a bad mode or asOf — with field paths', async () => {
    const res = await api(app)
      .post('/api/review/report.pdf?sheet=official-2099&mode=final&asOf=2025-02-30')
      .send(fixture('01-general-fine-clean.json'))
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_REPORT_QUERY' });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'query.sheet', code: 'UNKNOWN_SCORING_SHEET', message: expect.stringContaining('official-2024') }),
        expect.objectContaining({ path: 'query.mode', code: 'INVALID_MODE' }),
        expect.objectContaining({ path: 'query.asOf', code: 'INVALID_DATE' }),
      ]),
    );
  });

  it('400 for an invalid case file, nothing rendered', async () => {
    const body = fixture('01-general-fine-clean.json');
    delete body.case.caseNumber;
    const res = await api(app).post('/api/review/report.pdf').send(body).expect(400);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'case.caseNumber' })]));
  });

  describe('GET /api/cases/:id/report.pdf', () => {
    const http = () => api(app);
    const pdfOf = async (url: string) => {
      const res = await http().get(url).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      return squash((await pdfText(res.body as Buffer)).text);
    };

    it('404 with a clear Chinese message until the case has been reviewed, then the report of the latest review', async () => {
      const body = fixture('12-hearing-without-legal-review.json');
      const created = await http().post('/api/cases').send(body).expect(201);
      const id = created.body.id as string;

      const missing = await http().get(`/api/cases/${id}/report.pdf`).expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, code: 'REVIEW_NOT_FOUND' });
      expect(missing.body.message).toContain('尚未审查');
      expect(missing.body.message).toContain(body.case.caseNumber);

      await http().post(`/api/cases/${id}/reviews?mode=review&asOf=2026-11-30`).expect(201);
      const t = await pdfOf(`/api/cases/${id}/report.pdf`);
      expect(t).toContain('行政处罚案卷评查报告');
      expect(t).toContain(squash(body.case.caseNumber));
      expect(t).toContain('2026-11-30');
      expect(t).toContain(squash('案卷得分 0 分')); // no 法制审核 in a hearing case: 细则合法性第19项
      expect(t).toContain(squash('细则合法性评查第19项'));
      expect(t).toContain('SEQ-10');
      expect(t).not.toContain('建议重新审查');

      // another sheet, per request
      expect(await pdfOf(`/api/cases/${id}/report.pdf?sheet=strict-veto-zero`)).toContain('总分0分');

      // the latest review is the one printed
      await http().post(`/api/cases/${id}/reviews?mode=draft&asOf=2026-11-30`).expect(201);
      expect(await pdfOf(`/api/cases/${id}/report.pdf`)).toContain('行政处罚案卷自查报告');

      // the case file changed after its last review: the report says so
      const changed = { ...body, case: { ...body.case, notes: '补充说明' } };
      await http().put(`/api/cases/${id}`).send(changed).expect(200);
      expect(await pdfOf(`/api/cases/${id}/report.pdf`)).toContain('建议重新审查');
    });

    it('400 for an unknown sheet or for mode / asOf; 404 for an unknown case', async () => {
      const created = await http().post('/api/cases').send(fixture('01-general-fine-clean.json')).expect(201);
      const id = created.body.id as string;
      await http().post(`/api/cases/${id}/reviews?asOf=2026-11-30`).expect(201);
      const bad = await http().get(`/api/cases/${id}/report.pdf?sheet=nope&asOf=2026-01-01`).expect(400);
      expect(bad.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'query.sheet', code: 'UNKNOWN_SCORING_SHEET' }),
          expect.objectContaining({ path: 'query.asOf', code: 'NOT_ALLOWED' }),
        ]),
      );
      const none = await http().get('/api/cases/3f1c2a9e-7b4d-4c1e-9a35-0d6f2b8e91c4/report.pdf').expect(404);
      expect(none.body.code).toBe('CASE_NOT_FOUND');
    });
  });

  it('GET /api/scoring/sheets lists the sheets', async () => {
    const res = await api(app).get('/api/scoring/sheets').expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'official-2024', status: 'official', model: 'xize-2024', isDefault: true, vetoZeroesTotal: true }),
        expect.objectContaining({ id: 'inferred-2024', status: 'placeholder', model: 'deduction', isDefault: false, vetoZeroesTotal: false }),
        expect.objectContaining({ id: 'strict-veto-zero', vetoZeroesTotal: true, isDefault: false }),
      ]),
    );
  });
});

describe('report endpoints in the OpenAPI document', () => {
  it('are documented with their PDF responses', async () => {
    const app = await createTestApp();
    try {
      const doc = (await api(app).get('/api/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths['/api/review/report.pdf'].post.responses)).toEqual(expect.arrayContaining(['200', '400']));
      expect(doc.paths['/api/review/report.pdf'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/CaseFile');
      expect(Object.keys(doc.paths['/api/cases/{id}/report.pdf'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
      expect(doc.paths['/api/scoring/sheets'].get).toBeDefined();
    } finally {
      await app.close();
    }
  });
});
