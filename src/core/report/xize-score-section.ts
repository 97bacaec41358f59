/**
 * The 评分结果 section of the review report for a sheet of the 细则 model (official-2024):
 * 合法性评查 (each 重大问题 hit with its 细则 item number and the rule behind it; the items left to the reviewer),
 * 规范性评查 (the formula with this file's numbers; the document items with points; the machine-judged sub-items;
 * the 卷面 deductions), and what is left to the reviewer with the range it can still move the score.
 */
import type { DocumentItemResult, ItemEvidence, ScoreResult } from '../scoring/types';
import { SCORE_ITEM_STATUS_LABELS } from '../scoring/labels';
import { COLORS, type PdfLayout, tableColumns } from './layout';

const STATUS_LABEL: Record<string, string> = SCORE_ITEM_STATUS_LABELS;

export function renderXizeScore(doc: PdfLayout, score: ScoreResult, headingNo: () => string): void {
  const legality = score.legality!;
  const norm = score.normativity!;
  const form = score.formDeductions!;
  const manual = score.manualItems ?? [];
  const vetoed = legality.hits.length > 0;

  doc.heading(`${headingNo()}、评分结果（${score.sheetName}）`);
  // with a 重大问题 the file scores 0 whatever its 规范性 ("直接评为 0 分"): no sum to show, the next line gives the parts
  const headline = vetoed
    ? `案卷得分 ${fmt(score.total)} 分（满分 ${fmt(score.maxTotal ?? 100)} 分）：合法性存在重大问题`
    : `案卷得分 ${fmt(score.total)} 分（满分 ${fmt(score.maxTotal ?? 100)} 分）＝ 合法性 ${fmt(legality.score)} ＋ 规范性 ${fmt(norm.score)}`;
  doc.paragraph(headline, {
    size: 13,
    bold: true,
    color: vetoed ? COLORS.red : COLORS.text,
    lineHeight: 1.5,
  });
  if (vetoed) {
    doc.paragraph(`依细则"直接评为 0 分"（不计重大问题时为 ${fmt(score.totalBeforeVeto ?? 0)} 分，其中规范性 ${fmt(norm.score)} 分）。`, { color: COLORS.red });
  } else if (score.totalRange && manual.length > 0) {
    doc.paragraph(
      `机器评分只计已评定的项目；留待评查人员评分的 ${manual.length} 项评定后，得分在 ${fmt(score.totalRange.min)}–${fmt(score.totalRange.max)} 分之间（评查人员认定存在重大问题的，为 0 分）。`,
      { size: 9.5 },
    );
  }
  if (score.pendingEntry) {
    doc.paragraph(`案卷尚有未录入的部分：${score.pendingEntry.rules} 项检查待补录，相关评查项留待评分，得分为暂定。`, { size: 9.5, color: COLORS.orange });
  }
  if (score.gradeOverlay) {
    doc.paragraph(`${score.gradeOverlay.name}：${score.grade}。${score.gradeOverlay.note}`, { size: 8.5, color: COLORS.muted });
  }
  if (score.sheetStatus === 'official') {
    doc.paragraph('评分表条目与分值取自细则的第三方副本【Q†】（环执法发〔2024〕4号），待与生态环境部公布的正式文本核对。', { size: 8.5, color: COLORS.muted, spaceAfter: 4 });
  }

  // —— 合法性 ——
  doc.heading(`（一）合法性评查（${fmt(legality.max)} 分，一票否决）：${fmt(legality.score)} 分`, 2);
  if (vetoed) {
    for (const h of legality.hits) {
      const rules = h.evidence.filter((e) => e.kind === 'finding').map((e) => `${e.ruleId} ${e.title}`).join('；');
      doc.paragraph(`细则合法性评查第${h.no}项（${h.group}）：${h.name}——规则 ${rules}`, {
        label: { text: '重大问题', fill: [0.5, 0, 0] },
        color: COLORS.red,
        indent: 6,
      });
    }
  } else {
    doc.paragraph('规则可判定的部分未发现重大问题。');
  }
  const pending = legality.items.filter((i) => i.status === 'pending');
  if (pending.length > 0) {
    doc.paragraph(
      pending.map((i) => `第${i.no}项${i.coverage === 'partial' ? '（部分由规则判断）' : ''}${hintText(i.evidence)}`).join('、'),
      { label: { text: '由评查人员判断：' }, size: 9 },
    );
  }
  const clear = legality.items.filter((i) => i.status === 'clear');
  if (clear.length > 0) doc.paragraph(clear.map((i) => `第${i.no}项`).join('、'), { label: { text: '规则已判定无此问题：' }, size: 9 });
  const na = legality.items.filter((i) => i.status === 'not_applicable');
  if (na.length > 0) doc.paragraph(na.map((i) => `第${i.no}项`).join('、'), { label: { text: '本案不适用：' }, size: 9, spaceAfter: 4 });

  // —— 规范性 ——
  doc.heading(`（二）规范性评查（${fmt(norm.max)} 分）：${fmt(norm.score)} 分`, 2);
  doc.paragraph(`案件类型：${norm.caseTypeName}${norm.caseType ? `（文书评查项总分 ${fmt(norm.caseTypeTotal)} 分）` : ''}`);
  doc.paragraph(`规范性得分 ＝ ${norm.formula}`, { label: { text: '计算：' } });
  if (norm.note) doc.paragraph(norm.note, { size: 8.5, color: COLORS.muted });
  if (norm.documents.length > 0) {
    doc.paragraph('各类型文书评查项', { bold: true, keepWithNext: 40 });
    doc.table({
      size: 8.5,
      columns: tableColumns(['序号', 0.7], ['评查项目', 3.2], ['标准分', 0.9, 'right'], ['已评分值', 0.9, 'right'], ['得分', 0.8, 'right'], ['待人工', 0.9, 'right'], ['状态', 1.3]),
      rows: norm.documents.map((d) => [
        d.id,
        d.bonus ? `${d.name}（加分项）` : d.name,
        fmt(d.points),
        fmt(settledPoints(d)),
        { text: fmt(d.awarded), color: d.status === 'absent' ? COLORS.red : COLORS.text },
        fmt(pendingPoints(d)),
        STATUS_LABEL[d.status] ?? d.status,
      ]),
      zebra: true,
    });
    const judged = norm.documents.flatMap((d) => d.subItems.filter((s) => s.status === 'machine' || s.status === 'reviewer').map((s) => ({ d, s })));
    if (judged.length > 0) {
      doc.paragraph('已评定的细目', { bold: true, keepWithNext: 40 });
      doc.table({
        size: 8.5,
        columns: tableColumns(['细目', 0.8], ['内容', 4.2], ['分值', 0.7, 'right'], ['得分', 0.7, 'right'], ['依据', 2.4]),
        rows: judged.map(({ d, s }) => [
          s.id,
          `${d.name}：${s.text}`,
          fmt(s.points),
          { text: fmt(s.awarded), color: s.awarded < s.points ? COLORS.red : COLORS.text, bold: s.awarded < s.points },
          evidenceText(s.evidence, s.note),
        ]),
      });
    }
  }

  // —— 卷面 ——
  doc.heading(`（三）卷面基本要素（扣分制，最多扣 ${fmt(form.max)} 分）：扣 ${fmt(form.deducted)} 分`, 2);
  doc.table({
    size: 8.5,
    columns: tableColumns(['要素', 0.7], ['内容', 4.6], ['分值', 0.7, 'right'], ['扣分', 0.7, 'right'], ['依据 / 状态', 2.3]),
    rows: form.groups.flatMap((g) => [
      [{ text: `${g.name}（${fmt(g.max)} 分，扣 ${fmt(g.deducted)} 分）`, bold: true, colSpan: 5 }],
      ...g.elements.map((e) => [
        e.id,
        e.text,
        fmt(e.points),
        { text: e.status === 'pending' ? '—' : fmt(e.deducted), color: e.deducted > 0 ? COLORS.red : COLORS.text },
        e.status === 'pending' ? `待人工评分${hintText(e.evidence)}` : evidenceText(e.evidence),
      ]),
    ]),
  });

  // —— 留待评查人员 ——
  if (manual.length > 0) {
    doc.heading(`（四）留待评查人员评分的项目（${manual.length} 项）`, 2);
    const byDoc = new Map<string, { label: string; ids: string[]; points: number }>();
    for (const m of manual) {
      const key = m.kind === 'deduction' ? '卷面' : m.itemId.split('.')[0];
      const doc0 = norm.documents.find((d) => d.id === key);
      const label = m.kind === 'deduction' ? '卷面基本要素（可扣）' : doc0 ? `${doc0.name}` : key;
      const e = byDoc.get(key) ?? { label, ids: [], points: 0 };
      e.ids.push(m.itemId);
      e.points = Math.round((e.points + m.points) * 100) / 100;
      byDoc.set(key, e);
    }
    for (const e of byDoc.values()) doc.paragraph(`${e.ids.join('、')}（共 ${fmt(e.points)} 分）`, { label: { text: `${e.label}：` }, size: 9, spaceAfter: 1 });
    doc.paragraph('评查人员的评分可随审查请求提交（manualScores: [{ itemId, points, note }]），评分后重新计算。', { size: 8.5, color: COLORS.muted, spaceAfter: 4 });
  }
}

function settledPoints(d: DocumentItemResult): number {
  if (d.status === 'absent') return d.points;
  if (d.status === 'scored' && d.subItems.length === 0) return d.points;
  return d.subItems.filter((s) => s.status === 'machine' || s.status === 'reviewer').reduce((t, s) => t + s.points, 0);
}

function pendingPoints(d: DocumentItemResult): number {
  if (d.status === 'pending') return d.points;
  return d.subItems.filter((s) => s.status === 'pending').reduce((t, s) => t + s.points, 0);
}

function evidenceText(evidence: ItemEvidence[], note?: string): string {
  const parts = evidence.filter((e) => e.kind !== 'hint').map((e) => `${e.ruleId}${e.kind === 'finding' ? '发现问题' : '通过'}${e.basisPending ? '（依据待核）' : ''}`);
  const hints = evidence.filter((e) => e.kind === 'hint').map((e) => e.ruleId);
  return [parts.join(' '), hints.length ? `提示 ${hints.join('、')}` : '', note ?? ''].filter(Boolean).join('；') || '—';
}

function hintText(evidence: ItemEvidence[]): string {
  const hints = [...new Set(evidence.filter((e) => e.kind === 'hint' || e.kind === 'finding').map((e) => e.ruleId))];
  return hints.length > 0 ? `（提示：${hints.join('、')}）` : '';
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
