/**
 * The real entry point (src/main.ts) in a child process: production refuses to start without an admin, creates
 * the first admin from ADMIN_USERNAME / ADMIN_PASSWORD, listens on 127.0.0.1 and hides Swagger; the demo
 * (`npm start`: DEMO_ACCOUNTS=1 LOAD_SAMPLES=1) serves the samples with its demo accounts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/auth/account-bootstrap';

const root = join(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  base?: string;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [join(root, 'scripts', 'run-ts.cjs'), join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', TZ: 'Asia/Shanghai', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function listening(s: Started): Promise<string> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const m = /监听 ([\d.]+):(\d+)/.exec(s.output());
    if (m) return `http://${m[1]}:${m[2]}`;
    if (s.child.exitCode !== null) throw new Error(`exited ${s.child.exitCode}: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`did not start: ${s.output()}`);
}

async function stop(s: Started): Promise<void> {
  if (s.child.exitCode === null) s.child.kill('SIGTERM');
  await s.exited;
}

async function login(base: string, username: string, password: string): Promise<{ status: number; token?: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as { token?: string };
  return { status: res.status, token: body.token };
}

const tmpDb = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'casefile-start-')), 'db.sqlite')}`;

describe('start-up accounts (src/main.ts)', () => {
  it('production without an admin and without ADMIN_USERNAME/ADMIN_PASSWORD refuses to start', async () => {
    const s = start({ NODE_ENV: 'production', DATABASE_URL: tmpDb() });
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain('ADMIN_USERNAME');
  });

  it('production creates the first admin from the variables, listens on 127.0.0.1, no Swagger, no demo accounts', async () => {
    const s = start({ NODE_ENV: 'production', DATABASE_URL: tmpDb(), ADMIN_USERNAME: 'root-admin', ADMIN_PASSWORD: 'Adm1n-secret' });
    try {
      const base = await listening(s);
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      expect((await fetch(`${base}/api/docs`)).status).toBe(404);
      expect((await fetch(`${base}/api/cases`)).status).toBe(401);
      const admin = await login(base, 'root-admin', 'Adm1n-secret');
      expect(admin.status).toBe(200);
      const users = (await (await fetch(`${base}/api/users`, { headers: { Authorization: `Bearer ${admin.token}` } })).json()) as { username: string }[];
      expect(users.map((u) => u.username)).toEqual(['root-admin']);
      expect((await login(base, 'demo-admin', DEMO_PASSWORD)).status).toBe(401);
    } finally {
      await stop(s);
    }
  });

  it('the demo (DEMO_ACCOUNTS=1 LOAD_SAMPLES=1, as npm start) serves the samples to its demo accounts, each scoped', async () => {
    const s = start({ DATABASE_URL: tmpDb(), DEMO_ACCOUNTS: '1', LOAD_SAMPLES: '1' });
    try {
      const base = await listening(s);
      expect(s.output()).toContain('demo-officer');
      expect((await fetch(`${base}/api/docs`)).status).toBe(200);
      const total = async (username: string) => {
        const { token } = await login(base, username, DEMO_PASSWORD);
        const res = await fetch(`${base}/api/cases?pageSize=100`, { headers: { Authorization: `Bearer ${token}` } });
        return ((await res.json()) as { total: number }).total;
      };
      const all = await total('demo-reviewer');
      expect(all).toBeGreaterThanOrEqual(10);
      const linhu = await total('demo-officer');
      expect(linhu).toBeGreaterThan(0);
      expect(linhu).toBeLessThan(all);
      expect(await total('demo-xizhou-officer')).toBe(0);
    } finally {
      await stop(s);
    }
  });
});
