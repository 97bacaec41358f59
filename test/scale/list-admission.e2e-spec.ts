/**
 * Admission of list reads (src/common/list-admission.ts), on the real service and database: with LIST_CONCURRENCY 1
 * and LIST_QUEUE_LIMIT 1, a list that is running holds the next one in the queue, a third list read of any kind
 * (case list, deadline view) gets 503 SERVICE_BUSY with Retry-After, a single case read and a write go through at
 * once meanwhile, and the queued list runs when the first is done. The running list is held on a gate inside
 * CasesService.list (the slow query a province's dashboards make), so nothing here depends on timing.
 */
import { readFileSync } from 'node:fs';
import { request as rawRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ListAdmissionInterceptor } from '../../src/common/list-admission';
import { api, createTestApp, defaultUser } from '../support/create-test-app';
import { holdCaseLists } from '../support/hold-case-lists';
import type { CaseFile } from '../../src/core/case-file/types';

const fixture = (f: string): CaseFile => JSON.parse(readFileSync(join(__dirname, '../../fixtures/cases', f), 'utf8'));

describe('list reads wait their turn; single reads do not wait for them', () => {
  let app: NestExpressApplication;
  let admission: ListAdmissionInterceptor;
  let caseId: string;

  beforeAll(async () => {
    app = await createTestApp({ config: { listConcurrency: 1, listQueueLimit: 1 } });
    admission = app.get(ListAdmissionInterceptor);
    caseId = (await api(app).post('/api/cases').send(fixture('01-general-fine-clean.json')).expect(201)).body.id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await app?.close();
  });

  const until = async (what: () => boolean) => {
    for (let i = 0; i < 500 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(what()).toBe(true);
  };

  it('one runs, one waits, the next is refused with 503; a case read, a write and health go through meanwhile', async () => {
    const { open, started } = holdCaseLists(app);
    const auth = defaultUser(app).headers.Authorization;
    const get = (path: string) => request(app.getHttpServer()).get(path).set('Authorization', auth);

    const first = get('/api/cases?pageSize=5').then((r) => r);
    await until(() => admission.load.running === 1 && started() === 1);
    const second = get('/api/cases?status=closed').then((r) => r);
    await until(() => admission.load.waiting === 1);
    expect(started()).toBe(1);

    const refused = await get('/api/deadlines');
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ statusCode: 503, code: 'SERVICE_BUSY', message: expect.stringContaining('服务繁忙'), errors: [] });
    expect(refused.headers['retry-after']).toBe('1');
    expect((await get('/api/cases?q=沅')).status).toBe(503);

    // not list reads: answered while the list is held
    const read = await get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.caseFile.case.caseNumber).toBeTruthy();
    const health = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(health.body.lists).toEqual({ running: 1, waiting: 1, concurrency: 1 });
    const copy = fixture('01-general-fine-clean.json');
    copy.case.caseNumber = copy.case.caseNumber.replace(/\d+号/, '9901号');
    await api(app).post('/api/cases').send(copy).expect(201);

    open();
    const [a, b] = await Promise.all([first, second]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(started()).toBe(2);
    // the queued list ran after the write: it sees both cases; the refused ones never ran
    expect(a.body.items.length + b.body.items.length).toBeGreaterThanOrEqual(2);
    expect(admission.load).toEqual({ running: 0, waiting: 0, concurrency: 1 });
    const after = await get('/api/cases?pageSize=5');
    expect(after.status).toBe(200);
    expect(after.body.total).toBe(2);
  });

  it('a list whose client gave up while waiting is not run', async () => {
    const { open, started } = holdCaseLists(app);
    const server = app.getHttpServer();
    const auth = defaultUser(app).headers.Authorization;
    const first = request(server).get('/api/cases').set('Authorization', auth).then((r) => r);
    await until(() => admission.load.running === 1);
    // a raw request that is dropped while it waits its turn (supertest has the server listening meanwhile)
    const { port } = server.address() as AddressInfo;
    const dropped = rawRequest({ host: '127.0.0.1', port, path: '/api/cases?status=draft', headers: { Authorization: auth } });
    dropped.on('error', () => undefined);
    dropped.end();
    await until(() => admission.load.waiting === 1);
    dropped.destroy();
    await new Promise((r) => setTimeout(r, 50));
    open();
    expect((await first).status).toBe(200);
    await until(() => admission.load.waiting === 0 && admission.load.running === 0);
    expect(started()).toBe(1);
  });
});
