/**
 * A server started while its storage was read-only serves reads, answers writes with 503 STORAGE_READ_ONLY, and
 * writes again once the storage is writable — without a restart (probe D10). Needs a file system it can remount
 * read-only (a tmpfs; root in a container allows it); where mounting is not permitted the test says so and skips.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, defaultUser } from '../support/create-test-app';
import { caseFile } from './support';

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'casefile-ro-'));
const mounted = tryMount(dir);
if (!mounted) console.warn('storage-recovery: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); skipped');
const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir]);

afterAll(() => {
  if (mounted) {
    try {
      remount('rw');
    } catch {
      /* already rw */
    }
    execFileSync('umount', [dir]);
  }
  rmSync(dir, { recursive: true, force: true });
});

(mounted ? describe : describe.skip)('read-only storage', () => {
  it('503 STORAGE_READ_ONLY while read-only, writes again after the remount without a restart', async () => {
    const config = { databaseUrl: `sqlite:${join(dir, 'db.sqlite')}`, authSecret: 'storage-recovery-test-secret' };
    const first = await createTestApp({ config });
    const user = defaultUser(first);
    await request(first.getHttpServer()).post('/api/cases').set(user.headers).send(caseFile('测试市生态环境局', '只读环罚〔2025〕1号')).expect(201);
    await first.close();

    remount('ro');
    const app = await createTestApp({ config, login: false, keepDatabase: true });
    try {
      const http = () => request(app.getHttpServer());
      expect((await http().get('/api/cases').set(user.headers).expect(200)).body.total).toBe(1);
      const refused = await http().post('/api/cases').set(user.headers).send(caseFile('测试市生态环境局', '只读环罚〔2025〕2号')).expect(503);
      expect(refused.body).toEqual({ statusCode: 503, code: 'STORAGE_READ_ONLY', message: expect.any(String), errors: [] });

      remount('rw');
      let status = 0;
      for (let attempt = 0; attempt < 40 && status !== 201; attempt++) {
        await new Promise((r) => setTimeout(r, 250));
        status = (await http().post('/api/cases').set(user.headers).send(caseFile('测试市生态环境局', '只读环罚〔2025〕2号'))).status;
        expect([201, 503]).toContain(status);
      }
      expect(status).toBe(201);
      expect((await http().get('/api/cases').set(user.headers).expect(200)).body.total).toBe(2);
    } finally {
      await app.close();
    }
  });
});
