/**
 * What authentication costs per request and per login.
 *
 *   npm run bench:auth                 # 2,000 token checks, 20 logins
 *   npm run bench:auth -- --n 5000
 *
 * - token check (the global guard's work on every request: verify the JWT, read the session, the user and the
 *   agency tree) against a floor of one primary-key SELECT of the same session row — printed as p50/p95 and the
 *   ratio of the medians;
 * - a login (argon2id verify + session insert + audit entry), p50/p95.
 * Runs on in-memory SQLite. Goal: token check ≤ 5 × floor; login ≤ 1 s p95 (argon2id at 64 MiB is a deliberate cost:
 * about 100 ms on an idle core).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { AuthService } from '../src/auth/auth.service';
import { SessionEntity } from '../src/auth/session.entity';
import { loginAs, TEST_PASSWORD } from '../test/support/auth';
import { createTestApp } from '../test/support/create-test-app';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const n = arg('n', 2000);
  const logins = arg('logins', 20);
  const app = await createTestApp({ login: false, config: { loginRateLimit: 1_000_000 } });
  try {
    const user = await loginAs(app, { roles: ['officer'] });
    const auth = app.get(AuthService);
    const db = app.get(DataSource);
    const sessionId = (await db.getRepository(SessionEntity).findOneByOrFail({ userId: user.user.id })).id;
    for (let i = 0; i < 200; i++) await auth.authenticate(user.token); // warm-up
    const floor = await timeEach(n, () => db.getRepository(SessionEntity).findOneBy({ id: sessionId }));
    const check = await timeEach(n, () => auth.authenticate(user.token));
    const login = await timeEach(logins, () => request(app.getHttpServer()).post('/api/auth/login').send({ username: user.user.username, password: TEST_PASSWORD }).expect(200));
    const row = (label: string, t: number[]) => `${label.padEnd(34)} p50 ${percentile(t, 50).toFixed(3)} ms   p95 ${percentile(t, 95).toFixed(3)} ms`;
    console.log(row(`floor: SELECT session by id (n=${n})`, floor));
    console.log(row(`token check (n=${n})`, check));
    console.log(`ratio token check / floor (p50)    ${(percentile(check, 50) / percentile(floor, 50)).toFixed(2)}   goal ≤ 5`);
    console.log(row(`login over HTTP (n=${logins})`, login));
  } finally {
    await app.close();
  }
}

void main();
