import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadSamples } from '../../scripts/load-samples';
import { CasesService } from '../../src/cases/cases.service';
import { createTestApp, defaultUser } from '../support/create-test-app';

const root = join(__dirname, '..', '..');

describe('scripts/load-samples.ts against a running service', () => {
  let app: NestExpressApplication;
  let url: string;
  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
  });

  it('loads the fixtures, then skips them on a second run, and reports broken files', async () => {
    const lines: string[] = [];
    const token = defaultUser(app).token;
    await expect(loadSamples(url, [join(root, 'fixtures', 'cases')], () => undefined, undefined)).rejects.toThrow(/401/);
    const first = await loadSamples(url, [join(root, 'fixtures', 'cases'), join(root, 'docs', 'examples', 'full-case.json')], (l) => lines.push(l), token);
    expect(first.failed).toBe(0);
    expect(first.created).toBeGreaterThanOrEqual(2);
    expect(await app.get(CasesService).count()).toBe(first.created);

    const dir = mkdtempSync(join(tmpdir(), 'casefile-load-'));
    writeFileSync(join(dir, 'bad-date.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'minimal-case.json'), 'utf8')), formatVersion: '9' }));
    writeFileSync(join(dir, 'not-json.json'), '{');
    const second = await loadSamples(url, [join(root, 'fixtures', 'cases'), dir], (l) => lines.push(l), token);
    expect(second).toEqual({ created: 0, skipped: first.created - 1, failed: 2 });
    expect(lines).toContainEqual(expect.stringMatching(/^✗ bad-date\.json {2}400 VALIDATION_FAILED/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}formatVersion {2}UNSUPPORTED_FORMAT_VERSION/));
    expect(lines).toContainEqual(expect.stringMatching(/^✗ not-json\.json {2}不是合法的 JSON/));
    expect(await app.get(CasesService).count()).toBe(first.created);
  });
});
