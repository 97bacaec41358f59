/**
 * Rule-engine bench: review N synthetic case files (bench/synthetic.ts, seeded) and compare with the floor —
 * JSON.parse + validateCaseFile of the same files. Goal: review ≤ 3 × floor.
 *
 *   node scripts/run-ts.cjs bench/review.ts                 # 5,000 files, seed 2026, 5 rounds
 *   node scripts/run-ts.cjs bench/review.ts --n 2000 --seed 7 --rounds 3
 *   npx tsc -p tsconfig.json --outDir dist && node dist/bench/review.js
 *   # a build outside the repository needs the modules and the rules folder named:
 *   npx tsc -p tsconfig.json --outDir /tmp/bench-build
 *   NODE_PATH=$PWD/node_modules RULES_DIR=$PWD/rules node /tmp/bench-build/bench/review.js
 *
 * Prints: pack load time, floor (parse + validate) and review cases/second (median of the rounds), the ratio
 * review/floor, parse + validate + review end to end, and what the reviews found (a sanity check: clean
 * synthetic files should carry no error or veto).
 */
import { defaultCalendar } from '../src/core/calendar';
import type { CaseFile } from '../src/core/case-file/types';
import { validateCaseFile } from '../src/core/case-file/validate';
import { defaultMode, loadRulePack, RuleEngine } from '../src/core/engine';
import { generateSyntheticCases } from './synthetic';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const n = arg('n', 5000);
const seed = arg('seed', 2026);
const rounds = arg('rounds', 5);
const AS_OF = '2026-11-30';

let t = process.hrtime.bigint();
const pack = loadRulePack();
const packMs = ms(t);
t = process.hrtime.bigint();
const calendar = defaultCalendar();
const calendarMs = ms(t);
// one engine for the whole run, as the API and the evaluations hold one: periods counted once are not counted again
const engine = new RuleEngine({ pack, calendar });

const texts: string[] = [];
const defects: string[] = [];
for (const c of generateSyntheticCases(n, seed)) {
  texts.push(JSON.stringify(c.caseFile));
  defects.push(c.defect);
}
const mb = texts.reduce((s, x) => s + Buffer.byteLength(x), 0) / 1e6;

function floorRound(): { ms: number; files: CaseFile[] } {
  const files: CaseFile[] = [];
  const start = process.hrtime.bigint();
  for (const text of texts) {
    const v = validateCaseFile(JSON.parse(text));
    if (!v.ok) throw new Error(`synthetic file invalid: ${v.errors[0].path} ${v.errors[0].message}`);
    files.push(v.value);
  }
  return { ms: ms(start), files };
}

function reviewRound(files: CaseFile[]) {
  const start = process.hrtime.bigint();
  let findings = 0;
  let dirtyClean = 0;
  for (let i = 0; i < files.length; i++) {
    const r = engine.review(files[i], { mode: defaultMode(files[i]), asOf: AS_OF });
    findings += r.findings.length;
    if (defects[i] === 'none' && r.findings.some((f) => f.severity === 'error' || f.severity === 'veto')) dirtyClean++;
  }
  return { ms: ms(start), findings, dirtyClean };
}

// warm-up (JIT, calendar memo) on a slice
{
  const { files } = floorRound();
  reviewRound(files.slice(0, Math.min(500, files.length)));
}

const floorMs: number[] = [];
const reviewMs: number[] = [];
let last = { findings: 0, dirtyClean: 0 };
for (let r = 0; r < rounds; r++) {
  const floor = floorRound();
  floorMs.push(floor.ms);
  const rev = reviewRound(floor.files);
  reviewMs.push(rev.ms);
  last = rev;
}

const f = median(floorMs);
const rv = median(reviewMs);
const perSec = (x: number) => Math.round((n / x) * 1000).toLocaleString('en-US');
console.log(`rule pack ${pack.version}: ${pack.rules.length} rules, loaded in ${packMs.toFixed(1)} ms; calendar ${calendarMs.toFixed(1)} ms`);
console.log(`${n} synthetic files (seed ${seed}), ${mb.toFixed(1)} MB JSON, median of ${rounds} rounds`);
console.log(`floor  JSON.parse + validateCaseFile : ${f.toFixed(0)} ms  ${perSec(f)} cases/s`);
console.log(`review RuleEngine.review              : ${rv.toFixed(0)} ms  ${perSec(rv)} cases/s`);
console.log(`parse + validate + review            : ${(f + rv).toFixed(0)} ms  ${perSec(f + rv)} cases/s`);
console.log(`ratio review/floor                   : ${(rv / f).toFixed(2)} (goal ≤ 3)`);
console.log(`findings: ${(last.findings / n).toFixed(2)} per file; clean synthetic files with an error/veto finding: ${last.dirtyClean}`);
