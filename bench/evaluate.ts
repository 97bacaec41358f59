/**
 * Bench: the annual evaluation end to end, against a floor.
 *
 *   node scripts/run-ts.cjs bench/evaluate.ts [--n 10000] [--seed 2026] [--workers N] [--keep]
 *   (or compiled: npx tsc -p tsconfig.json --outDir dist && node dist/bench/evaluate.js …)
 *
 * 1. writes n synthetic case files (bench/synthetic.ts) into a temp folder (subfolders of 1,000);
 * 2. evaluation — in a child process: runEvaluation over the folder (parse + validate + review + score +
 *    results.json/CSV/XLSX/PDF); reports cases/second and the child's peak RSS;
 * 3. floor — in another child: read + parseCaseFileJson (parse + validate) + a bare INSERT of each file into
 *    SQLite (sqlite3 driver, one transaction) — the least any import of the same files must do;
 * 4. prints the ratio evaluation/floor. Goals: ratio ≤ 3, evaluation peak RSS < 500 MB.
 *
 * Each phase runs in its own process so that its peak RSS (process.resourceUsage().maxRSS) is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCaseFiles } from './synthetic';

interface PhaseResult {
  phase: string;
  files: number;
  ms: number;
  maxRssMb: number;
  extra?: Record<string, unknown>;
}

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
}

const maxRssMb = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

async function evaluationPhase(dir: string, out: string): Promise<PhaseResult> {
  const { runEvaluation } = await import('../src/core/evaluation');
  const t0 = process.hrtime.bigint();
  const workers = arg('workers', '');
  const run = await runEvaluation({ input: dir, outDir: out, asOf: '2026-11-30', workers: workers === '' ? undefined : Number(workers) });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const r = run.results;
  return {
    phase: 'evaluation',
    files: r.totals.files,
    ms,
    maxRssMb: maxRssMb(),
    extra: {
      evaluated: r.totals.evaluated,
      failed: r.totals.failed,
      averageScore: r.totals.averageScore,
      findings: r.totals.findings,
      workers: r.meta.workers,
      timings: r.meta.timings,
    },
  };
}

async function floorPhase(dir: string, dbFile: string): Promise<PhaseResult> {
  const { listJsonFiles } = await import('../src/core/evaluation/input');
  const { parseCaseFileJson } = await import('../src/core/case-file/validate');
  const sqlite3 = (await import('sqlite3')).default;
  const t0 = process.hrtime.bigint();
  const db = new sqlite3.Database(dbFile);
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  await run('CREATE TABLE case_files (id INTEGER PRIMARY KEY, case_number TEXT, agency TEXT, document TEXT)');
  await run('BEGIN');
  const stmt = db.prepare('INSERT INTO case_files (case_number, agency, document) VALUES (?, ?, ?)');
  const insert = (params: unknown[]) => new Promise<void>((resolve, reject) => stmt.run(params, (err: Error | null) => (err ? reject(err) : resolve())));
  const files = await listJsonFiles(dir);
  let invalid = 0;
  for (const name of files) {
    const text = readFileSync(join(dir, name), 'utf8');
    const parsed = parseCaseFileJson(text);
    if (!parsed.ok) {
      invalid++;
      continue;
    }
    await insert([parsed.value.case.caseNumber, parsed.value.case.agency, text]);
  }
  await new Promise<void>((resolve, reject) => stmt.finalize((err) => (err ? reject(err) : resolve())));
  await run('COMMIT');
  await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { phase: 'floor', files: files.length, ms, maxRssMb: maxRssMb(), extra: { invalid } };
}

function child(phase: string, ...args: string[]): PhaseResult {
  // run as TypeScript through scripts/run-ts.cjs: the child needs the same runner in front of this file
  const runner = __filename.endsWith('.ts') ? [join(__dirname, '..', 'scripts', 'run-ts.cjs')] : [];
  const out = execFileSync(process.execPath, [...process.execArgv, ...runner, __filename, '--phase', phase, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

async function main(): Promise<void> {
  const phase = arg('phase', '');
  if (phase === 'evaluation') {
    process.stdout.write(JSON.stringify(await evaluationPhase(arg('dir', ''), arg('out', ''))) + '\n');
    return;
  }
  if (phase === 'floor') {
    process.stdout.write(JSON.stringify(await floorPhase(arg('dir', ''), arg('db', ''))) + '\n');
    return;
  }

  const n = Number(arg('n', '10000'));
  const seed = Number(arg('seed', '2026'));
  const root = mkdtempSync(join(tmpdir(), 'casefile-bench-'));
  const dir = join(root, 'cases');
  try {
    const tg = Date.now();
    let i = 0;
    for (const caseFile of generateCaseFiles(n, seed)) {
      const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
      if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `case-${String(i).padStart(6, '0')}.json`), JSON.stringify(caseFile));
      i++;
    }
    console.log(`generated ${n} synthetic case files (seed ${seed}) in ${((Date.now() - tg) / 1000).toFixed(1)} s → ${dir}`);

    const workers = arg('workers', '');
    const evaluation = child('evaluation', '--dir', dir, '--out', join(root, 'out'), ...(workers ? ['--workers', workers] : []));
    const floor = child('floor', '--dir', dir, '--db', join(root, 'floor.sqlite'));
    const ratio = evaluation.ms / floor.ms;
    const line = (r: PhaseResult) =>
      `${r.phase.padEnd(10)} ${r.files} files  ${(r.ms / 1000).toFixed(2)} s  ${((r.files / r.ms) * 1000).toFixed(0)} cases/s  peak RSS ${r.maxRssMb} MB`;
    console.log(line(evaluation));
    console.log(`           ${JSON.stringify(evaluation.extra)}`);
    console.log(line(floor));
    console.log(`ratio evaluation/floor = ${ratio.toFixed(2)} (goal ≤ 3) ${ratio <= 3 ? 'OK' : 'OVER'}`);
    console.log(`evaluation peak RSS = ${evaluation.maxRssMb} MB (goal < 500) ${evaluation.maxRssMb < 500 ? 'OK' : 'OVER'}`);
  } finally {
    if (process.argv.includes('--keep')) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
