/**
 * The evaluation summaries on the official sheet show the 细则 parts (合法性, 规范性, 重大问题 with the rule, 卷面,
 * items left to the reviewer, the range) and rank by the official score — the same numbers as the per-file score.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/core/paths';
import { runEvaluation, type EvaluationResults } from '../../src/core/evaluation';
import { pdfText, squash } from '../report/support/text';

let root: string;
let out: string;
let results: EvaluationResults;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casefile-official-eval-'));
  out = join(root, 'out');
  results = (await runEvaluation({ input: join(projectRoot(), 'fixtures', 'cases'), outDir: out, asOf: '2026-06-30', workers: 0 })).results;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('evaluation summaries — official-2024', () => {
  it('results.json: the official score per file, ranked by it, and the 重大问题 counts', () => {
    expect(results.versions.scoringSheet).toMatchObject({ id: 'official-2024', status: 'official', model: 'xize-2024' });
    expect(results.categories.map((c) => c.id)).toEqual(['legality', 'normativity']);
    const totals = results.ranking.map((r) => r.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const f10 = results.ranking.find((r) => r.file === '10-hearing-period-calendar-days.json')!;
    expect(f10.official).toMatchObject({
      caseType: '一般行政处罚', majorIssues: ['第14项（DL-06-SP、SEQ-07-3）'], majorIssueNos: [14], legality: 0, earned: 9, participating: 11, documentScore: 40.91, formDeducted: 0,
    });
    expect(f10.total).toBe(0);
    const o = results.aggregates.official!;
    expect(o.majorIssues).toHaveLength(25);
    expect(Object.fromEntries(o.majorIssues.filter((m) => m.files > 0).map((m) => [m.no, m.files]))).toEqual({ 14: 3, 19: 1, 25: 1 });
    expect(o.byCaseType.map((c) => c.caseType)).toEqual(expect.arrayContaining(['一般行政处罚', '不予行政处罚', '按日连续处罚', '查封/扣押']));
    expect(o.gradeOverlay?.name).toContain('【I】');
  });

  it('summary.csv and summary.xlsx carry the same parts in their columns', async () => {
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8').replace(/^\ufeff/, '').split('\r\n');
    const header = csv[0].split(',');
    for (const h of ['案卷得分（细则）', '合法性评查（50分）', '规范性评查（50分）', '案件类型', '重大问题（细则合法性评查项）', '卷面扣分', '待人工评分项', '得分下限', '得分上限']) {
      expect(header).toContain(h);
    }
    const row10 = csv.find((l) => l.includes('10-hearing-period-calendar-days.json'))!.split(',');
    expect(row10[header.indexOf('重大问题（细则合法性评查项）')]).toBe('第14项（DL-06-SP、SEQ-07-3）');
    expect(row10[header.indexOf('规范性评查（50分）')]).toBe('40.91');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'summary.xlsx'));
    const s1 = wb.getWorksheet('评查结果')!;
    const xh = (s1.getRow(2).values as unknown[]).slice(1);
    expect(xh).toContain('重大问题（细则合法性评查项）');
    const s3 = wb.getWorksheet('统计')!;
    const cells: string[] = [];
    s3.eachRow((r) => cells.push(String(r.getCell(1).value ?? '')));
    expect(cells).toContain('【重大问题（细则合法性评查标准）】');
  });

  it('summary.pdf: the 细则 formula, the 重大问题 table, 合法性/规范性 in the ranking, the grade overlay labelled', async () => {
    const t = squash((await pdfText(readFileSync(join(out, 'summary.pdf')))).text);
    expect(t).toContain(squash('生态环境行政执法案卷评查细则（2024年版）'));
    expect(t).toContain(squash('合法性评查：5 卷存在重大问题'));
    expect(t).toContain(squash('本地等次参照【I】'));
    expect(t).toContain('合法性');
    expect(t).toContain('规范性');
  });
});
