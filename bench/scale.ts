/**
 * bench/scale.ts — the case list, the case read, report.pdf and POST /api/review under load, on SQLite or
 * PostgreSQL, against the real HTTP server (in this process) with the load generated on a worker thread.
 *
 *   npm run bench:scale -- --cases 100000                      # SQLite file in a temp folder
 *   scripts/with-postgres.sh sh -c 'npm run bench:scale -- --cases 100000 --database "$TEST_DATABASE_URL"'
 *
 * Evaluation by two instances vs one (PostgreSQL only; each instance pinned to one core with taskset):
 *   scripts/with-postgres.sh sh -c 'npm run bench:scale -- --evaluate --cases 100000 --evaluations 20 --database "$TEST_DATABASE_URL"'
 * stores the cases, then runs --evaluations evaluations over them (each a slice of the cases) once with one instance
 * and once with two, and prints the throughput ratio, the attempts per evaluation (1 = nobody ran one twice) and
 * each instance's peak RSS.
 *
 * Options: --cases N (stored cases, default 20000) · --small N (the small database the list is compared with,
 * default 1000) · --connections C (default 20) · --seconds S per measurement (default 5) · --database URL
 * (postgres://…; default a temporary SQLite file) · --skip-report.
 *
 * Prints for each measurement requests/s and p50/p90/p99 latency, and the ratios the targets are stated in:
 * list p99 at N cases vs at --small cases, GET /api/cases/:id p99 while the list is under load, cached report.pdf
 * req/s, POST /api/review p99 while uncached PDFs render vs alone; plus the import rate through
 * POST /api/cases/bulk and the database size per case. Cases beyond the imported sample are written straight to
 * the tables (the same rows the service writes: case file, summary, tags) so a large database seeds in minutes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { execFileSync } from 'node:child_process';
import { projectRoot } from '../src/core/paths';
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../src/agencies/agencies.service';
import { configureApp } from '../src/app.factory';
import { AppModule } from '../src/app.module';
import { CaseFileEntity } from '../src/cases/case-file.entity';
import { officerTags, summaryColumns } from '../src/cases/case-summary';
import { CaseSummaryEntity, CaseSummaryTagEntity } from '../src/cases/case-summary.entity';
import { caseKey } from '../src/core/case-file/case-number-key';
import type { CaseFile } from '../src/core/case-file/types';
import { UsersService } from '../src/users/users.service';
import { NestFactory } from '@nestjs/core';
import { startInstance } from '../test/scale/support/instances';
import { generateCaseFile } from './synthetic';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const CASES = +option('cases', '20000');
const SMALL = +option('small', '1000');
const CONNECTIONS = +option('connections', '20');
const SECONDS = +option('seconds', '5');
const DATABASE = option('database', '');
const SKIP_REPORT = process.argv.includes('--skip-report');
const EVALUATE = process.argv.includes('--evaluate');
const EVALUATIONS = +option('evaluations', '10');
/** bureaus of the province (the list filter picks one) */
const BUREAUS = 200;
const PASSWORD = 'Load-Test-2026x!';

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
}

/** The load generator: `connections` keep-alive loops over `paths` for `seconds`, on a worker thread. */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, token, paths, connections, seconds, method, body } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let errors = 0, n = 0;
const end = Date.now() + seconds * 1000;
function one() {
  return new Promise((resolve) => {
    const path = paths[n++ % paths.length];
    const t = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, path, method, agent,
      headers: { Authorization: 'Bearer ' + token, ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}) } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => { latencies.push(Number(process.hrtime.bigint() - t) / 1e6); if (res.statusCode >= 400) errors++; resolve(); });
    });
    req.on('error', () => { errors++; resolve(); });
    if (body) req.write(body);
    req.end();
  });
}
async function loop() { while (Date.now() < end) await one(); }
const started = Date.now();
Promise.all(Array.from({ length: connections }, loop)).then(() => {
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN;
  parentPort.postMessage({ requests: latencies.length, errors, seconds: (Date.now() - started) / 1000, p50: q(0.5), p90: q(0.9), p99: q(0.99) });
  agent.destroy();
});
`;

function load(port: number, token: string, paths: string[], connections: number, seconds = SECONDS, method = 'GET', body?: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(LOAD_WORKER, { eval: true, workerData: { port, token, paths, connections, seconds, method, body } });
    w.once('message', (m: LoadResult) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

const fmt = (r: LoadResult) =>
  `${(r.requests / r.seconds).toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p90 ${r.p90.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms${r.errors ? `  errors ${r.errors}` : ''}`;

async function startApp(databaseUrl: string): Promise<{ app: NestExpressApplication; port: number }> {
  // the service as deployed, configured from the environment; the bench's own user writes far above the write limit
  Object.assign(process.env, { DATABASE_URL: databaseUrl, LOAD_SAMPLES: '0', WRITE_RATE_LIMIT: '100000000', LOGIN_RATE_LIMIT: '10000' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: ['error', 'warn'] });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  return { app, port: (app.getHttpServer().address() as { port: number }).port };
}

/** Insert cases [from, to) straight into case_files / case_summaries / case_summary_tags, in batches. */
async function seed(ds: DataSource, from: number, to: number, agencyIds: string[], agencyNames: string[]): Promise<void> {
  const batch = ds.options.type === 'postgres' ? 500 : 200;
  for (let start = from; start < to; start += batch) {
    const files: Partial<CaseFileEntity>[] = [];
    const summaries: Partial<CaseSummaryEntity>[] = [];
    const tags: Partial<CaseSummaryTagEntity>[] = [];
    for (let i = start; i < Math.min(to, start + batch); i++) {
      const cf = benchCase(i, agencyNames);
      const id = randomUUID();
      const bureau = i % BUREAUS;
      const at = new Date(Date.UTC(2026, 0, 1) + i * 1000);
      const columns = summaryColumns(cf);
      files.push({
        id, caseNumber: cf.case.caseNumber, agency: cf.case.agency, agencyId: agencyIds[bureau], caseKey: caseKey(cf.case.agency, cf.case.caseNumber),
        status: cf.case.status, year: columns.year, partyNames: columns.partyNames, document: JSON.stringify(cf), createdAt: at, updatedAt: at, version: 1,
      });
      summaries.push({ caseId: id, ...columns, agencyId: agencyIds[bureau], version: 1, createdAt: at.toISOString(), updatedAt: at.toISOString() });
      for (const value of officerTags(cf)) tags.push({ kind: 'officer', value, caseId: id });
    }
    await ds.transaction(async (m) => {
      await m.insert(CaseFileEntity, files);
      await m.insert(CaseSummaryEntity, summaries);
      if (tags.length) await m.insert(CaseSummaryTagEntity, tags);
    });
  }
}

/** A synthetic case of bureau i % BUREAUS, with a case number unique in the database and a status spread. */
function benchCase(i: number, agencyNames: string[]): CaseFile {
  const cf = generateCaseFile(i, 7);
  const bureau = i % BUREAUS;
  cf.case.agency = agencyNames[bureau];
  const year = 2023 + (i % 4);
  cf.case.caseNumber = `湘环${bureau}罚〔${year}〕${i}号`;
  cf.case.status = (['closed', 'archived', 'in_progress', 'closed'] as const)[i % 4];
  return cf;
}

async function databaseSize(ds: DataSource, file: string | undefined): Promise<number> {
  if (ds.options.type === 'postgres') return Number((await ds.query('SELECT pg_database_size(current_database()) AS n'))[0].n);
  await ds.query('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
  return statSync(file!).size;
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'casefile-bench-scale-'));
  const sqliteFile = join(tmp, 'bench.sqlite');
  const databaseUrl = DATABASE || `sqlite:${sqliteFile}`;
  process.env.EVALUATIONS_DIR = join(tmp, 'evaluations');
  console.log(`bench:scale — ${DATABASE ? 'PostgreSQL' : 'SQLite'}, ${CASES} cases (small: ${SMALL}), ${CONNECTIONS} connections, ${SECONDS} s per measurement`);
  if (DATABASE) {
    const reset = new DataSource({ type: 'postgres', url: DATABASE });
    await reset.initialize();
    await reset.query('DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await reset.destroy();
  }
  const { app, port } = await startApp(databaseUrl);
  try {
    const ds = app.get(DataSource);
    const agencies = app.get(AgenciesService);
    const province = await agencies.ensure('湘省生态环境厅');
    const bureaus = [];
    for (let b = 0; b < BUREAUS; b++) bureaus.push(await agencies.ensure(`湘省第${b}生态环境局`, province.id));
    const agencyIds = bureaus.map((b) => b.id);
    const agencyNames = bureaus.map((b) => b.name);
    await app.get(UsersService).create({ username: 'bench', password: PASSWORD, displayName: '压测', roles: ['officer', 'reviewer', 'evaluation_admin'], agencyId: province.id });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) });
    const token = ((await login.json()) as { token: string }).token;
    const authed = (path: string, init: RequestInit = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

    // —— import through the API (validation, agency, summary with deadlines), then the rest straight to the tables ——
    const imported = Math.min(2000, SMALL);
    let t = Date.now();
    for (let start = 0; start < imported; start += 250) {
      const files = Array.from({ length: Math.min(250, imported - start) }, (_, k) => benchCase(start + k, agencyNames));
      const res = await authed('/api/cases/bulk', { method: 'POST', body: JSON.stringify(files) });
      const body = (await res.json()) as { created: number; failed: number };
      if (body.failed) throw new Error(`bulk import failed for ${body.failed} files`);
    }
    const importRate = imported / ((Date.now() - t) / 1000);
    console.log(`import via POST /api/cases/bulk: ${imported} cases, ${importRate.toFixed(0)} cases/s`);
    await seed(ds, imported, SMALL, agencyIds, agencyNames);

    const listPaths = Array.from({ length: 50 }, (_, k) => `/api/cases?agency=${encodeURIComponent(agencyNames[(k * 7) % BUREAUS])}&status=closed&pageSize=20`);
    const ids: string[] = (await ds.query(`SELECT case_id FROM case_summaries ORDER BY seq LIMIT 200`)).map((r: { case_id: string }) => r.case_id);
    const readPaths = ids.map((id) => `/api/cases/${id}`);
    const searchPaths = Array.from({ length: 50 }, (_, k) => `/api/cases?q=${encodeURIComponent(`〔${2023 + (k % 4)}〕${1000 + k * 13}`)}`);

    await load(port, token, listPaths, CONNECTIONS, 1); // warm-up
    const smallList = await load(port, token, listPaths, CONNECTIONS);
    console.log(`list (filtered page) at ${SMALL} cases:        ${fmt(smallList)}`);

    // —— the large database ——
    t = Date.now();
    await seed(ds, SMALL, CASES, agencyIds, agencyNames);
    const seedRate = (CASES - SMALL) / ((Date.now() - t) / 1000);
    await ds.query('ANALYZE');
    const size = await databaseSize(ds, DATABASE ? undefined : sqliteFile);
    console.log(`seeded ${CASES - SMALL} more cases straight to the tables: ${seedRate.toFixed(0)} cases/s; database ${(size / 1048576).toFixed(0)} MB = ${(size / CASES / 1024).toFixed(1)} KB per case`);

    await load(port, token, listPaths, CONNECTIONS, 1);
    const bigList = await load(port, token, listPaths, CONNECTIONS);
    console.log(`list (filtered page) at ${CASES} cases:      ${fmt(bigList)}`);
    const unfiltered = await load(port, token, ['/api/cases?pageSize=20', '/api/cases?pageSize=20&page=50'], CONNECTIONS);
    console.log(`list (no filter, capped count):            ${fmt(unfiltered)}`);
    const search = await load(port, token, searchPaths, CONNECTIONS);
    console.log(`search ?q=〔year〕number:                    ${fmt(search)}`);
    const readAlone = await load(port, token, readPaths, 1);
    const [underLoad, readDuring] = await Promise.all([load(port, token, listPaths, CONNECTIONS), load(port, token, readPaths, 1)]);
    console.log(`GET /api/cases/:id alone:                  ${fmt(readAlone)}`);
    console.log(`GET /api/cases/:id while the list is loaded: ${fmt(readDuring)}   (list meanwhile: ${fmt(underLoad)})`);

    let report: { cached: LoadResult; reviewAlone: LoadResult; reviewDuring: LoadResult } | undefined;
    if (!SKIP_REPORT) {
      const reviewed = ids.slice(0, 20);
      for (const id of reviewed) await authed(`/api/cases/${id}/reviews`, { method: 'POST', body: JSON.stringify({ asOf: '2026-11-30' }) });
      const reportPaths = reviewed.map((id) => `/api/cases/${id}/report.pdf`);
      await load(port, token, reportPaths, CONNECTIONS, 2); // renders each once, then cached
      const cached = await load(port, token, reportPaths, CONNECTIONS);
      console.log(`report.pdf (cached):                       ${fmt(cached)}`);
      const caseFile = JSON.stringify(benchCase(0, agencyNames));
      const reviewAlone = await load(port, token, ['/api/review'], 4, SECONDS, 'POST', caseFile);
      const [reviewDuring, rendering] = await Promise.all([
        load(port, token, ['/api/review'], 4, SECONDS, 'POST', caseFile),
        load(port, token, ['/api/review/report.pdf?mode=review&asOf=2026-11-30'], 4, SECONDS, 'POST', caseFile),
      ]);
      console.log(`POST /api/review alone:                    ${fmt(reviewAlone)}`);
      console.log(`POST /api/review while PDFs render:        ${fmt(reviewDuring)}   (uncached PDFs meanwhile: ${fmt(rendering)})`);
      report = { cached, reviewAlone, reviewDuring };
    }

    console.log('\nratios and goals');
    console.log(`  list p99 at ${CASES} / at ${SMALL}: ${(bigList.p99 / smallList.p99).toFixed(2)}  (goal ≤ 2)   list p99 ${bigList.p99.toFixed(1)} ms (goal < 50 at 100,000; < 100 at 1,000,000 on PostgreSQL)`);
    console.log(`  GET /api/cases/:id p99 under list load: ${readDuring.p99.toFixed(1)} ms (goal < 20)`);
    if (report) {
      console.log(`  report.pdf cached: ${(report.cached.requests / report.cached.seconds).toFixed(0)} req/s (goal ≥ 100)`);
      console.log(`  POST /api/review p99 while rendering / alone: ${(report.reviewDuring.p99 / report.reviewAlone.p99).toFixed(2)}  (goal ≈ 1)`);
    }
    console.log(`  import: ${importRate.toFixed(0)} cases/s through the API; ${(size / CASES / 1024).toFixed(1)} KB per case in the database`);
  } finally {
    await app.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0; // the process has gone
  }
}

/** CPU seconds used so far by all PostgreSQL server processes (the database's share of an evaluation). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(+pid);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Peak resident set of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? +m[1] / 1024 : NaN;
}

async function evaluateInstances(): Promise<void> {
  if (!DATABASE) throw new Error('--evaluate needs --database postgres://… (two instances share one PostgreSQL database)');
  // the instances run the compiled service, as in production (through the TypeScript loader they hold every
  // module's source and inline source map as well: +100–200 MB each)
  console.log('building dist/ (tsc -p tsconfig.build.json) …');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: projectRoot(), stdio: 'inherit' });
  const tmp = mkdtempSync(join(tmpdir(), 'casefile-bench-instances-'));
  console.log(`bench:scale --evaluate — PostgreSQL, ${CASES} cases in ${EVALUATIONS} evaluations, one instance vs two (taskset, one core each)`);
  const reset = new DataSource({ type: 'postgres', url: DATABASE });
  await reset.initialize();
  await reset.query('DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await reset.destroy();
  const { app } = await startApp(DATABASE);
  const ds = app.get(DataSource);
  const agencies = app.get(AgenciesService);
  const province = await agencies.ensure('湘省生态环境厅');
  const bureaus = [];
  for (let b = 0; b < BUREAUS; b++) bureaus.push(await agencies.ensure(`湘省第${b}生态环境局`, province.id));
  await app.get(UsersService).create({ username: 'bench', password: PASSWORD, displayName: '压测', roles: ['officer', 'reviewer', 'evaluation_admin'], agencyId: province.id });
  await seed(ds, 0, CASES, bureaus.map((b) => b.id), bureaus.map((b) => b.name));
  const ids: string[] = (await ds.query('SELECT case_id FROM case_summaries ORDER BY seq')).map((r: { case_id: string }) => r.case_id);
  await app.close();
  // the V8 heap limit `npm run start:prod` gives the service (package.json)
  const prodNodeOptions = /NODE_OPTIONS="([^"$]*)/.exec(JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).scripts['start:prod'])?.[1]?.trim() ?? '';
  const env = {
    NODE_OPTIONS: prodNodeOptions,
    DATABASE_URL: DATABASE, EVALUATIONS_DIR: join(tmp, 'evaluations'), CASEFILE_WORKERS: '0', REPORT_WORKERS: '0', JOB_POLL_SECONDS: '0.5',
    AUTH_SECRET: `bench-${process.pid}-secret-shared-by-the-instances`, WRITE_RATE_LIMIT: '100000000', LOGIN_RATE_LIMIT: '10000',
  };
  const run = async (cores: number[]): Promise<{ seconds: number; submittedIn: number; rss: number[]; attempts: number[]; ran: number[]; cpu: { instances: number[]; postgres: number } }> => {
    const instances = [];
    for (const core of cores) instances.push(await startInstance(env, `instance on core ${core}`, ['taskset', '-c', String(core)], 'build'));
    try {
      const url = instances[0].url;
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) });
      const token = ((await login.json()) as { token: string }).token;
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const slice = Math.ceil(ids.length / EVALUATIONS);
      const cpuBefore = instances.map((i) => cpuSeconds(i.pid));
      const postgresBefore = postgresCpuSeconds();
      const started = Date.now();
      const evaluationIds: string[] = [];
      for (let k = 0; k < EVALUATIONS; k++) {
        const res = await fetch(`${instances[k % instances.length].url}/api/evaluations`, { method: 'POST', headers, body: JSON.stringify({ caseIds: ids.slice(k * slice, (k + 1) * slice), asOf: '2026-11-30' }) });
        evaluationIds.push(((await res.json()) as { id: string }).id);
      }
      const submittedIn = (Date.now() - started) / 1000;
      for (;;) {
        const rows: { status: string }[] = await (async () => {
          const c = new DataSource({ type: 'postgres', url: DATABASE });
          await c.initialize();
          try {
            return await c.query(`SELECT status FROM evaluations WHERE id = ANY($1)`, [evaluationIds]);
          } finally {
            await c.destroy();
          }
        })();
        if (rows.every((r) => r.status === 'completed' || r.status === 'failed')) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const seconds = (Date.now() - started) / 1000;
      const cpu = { instances: instances.map((i, n) => cpuSeconds(i.pid) - cpuBefore[n]), postgres: postgresCpuSeconds() - postgresBefore };
      const c = new DataSource({ type: 'postgres', url: DATABASE });
      await c.initialize();
      const attempts = (await c.query('SELECT attempts, status FROM evaluations WHERE id = ANY($1)', [evaluationIds])).map((r: { attempts: number; status: string }) => (r.status === 'completed' ? r.attempts : -1));
      await c.destroy();
      // how the queue spread the evaluations: runs each instance finished
      const ran = instances.map((i) => i.output().split('\n').filter((l) => /评查 \S+ (完成|失败)/.test(l)).length);
      return { seconds, submittedIn, rss: instances.map((i) => peakRssMb(i.pid)), attempts, ran, cpu };
    } finally {
      await Promise.all(instances.map((i) => i.kill()));
    }
  };
  try {
    const cpuLine = (r: Awaited<ReturnType<typeof run>>) =>
      `       all ${EVALUATIONS} submitted (POST /api/evaluations) within ${r.submittedIn.toFixed(1)} s; CPU during the run: instance${r.cpu.instances.length > 1 ? 's' : ''} ${r.cpu.instances.map((x) => x.toFixed(1)).join(' + ')} s (${((r.cpu.instances.reduce((a, b) => a + b, 0) / r.seconds) * 100).toFixed(0)}% of a core over the run), PostgreSQL ${r.cpu.postgres.toFixed(1)} s; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
    const one = await run([0]);
    console.log(`one instance:  ${one.seconds.toFixed(1)} s = ${(CASES / one.seconds).toFixed(0)} cases/s; peak RSS ${one.rss.map((r) => r.toFixed(0)).join(', ')} MB; attempts ${one.attempts.join(',')}`);
    console.log(cpuLine(one));
    const two = await run([0, 1]);
    console.log(`two instances: ${two.seconds.toFixed(1)} s = ${(CASES / two.seconds).toFixed(0)} cases/s; peak RSS ${two.rss.map((r) => r.toFixed(0)).join(', ')} MB; attempts ${two.attempts.join(',')}; evaluations run per instance ${two.ran.join(' + ')}`);
    console.log(cpuLine(two));
    console.log(`\nthroughput ratio two/one: ${(one.seconds / two.seconds).toFixed(2)} (goal ≥ 1.6); every evaluation once: ${[...one.attempts, ...two.attempts].every((a) => a === 1)}; peak RSS < 500 MB: ${[...one.rss, ...two.rss].every((r) => r < 500)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

(EVALUATE ? evaluateInstances() : main()).then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
