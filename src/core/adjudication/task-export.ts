/**
 * Exports of an evaluation task's results (评查结果): JSON, CSV (ranking), XLSX (ranking, agencies, 承办人,
 * frequent defects, 整改 lists) and PDF (the summary a 评查办 circulates). Every export carries the task's
 * parameters: scope, sampling with its seed, scoring sheet, reviewers — so the numbers can be reproduced.
 */
import ExcelJS from 'exceljs';
import { csvField } from '../evaluation/csv';
import { COLORS, PdfLayout, tableColumns } from '../report/layout';
import { SIGN_OFF_STATE_LABEL } from './sign-off';
import type { TaskResults } from './results';

/** What an export needs to know about the task. */
export interface TaskExportMeta {
  id: string;
  name: string;
  sheetId: string;
  createdAt: string;
  state: string;
  params: {
    scope: { agencies?: string[]; years?: number[]; procedures?: string[]; statuses: string[] };
    sampling: { mode: string; ratio?: number; mustInclude?: string[]; seed: string; stratify?: string };
    reviewers: { id: string; name: string; agency: string }[];
    leaders: { id: string; name: string }[];
  };
  draw: { population: number; perAgency: { agency: string; population: number; selected: number }[] };
}

export const TASK_EXPORT_FORMAT = 'casefile-evaluation-task/1' as const;

const STATE_LABEL: Record<string, string> = { ...SIGN_OFF_STATE_LABEL, unreviewed: '未开始' };
const PROCEDURE_LABEL: Record<string, string> = { general: '一般程序', simple: '简易程序' };

/** One line: the parameters in words (printed on every export). */
export function parameterLine(t: TaskExportMeta): string {
  const s = t.params.scope;
  const sp = t.params.sampling;
  const parts = [
    `任务：${t.name}`,
    `范围：${s.agencies?.length ? s.agencies.join('、') : '全部执法机关'}；${s.years?.length ? s.years.join('、') + '年度' : '全部年度'}；${s.procedures?.length ? s.procedures.map((p) => PROCEDURE_LABEL[p] ?? p).join('、') : '全部程序'}；已结案/已归档`,
    `抽查：${sp.mode === 'all' ? '全部' : `按 ${Math.round((sp.ratio ?? 0) * 1000) / 10}% ${sp.stratify === 'none' ? '' : '分单位'}抽取`}${sp.mustInclude?.length ? `，必查 ${sp.mustInclude.length} 卷` : ''}，随机种子 ${sp.seed}（总体 ${t.draw.population} 卷）`,
    `评分表：${t.sheetId}`,
  ];
  return parts.join('　');
}

export function taskResultsJson(t: TaskExportMeta, r: TaskResults): object {
  return { format: TASK_EXPORT_FORMAT, task: t, results: r };
}

const RANKING_HEADER = ['名次', '案号', '执法机关', '得分', '等次', '否决', '评查状态', '评查人', '任务', '随机种子', '评分表'];

/** CSV: the ranking, then the unsigned cases; UTF-8 BOM, CRLF; the parameters on every row. */
export function taskResultsCsv(t: TaskExportMeta, r: TaskResults): string {
  const lines = [RANKING_HEADER.map((h) => csvField(h)).join(',')];
  const tail = [csvField(t.name), csvField(t.params.sampling.seed), csvField(t.sheetId)];
  for (const x of r.ranking) {
    lines.push([String(x.rank), csvField(x.caseNumber), csvField(x.agency), String(x.total), csvField(x.grade), x.vetoed ? '是' : '否', csvField(STATE_LABEL[x.state] ?? x.state), csvField(x.evaluator ?? ''), ...tail].join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export async function taskResultsXlsx(t: TaskExportMeta, r: TaskResults): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'casefile';
  const params = parameterLine(t);
  const sheet = (name: string, header: string[], widths: number[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = widths.map((width, i) => ({ key: String(i), width }));
    ws.addRow([params]);
    ws.addRow(header);
    for (const row of rows) ws.addRow(row);
  };
  sheet('排名', RANKING_HEADER.slice(0, 8), [6, 28, 24, 8, 8, 6, 14, 12], r.ranking.map((x) => [x.rank, x.caseNumber, x.agency, x.total, x.grade, x.vetoed ? '是' : '否', STATE_LABEL[x.state] ?? x.state, x.evaluator ?? '']));
  sheet(
    '单位',
    ['执法机关', '抽取卷数', '已签署', '复核通过', '平均分', '最低分', '最高分', '否决卷数', '问题数', '等次分布'],
    [24, 10, 8, 10, 8, 8, 8, 10, 8, 30],
    r.agencies.map((a) => [a.agency, a.cases, a.scored, a.approved, a.average, a.min, a.max, a.vetoed, a.defects, Object.entries(a.grades).map(([g, n]) => `${g} ${n}`).join('、')]),
  );
  sheet('承办人', ['承办人', '执法机关', '卷数', '平均分', '问题数'], [12, 24, 8, 8, 8], r.officers.map((o) => [o.officer, o.agency, o.cases, o.average, o.defects]));
  sheet('常见问题', ['规则', '问题', '依据', '次数', '卷数', '涉及单位'], [10, 40, 50, 8, 8, 40], r.topDefects.map((d) => [d.ruleId, d.title, d.basisPending ? `${d.basis}（依据待核）` : d.basis, d.count, d.cases, d.agencies.join('、')]));
  sheet(
    '整改清单',
    ['执法机关', '案号', '规则', '问题', '依据', '整改建议', '已整改', '销号人', '销号时间', '说明', '事项编号'],
    [24, 26, 10, 40, 40, 40, 8, 10, 22, 30, 40],
    r.rectifications.flatMap((g) => g.items.map((i) => [g.agency, i.caseNumber, i.ruleId, i.title, i.basis, i.suggestion, i.done ? '是' : '否', i.doneBy?.name ?? '', i.doneAt ?? '', i.note ?? '', i.key])),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const fmt = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));

export async function taskResultsPdf(t: TaskExportMeta, r: TaskResults): Promise<Uint8Array> {
  const doc = await PdfLayout.create({ title: `${t.name} 评查结果`, subject: `评分表 ${t.sheetId}`, runningHeader: { left: t.name, right: `随机种子 ${t.params.sampling.seed}` } });
  doc.title(`${t.name}结果通报`);
  doc.paragraph(parameterLine(t), { size: 8.5, color: COLORS.muted, align: 'center', spaceAfter: 6 });
  doc.rule();
  doc.heading('一、总体情况');
  doc.paragraph(`抽取案卷 ${r.cases} 卷，已签署 ${r.scored} 卷，其中组长复核通过 ${r.approved} 卷；未签署的案卷不计入排名与平均分。`);
  doc.table({
    columns: tableColumns(['执法机关', 3], ['总体', 0.8, 'right'], ['抽取', 0.8, 'right']),
    rows: t.draw.perAgency.map((a) => [a.agency, String(a.population), String(a.selected)]),
  });
  doc.heading('二、各单位得分');
  doc.table({
    columns: tableColumns(['执法机关', 3], ['卷数', 0.7, 'right'], ['已签署', 0.8, 'right'], ['平均分', 0.9, 'right'], ['最低', 0.7, 'right'], ['最高', 0.7, 'right'], ['否决', 0.7, 'right'], ['问题数', 0.8, 'right']),
    rows: r.agencies.map((a) => [a.agency, String(a.cases), String(a.scored), fmt(a.average), fmt(a.min), fmt(a.max), String(a.vetoed), String(a.defects)]),
    zebra: true,
  });
  doc.heading('三、案卷排名');
  doc.table({
    columns: tableColumns(['名次', 0.7, 'right'], ['案号', 2.6], ['执法机关', 2.4], ['得分', 0.8, 'right'], ['等次', 0.9], ['状态', 1.3]),
    rows: r.ranking.map((x) => [String(x.rank), x.caseNumber, x.agency, fmt(x.total), x.grade, STATE_LABEL[x.state] ?? x.state]),
    zebra: true,
  });
  doc.heading('四、承办人');
  doc.table({
    columns: tableColumns(['承办人', 1.4], ['执法机关', 3], ['卷数', 0.8, 'right'], ['平均分', 0.9, 'right'], ['问题数', 0.9, 'right']),
    rows: r.officers.map((o) => [o.officer, o.agency, String(o.cases), fmt(o.average), String(o.defects)]),
    zebra: true,
  });
  doc.heading('五、常见问题及依据');
  if (r.topDefects.length === 0) doc.paragraph('无。');
  else
    doc.table({
      columns: tableColumns(['规则', 0.9], ['问题', 3], ['依据', 3], ['次数', 0.7, 'right']),
      rows: r.topDefects.slice(0, 30).map((d) => [d.ruleId, d.title, d.basisPending ? `${d.basis}（依据待核）` : d.basis, String(d.count)]),
      zebra: true,
    });
  doc.heading('六、整改清单');
  for (const g of r.rectifications) {
    doc.heading(`${g.agency}（${g.items.length} 项，已整改 ${g.done} 项）`, 2);
    if (g.items.length === 0) {
      doc.paragraph('无须整改的问题。');
      continue;
    }
    doc.table({
      columns: tableColumns(['案号', 2.2], ['问题', 3], ['整改建议', 3], ['已整改', 0.8]),
      rows: g.items.map((i) => [i.caseNumber, `${i.ruleId} ${i.title}`, i.suggestion, i.done ? '是' : '否']),
    });
  }
  return doc.finish();
}
