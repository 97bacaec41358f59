import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CaseFileEntity } from '../../src/cases/case-file.entity';
import { CasesService } from '../../src/cases/cases.service';
import type { CaseFile } from '../../src/core/case-file/types';
import { api, createTestApp } from '../support/create-test-app';

const root = join(__dirname, '..', '..');
const MINIMAL_TEXT = readFileSync(join(root, 'test', 'fixtures', 'minimal-case.json'), 'utf8');
const minimal = (change?: (cf: any) => void): CaseFile => {
  const cf = JSON.parse(MINIMAL_TEXT);
  change?.(cf);
  return cf;
};
const fixtureDir = join(root, 'fixtures', 'cases');
const fixtureFiles = (() => {
  try {
    return readdirSync(fixtureDir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
})();
const ROUND_TRIP_FILES = [
  ...fixtureFiles.map((f) => join('fixtures', 'cases', f)),
  join('docs', 'examples', 'full-case.json'),
  join('test', 'fixtures', 'minimal-case.json'),
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('/api/cases', () => {
  let app: NestExpressApplication;
  let service: CasesService;
  const http = () => api(app);
  const stored = () => service.count();

  beforeAll(async () => {
    app = await createTestApp({ config: { bodyLimit: '1mb' } });
    service = app.get(CasesService);
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(async () => {
    // each test starts from an empty table
    // DELETE, not TRUNCATE: the summary tables refer to case_files (ON DELETE CASCADE)
    await app.get(DataSource).getRepository(CaseFileEntity).createQueryBuilder().delete().execute();
  });

  function post(cf: unknown): request.Test {
    return http().post('/api/cases').send(cf as object);
  }
  async function create(cf: CaseFile): Promise<string> {
    const res = await post(cf).expect(201);
    return res.body.id;
  }

  describe('POST /api/cases', () => {
    it('stores a valid case file: 201, summary, Location and ETag', async () => {
      const res = await post(minimal()).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        caseNumber: '测环罚〔2025〕1号',
        agency: '测试市生态环境局',
        agencyId: expect.stringMatching(UUID),
        status: 'in_progress',
        year: 2025,
        partyNames: ['测试某某科技有限公司'],
        version: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        updatedAt: res.body.createdAt,
      });
      expect(res.headers.location).toBe(`/api/cases/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(await stored()).toBe(1);
    });

    it('takes the year from the case number, else from the discovery date', async () => {
      const a = await post(minimal((cf) => (cf.case.caseNumber = '测环罚[2024]7号'))).expect(201);
      expect(a.body.year).toBe(2024);
      const b = await post(minimal((cf) => ((cf.case.caseNumber = '测环罚第7号'), (cf.case.discovery.discoveredOn = '2023-12-30')))).expect(201);
      expect(b.body.year).toBe(2023);
    });

    const badInputs: Array<[string, (cf: any) => void, { path: string; code: string; message: string | jest.AsymmetricMatcher }]> = [
      ['impossible date', (cf) => (cf.documents[0].madeOn = '2025-02-30'), { path: 'documents[0].madeOn', code: 'INVALID_DATE', message: '日期不存在：2025-02-30' }],
      [
        'unknown document type',
        (cf) => (cf.documents[0].type = 'decision'),
        { path: 'documents[0].type', code: 'UNKNOWN_DOCUMENT_TYPE', message: expect.stringContaining("未知的文书类型：'decision'") },
      ],
      ['wrong enum', (cf) => (cf.case.status = 'done'), { path: 'case.status', code: 'INVALID_ENUM', message: expect.stringContaining("「案件状态」取值无效：'done'") }],
      ['missing required field', (cf) => delete cf.parties[0].address, { path: 'parties[0].address', code: 'REQUIRED', message: '缺少必填项「住所（地址）」（address）' }],
      [
        'unknown property',
        (cf) => (cf.case.caseNo = 'x'),
        { path: 'case.caseNo', code: 'UNKNOWN_PROPERTY', message: expect.stringContaining('未知字段「caseNo」') },
      ],
      ['negative amount', (cf) => (cf.documents[0].amounts = { fine: -1 }), { path: 'documents[0].amounts.fine', code: 'NEGATIVE_AMOUNT', message: '「罚款（元）」不能为负数：-1' }],
      [
        'three decimals',
        (cf) => (cf.documents[0].amounts = { fine: 0.001 }),
        { path: 'documents[0].amounts.fine', code: 'AMOUNT_PRECISION', message: '「罚款（元）」最多保留两位小数（单位：元）：0.001' },
      ],
      ['bad credit code', (cf) => (cf.parties[0].creditCode = '123'), { path: 'parties[0].creditCode', code: 'INVALID_CREDIT_CODE', message: expect.stringContaining("'123'") }],
      ['duplicate id', (cf) => (cf.officers[1].id = 'o1'), { path: 'officers[1].id', code: 'DUPLICATE_ID', message: expect.stringContaining("id 重复：'o1'") }],
      [
        'dangling reference',
        (cf) => (cf.fileIndex[0].refId = 'nope'),
        { path: 'fileIndex[0].refId', code: 'UNKNOWN_REFERENCE', message: expect.stringContaining("'nope'") },
      ],
      ['page range', (cf) => (cf.fileIndex[0].pages = { from: 3, to: 1 }), { path: 'fileIndex[0].pages.to', code: 'INVALID_PAGE_RANGE', message: '页码范围无效：起始页 3 大于终止页 1' }],
      ['null value', (cf) => (cf.case.notes = null), { path: 'case.notes', code: 'NULL_NOT_ALLOWED', message: '「备注」不能为 null；没有此项时请省略该字段' }],
      ['bad time', (cf) => (cf.documents[0].startTime = '9:3'), { path: 'documents[0].startTime', code: 'INVALID_TIME_FORMAT', message: expect.stringContaining("实际为 '9:3'") }],
    ];

    it.each(badInputs)('rejects %s: 400, Chinese message, code, path — and stores nothing', async (_name, change, issue) => {
      const res = await post(minimal(change)).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/^案卷数据校验未通过（共 \d+ 处问题）$/),
        errors: expect.arrayContaining([issue]),
      });
      expect(await stored()).toBe(0);
    });

    it('rejects malformed JSON: 400 INVALID_JSON, nothing stored', async () => {
      const res = await http().post('/api/cases').set('Content-Type', 'application/json').send('{"formatVersion":"1.0",}').expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON', errors: [] });
      expect(res.body.message).toMatch(/^请求体不是合法的 JSON/);
      expect(await stored()).toBe(0);
    });

    it('rejects a JSON value that is not a case file object', async () => {
      const res = await http().post('/api/cases').set('Content-Type', 'application/json').send('[1,2]').expect(400);
      expect(res.body.errors).toEqual([{ path: '', code: 'INVALID_TYPE', message: '案卷应为 JSON 对象，实际为数组' }]);
      expect(await stored()).toBe(0);
    });

    it('rejects a body over the limit: 413 PAYLOAD_TOO_LARGE, nothing stored', async () => {
      const big = minimal((cf) => (cf.case.notes = '注'.repeat(400_000)));
      const res = await post(big).expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', errors: [] });
      expect(res.body.message).toContain('上限为 1 MB');
      expect(await stored()).toBe(0);
    });

    it('rejects a body that is not JSON: 415, nothing stored', async () => {
      const res = await http().post('/api/cases').set('Content-Type', 'text/plain').send(MINIMAL_TEXT).expect(415);
      expect(res.body).toEqual({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: '请求体须为 JSON，并带有 Content-Type: application/json',
        errors: [],
      });
      expect(await stored()).toBe(0);
    });

    it('rejects a second case with the same agency and case number: 409 CASE_NUMBER_EXISTS', async () => {
      const id = await create(minimal());
      const res = await post(minimal((cf) => (cf.case.causeOfAction = '另一案由'))).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        code: 'CASE_NUMBER_EXISTS',
        message: `案号已存在：测试市生态环境局 测环罚〔2025〕1号（已有案卷「测环罚〔2025〕1号」，id ${id}）`,
        errors: [{ path: 'case.caseNumber', code: 'CASE_NUMBER_EXISTS', message: expect.stringContaining('同一执法机关的案号不得重复') }],
      });
      expect(await stored()).toBe(1);
      // the same number at another agency is a different case
      await post(minimal((cf) => (cf.case.agency = '另一市生态环境局'))).expect(201);
    });
  });

  describe('round trip: GET returns exactly what was submitted', () => {
    it('finds the files to round-trip', () => {
      expect(ROUND_TRIP_FILES.length).toBeGreaterThanOrEqual(2);
    });

    it.each(ROUND_TRIP_FILES.map((f) => [f]))('%s', async (file) => {
      const submitted = JSON.parse(readFileSync(join(root, file), 'utf8'));
      const id = await create(submitted);
      const res = await http().get(`/api/cases/${id}`).expect(200);
      expect(res.body.caseFile).toEqual(submitted);
      expect(JSON.stringify(res.body.caseFile)).toBe(JSON.stringify(submitted)); // key order too
      expect(res.body).toMatchObject({ id, caseNumber: submitted.case.caseNumber, agency: submitted.case.agency, status: submitted.case.status, version: 1 });
      const raw = await http().get(`/api/cases/${id}/case-file`).expect(200);
      expect(raw.body).toEqual(submitted);
      expect(raw.headers['content-disposition']).toContain(`attachment; filename="case-${id}.json"`);
    });
  });

  describe('GET /api/cases/:id', () => {
    it('returns the envelope with the case file and an ETag', async () => {
      const id = await create(minimal());
      const res = await http().get(`/api/cases/${id}`).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(
        ['id', 'caseNumber', 'agency', 'agencyId', 'status', 'year', 'partyNames', 'version', 'createdAt', 'updatedAt', 'caseFile'].sort(),
      );
      expect(res.headers.etag).toBe('"1"');
    });

    it('answers a malformed id with 400 INVALID_ID', async () => {
      const res = await http().get('/api/cases/12345').expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'INVALID_ID',
        message: "案卷 id 格式错误：'12345'",
        errors: [{ path: 'id', code: 'INVALID_ID', message: "案卷 id 格式错误：'12345'（应为 UUID）" }],
      });
    });

    it('answers an unknown id with 404 CASE_NOT_FOUND', async () => {
      const res = await http().get(`/api/cases/${MISSING_ID}`).expect(404);
      expect(res.body).toEqual({ statusCode: 404, code: 'CASE_NOT_FOUND', message: `案卷不存在：${MISSING_ID}`, errors: [] });
      await http().get(`/api/cases/${MISSING_ID}/case-file`).expect(404);
    });
  });

  describe('GET /api/cases (list)', () => {
    beforeEach(async () => {
      await create(minimal((cf) => ((cf.case.caseNumber = '甲环罚〔2024〕1号'), (cf.case.status = 'closed'), (cf.parties[0].name = '甲市宏达电镀厂'))));
      await create(minimal((cf) => ((cf.case.caseNumber = '甲环罚〔2025〕2号'), (cf.case.status = 'archived'))));
      await create(minimal((cf) => ((cf.case.caseNumber = '乙环罚〔2025〕3号'), (cf.case.agency = '乙市生态环境局'), (cf.parties[0].name = '乙县50%_化工厂'))));
    });

    it('lists everything with total and paging defaults', async () => {
      const res = await http().get('/api/cases').expect(200);
      expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(res.body.items).toHaveLength(3);
      expect(res.body.items[0]).not.toHaveProperty('caseFile');
    });

    it('filters by status, agency and year', async () => {
      const byStatus = await http().get('/api/cases').query({ status: 'archived' }).expect(200);
      expect(byStatus.body.items.map((i: any) => i.caseNumber)).toEqual(['甲环罚〔2025〕2号']);
      const byAgency = await http().get('/api/cases').query({ agency: '乙市生态环境局' }).expect(200);
      expect(byAgency.body.items.map((i: any) => i.caseNumber)).toEqual(['乙环罚〔2025〕3号']);
      const byYear = await http().get('/api/cases').query({ year: 2024 }).expect(200);
      expect(byYear.body).toMatchObject({ total: 1, items: [{ caseNumber: '甲环罚〔2024〕1号', year: 2024 }] });
    });

    it('searches 案号 and 当事人 with q, treating % and _ literally', async () => {
      const byNumber = await http().get('/api/cases').query({ q: '〔2025〕' }).expect(200);
      expect(byNumber.body.total).toBe(2);
      const byParty = await http().get('/api/cases').query({ q: '宏达' }).expect(200);
      expect(byParty.body.items.map((i: any) => i.partyNames)).toEqual([['甲市宏达电镀厂']]);
      const literal = await http().get('/api/cases').query({ q: '50%_' }).expect(200);
      expect(literal.body.total).toBe(1);
      const noWildcard = await http().get('/api/cases').query({ q: '%' }).expect(200);
      expect(noWildcard.body.total).toBe(1);
    });

    it('pages with a stable total', async () => {
      const p1 = await http().get('/api/cases').query({ pageSize: 2 }).expect(200);
      const p2 = await http().get('/api/cases').query({ pageSize: 2, page: 2 }).expect(200);
      expect(p1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(p2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      const ids = [...p1.body.items, ...p2.body.items].map((i: any) => i.id);
      expect(new Set(ids).size).toBe(3);
    });

    it('reports every bad query parameter: 400 INVALID_QUERY', async () => {
      const res = await http().get('/api/cases').query({ status: 'open', year: '25', pageSize: '1000', sort: 'x' }).expect(400);
      expect(res.body.code).toBe('INVALID_QUERY');
      expect(res.body.errors.map((e: any) => [e.path, e.code])).toEqual([
        ['query.sort', 'UNKNOWN_PARAMETER'],
        ['query.status', 'INVALID_ENUM'],
        ['query.year', 'INVALID_PARAMETER'],
        ['query.pageSize', 'INVALID_PARAMETER'],
      ]);
      for (const e of res.body.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  describe('PUT /api/cases/:id', () => {
    it('replaces the case file and bumps the version', async () => {
      const id = await create(minimal());
      const changed = minimal((cf) => ((cf.case.status = 'closed'), (cf.case.closedOn = '2025-04-01')));
      const res = await http().put(`/api/cases/${id}`).send(changed).expect(200);
      expect(res.body).toMatchObject({ id, status: 'closed', version: 2 });
      expect(res.headers.etag).toBe('"2"');
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.createdAt));
      expect((await http().get(`/api/cases/${id}`).expect(200)).body.caseFile).toEqual(changed);
    });

    it('rejects an invalid replacement with 400 and keeps the stored file', async () => {
      const id = await create(minimal());
      const res = await http().put(`/api/cases/${id}`).send(minimal((cf) => (cf.documents[0].madeOn = '2025-02-30'))).expect(400);
      expect(res.body.errors).toContainEqual({ path: 'documents[0].madeOn', code: 'INVALID_DATE', message: '日期不存在：2025-02-30' });
      const now = await http().get(`/api/cases/${id}`).expect(200);
      expect(now.body.caseFile).toEqual(minimal());
      expect(now.body.version).toBe(1);
    });

    it('honours If-Match: 412 VERSION_CONFLICT on a stale version, 400 on a malformed header', async () => {
      const id = await create(minimal());
      await http().put(`/api/cases/${id}`).set('If-Match', '"1"').send(minimal((cf) => (cf.case.notes = '第一次修改'))).expect(200);
      const stale = await http().put(`/api/cases/${id}`).set('If-Match', '"1"').send(minimal((cf) => (cf.case.notes = '基于旧版本'))).expect(412);
      expect(stale.body).toMatchObject({ statusCode: 412, code: 'VERSION_CONFLICT', errors: [] });
      expect(stale.body.message).toContain('当前版本 2');
      expect((await http().get(`/api/cases/${id}`)).body.caseFile.case.notes).toBe('第一次修改');
      const bad = await http().put(`/api/cases/${id}`).set('If-Match', 'yesterday').send(minimal()).expect(400);
      expect(bad.body.code).toBe('INVALID_IF_MATCH');
    });

    it('rejects a change of case number onto another stored case: 409', async () => {
      await create(minimal((cf) => (cf.case.caseNumber = '测环罚〔2025〕2号')));
      const id = await create(minimal());
      const res = await http().put(`/api/cases/${id}`).send(minimal((cf) => (cf.case.caseNumber = '测环罚〔2025〕2号'))).expect(409);
      expect(res.body.code).toBe('CASE_NUMBER_EXISTS');
    });

    it('answers unknown and malformed ids with 404 and 400', async () => {
      await http().put(`/api/cases/${MISSING_ID}`).send(minimal()).expect(404);
      await http().put('/api/cases/not-a-uuid').send(minimal()).expect(400);
    });
  });

  describe('archived cases are read-only', () => {
    it('PUT and DELETE answer 409 CASE_ARCHIVED and change nothing', async () => {
      const archived = minimal((cf) => ((cf.case.status = 'archived'), (cf.case.archivedOn = '2025-05-01')));
      const id = await create(archived);
      const put = await http().put(`/api/cases/${id}`).send(minimal((cf) => (cf.case.status = 'in_progress'))).expect(409);
      expect(put.body).toEqual({
        statusCode: 409,
        code: 'CASE_ARCHIVED',
        message: '案卷已归档，不得修改或删除：测环罚〔2025〕1号',
        errors: [{ path: 'case.status', code: 'CASE_ARCHIVED', message: '案卷 测环罚〔2025〕1号 已归档（archived），为只读' }],
      });
      const del = await http().delete(`/api/cases/${id}`).expect(409);
      expect(del.body.code).toBe('CASE_ARCHIVED');
      const now = await http().get(`/api/cases/${id}`).expect(200);
      expect(now.body.caseFile).toEqual(archived);
      expect(now.body.version).toBe(1);
      expect(await stored()).toBe(1);
    });

    it('archiving is the last change: PUT with status archived succeeds, the next PUT is refused', async () => {
      const id = await create(minimal());
      await http().put(`/api/cases/${id}`).send(minimal((cf) => (cf.case.status = 'archived'))).expect(200);
      await http().put(`/api/cases/${id}`).send(minimal()).expect(409);
    });
  });

  describe('DELETE /api/cases/:id', () => {
    it('deletes: 204, then 404', async () => {
      const id = await create(minimal());
      await http().delete(`/api/cases/${id}`).expect(204);
      await http().get(`/api/cases/${id}`).expect(404);
      expect(await stored()).toBe(0);
      await http().delete(`/api/cases/${id}`).expect(404);
    });

    it('honours If-Match and rejects malformed ids', async () => {
      const id = await create(minimal());
      await http().delete(`/api/cases/${id}`).set('If-Match', '"7"').expect(412);
      expect(await stored()).toBe(1);
      await http().delete('/api/cases/xyz').expect(400);
    });
  });

  describe('POST /api/cases/bulk', () => {
    it('accepts an array of case files; each file stands alone', async () => {
      const ok1 = minimal((cf) => (cf.case.caseNumber = '批〔2025〕1号'));
      const bad = minimal((cf) => ((cf.case.caseNumber = '批〔2025〕2号'), (cf.documents[0].madeOn = '2025-02-30')));
      const ok2 = minimal((cf) => (cf.case.caseNumber = '批〔2025〕3号'));
      const dup = minimal((cf) => (cf.case.caseNumber = '批〔2025〕1号'));
      const res = await http().post('/api/cases/bulk').send([ok1, bad, ok2, dup]).expect(200);
      expect(res.body.created).toBe(2);
      expect(res.body.failed).toBe(2);
      expect(res.body.results).toEqual([
        { index: 0, ok: true, id: expect.stringMatching(UUID), caseNumber: '批〔2025〕1号' },
        {
          index: 1,
          ok: false,
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: '案卷数据校验未通过（共 1 处问题）',
          errors: [{ path: 'documents[0].madeOn', code: 'INVALID_DATE', message: '日期不存在：2025-02-30' }],
        },
        { index: 2, ok: true, id: expect.stringMatching(UUID), caseNumber: '批〔2025〕3号' },
        expect.objectContaining({ index: 3, ok: false, statusCode: 409, code: 'CASE_NUMBER_EXISTS' }),
      ]);
      expect(await stored()).toBe(2);
      expect((await http().get('/api/cases').query({ q: '批〔2025〕2号' })).body.total).toBe(0);
    });

    it('accepts { files: [{ name, caseFile }] } and echoes the names', async () => {
      const res = await http()
        .post('/api/cases/bulk')
        .send({ files: [{ name: 'a.json', caseFile: minimal() }, { name: 'b.json', caseFile: { formatVersion: '1.0' } }] })
        .expect(200);
      expect(res.body.results[0]).toMatchObject({ index: 0, name: 'a.json', ok: true });
      expect(res.body.results[1]).toMatchObject({ index: 1, name: 'b.json', ok: false, code: 'VALIDATION_FAILED' });
      expect(res.body.results[1].errors.map((e: any) => e.path)).toEqual(
        expect.arrayContaining(['case', 'parties', 'officers', 'documents', 'educationRecords', 'fileIndex']),
      );
      expect(await stored()).toBe(1);
    });

    it('rejects a malformed bulk body with 400 INVALID_BULK_BODY and stores nothing', async () => {
      const cases: unknown[] = [{}, [], { files: [] }, { files: [{ caseFile: minimal(), extra: 1 }] }, { files: [{}] }, { files: [minimal()], more: 1 }];
      for (const body of cases) {
        const res = await http().post('/api/cases/bulk').set('Content-Type', 'application/json').send(JSON.stringify(body)).expect(400);
        expect(res.body.code).toBe('INVALID_BULK_BODY');
        expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await stored()).toBe(0);
    });

    it('loads every fixture in one request', async () => {
      const files = fixtureFiles.map((name) => ({ name, caseFile: JSON.parse(readFileSync(join(fixtureDir, name), 'utf8')) }));
      const res = await http().post('/api/cases/bulk').send({ files }).expect(200);
      expect(res.body).toMatchObject({ created: files.length, failed: 0 });
      expect(await stored()).toBe(files.length);
    });
  });

  describe('Swagger', () => {
    it('documents every endpoint and the case-file schema', async () => {
      const doc = (await http().get('/api/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/bulk', '/api/cases/{id}', '/api/cases/{id}/case-file']));
      expect(Object.keys(doc.paths['/api/cases/{id}']).sort()).toEqual(['delete', 'get', 'put']);
      expect(doc.paths['/api/cases'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CaseFile' });
      expect(doc.components.schemas.CaseFile.properties.documents.items).toEqual({ $ref: '#/components/schemas/CaseDocument' });
      expect(doc.components.schemas.ServiceInfo.properties.servedOn.title).toBe('送达/签收日');
      expect(doc.paths['/api/cases'].post.tags).toEqual(['案卷 cases']);
    });
  });
});
