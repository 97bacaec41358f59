import { mkdtempSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SampleLoader } from '../../src/cases/sample-loader';
import { createTestApp } from '../support/create-test-app';

const root = join(__dirname, '..', '..');

/** A samples folder: the repository's fixtures, the full example, and one broken file. */
function samplesDir(): { dir: string; valid: number } {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-samples-'));
  let valid = 0;
  const fixtures = join(root, 'fixtures', 'cases');
  for (const f of readdirSync(fixtures).filter((n) => n.endsWith('.json'))) {
    copyFileSync(join(fixtures, f), join(dir, f));
    valid++;
  }
  copyFileSync(join(root, 'docs', 'examples', 'full-case.json'), join(dir, 'full-case.json'));
  valid++;
  writeFileSync(join(dir, 'zz-broken.json'), '{"formatVersion": "1.0"');
  writeFileSync(join(dir, 'notes.txt'), 'not a case file');
  return { dir, valid };
}

describe('LOAD_SAMPLES=1', () => {
  let app: NestExpressApplication;
  const { dir, valid } = samplesDir();

  beforeAll(async () => {
    app = await createTestApp({ config: { loadSamples: true, samplesDir: dir } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores every valid sample at start-up', async () => {
    const res = await request(app.getHttpServer()).get('/api/cases').query({ pageSize: 100 }).expect(200);
    expect(res.body.total).toBe(valid);
  });

  it('loading again skips what is stored and reports the broken file', async () => {
    const report = await app.get(SampleLoader).load(dir);
    expect(report.created).toEqual([]);
    expect(report.skipped).toHaveLength(valid);
    expect(report.failed).toEqual([{ name: 'zz-broken.json', reason: expect.stringContaining('不是合法的 JSON') }]);
  });

  it('reports a missing folder instead of failing', async () => {
    const report = await app.get(SampleLoader).load(join(dir, 'missing'));
    expect(report.failed).toEqual([{ name: join(dir, 'missing'), reason: '目录不存在' }]);
  });
});
