/**
 * /api/intake/* and GET /api/cases/:id/case-file.xlsx on the real application (in-memory SQLite): template,
 * import (good workbook, workbook with errors → located issues and nothing stored, ?store=1), export of a stored
 * case, the round trip through the API, and refused uploads (not xlsx, corrupt).
 */
import ExcelJS from 'exceljs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { CaseFile } from '../../src/core/case-file/types';
import { caseFileWorkbook } from '../../src/core/intake';
import { CasesService } from '../../src/cases/cases.service';
import { loginAs } from '../support/auth';
import { createTestApp } from '../support/create-test-app';
import { bureauIndexWorkbook, headerOf } from './support/bureau-index';
import { decisionDocx } from './support/docx';

const sample = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'cases', name), 'utf8')) as CaseFile;
const clean = sample('01-general-fine-clean.json');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let app: NestExpressApplication;
let auth: { Authorization: string };
beforeAll(async () => {
  app = await createTestApp();
  auth = (await loginAs(app, { roles: ['officer'] })).headers;
});
afterAll(async () => {
  await app.close();
});

const server = () => app.getHttpServer();
/** requests as a logged-in officer */
const authed = {
  get: (url: string) => request(server()).get(url).set(auth),
  post: (url: string) => request(server()).post(url).set(auth),
};
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const caseCount = (): Promise<number> => app.get(CasesService).count();

describe('GET /api/intake/template.xlsx', () => {
  it('is an xlsx workbook with the template sheets', async () => {
    const res = await authed.get('/api/intake/template.xlsx').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['填写说明', '案件', '执法人员', '卷内目录', '载明期限', '普法教育']));
  });
});

describe('POST /api/intake/xlsx', () => {
  it('a good workbook → the case file, nothing stored', async () => {
    const before = await caseCount();
    const res = await authed.post('/api/intake/xlsx').attach('file', await caseFileWorkbook(clean), 'case.xlsx').expect(200);
    expect(res.body).toMatchObject({ ok: true, kind: 'template', issues: [] });
    expect(res.body.caseFile).toEqual(clean);
    expect(res.body.stored).toBeUndefined();
    expect(await caseCount()).toBe(before);
  });

  it('a workbook with errors → 400 with 工作表/行/列 paths and Chinese messages, nothing stored', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await caseFileWorkbook(clean)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('卷内目录')!;
    let dateColumn = 0;
    ws.getRow(1).eachCell((c, i) => {
      if (c.value === '制作/落款日期') dateColumn = i;
    });
    ws.getCell(4, dateColumn).value = '2025-13-01';
    const before = await caseCount();
    const res = await authed
      .post('/api/intake/xlsx?store=1')
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'case.xlsx')
      .expect(400);
    const letter = ws.getColumn(dateColumn).letter;
    expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_WORKBOOK' });
    expect(res.body.message).toMatch(/工作簿有 \d+ 处错误/);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ path: `卷内目录!${letter}4`, sheet: '卷内目录', row: 4, column: letter, code: 'INVALID_DATE', message: expect.stringContaining('第 4 行') }),
    );
    expect(await caseCount()).toBe(before);
  });

  it('?store=1 stores a valid import through the cases service', async () => {
    const res = await authed.post('/api/intake/xlsx?store=1').attach('file', await caseFileWorkbook(clean), 'case.xlsx').expect(200);
    expect(res.body.stored.id).toEqual(expect.any(String));
    const stored = await authed.get(`/api/cases/${res.body.stored.id}`).expect(200);
    expect(stored.body.caseFile ?? stored.body).toMatchObject({ case: { caseNumber: clean.case.caseNumber } });
  });

  it("a bureau's own 卷内目录 with the case header → an index-only case: no finding, only 待补录", async () => {
    const res = await authed
      .post('/api/intake/xlsx')
      .field('header', JSON.stringify(headerOf(clean)))
      .attach('file', await bureauIndexWorkbook(clean, { everydayTitles: true }), '卷内目录.xlsx')
      .expect(200);
    expect(res.body.kind).toBe('bureau_index');
    const review = await authed.post('/api/review').send(res.body.caseFile).expect((r) => expect([200, 201]).toContain(r.status));
    const body = review.body.review ?? review.body;
    expect(body.findings).toEqual([]);
    expect(body.entryCompleteness.pendingRules).toBeGreaterThan(0);
  });

  it('a non-xlsx upload, a corrupt xlsx and no file → 400 with a clear message', async () => {
    const text = await authed.post('/api/intake/xlsx').attach('file', Buffer.from('序号,题名\n1,立案审批表'), 'index.csv').expect(400);
    expect(text.body).toMatchObject({ code: 'NOT_XLSX', errors: [{ path: 'file', code: 'NOT_XLSX' }] });
    expect(text.body.message).toContain('.xlsx');
    const good = await caseFileWorkbook(clean);
    const corrupt = await authed.post('/api/intake/xlsx').attach('file', good.subarray(0, 3000), 'broken.xlsx').expect(400);
    expect(corrupt.body.code).toBe('NOT_XLSX');
    expect(corrupt.body.message).toContain('损坏');
    const none = await authed.post('/api/intake/xlsx').field('x', '1').expect(400);
    expect(none.body.code).toBe('FILE_REQUIRED');
    const header = await authed.post('/api/intake/xlsx').field('header', '{oops').attach('file', good, 'a.xlsx').expect(400);
    expect(header.body.code).toBe('INVALID_HEADER');
  });
});

describe('POST /api/intake/docx', () => {
  it('a 决定书 .docx → unconfirmed suggestions with their source words; not a .docx → 400', async () => {
    const res = await authed.post('/api/intake/docx').attach('file', await decisionDocx(), '决定书.docx').expect(200);
    expect(res.body.type.type).toBe('penalty_decision');
    expect(res.body.suggestions).toContainEqual({ field: 'docNumber', value: '沅环罚〔2025〕46号', source: '沅环罚〔2025〕46号', confirmed: false });
    expect(res.body.paperOnly.length).toBeGreaterThan(0);
    const bad = await authed.post('/api/intake/docx').attach('file', Buffer.from('not a word file'), 'x.docx').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'NOT_DOCX' });
  });
});

describe('behind the auth guard', () => {
  it('no session → 401; storing needs the officer role (403), importing without storing does not', async () => {
    await request(server()).get('/api/intake/template.xlsx').expect(401);
    await request(server()).post('/api/intake/xlsx').attach('file', await caseFileWorkbook(clean), 'case.xlsx').expect(401);
    const reviewer = (await loginAs(app, { roles: ['reviewer'] })).headers;
    const before = await caseCount();
    const refused = await request(server()).post('/api/intake/xlsx?store=1').set(reviewer).attach('file', await caseFileWorkbook(clean), 'case.xlsx').expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    await request(server()).post('/api/intake/xlsx').set(reviewer).attach('file', await caseFileWorkbook(clean), 'case.xlsx').expect(200);
    expect(await caseCount()).toBe(before);
  });
});

describe('GET /api/cases/:id/case-file.xlsx', () => {
  it('exports a stored case; importing the export gives the same case file', async () => {
    const created = await authed.post('/api/cases').send(sample('02-hearing-case.json')).expect(201);
    const id = created.body.id;
    const res = await authed.get(`/api/cases/${id}/case-file.xlsx`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const back = await authed.post('/api/intake/xlsx').attach('file', res.body as Buffer, 'export.xlsx').expect(200);
    expect(back.body.caseFile).toEqual(sample('02-hearing-case.json'));
  });

  it('404 for an unknown case', async () => {
    const res = await authed.get('/api/cases/00000000-0000-4000-8000-000000000000/case-file.xlsx').expect(404);
    expect(res.body.statusCode).toBe(404);
  });
});
