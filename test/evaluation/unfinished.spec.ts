/**
 * 年度案卷评查 scores finished files only: a file whose case is not closed/archived (草稿, 办理中) is listed apart
 * as 未结案（不参与评分排名） in every output and takes no part in the ranking, grades, averages or agency statistics.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSyntheticCases } from '../../bench/synthetic';
import { runEvaluation, type EvaluationResults } from '../../src/core/evaluation';
import { pdfText, squash } from '../report/support/text';

const AS_OF = '2026-11-30';

/** The fields of one RFC 4180 line (no line breaks inside fields in these files). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

let root: string;
let mixedOut: string;
let mixed: EvaluationResults;
let finishedOnly: EvaluationResults;
const unfinishedCases: { file: string; caseNumber: string; agency: string; status: string }[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casefile-evaluation-unfinished-'));
  const mixedDir = join(root, 'mixed');
  const finishedDir = join(root, 'finished');
  mkdirSync(mixedDir, { recursive: true });
  mkdirSync(finishedDir, { recursive: true });
  const cases = [...generateSyntheticCases(6, 23)];
  cases.forEach((c, n) => {
    const file = `case-${n}.json`;
    // two of the six are still being handled: one 办理中, one 草稿
    if (n === 1 || n === 4) {
      const status = n === 1 ? 'in_progress' : 'draft';
      const caseFile = { ...c.caseFile, case: { ...c.caseFile.case, status } };
      writeFileSync(join(mixedDir, file), JSON.stringify(caseFile));
      unfinishedCases.push({ file, caseNumber: caseFile.case.caseNumber, agency: caseFile.case.agency, status });
    } else {
      writeFileSync(join(mixedDir, file), JSON.stringify(c.caseFile));
      writeFileSync(join(finishedDir, file), JSON.stringify(c.caseFile));
    }
  });
  mixedOut = join(root, 'out-mixed');
  mixed = (await runEvaluation({ input: mixedDir, outDir: mixedOut, asOf: AS_OF, workers: 0 })).results;
  finishedOnly = (await runEvaluation({ input: finishedDir, outDir: join(root, 'out-finished'), asOf: AS_OF, workers: 0 })).results;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('annual evaluation: unfinished files are listed apart, never ranked', () => {
  it('results.json lists the unfinished files with case number, agency, status and findings count', () => {
    const onDisk = JSON.parse(readFileSync(join(mixedOut, 'results.json'), 'utf8')) as EvaluationResults;
    expect(onDisk.unfinished.map((u) => ({ file: u.file, caseNumber: u.caseNumber, agency: u.agency, status: u.status }))).toEqual(unfinishedCases);
    expect(onDisk.unfinished.map((u) => u.statusLabel)).toEqual(['办理中', '草稿']);
    for (const u of onDisk.unfinished) expect(u.findings).toBeGreaterThanOrEqual(0);
    expect(onDisk.totals).toMatchObject({ files: 6, evaluated: 4, failed: 0, unfinished: 2 });
    expect(onDisk.totals.unfinishedReason).toContain('未结案（不参与评分排名）');
    expect(onDisk.ranking.some((r) => unfinishedCases.some((u) => u.file === r.file))).toBe(false);
  });

  it('ranking, grades, averages and agency statistics are those of the finished files only', () => {
    expect(finishedOnly.unfinished).toEqual([]);
    expect(finishedOnly.totals.unfinished).toBe(0);
    const { files: _f, unfinished: _u, ...mixedTotals } = mixed.totals;
    const { files: _f2, unfinished: _u2, ...finishedTotals } = finishedOnly.totals;
    expect(mixedTotals).toEqual(finishedTotals);
    expect(mixed.ranking).toEqual(finishedOnly.ranking);
    expect(mixed.aggregates).toEqual(finishedOnly.aggregates);
    expect(mixed.aggregates.grades.reduce((s, g) => s + g.count, 0)).toBe(4);
    expect(mixed.aggregates.byAgency.reduce((s, a) => s + a.files, 0)).toBe(4);
  });

  it('summary.csv: the unfinished files come last, marked, without rank or score', () => {
    const lines = readFileSync(join(mixedOut, 'summary.csv'), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 2);
    const header = csvCells(lines[0]);
    const tail = lines.slice(-2).map(csvCells);
    tail.forEach((cells, n) => {
      expect(cells).toHaveLength(header.length);
      expect(cells[header.indexOf('名次')]).toBe('');
      expect(cells[header.findIndex((h) => h === '得分' || h.startsWith('案卷得分'))]).toBe('');
      expect(cells[header.findIndex((h) => h.startsWith('等次'))]).toBe('');
      expect(cells[header.indexOf('案号')]).toBe(unfinishedCases[n].caseNumber);
      expect(cells[header.indexOf('执法机关')]).toBe(unfinishedCases[n].agency);
      expect(cells[header.indexOf('问题总数')]).toBe(String(mixed.unfinished[n].findings));
      expect(cells[header.indexOf('状态')]).toBe(`未结案（不参与评分排名）：${mixed.unfinished[n].statusLabel}`);
      expect(cells[header.indexOf('文件')]).toBe(unfinishedCases[n].file);
    });
  });

  it('summary.xlsx: a sheet 未结案（不参与评分排名）; the results sheet ranks the finished files only', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(mixedOut, 'summary.xlsx'));
    const results = wb.getWorksheet('评查结果')!;
    expect(results.actualRowCount).toBe(2 + 4);
    const sheet = wb.getWorksheet('未结案（不参与评分排名）')!;
    expect(sheet).toBeDefined();
    expect(sheet.actualRowCount).toBe(2 + 2);
    const rows = [3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual(mixed.unfinished.map((u) => [u.caseNumber, u.agency, u.statusLabel, u.findings, u.file]));
    const stats = wb.getWorksheet('统计')!;
    const statRows = stats.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(statRows).toContainEqual(['未结案（不参与评分排名）', 2]);
  });

  it('summary.pdf: the totals say how many were left out and a section lists them', async () => {
    const t = squash((await pdfText(readFileSync(join(mixedOut, 'summary.pdf')))).text);
    expect(t).toContain(squash('未结案 2 卷不参与评分排名'));
    const at = t.indexOf(squash('八、未结案（不参与评分排名）'));
    expect(at).toBeGreaterThan(0);
    const section = t.slice(at);
    for (const u of mixed.unfinished) {
      expect(section).toContain(squash(u.caseNumber));
      expect(section).toContain(squash(u.statusLabel));
    }
  });
});
