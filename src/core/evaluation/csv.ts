/**
 * summary.csv — one row per file (evaluated files in ranking order, then the files that could not be evaluated, then
 * the unfinished files — 未结案（不参与评分排名）, no rank and no score — with the review's findings count).
 * UTF-8 with a byte-order mark and CRLF line ends, so Excel opens the Chinese text correctly.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { EvaluatedFileRow, EvaluationResults } from './types';

/** RFC 4180 quoting; text that a spreadsheet would run as a formula (= + - @ …) is prefixed with ' (CSV injection). */
export function csvField(value: string | number | undefined, text = typeof value === 'string'): string {
  if (value === undefined) return '';
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** 细则 sheets: the parts of the score, after the category columns (合法性, 规范性) */
export const OFFICIAL_HEADER = ['案件类型', '重大问题（细则合法性评查项）', '文书评查得分（50×Σ得分/Σ标准分）', 'Σ得分', 'Σ参与评查标准分', '卷面扣分', '待人工评分项', '得分下限', '得分上限'];

export function isOfficial(results: EvaluationResults): boolean {
  return results.versions.scoringSheet.model === 'xize-2024';
}

/** the official columns of one row (empty cells for a failed file) */
export function officialCells(r: EvaluatedFileRow | undefined): (string | number | undefined)[] {
  const o = r?.official;
  if (!o) return OFFICIAL_HEADER.map(() => undefined);
  return [o.caseType, o.majorIssues.join('；') || '无', o.documentScore, o.earned, o.participating, o.formDeducted, o.manualItems, o.range.min, o.range.max];
}

export function summaryHeader(results: EvaluationResults): string[] {
  return [
    '名次', '案号', '当事人', '执法机关', '案由', '程序', isOfficial(results) ? '案卷得分（细则）' : '得分', isOfficial(results) ? '等次（本地参照【I】）' : '等次',
    ...results.categories.map((c) => `${c.name}（${c.max}分）`),
    ...(isOfficial(results) ? OFFICIAL_HEADER : []),
    '否决项', '问题总数', '否决级', '错误', '警告', '提示', '状态', '文件',
    '规则包版本', '评分表', '节假日数据版本', '审查基准日',
  ];
}

export async function writeSummaryCsv(path: string, results: EvaluationResults): Promise<void> {
  const out = createWriteStream(path);
  const write = async (cells: string[]) => {
    if (!out.write(cells.join(',') + '\r\n')) await once(out, 'drain');
  };
  out.write('\ufeff');
  // provenance on every row: which rule pack, sheet and holiday data produced these numbers
  const v = results.versions;
  const provenance = [
    csvField(v.rulePack),
    csvField(`${v.scoringSheet.id} ${v.scoringSheet.version}`),
    csvField(v.holidayData),
    csvField(results.parameters.asOf),
  ];
  await write(summaryHeader(results).map((h) => csvField(h)));
  for (const r of results.ranking) {
    await write([
      csvField(r.rank),
      csvField(r.caseNumber),
      csvField(r.party),
      csvField(r.agency),
      csvField(r.causeOfAction),
      csvField(r.procedure),
      csvField(r.total),
      csvField(r.grade),
      ...results.categories.map((c) => csvField(r.categories[c.id])),
      ...(isOfficial(results) ? officialCells(r).map((x) => csvField(x)) : []),
      csvField(r.vetoCount),
      csvField(r.findings.total),
      csvField(r.findings.veto),
      csvField(r.findings.error),
      csvField(r.findings.warning),
      csvField(r.findings.info),
      csvField('已评查'),
      csvField(r.file),
      ...provenance,
    ]);
  }
  for (const f of results.failed) {
    const blanks = 8 + results.categories.length + (isOfficial(results) ? OFFICIAL_HEADER.length : 0) + 6;
    await write([
      ...Array.from({ length: blanks }, () => ''),
      csvField(`无法评查：${f.issues.map((i) => (i.path ? `${i.path} ` : '') + i.message).slice(0, 3).join('；')}`),
      csvField(f.file),
      ...provenance,
    ]);
  }
  for (const u of results.unfinished) {
    const cells = summaryHeader(results).map(() => '');
    cells[1] = csvField(u.caseNumber);
    cells[3] = csvField(u.agency);
    cells[cells.length - 11] = csvField(u.findings);
    cells[cells.length - 6] = csvField(`未结案（不参与评分排名）：${u.statusLabel}`);
    cells[cells.length - 5] = csvField(u.file);
    provenance.forEach((p, n) => (cells[cells.length - 4 + n] = p));
    await write(cells);
  }
  out.end();
  await once(out, 'finish');
}
