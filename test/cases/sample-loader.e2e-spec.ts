import { mkdtempSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AgenciesService } from '../../src/agencies/agencies.service';
import { CasesService } from '../../src/cases/cases.service';
import { SampleLoader } from '../../src/cases/sample-loader';
import { loginAs } from '../support/auth';
import { api, createTestApp } from '../support/create-test-app';

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

  it('stores every valid sample at start-up, each under the agency record its case file names', async () => {
    expect(await app.get(CasesService).count()).toBe(valid);
    // the test user's agency has none of them: scoping hides the samples from it
    expect((await api(app).get('/api/cases').query({ pageSize: 100 }).expect(200)).body.total).toBe(0);
    const agency = await app.get(AgenciesService).findByName('沅澧市生态环境局临湖分局');
    expect(agency).not.toBeNull();
    const officer = await loginAs(app, { roles: ['officer'], agencyId: agency!.id });
    const res = await request(app.getHttpServer()).get('/api/cases').set(officer.headers).query({ pageSize: 100 }).expect(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items.every((c: { agency: string }) => c.agency === '沅澧市生态环境局临湖分局')).toBe(true);
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
