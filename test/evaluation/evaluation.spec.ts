import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSyntheticCases } from '../../bench/synthetic';
import { compareRows, resultNumbers, runEvaluation, type EvaluationProgress, type EvaluationResults } from '../../src/core/evaluation';
import { niceMax } from '../../src/core/evaluation/pdf';
import { pdfText, squash } from '../report/support/text';

const AS_OF = '2026-11-30';
const GOOD = 18;

let root: string;
let casesDir: string;
let zipPath: string;
let first: EvaluationResults;
let firstOut: string;
const progress: EvaluationProgress[] = [];

/** The numbers of a run as written on disk, without run metadata. */
function numbersOnDisk(outDir: string): unknown {
  const { meta: _meta, ...rest } = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as EvaluationResults;
  return rest;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casefile-evaluation-'));
  casesDir = join(root, 'cases');
  const zip = new JSZip();
  for (const c of generateSyntheticCases(GOOD, 11)) {
    const rel = `${c.index % 2 ? 'a' : 'b/deeper'}/case-${String(c.index).padStart(2, '0')}.json`;
    mkdirSync(join(casesDir, rel, '..'), { recursive: true });
    const text = JSON.stringify(c.caseFile, null, 1);
    writeFileSync(join(casesDir, rel), text);
    zip.file(rel, text);
  }
  mkdirSync(join(casesDir, 'bad'), { recursive: true });
  const malformed = '{"formatVersion": "1.0", "case": ';
  const invalid = JSON.stringify({ formatVersion: '1.0', case: { caseNumber: '测〔2025〕1号' }, parties: [], documents: [] });
  writeFileSync(join(casesDir, 'bad', 'malformed.json'), malformed);
  writeFileSync(join(casesDir, 'bad', 'invalid.json'), invalid);
  writeFileSync(join(casesDir, 'readme.txt'), 'not a case file');
  zip.file('bad/malformed.json', malformed);
  zip.file('bad/invalid.json', invalid);
  zip.file('__MACOSX/a/._case-01.json', 'junk');
  zip.file('readme.txt', 'not a case file');
  zipPath = join(root, 'cases.zip');
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

  firstOut = join(root, 'out1');
  first = (await runEvaluation({ input: casesDir, outDir: firstOut, asOf: AS_OF, workers: 0, onProgress: (p) => progress.push(p) })).results;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('runEvaluation over a folder', () => {
  it('evaluates every good file, records the bad ones and goes on', () => {
    expect(first.totals).toMatchObject({ files: GOOD + 2, evaluated: GOOD, failed: 2 });
    expect(first.ranking).toHaveLength(GOOD);
    const failed = Object.fromEntries(first.failed.map((f) => [f.file, f]));
    expect(Object.keys(failed)).toEqual(['bad/invalid.json', 'bad/malformed.json']);
    expect(failed['bad/malformed.json'].issues[0].code).toBe('INVALID_JSON');
    expect(failed['bad/invalid.json'].issueCount).toBeGreaterThan(0);
    for (const f of first.failed) for (const i of f.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports progress for every file, the total known up front', () => {
    expect(progress).toHaveLength(GOOD + 2);
    expect(progress.every((p) => p.total === GOOD + 2)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: GOOD + 2 }, (_, k) => k + 1));
    expect(progress[progress.length - 1].failed).toBe(2);
  });

  it('ranks by score (high to low), then 案号', () => {
    const sorted = [...first.ranking].sort(compareRows);
    expect(first.ranking.map((r) => r.file)).toEqual(sorted.map((r) => r.file));
    expect(first.ranking.map((r) => r.rank)).toEqual(Array.from({ length: GOOD }, (_, k) => k + 1));
    for (let k = 1; k < first.ranking.length; k++) expect(first.ranking[k - 1].total).toBeGreaterThanOrEqual(first.ranking[k].total);
  });

  it('aggregates agree with the rows', () => {
    const a = first.aggregates;
    expect(a.grades.reduce((s, g) => s + g.count, 0)).toBe(GOOD);
    expect(a.byAgency.reduce((s, g) => s + g.files, 0)).toBe(GOOD);
    const findings = first.ranking.reduce((s, r) => s + r.findings.total, 0);
    expect(first.totals.findings).toBe(findings);
    expect(a.byRule.reduce((s, r) => s + r.findings, 0)).toBe(findings);
    expect(Object.values(a.bySeverity).reduce((s, n) => s + n, 0)).toBe(findings);
    expect(first.categories.length).toBeGreaterThan(0);
    for (const row of first.ranking) expect(Object.keys(row.categories).sort()).toEqual(first.categories.map((c) => c.id).sort());
    for (const c of a.byCategory) {
      const mean = first.ranking.reduce((s, r) => s + r.categories[c.id], 0) / GOOD;
      expect(c.averageScore).toBeCloseTo(mean, 1);
    }
  });

  it('names the rule-pack, scoring-sheet and holiday-data versions', () => {
    expect(first.versions.rulePack).toMatch(/\S/);
    expect(first.versions.scoringSheet.id).toMatch(/\S/);
    expect(first.versions.holidayData).toMatch(/\S/);
    expect(first.parameters).toEqual({ mode: 'review', asOf: AS_OF, sheetId: first.versions.scoringSheet.id });
  });

  it('summary.csv: UTF-8 with BOM, a header and one row per file, versions on every row', () => {
    const csv = readFileSync(join(firstOut, 'summary.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + GOOD + 2);
    expect(lines[0]).toContain('案号');
    expect(lines[0]).toContain('规则包版本');
    expect(lines[1]).toContain(first.ranking[0].caseNumber);
    expect(lines[1]).toContain(first.versions.rulePack);
    expect(lines[lines.length - 1]).toContain('无法评查');
  });

  it('summary.xlsx: results, findings and statistics sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(firstOut, 'summary.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评查结果', '问题清单', '统计', '未结案（不参与评分排名）']);
    const [results, findings, stats] = wb.worksheets;
    expect(String(results.getCell('A1').value)).toContain(first.versions.rulePack);
    expect(results.actualRowCount).toBe(2 + GOOD + 2);
    const header = (results.getRow(2).values as unknown[]).slice(1);
    for (const c of first.categories) expect(header.some((h) => String(h).startsWith(c.name))).toBe(true);
    expect(results.getRow(3).getCell(2).value).toBe(first.ranking[0].caseNumber);
    expect(findings.actualRowCount).toBe(2 + first.totals.findings);
    expect(stats.actualRowCount).toBeGreaterThan(10);
  });

  it('summary.pdf: ranking, grades, defects, agencies, versions', async () => {
    const pdf = readFileSync(join(firstOut, 'summary.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, total } = await pdfText(pdf);
    const t = squash(text);
    expect(total).toBeGreaterThanOrEqual(2);
    for (const words of ['年度案卷评查汇总报告', '等次分布', '高频问题（按规则）', '各执法机关情况', '案卷得分排名', '无法评查的卷宗']) {
      expect(t).toContain(squash(words));
    }
    expect(t).toContain(squash(first.versions.rulePack));
    expect(t).toContain(squash(first.ranking[0].caseNumber));
    expect(t).toContain(squash(first.aggregates.byAgency[0].agency));
    expect(t).toMatch(/第1页共\d+页/);
  });

  it('leaves no temporary findings file behind', () => {
    const files = require('node:fs').readdirSync(firstOut) as string[];
    expect(files.sort()).toEqual(['results.json', 'summary.csv', 'summary.pdf', 'summary.xlsx']);
  });
});

describe('determinism and zip input', () => {
  it('two runs on the same input give identical numbers (run time only in meta)', async () => {
    const out2 = join(root, 'out2');
    const second = (await runEvaluation({ input: casesDir, outDir: out2, asOf: AS_OF })).results;
    expect(resultNumbers(second)).toEqual(resultNumbers(first));
    expect(numbersOnDisk(out2)).toEqual(numbersOnDisk(firstOut));
    expect(readFileSync(join(out2, 'summary.csv'), 'utf8')).toBe(readFileSync(join(firstOut, 'summary.csv'), 'utf8'));
  });

  it('worker threads give the same numbers and files as the main thread', async () => {
    const outWorkers = join(root, 'out-workers');
    const withWorkers = (await runEvaluation({ input: casesDir, outDir: outWorkers, asOf: AS_OF, workers: 2 })).results;
    expect(resultNumbers(withWorkers)).toEqual(resultNumbers(first));
    expect(readFileSync(join(outWorkers, 'summary.csv'), 'utf8')).toBe(readFileSync(join(firstOut, 'summary.csv'), 'utf8'));
  });

  it('a zip of the same files gives the same numbers (entries streamed, junk skipped)', async () => {
    const outZip = join(root, 'out-zip');
    const fromZip = (await runEvaluation({ input: zipPath, outDir: outZip, asOf: AS_OF })).results;
    expect(resultNumbers(fromZip)).toEqual(resultNumbers(first));
  });

  it('a missing input or a file that is neither folder nor zip is refused', async () => {
    await expect(runEvaluation({ input: join(root, 'nope'), outDir: join(root, 'x'), asOf: AS_OF })).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    await expect(runEvaluation({ input: join(casesDir, 'readme.txt'), outDir: join(root, 'x'), asOf: AS_OF })).rejects.toMatchObject({ code: 'INPUT_UNSUPPORTED' });
  });

  it('a corrupt zip entry is recorded, not fatal', async () => {
    const good = readFileSync(zipPath);
    // flip bytes inside the first entry's compressed data: its CRC check fails, the other entries still evaluate
    const broken = Buffer.from(good);
    const nameLen = broken.readUInt16LE(26);
    const extraLen = broken.readUInt16LE(28);
    const dataStart = 30 + nameLen + extraLen;
    for (let k = dataStart + 10; k < dataStart + 40; k++) broken[k] ^= 0xff;
    const brokenPath = join(root, 'broken.zip');
    writeFileSync(brokenPath, broken);
    const r = (await runEvaluation({ input: brokenPath, outDir: join(root, 'out-broken'), asOf: AS_OF })).results;
    expect(r.totals.files).toBe(GOOD + 2);
    expect(r.totals.failed).toBe(3);
    expect(r.failed.some((f) => f.issues[0].code === 'ZIP_ENTRY_UNREADABLE' || f.issues[0].code === 'INVALID_JSON')).toBe(true);
  });
});

describe('summary.pdf axis', () => {
  it('count charts end on a round maximum whose quarter ticks are whole counts', () => {
    expect([1, 7, 9, 79, 186, 921, 9218].map(niceMax)).toEqual([4, 8, 12, 80, 200, 1000, 10000]);
    for (const n of [3, 13, 57, 333, 4321]) {
      const m = niceMax(n);
      expect(m).toBeGreaterThanOrEqual(n);
      expect(Number.isInteger(m / 4)).toBe(true);
    }
  });
});
