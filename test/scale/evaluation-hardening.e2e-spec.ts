/**
 * Evaluation hardening: a file nested thousands of levels deep is that file's error (the run goes on), and error
 * messages carry no absolute server paths.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { EvaluationEntity } from '../../src/evaluations/evaluation.entity';
import { generateCaseFiles } from '../../bench/synthetic';
import { jsonNestingDepth, MAX_JSON_DEPTH } from '../../src/core/evaluation/input';
import { EVALUATIONS_OPTIONS, EvaluationsService, publicMessage } from '../../src/evaluations/evaluations.service';
import { api, createTestApp, defaultUser } from '../support/create-test-app';

describe('evaluation input guard and messages', () => {
  it('measures nesting outside strings only', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonNestingDepth('{"a":"[[[[{{{{\\"]]]"}')).toBe(1);
    expect(jsonNestingDepth('[]')).toBe(1);
    expect(jsonNestingDepth('"x"')).toBe(0);
  });

  it('cuts absolute paths out of messages', () => {
    const dir = '/srv/casefile/data/evaluations';
    expect(publicMessage(new Error(`ENOENT: no such file or directory, open '${dir}/uploads/abc123'`), [dir])).toBe(
      "ENOENT: no such file or directory, open 'uploads/abc123'",
    );
    expect(publicMessage(new Error('找不到评查输入：/var/lib/other/place/x.zip'), [dir])).toBe('找不到评查输入：x.zip');
    expect(publicMessage(new Error('审查或评分出错：review/draft 不一致'), [dir])).toBe('审查或评分出错：review/draft 不一致');
  });
});

describe('evaluations with hostile input (e2e)', () => {
  let app: NestExpressApplication;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casefile-eval-hardening-'));
    app = await createTestApp({ customize: (b) => b.overrideProvider(EVALUATIONS_OPTIONS).useValue({ dir, maxUploadBytes: 8 * 1024 * 1024 }) });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a file nested 8,000 levels deep is recorded as failed; the other files are evaluated', async () => {
    const zip = new JSZip();
    for (const [n, cf] of [...generateCaseFiles(3, 9)].entries()) zip.file(`cases/${n}.json`, JSON.stringify(cf));
    zip.file('cases/deep.json', '['.repeat(8000) + ']'.repeat(8000));
    zip.file('cases/deep-object.json', '{"a":'.repeat(8000) + '1' + '}'.repeat(8000));
    const res = await api(app)
      .post('/api/evaluations')
      .attach('file', await zip.generateAsync({ type: 'nodebuffer' }), { filename: 'hostile.zip', contentType: 'application/zip' })
      .expect(202);
    await app.get(EvaluationsService).idle();
    const view = (await api(app).get(`/api/evaluations/${res.body.id}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'completed', progress: { done: 5, total: 5, failed: 2 } });
    const failed = view.summary.failed.map((f: { file: string; message: string }) => [f.file, f.message]).sort();
    expect(failed).toEqual([
      ['cases/deep-object.json', expect.stringContaining(`最多 ${MAX_JSON_DEPTH} 层`)],
      ['cases/deep.json', expect.stringContaining('JSON 嵌套过深')],
    ]);
  });

  it('a run that fails says why without the server folder', async () => {
    // an evaluation whose upload is gone from the disk (cleaned behind the service's back)
    const repo = app.get(DataSource).getRepository(EvaluationEntity);
    const id = randomUUID();
    const missing = join(dir, 'uploads', 'c0ffee-missing-upload');
    await repo.insert({
      id, status: 'queued', source: JSON.stringify({ kind: 'zip', path: missing, fileName: 'gone.zip' }), sheetId: 'default-2024', asOf: '2026-11-30',
      total: 0, done: 0, failedFiles: 0, summary: null, error: null, startedAt: null, finishedAt: null,
      agencyId: defaultUser(app).user.agency.id, // visible to the test user's agency
    });
    await app.get(EvaluationsService).onModuleInit(); // picks up queued rows, as after a restart
    await app.get(EvaluationsService).idle();
    const view = (await api(app).get(`/api/evaluations/${id}`).expect(200)).body;
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/^评查失败：.*c0ffee-missing-upload/);
    expect(view.error).not.toContain(dir);
    expect(view.error).not.toMatch(/(^|[\s'"：:])\/(tmp|work|srv|home|var)\//);
  });
});
