import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { projectRoot } from '../../src/core/paths';
import { createTestApp } from '../support/create-test-app';
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
    const res = await request(app.getHttpServer())
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
    expect(t).toContain('default-2024');
  });

  it('mode=draft gives the 自查报告; sheet=strict-veto-zero is used when asked', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/review/report.pdf?mode=draft&asOf=2025-03-01&sheet=strict-veto-zero')
      .send(fixture('08-draft-in-progress.json'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const t = squash((await pdfText(res.body as Buffer)).text);
    expect(t).toContain('行政处罚案卷自查报告');
    expect(t).toContain('strict-veto-zero');
    expect(t).toContain('后续期限');
  });

  it('SCORING_SHEET chooses the sheet when the request names none', async () => {
    const saved = process.env.SCORING_SHEET;
    process.env.SCORING_SHEET = 'strict-veto-zero';
    try {
      const res = await request(app.getHttpServer())
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
    const res = await request(app.getHttpServer())
      .post('/api/review/report.pdf?sheet=official-2099&mode=final&asOf=2025-02-30')
      .send(fixture('01-general-fine-clean.json'))
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'sheet', code: 'UNKNOWN_SCORING_SHEET', message: expect.stringContaining('default-2024') }),
        expect.objectContaining({ path: 'mode', code: 'INVALID_MODE' }),
        expect.objectContaining({ path: 'asOf', code: 'INVALID_DATE' }),
      ]),
    );
  });

  it('400 for an invalid case file, nothing rendered', async () => {
    const body = fixture('01-general-fine-clean.json');
    delete body.case.caseNumber;
    const res = await request(app.getHttpServer()).post('/api/review/report.pdf').send(body).expect(400);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'case.caseNumber' })]));
  });

  it('GET /api/scoring/sheets lists the sheets', async () => {
    const res = await request(app.getHttpServer()).get('/api/scoring/sheets').expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'default-2024', status: 'placeholder', isDefault: true, vetoZeroesTotal: false }),
        expect.objectContaining({ id: 'strict-veto-zero', vetoZeroesTotal: true, isDefault: false }),
      ]),
    );
  });
});
