import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { api, createTestApp } from '../support/create-test-app';

describe('app shell: /api prefix, error shape, body limits, Swagger', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp({ config: { bodyLimit: '2kb' } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('renders an unknown route as 404 ROUTE_NOT_FOUND in the error shape', async () => {
    const res = await api(app).get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: '接口不存在：GET /api/no-such-thing',
      errors: [],
    });
  });

  it('serves nothing outside the /api prefix', async () => {
    const res = await api(app).get('/cases').expect(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('renders malformed JSON as 400 INVALID_JSON with a Chinese message', async () => {
    const res = await api(app)
      .post('/api/cases')
      .set('Content-Type', 'application/json')
      .send('{"formatVersion": "1.0",')
      .expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.code).toBe('INVALID_JSON');
    expect(res.body.message).toMatch(/^请求体不是合法的 JSON/);
    expect(res.body.errors).toEqual([]);
  });

  it('renders a body over the limit as 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const res = await api(app)
      .post('/api/cases')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(4096) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', errors: [] });
    expect(res.body.message).toContain('上限为 2 KB');
    expect(res.body.message).toContain('BODY_LIMIT');
  });

  it('serves the Swagger UI at /api/docs and the OpenAPI JSON at /api/docs-json', async () => {
    const ui = await api(app).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
    const json = await api(app).get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.info.title).toContain('案卷');
  });
});
