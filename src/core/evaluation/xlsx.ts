/**
 * summary.xlsx — written with exceljs' streaming WorkbookWriter (rows are flushed as they are added):
 *   sheet 1 评查结果 — one row per file, a column per scoring category (then the files that could not be evaluated)
 *   sheet 2 问题清单 — every finding, files in ranking order (read back from the findings NDJSON on disk)
 *   sheet 3 统计     — versions, totals, grade distribution, categories, rules, agencies
 *   sheet 4 未结案（不参与评分排名） — files whose case is not closed/archived (no rank, no score)
 */
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { isOfficial, officialCells, summaryHeader } from './csv';
import { SEVERITY_LABELS, type FindingLine } from './assess';
import type { RowWithFindings } from './evaluate';
import type { EvaluationResults } from './types';

const CONFIDENCE_LABELS: Record<string, string> = { Q: '原文已核', S: '二手转述', I: '推定' };

/** Text cells a spreadsheet would evaluate as a formula are written as literal text. */
const text = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);

export async function writeSummaryXlsx(
  path: string,
  results: EvaluationResults,
  rows: RowWithFindings[],
  findingsNdjson: string,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  wb.creator = 'casefile';
  const v = results.versions;
  const provenance = `规则包 ${v.rulePack} · 评分表 ${v.scoringSheet.id} ${v.scoringSheet.version}（${v.scoringSheet.name}） · 节假日数据 ${v.holidayData} · 审查基准日 ${results.parameters.asOf}`;
  // no cell styles: exceljs resolves a style for every cell when styles are on, a third of the writing time

  // —— sheet 1 ——
  const s1 = wb.addWorksheet('评查结果', { views: [{ state: 'frozen', ySplit: 2 }] });
  const header = summaryHeader(results).slice(0, -4);
  // widths first: the streaming writer emits <cols> before the first row
  s1.columns = header.map((h, n) => ({ key: String(n), width: n >= 1 && n <= 3 ? 28 : n === header.length - 1 ? 36 : Math.max(8, h.length * 2) }));
  s1.addRow([provenance]).commit();
  s1.addRow(header).commit();
  for (const r of rows) {
    s1.addRow([
      r.rank, text(r.caseNumber), text(r.party), text(r.agency), text(r.causeOfAction), r.procedure, r.total, r.grade,
      ...results.categories.map((c) => r.categories[c.id] ?? null),
      ...(isOfficial(results) ? officialCells(r).map((x) => (typeof x === 'string' ? text(x) : x ?? null)) : []),
      r.vetoCount, r.findings.total, r.findings.veto, r.findings.error, r.findings.warning, r.findings.info, '已评查', text(r.file),
    ]).commit();
  }
  for (const f of results.failed) {
    const cells: (string | null)[] = Array.from({ length: header.length }, () => null);
    cells[header.length - 2] = `无法评查：${f.issues.map((i) => (i.path ? `${i.path} ` : '') + i.message).slice(0, 3).join('；')}`;
    cells[header.length - 1] = text(f.file);
    s1.addRow(cells).commit();
  }
  s1.commit();


  // —— sheet 2 ——
  const s2 = wb.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 2 }] });
  s2.columns = [6, 26, 26, 10, 6, 10, 30, 60, 40, 50, 16, 6, 30, 18].map((width, n) => ({ key: String(n), width }));
  s2.addRow([provenance]).commit();
  s2.addRow(['名次', '案号', '执法机关', '规则', '级别', '依据置信度', '问题', '说明', '依据', '整改建议', '评分分项', '扣分', '文件', '指纹']).commit();
  const fh = await open(findingsNdjson, 'r');
  try {
    for (const r of rows) {
      if (r.findingsAt.length === 0) continue;
      const buf = Buffer.alloc(r.findingsAt.length);
      await fh.read(buf, 0, buf.length, r.findingsAt.offset);
      for (const line of buf.toString('utf8').split('\n')) {
        if (!line) continue;
        const f = JSON.parse(line) as FindingLine;
        s2.addRow([
          r.rank, text(f.caseNumber), text(f.agency), f.ruleId, SEVERITY_LABELS[f.severity],
          CONFIDENCE_LABELS[f.confidence] ?? f.confidence, text(f.title), text(f.message), text(f.basis), text(f.suggestion),
          text(f.category), f.points, text(f.file), f.fingerprint,
        ]).commit();
      }
    }
  } finally {
    await fh.close();
  }
  s2.commit();

  // —— sheet 3 ——
  const s3 = wb.addWorksheet('统计');
  s3.columns = [{ width: 28 }, { width: 40 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const title = (t: string) => s3.addRow([`【${t}】`]).commit();
  const line = (cells: (string | number)[]) => s3.addRow(cells).commit();
  title('版本');
  line(['规则包', v.rulePack]);
  line(['评分表', `${v.scoringSheet.id} ${v.scoringSheet.version}（${v.scoringSheet.name}${v.scoringSheet.status === 'placeholder' ? '，旧推定评分表【I】，非细则，仅供对照' : ''}）`]);
  line(['节假日数据', v.holidayData]);
  line(['审查基准日', results.parameters.asOf]);
  line([]);
  const t = results.totals;
  title('总体');
  line(['卷宗数', t.files]);
  line(['已评查', t.evaluated]);
  line(['无法评查', t.failed]);
  line(['未结案（不参与评分排名）', t.unfinished]);
  line(['平均分', t.averageScore]);
  line(['中位数', t.medianScore]);
  line(['命中否决项的卷宗', t.vetoFiles]);
  line(['问题总数', t.findings]);
  line([]);
  const official = results.aggregates.official;
  if (official) {
    title('细则评分');
    line(['卷面平均扣分', official.averageFormDeducted]);
    line(['有待人工评分项的卷宗', official.filesWithManualItems]);
    line([]);
    title('重大问题（细则合法性评查标准）');
    line(['序号', '重大问题', '命中卷宗']);
    for (const m of official.majorIssues) line([m.no, m.name, m.files]);
    line([]);
    title('案件类型');
    line(['案件类型', '卷宗数', '平均分']);
    for (const c of official.byCaseType) line([c.caseType, c.files, c.averageScore]);
    line([]);
  }
  title(official?.gradeOverlay ? `等次分布（${official.gradeOverlay.name}）` : '等次分布');
  if (official?.gradeOverlay) line([official.gradeOverlay.note]);
  for (const g of results.aggregates.grades) line([g.grade, g.count]);
  line([]);
  title('分项');
  line(['分项', '名称', '满分', '平均得分', '扣分合计', '问题数', '涉及卷宗']);
  for (const c of results.aggregates.byCategory) line([c.id, c.name, c.max, c.averageScore, c.deductedPoints, c.findings, c.files]);
  line([]);
  title('高频问题（按规则）');
  line(['规则', '问题', '级别', '问题数', '涉及卷宗']);
  for (const r of results.aggregates.byRule) line([r.ruleId, r.title, SEVERITY_LABELS[r.severity], r.findings, r.files]);
  line([]);
  title('执法机关');
  const grades = results.aggregates.grades.map((g) => g.grade);
  line(['执法机关', '卷宗数', '平均分', '否决卷宗', '问题数', ...grades]);
  for (const a of results.aggregates.byAgency) line([a.agency, a.files, a.averageScore, a.vetoFiles, a.findings, ...grades.map((g) => a.grades[g] ?? 0)]);
  s3.commit();

  // —— sheet 未结案 —— files of cases not yet closed/archived: listed, never ranked or scored
  const su = wb.addWorksheet('未结案（不参与评分排名）');
  su.columns = [28, 28, 10, 10, 36].map((width, n) => ({ key: String(n), width }));
  su.addRow([results.totals.unfinishedReason]).commit();
  su.addRow(['案号', '执法机关', '案件状态', '问题数', '文件']).commit();
  for (const u of results.unfinished) su.addRow([text(u.caseNumber), text(u.agency), u.statusLabel, u.findings, text(u.file)]).commit();
  su.commit();

  await wb.commit();
}
