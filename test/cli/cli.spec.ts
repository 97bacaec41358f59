import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syntheticCase, type SyntheticDefect } from '../../bench/synthetic';
import type { CaseFile } from '../../src/core/case-file/types';
import type { EvaluationResults } from '../../src/core/evaluation';
import { BufferStream, main } from '../../src/cli/main';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'fixtures/cases');
const AS_OF = '2026-11-30';
let tmp: string;

async function run(argv: string[], tty = false): Promise<{ code: number; out: string; err: string }> {
  const stdout = new BufferStream();
  const stderr = new BufferStream(tty, 100);
  const code = await main(argv, { stdout, stderr, cwd: ROOT });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** First synthetic case (seed 1) that carries `defect`, written to tmp. */
function defectiveFile(defect: SyntheticDefect): { path: string; caseFile: CaseFile } {
  for (let i = 0; ; i++) {
    const c = syntheticCase(i, 1);
    if (c.defect === defect && c.kind === 'general') {
      const path = join(tmp, `${defect}.json`);
      writeFileSync(path, JSON.stringify(c.caseFile, null, 2));
      return { path, caseFile: c.caseFile };
    }
  }
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'casefile-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('casefile (in-process)', () => {
  it('prints Chinese help; no command is a usage error', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法：casefile <命令>');
    for (const cmd of ['check', 'evaluate', 'deadline', 'day']) expect(help.out).toContain(cmd);
    expect((await run([])).code).toBe(2);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知命令：frobnicate');
    expect((await run(['check', '--help'])).out).toContain('退出码');
    expect((await run(['evaluate', '--help'])).out).toContain('summary.xlsx');
  });

  it('--version names the rule pack, scoring sheet and holiday data', async () => {
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/规则包 \S+/);
    expect(v.out).toMatch(/评分表 \S+/);
    expect(v.out).toMatch(/节假日数据 \S+/);
  });

  it('check: a malformed file exits 2 with a clear message', async () => {
    const bad = join(tmp, 'malformed.json');
    writeFileSync(bad, '{ "formatVersion": "1.0", ');
    const r = await run(['check', bad]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('无法审查');
    expect(r.out).toContain('INVALID_JSON');
    expect(r.out).toMatch(/JSON/);
  });

  it('check: validation errors exit 2 and print path, code and Chinese message', async () => {
    const cf = JSON.parse(readFileSync(join(FIXTURES, '01-general-fine-clean.json'), 'utf8'));
    cf.documents[0].madeOn = '2025-02-30';
    const file = join(tmp, 'invalid-date.json');
    writeFileSync(file, JSON.stringify(cf));
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/documents\[0\]\.madeOn\s+\S+\s+.*2025-02-30/);
  });

  it('check: a missing file exits 2; an unknown option or bad date exits 2', async () => {
    const missing = await run(['check', 'no/such/file.json']);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('文件不存在：no/such/file.json');
    const opt = await run(['check', '--frob', 'x.json']);
    expect(opt.code).toBe(2);
    expect(opt.err).toContain('未知选项：--frob');
    const date = await run(['check', '--as-of', '2025-13-01', 'x.json']);
    expect(date.code).toBe(2);
    expect(date.err).toContain('--as-of');
  });

  it('check: a clean sample exits 0', async () => {
    const r = await run(['check', '--as-of', AS_OF, 'fixtures/cases/01-general-fine-clean.json']);
    expect(r.out).toContain('沅环罚〔2025〕46号');
    expect(r.out).toMatch(/否决 0，错误 0，警告 0/);
    expect(r.code).toBe(0);
  });

  it('check --pre-decision (法制审核 before the decision): deadlines, next steps and the 决定书 items of 第59条', async () => {
    const r = await run(['check', '--pre-decision', '--as-of', '2026-02-10', 'fixtures/cases/08-draft-in-progress.json']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('期限  SEQ-07  陈述申辩期限届满（届满后方可作出决定）：2026-02-14（还有 4 日）');
    expect(r.out).toContain('决定书应载明：');
    expect(r.out).toContain('（一）当事人的姓名或者名称、地址（FLD-01，中华人民共和国行政处罚法第59条）');
    expect(r.out).toContain('行政处罚决定书应当加盖行政机关印章（SEQ-15，中华人民共和国行政处罚法第59条第2款）');
    expect(r.out).not.toContain('结案审批表');
    // without the 告知书 the decision may not be made: a veto, exit 1
    const file = JSON.parse(readFileSync(join(FIXTURES, '08-draft-in-progress.json'), 'utf8')) as CaseFile;
    const gone = ['d-notice', 'd-notice-receipt'];
    file.documents = file.documents.filter((d) => !gone.includes(d.id));
    file.fileIndex = file.fileIndex?.filter((e) => !e.refId || !gone.includes(e.refId));
    const path = join(tmp, 'pre-decision-no-notice.json');
    writeFileSync(path, JSON.stringify(file));
    const bad = await run(['check', '--pre-decision', '--as-of', '2026-02-10', path]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('C1-09');
    expect((await run(['check', '--draft', '--pre-decision', path])).code).toBe(2);
  });

  it('check: a defective sample prints its documented defects like a linter and exits 1', async () => {
    // fixtures/cases/README.md §1: 13 — DL-08 (决定书送达超期) and ED-04 (普法记录结案后补做), both errors
    const r = await run(['check', '--as-of', AS_OF, 'fixtures/cases/13-decision-served-late-education-after-closing.json']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}错误 {2}DL-08 {2}\S/m);
    expect(r.out).toMatch(/^ {2}(错误|警告) {2}(ED-04|SEQ-21) {2}\S/m);
    expect(r.out).toMatch(/依据：\S*行政处罚法/);
    expect(r.out).toMatch(/得分 [\d.]+，等次 \S+/);
    expect(r.out).toMatch(/规则包 \S+ · 评分表 .+ · 节假日数据 .+ · 基准日 2026-11-30/);
    // a veto sample: 12 — SEQ-10 (听证案件未经法制审核)
    const veto = await run(['check', '--as-of', AS_OF, 'fixtures/cases/12-hearing-without-legal-review.json']);
    expect(veto.code).toBe(1);
    expect(veto.out).toMatch(/^ {2}否决 {2}SEQ-10 {2}\S/m);
  });

  it('check: warnings do not fail the check, except with --strict', async () => {
    // the clean sample with a 卷宗登记 fine that differs from the 决定书: CON-04, a warning (依据待核)
    const cf = JSON.parse(readFileSync(join(FIXTURES, '01-general-fine-clean.json'), 'utf8')) as CaseFile;
    cf.case.penalty!.decidedFine = cf.case.penalty!.decidedFine! + 1000;
    const file = join(tmp, 'warning-only.json');
    writeFileSync(file, JSON.stringify(cf));
    const plain = await run(['check', '--as-of', AS_OF, file]);
    expect(plain.out).toMatch(/^ {2}警告 {2}CON-04 {2}/m);
    expect(plain.out).toMatch(/否决 0，错误 0，警告 1/);
    expect(plain.code).toBe(0);
    expect((await run(['check', '--strict', '--as-of', AS_OF, file])).code).toBe(1);
  });

  it('check --json prints the review and score; --pdf writes the report', async () => {
    const path = join(FIXTURES, '13-decision-served-late-education-after-closing.json');
    const caseFile = JSON.parse(readFileSync(path, 'utf8')) as CaseFile;
    const pdf = join(tmp, 'report.pdf');
    const r = await run(['check', '--json', '--as-of', AS_OF, '--pdf', pdf, path]);
    const parsed = JSON.parse(r.out) as { file: string; status: string; review: { caseNumber: string; findings: unknown[] }; score: { total: number } }[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ status: 'ok', review: { caseNumber: caseFile.case.caseNumber } });
    expect(parsed[0].review.findings.map((f) => (f as { ruleId: string }).ruleId)).toContain('DL-08');
    expect(r.code).toBe(1);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('check: several files — the highest exit code wins', async () => {
    const { path } = defectiveFile('late_service');
    const r = await run(['check', '--as-of', AS_OF, path, 'no/such.json']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/共 2 个文件：已审查 1，无法审查 1/);
  });

  it('evaluate fixtures/cases writes the summaries with one row per file', async () => {
    const out = join(tmp, 'eval-fixtures');
    const r = await run(['evaluate', 'fixtures/cases', '--out', out, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const n = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).length;
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as EvaluationResults;
    expect(results.totals.files).toBe(n);
    expect(results.ranking.length + results.failed.length + results.unfinished.length).toBe(n);
    // the draft sample is not a finished case: listed apart, not ranked
    expect(results.unfinished.map((u) => u.file)).toEqual(['08-draft-in-progress.json']);
    expect(r.out).toContain('未结案 1 卷不参与评分排名');
    const csvRows = readFileSync(join(out, 'summary.csv'), 'utf8').slice(1).split('\r\n').filter(Boolean);
    expect(csvRows).toHaveLength(1 + n);
    for (const f of ['summary.xlsx', 'summary.pdf']) expect(existsSync(join(out, f))).toBe(true);
    expect(r.out).toContain(`共 ${n} 卷`);
    // not a terminal: plain progress lines ending at 100%
    expect(r.err).toContain(`评查 ${n}/${n}（100%）`);
    expect(r.err).not.toContain('\r');
  });

  it('evaluate: a bad file inside the folder is reported and skipped; a terminal gets a redrawn bar', async () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `c${i}.json`), JSON.stringify(syntheticCase(i, 2).caseFile));
    writeFileSync(join(dir, 'broken.json'), '[1, 2');
    const out = join(tmp, 'mixed-out');
    const r = await run(['evaluate', dir, '--out', out, '--as-of', AS_OF], true);
    expect(r.code).toBe(0);
    expect(r.out).toContain('无法评查 broken.json');
    expect(r.out).toContain('已评查 4 卷，无法评查 1 卷');
    expect(r.err).toContain('\r评查 ');
    expect(r.err).toContain('5/5');
  });

  it('evaluate: usage errors exit 2', async () => {
    expect((await run(['evaluate', 'fixtures/cases'])).err).toContain('缺少 --out');
    const missing = await run(['evaluate', 'no-such-dir', '--out', join(tmp, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到评查输入');
    const sheet = await run(['evaluate', 'fixtures/cases', '--out', join(tmp, 'y'), '--sheet', 'nope']);
    expect(sheet.code).toBe(2);
    expect(sheet.err).toContain('未知的评分表');
  });

  it('deadline and day delegate to the calendar command', async () => {
    const day = await run(['day', '2026-02-28']);
    expect(day.code).toBe(0);
    expect(day.out).toContain('调休');
    const deadline = await run(['deadline', '2025-01-24', '5', '工作日']);
    expect(deadline.code).toBe(0);
    expect(deadline.out).toContain('2025-02-07');
  });
});

describe('bin/casefile.js (spawned, after npm run build)', () => {
  beforeAll(() => {
    // the shim runs the compiled CLI: build it (tsc writes dist/ even if another module has a type error)
    try {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      /* judged by the presence of the compiled entry below */
    }
  }, 240_000);

  it('runs check and evaluate as a real process with exit codes', () => {
    expect(existsSync(join(ROOT, 'dist/src/cli/main.js'))).toBe(true);
    const bad = join(tmp, 'spawn-bad.json');
    writeFileSync(bad, 'nope');
    const check = spawnSync(process.execPath, [join(ROOT, 'bin/casefile.js'), 'check', bad], { encoding: 'utf8' });
    expect(check.status).toBe(2);
    expect(check.stdout).toContain('INVALID_JSON');
    const help = spawnSync(process.execPath, [join(ROOT, 'bin/casefile.js'), '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('年度案卷评查');
    const out = join(tmp, 'spawn-eval');
    const evaluate = spawnSync(process.execPath, [join(ROOT, 'bin/casefile.js'), 'evaluate', FIXTURES, '--out', out, '--as-of', AS_OF], { encoding: 'utf8' });
    expect(evaluate.status).toBe(0);
    expect(existsSync(join(out, 'summary.xlsx'))).toBe(true);
  });
});
