/**
 * summary.pdf — the annual evaluation report (年度案卷评查汇总), laid out with the report toolkit (PdfLayout):
 * totals and grade distribution (bar chart), category scores (bar chart), most frequent defects by rule (bar
 * chart) and by category, one table per agency, the ranking, and the files that could not be evaluated.
 *
 * The ranking printed is capped (a PDF of ten thousand rows helps nobody); the full ranking is in the CSV/XLSX.
 */
import { writeFile } from 'node:fs/promises';
import { COLORS, PdfLayout, type TableCell, tableColumns } from '../report/layout';
import type { Severity } from '../engine/types';
import { SEVERITY_LABELS } from './assess';
import type { EvaluatedFileRow, EvaluationResults } from './types';

export const PDF_RANKING_LIMIT = 300;
const PDF_RULES_LIMIT = 20;
const PDF_AGENCY_FILES_LIMIT = 10;
const PDF_FAILED_LIMIT = 100;

export async function renderSummaryPdf(results: EvaluationResults): Promise<Uint8Array> {
  const v = results.versions;
  const doc = await PdfLayout.create({
    title: '年度案卷评查汇总',
    subject: `评分表 ${v.scoringSheet.id} ${v.scoringSheet.version}`,
    runningHeader: { left: '年度案卷评查汇总', right: `基准日 ${results.parameters.asOf}` },
  });
  const t = results.totals;
  const agg = results.aggregates;

  doc.title('年度案卷评查汇总报告');
  doc.paragraph(`评查范围：${results.meta.input}　审查基准日：${results.parameters.asOf}`, { align: 'center', color: COLORS.muted });
  doc.paragraph(
    `规则包 ${v.rulePack}；评分表 ${v.scoringSheet.id} ${v.scoringSheet.version}（${v.scoringSheet.name}）；节假日数据 ${v.holidayData}`,
    { align: 'center', color: COLORS.muted, size: doc.baseSize - 1, spaceAfter: 6 },
  );
  const official = agg.official;
  if (official) {
    doc.paragraph(
      '计分依《生态环境行政执法案卷评查细则（2024年版）》（环执法发〔2024〕4号，条目取自第三方副本【Q†】）：案卷得分＝合法性（50，任一重大问题即 0 分）＋规范性（50×Σ得分/Σ参与评查项目标准分－卷面扣分）。' +
        '机器评分只计已评定的项目，待人工评分项评定后得分可能变化（区间见 summary.csv / summary.xlsx）。' +
        (official.gradeOverlay ? `等次为${official.gradeOverlay.name}，不属于细则。` : ''),
      { size: doc.baseSize - 1, color: COLORS.muted, spaceAfter: 4 },
    );
  }
  if (v.scoringSheet.status === 'placeholder') {
    doc.paragraph('说明：所用评分表是旧推定评分表（推定【I】），不是《生态环境行政执法案卷评查细则（2024年版）》，仅供对照。', {
      color: COLORS.orange,
      size: doc.baseSize - 1,
      spaceAfter: 4,
    });
  }
  doc.rule();

  // —— 一、总体情况 ——
  doc.heading('一、总体情况');
  doc.paragraph(
    `共收到卷宗 ${t.files} 卷，已评查 ${t.evaluated} 卷，无法评查 ${t.failed} 卷（格式错误或校验不通过，见第七部分）；` +
      `未结案 ${t.unfinished} 卷不参与评分排名（年度评查只评已结案、已归档的案卷，见第八部分）。` +
      `平均分 ${t.averageScore} 分，中位数 ${t.medianScore} 分；命中否决项 ${t.vetoFiles} 卷；共发现问题 ${t.findings} 个` +
      `（否决 ${agg.bySeverity.veto}、错误 ${agg.bySeverity.error}、警告 ${agg.bySeverity.warning}、提示 ${agg.bySeverity.info}）。`,
    { spaceAfter: 4 },
  );
  doc.table({
    columns: tableColumns(['等次', 2], ['卷宗数', 1, 'right'], ['占比', 1, 'right']),
    rows: agg.grades.map((g) => [g.grade, String(g.count), pct(g.count, t.evaluated)]),
  });
  doc.barChart({
    title: '等次分布',
    items: agg.grades.map((g) => ({ label: g.grade, value: g.count, valueLabel: `${g.count} 卷` })),
    max: niceMax(Math.max(...agg.grades.map((g) => g.count))),
  });

  if (official) {
    const hit = official.majorIssues.filter((m) => m.files > 0);
    doc.paragraph(`合法性评查：${t.vetoFiles} 卷存在重大问题（直接评为 0 分）${hit.length ? '，按细则合法性评查项：' : '。'}`, { bold: true, spaceAfter: 2 });
    if (hit.length > 0) {
      doc.table({
        columns: tableColumns(['序号', 0.7, 'right'], ['重大问题', 7], ['卷宗数', 1, 'right']),
        rows: hit.map((m) => [String(m.no), m.name, String(m.files)]),
      });
    }
    doc.table({
      columns: tableColumns(['案件类型', 3], ['卷宗数', 1, 'right'], ['平均分', 1, 'right']),
      rows: official.byCaseType.map((c) => [c.caseType, String(c.files), String(c.averageScore)]),
    });
    doc.paragraph(`卷面基本要素平均扣分 ${official.averageFormDeducted} 分；${official.filesWithManualItems} 卷有待人工评分项。`, { spaceAfter: 4 });
  }

  // —— 二、分项得分 ——
  doc.heading('二、分项得分');
  doc.table({
    columns: tableColumns(['分项', 3], ['满分', 1, 'right'], ['平均得分', 1.2, 'right'], ['得分率', 1, 'right'], ['扣分合计', 1.2, 'right'], ['问题数', 1, 'right'], ['涉及卷宗', 1.2, 'right']),
    rows: agg.byCategory.map((c) => [c.name, String(c.max), String(c.averageScore), pct(c.averageScore, c.max), String(c.deductedPoints), String(c.findings), String(c.files)]),
  });
  doc.barChart({
    title: '各分项平均得分率',
    items: agg.byCategory.map((c) => ({ label: c.name, value: c.max ? Math.round((c.averageScore / c.max) * 1000) / 10 : 0 })),
    max: 100,
    unit: '%',
  });

  // —— 三、高频问题（按规则） ——
  doc.heading('三、高频问题（按规则）');
  const topRules = agg.byRule.slice(0, PDF_RULES_LIMIT);
  if (topRules.length === 0) doc.paragraph('未发现问题。');
  else {
    doc.table({
      columns: tableColumns(['规则', 1.3], ['问题', 4.5], ['级别', 0.8, 'center'], ['涉及卷宗', 1, 'right'], ['问题数', 1, 'right']),
      rows: topRules.map((r) => [r.ruleId, r.title, severityCell(r.severity), String(r.files), String(r.findings)]),
      zebra: true,
    });
    doc.barChart({
      title: '涉及卷宗最多的问题（前 10 项）',
      items: topRules.slice(0, 10).map((r) => ({ label: `${r.ruleId} ${r.title}`, value: r.files, valueLabel: `${r.files} 卷` })),
      max: niceMax(topRules[0].files),
      labelWidth: doc.contentWidth * 0.45,
    });
  }

  // —— 四、高频问题（按分项） ——
  doc.heading('四、高频问题（按分项）');
  const byCategory = [...agg.byCategory].sort((a, b) => b.files - a.files || b.findings - a.findings || (a.id < b.id ? -1 : 1));
  doc.barChart({
    title: '各分项涉及问题的卷宗数',
    items: byCategory.map((c) => ({ label: c.name, value: c.files, valueLabel: `${c.files} 卷 / ${c.findings} 个` })),
    max: niceMax(Math.max(...byCategory.map((c) => c.files))),
  });

  // —— 五、各执法机关 ——
  doc.heading('五、各执法机关情况');
  const grades = agg.grades.map((g) => g.grade);
  doc.table({
    columns: tableColumns(['执法机关', 4], ['卷宗', 1, 'right'], ['平均分', 1.2, 'right'], ['否决', 1, 'right'], ...grades.map((g) => [g, 1, 'right'] as const)),
    rows: agg.byAgency.map((a) => [a.agency, String(a.files), String(a.averageScore), String(a.vetoFiles), ...grades.map((g) => String(a.grades[g] ?? 0))]),
    zebra: true,
  });
  const byAgency = new Map<string, EvaluatedFileRow[]>();
  for (const r of results.ranking) {
    const list = byAgency.get(r.agency) ?? [];
    list.push(r);
    byAgency.set(r.agency, list);
  }
  for (const a of agg.byAgency) {
    doc.heading(`${a.agency}（${a.files} 卷，平均 ${a.averageScore} 分）`, 2);
    if (a.topRules.length) doc.paragraph(`主要问题：${a.topRules.map((r) => `${r.ruleId} ${r.title}（${r.files} 卷）`).join('；')}`, { size: doc.baseSize - 1 });
    const rows = (byAgency.get(a.agency) ?? []).slice(-PDF_AGENCY_FILES_LIMIT).reverse();
    doc.table({
      columns: tableColumns(['名次', 0.8, 'right'], ['案号', 3], ['当事人', 3.2], ['得分', 1, 'right'], ['等次', 1, 'center'], ['问题数', 1, 'right']),
      rows: rows.map((r) => [String(r.rank), r.caseNumber, r.party, String(r.total), gradeCell(r), String(r.findings.total)]),
    });
    if (a.files > rows.length) doc.paragraph(`（列出得分最低的 ${rows.length} 卷，全部 ${a.files} 卷见 summary.xlsx）`, { size: doc.baseSize - 2, color: COLORS.muted });
  }

  // —— 六、排名 ——
  doc.heading('六、案卷得分排名');
  const ranking = results.ranking.slice(0, PDF_RANKING_LIMIT);
  doc.table({
    columns: tableColumns(
      ['名次', 0.8, 'right'], ['案号', 2.8], ['当事人', 2.8], ['执法机关', 2.8],
      ...(official ? ([['合法性', 0.9, 'right'], ['规范性', 0.9, 'right']] as const) : []),
      ['得分', 0.9, 'right'], ['等次', 1, 'center'], ['问题', 0.8, 'right'],
    ),
    rows: ranking.map((r) => [
      String(r.rank),
      r.caseNumber,
      r.party,
      r.agency,
      ...(official ? [String(r.official?.legality ?? ''), String(r.official?.normativity ?? '')] : []),
      String(r.total),
      gradeCell(r),
      String(r.findings.total),
    ]),
    zebra: true,
  });
  if (results.ranking.length > ranking.length) {
    doc.paragraph(`（列出前 ${ranking.length} 名，全部 ${results.ranking.length} 卷的排名见 summary.csv / summary.xlsx）`, { size: doc.baseSize - 2, color: COLORS.muted });
  }

  // —— 七、无法评查 ——
  doc.heading('七、无法评查的卷宗');
  if (results.failed.length === 0) doc.paragraph('无。');
  else {
    const failed = results.failed.slice(0, PDF_FAILED_LIMIT);
    doc.table({
      columns: tableColumns(['文件', 3], ['原因', 6]),
      rows: failed.map((f) => [f.file, f.issues.slice(0, 3).map((i) => (i.path ? `${i.path}：` : '') + i.message).join('；') + (f.issueCount > 3 ? `（共 ${f.issueCount} 处）` : '')]),
    });
    if (results.failed.length > failed.length) doc.paragraph(`（另有 ${results.failed.length - failed.length} 卷，见 results.json）`, { size: doc.baseSize - 2, color: COLORS.muted });
  }

  // —— 八、未结案 ——
  doc.heading('八、未结案（不参与评分排名）');
  if (results.unfinished.length === 0) doc.paragraph('无。');
  else {
    const unfinished = results.unfinished.slice(0, PDF_FAILED_LIMIT);
    doc.table({
      columns: tableColumns(['案号', 3], ['执法机关', 3], ['案件状态', 1], ['问题数', 1, 'right']),
      rows: unfinished.map((u) => [u.caseNumber, u.agency, u.statusLabel, String(u.findings)]),
    });
    if (results.unfinished.length > unfinished.length) doc.paragraph(`（另有 ${results.unfinished.length - unfinished.length} 卷，见 results.json）`, { size: doc.baseSize - 2, color: COLORS.muted });
  }
  return doc.finish();
}

export async function writeSummaryPdf(path: string, results: EvaluationResults): Promise<void> {
  await writeFile(path, await renderSummaryPdf(results));
}

/** An axis maximum whose quarter ticks are round counts (1, 2, 2.5 or 5 × 10ⁿ per quarter): 921 → 1000. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const quarter = value / 4;
  const power = 10 ** Math.floor(Math.log10(quarter));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= quarter)!;
  return Number.isInteger(step) ? step * 4 : Math.ceil(step) * 4;
}

function pct(n: number, of: number): string {
  return of > 0 ? `${Math.round((n / of) * 1000) / 10}%` : '—';
}

function severityCell(severity: Severity): TableCell {
  const color = severity === 'veto' ? COLORS.red : severity === 'error' ? COLORS.orange : undefined;
  return { text: SEVERITY_LABELS[severity], color, bold: severity === 'veto' };
}

function gradeCell(r: EvaluatedFileRow): TableCell {
  return r.vetoCount > 0 ? { text: r.grade, color: COLORS.red, bold: true } : { text: r.grade };
}
