/**
 * 行政处罚案卷评查报告 / 自查报告 (PDF) — one case file, its review and its score.
 *
 * What a 法制审核 office needs on paper: who and what was reviewed (案号, 当事人, 案由, 执法机关, 评查日期) and with
 * which versions (rule pack, scoring sheet, holiday data); the score, grade and veto hits; every finding with its
 * rule, 依据 (or 依据待核 for rules resting on 【S】/【I】), the facts used, the date arithmetic step by step and
 * what to do; what passed; in draft mode the deadlines ahead and the documents to make next; and lines for
 * the reviewer's and approver's signatures.
 */
import { basisText } from '../law/basis-text';
import type { CaseFile } from '../case-file/types';
import type { Finding, ReviewResult, Severity } from '../engine/types';
import type { CategoryScore, Deduction, ScoreResult } from '../scoring/types';
import { chineseNumber } from '../domain/period-text';
import { SEVERITY_LABELS, SEVERITY_RANK } from '../domain/severity';
import { COLORS, PdfLayout, type Color, type LayoutOptions, tableColumns } from './layout';
import { isPendingEntry, renderEntryCompleteness } from './entry-completeness';
import { renderFindingJudgement, renderManualJudgement, renderSignOffSection, type ReportJudgement } from './sign-off';
import { renderXizeScore } from './xize-score-section';

export interface ReviewReportInput {
  caseFile: CaseFile;
  review: ReviewResult;
  score: ScoreResult;
  /** a warning printed under the title (e.g. the case file changed since this review) */
  notice?: string;
  /** rulings, manual findings and scores, sign-off (./sign-off.ts); absent = blank signature lines */
  judgement?: ReportJudgement;
}

const SEVERITY_COLOR: Record<Severity, Color> = { veto: [0.5, 0.0, 0.0], error: COLORS.red, warning: COLORS.orange, info: COLORS.blue };

const REPORT_MODE_LABELS: Record<ReviewResult['mode'], string> = {
  review: '评查（已办结案卷）',
  draft: '自查（办理中案卷）',
  'pre-decision': '法制审核（作出决定前，行政处罚法第58条）',
};

const REPORT_KINDS: Record<ReviewResult['mode'], string> = { review: '评查报告', draft: '自查报告', 'pre-decision': '法制审核报告' };

export function reportTitle(mode: ReviewResult['mode']): string {
  return mode === 'draft' ? '行政处罚案卷自查报告' : mode === 'pre-decision' ? '行政处罚案件法制审核报告' : '行政处罚案卷评查报告';
}

/** The download name of a report, e.g. 益环罚〔2025〕12号-法制审核报告.pdf */
export function reportFileName(caseNumber: string, mode: ReviewResult['mode']): string {
  return `${caseNumber}-${REPORT_KINDS[mode]}.pdf`;
}

/** Render the report; resolves to the PDF bytes. */
export async function renderReviewReport(input: ReviewReportInput, options: Pick<LayoutOptions, 'fonts'> = {}): Promise<Uint8Array> {
  return (await layoutReviewReport(input, options)).pdf;
}

/** Render and also return the layout (its placed-box log is what the tests check). */
export async function layoutReviewReport(
  input: ReviewReportInput,
  options: Pick<LayoutOptions, 'fonts'> = {},
): Promise<{ pdf: Uint8Array; layout: PdfLayout }> {
  const { caseFile, review, score } = input;
  const title = reportTitle(review.mode);
  const doc = await PdfLayout.create({
    fonts: options.fonts,
    title: `${title}（${review.caseNumber}）`,
    subject: `${caseFile.case.causeOfAction}`,
    author: caseFile.case.agency,
    runningHeader: { left: `${caseFile.case.agency} · ${title}`, right: `案号：${review.caseNumber}` },
  });
  const section = sectionCounter();

  doc.title(title);
  doc.paragraph('本报告由案卷合规检查规则引擎依据卷宗数据自动生成，检查结论与评分须经评查人员复核确认。', {
    size: 8.5,
    color: COLORS.muted,
    align: 'center',
    spaceAfter: input.notice ? 2 : 8,
  });
  if (input.notice) doc.paragraph(input.notice, { size: 9, color: COLORS.red, align: 'center', spaceAfter: 8 });

  // ——— 基本情况 ———
  doc.heading(`${section()}、基本情况`);
  const label = (text: string) => ({ text, bold: true, fill: COLORS.labelFill });
  doc.table({
    header: false,
    size: 9,
    columns: tableColumns(['', 1.15], ['', 2.6], ['', 1.15], ['', 2.6]),
    rows: [
      [label('案号'), review.caseNumber, label('当事人'), partiesOf(caseFile)],
      [label('案由'), { text: caseFile.case.causeOfAction, colSpan: 3 }],
      [label('执法机关'), caseFile.case.agency, label('程序'), caseFile.case.procedure === 'simple' ? '简易程序' : '一般程序'],
      [label('评查日期'), review.asOf, label('评查模式'), REPORT_MODE_LABELS[review.mode]],
      [label('规则包版本'), review.rulePackVersion, label('节假日数据版本'), review.holidayDataVersion],
      [label('评分表'), { text: `${score.sheetName}（${score.sheetId}，版本 ${score.sheetVersion}）`, colSpan: 3 }],
    ],
  });

  // ——— 评分结果 ———
  if (score.model === 'xize-2024') renderXizeScore(doc, score, section);
  else renderCategoryScore(doc, review, score, section);

  // ——— 发现的问题 ———
  doc.heading(`${section()}、发现的问题（${review.findings.length} 项）`);
  if (review.findings.length === 0) {
    doc.paragraph('未发现问题。');
  } else {
    const groups = groupFindings(review.findings, score);
    let n = 0;
    groups.forEach((g, gi) => {
      const head = g.category
        ? `（${chineseNumber(gi + 1)}）${g.category.name}　扣 ${fmt(g.category.deducted)} 分，得 ${fmt(g.category.score)}/${fmt(g.category.max)} 分`
        : `（${chineseNumber(gi + 1)}）未计入评分表的问题`;
      doc.heading(head, 2);
      for (const f of g.findings) renderFinding(doc, ++n, f, deductionOf(f, score), score, input.judgement);
    });
  }

  // ——— 录入完整度 (./entry-completeness.ts): 待补录 apart from the findings ———
  if (review.entryCompleteness) renderEntryCompleteness(doc, `${section()}、录入完整度（待补录）`, review.entryCompleteness);

  // ——— 已通过的检查; 无法判定与不适用 ———
  const renderChecks = () => {
    doc.heading(`${section()}、已通过的检查（${review.passed.length} 项）`);
    if (review.passed.length === 0) doc.paragraph('无。');
    else
      doc.table({
        columns: tableColumns(['规则', 1.1], ['检查项', 3], ['结果', 4.5]),
        rows: review.passed.map((p) => [p.ruleId, p.title, p.summary || '符合']),
        zebra: true,
      });

    // 无法判定: each one matters (a deadline nobody could check) — a table with the reason
    const undeterminable = review.undeterminable.filter((s) => !isPendingEntry(s));
    if (undeterminable.length > 0) {
      doc.heading(`${section()}、无法判定的检查（${undeterminable.length} 项）`);
      doc.table({
        columns: tableColumns(['规则', 1.1], ['检查项', 3], ['原因', 4.5]),
        rows: undeterminable.map((s) => [
          s.ruleId,
          s.title,
          s.missingYears && s.missingYears.length > 0 ? `${s.reason}（缺少 ${s.missingYears.join('、')} 年节假日数据）` : s.reason,
        ]),
        zebra: true,
      });
    }
    // 不适用: only which rules, grouped by reason (most say "本案不属于该规则的适用情形")
    if (review.notApplicable.length > 0) {
      doc.heading(`${section()}、不适用的检查（${review.notApplicable.length} 项）`);
      const byReason = new Map<string, string[]>();
      for (const s of review.notApplicable) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.ruleId]);
      for (const [reason, ids] of byReason) {
        if (doc.textWidth(`${reason}：`, 9, true) <= doc.contentWidth * 0.35) {
          doc.paragraph(ids.join('、'), { label: { text: `${reason}：` }, size: 9, spaceAfter: 2 });
        } else {
          doc.paragraph(`${reason}：`, { bold: true, size: 9 });
          doc.paragraph(ids.join('、'), { size: 9, indent: 18, spaceAfter: 2 });
        }
      }
    }
  };

  // ——— 后续期限与下一步文书 (自查) ———
  const renderAhead = () => {
    if (review.mode !== 'review' || review.upcoming.length > 0) {
      doc.heading(`${section()}、后续期限（${review.upcoming.length} 项，截至 ${review.asOf}）`);
      if (review.upcoming.length === 0) doc.paragraph('无尚未届满的期限。');
      else
        doc.table({
          columns: tableColumns(['规则', 1], ['事项', 2.2], ['届满日', 1.4, 'center'], ['剩余', 0.9, 'right'], ['计算过程', 4.2]),
          rows: [...review.upcoming]
            .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
            .map((u) => [
              u.ruleId,
              u.label,
              u.dueOn,
              { text: `${u.daysLeft} 日`, color: u.daysLeft <= 3 ? COLORS.red : COLORS.text, bold: u.daysLeft <= 3, align: 'right' as const },
              u.calendar.join('\n'),
            ]),
        });
    }
    if (review.mode !== 'review' || review.nextDocuments.length > 0) {
      doc.heading(`${section()}、下一步应制作的文书（${review.nextDocuments.length} 项）`);
      if (review.nextDocuments.length === 0) doc.paragraph('无。');
      else
        doc.table({
          columns: tableColumns(['文书', 2.2], ['原因', 4.2], ['规则', 1], ['期限', 1.4, 'center']),
          rows: review.nextDocuments.map((d) => [d.name, d.reason, d.ruleId, d.dueOn ?? '—']),
          zebra: true,
        });
    }
  };

  // 决定书应载明 (法制审核 before the decision): what the decision about to be made must state (处罚法第59条)
  const renderDecisionItems = () => {
    const items = review.decisionMustState;
    if (!items?.length) return;
    doc.heading(`${section()}、决定书应载明（${items.length} 项）`);
    doc.table({
      columns: tableColumns(['事项', 5], ['规则', 1], ['依据', 2.6]),
      rows: items.map((i) => [i.item, i.ruleId, i.basis]),
      zebra: true,
    });
  };

  // 自查 (draft) and 法制审核: what is still ahead matters more than what passed
  if (review.mode !== 'review') {
    renderAhead();
    renderDecisionItems();
    renderChecks();
  } else {
    renderChecks();
    renderAhead();
  }

  // ——— 人工评查; 签署 ———
  const who = review.mode === 'draft' ? '自查' : review.mode === 'pre-decision' ? '法制审核' : '评查';
  if (input.judgement) {
    renderManualJudgement(doc, `${section()}、人工评查`, input.judgement);
    renderSignOffSection(doc, `${section()}、${who}意见及签署`, who, input.judgement.signOff);
  } else {
    const lh = doc.lineHeightOf(doc.baseSize);
    doc.keepTogether(lh * 9, () => {
      doc.heading(`${section()}、${who}意见及签署`);
      doc.paragraph(`${who}意见：`, { spaceAfter: lh * 2.2 });
      doc.paragraph(`${who}人（签名）：____________________　　　审核人（签名）：____________________`, { spaceAfter: lh * 0.6 });
      doc.paragraph('日期：________年____月____日　　　　　　　日期：________年____月____日');
    });
  }

  return { pdf: await doc.finish(), layout: doc };
}

function renderCategoryScore(doc: PdfLayout, review: ReviewResult, score: ScoreResult, section: () => string): void {
  doc.heading(`${section()}、评分结果`);
  const maxTotal = score.maxTotal ?? score.categories.reduce((s, c) => s + c.max, 0);
  const vetoed = score.vetoHits.length > 0;
  doc.paragraph(`总分 ${fmt(score.total)} 分（满分 ${fmt(maxTotal)} 分）　　等次：${score.grade}`, {
    size: 13,
    bold: true,
    color: vetoed || score.grade === '不合格' ? COLORS.red : COLORS.text,
    lineHeight: 1.5,
  });
  if (vetoed) {
    if (score.totalBeforeVeto !== undefined && score.totalBeforeVeto !== score.total) {
      doc.paragraph(`命中否决项，按评分表记零分（否决前得分 ${fmt(score.totalBeforeVeto)} 分）。`, { color: COLORS.red });
    } else {
      doc.paragraph('命中否决项，等次为不合格。', { color: COLORS.red });
    }
    for (const v of score.vetoHits) {
      doc.paragraph(`${v.vetoId} ${v.name}${v.basis ? `（${v.basis}）` : ''}——规则 ${v.ruleId}`, {
        label: { text: '否决项', fill: SEVERITY_COLOR.veto },
        color: COLORS.red,
        indent: 6,
      });
    }
  } else {
    doc.paragraph('否决项：未命中。');
  }
  for (const b of score.bonus) doc.paragraph(`${b.id} ${b.name}　+${fmt(b.points)} 分`, { label: { text: '加分项：' } });

  const findingCount = (c: CategoryScore) => review.findings.filter((f) => categoryOf(f, score)?.id === c.id).length;
  doc.table({
    columns: tableColumns(['评分分项', 4.2], ['满分', 1, 'right'], ['扣分', 1, 'right'], ['得分', 1, 'right'], ['问题数', 1, 'right']),
    rows: [
      ...score.categories.map((c) => [c.name, fmt(c.max), fmt(c.deducted), fmt(c.score), String(findingCount(c))]),
      ...(score.bonus.length > 0
        ? [[{ text: '加分项', bold: true }, '', '', `+${fmt(score.bonus.reduce((s, b) => s + b.points, 0))}`, '']]
        : []),
      [{ text: '合计', bold: true }, fmt(maxTotal), fmt(score.categories.reduce((s, c) => s + c.deducted, 0)), { text: fmt(score.total), bold: true }, String(review.findings.length)],
    ],
  });
  if (score.sheetStatus !== 'official') {
    doc.paragraph(
      '注：本评分表是旧推定评分表【I】，分项权重、扣分值与等次分界均为推定值，不是《生态环境行政执法案卷评查细则（2024年版）》，仅供对照。',
      { size: 8.5, color: COLORS.muted, spaceAfter: 4 },
    );
  }
}

function renderFinding(doc: PdfLayout, n: number, f: Finding, d: Deduction | undefined, score: ScoreResult, judgement?: ReportJudgement): void {
  const lh = doc.lineHeightOf(doc.baseSize);
  doc.gap(4);
  // the header and at least two lines under it on one page
  doc.ensureSpace(lh * 3);
  doc.paragraph(`${n}. ${f.ruleId}　${f.title}`, {
    bold: true,
    label: { text: SEVERITY_LABELS[f.severity], fill: SEVERITY_COLOR[f.severity] },
  });
  const ind = 14;
  doc.paragraph(f.message, { label: { text: '说明：' }, indent: ind });
  const basis = basisText(f.basis, 'grouped');
  doc.paragraph(f.basisPending ? `${basis}（依据待核：${confidenceText(f.confidence)}，须经法制审核人员复核）` : basis, {
    label: { text: f.basisPending ? '依据待核：' : '依据：', color: f.basisPending ? COLORS.orange : undefined },
    indent: ind,
  });
  for (const b of f.basis) if (b.quote) doc.paragraph(`“${b.quote}”`, { indent: ind + 28, size: 8.5, color: COLORS.muted });
  if (f.facts.length > 0) {
    doc.paragraph(f.facts.map((x) => `${x.label}：${factValue(x.value)}`).join('；'), { label: { text: '事实：' }, indent: ind });
  }
  if (f.calendar && f.calendar.length > 0) {
    doc.paragraph('', { label: { text: '期间计算：' }, indent: ind });
    f.calendar.forEach((step, i) => doc.paragraph(step, { indent: ind + 28, size: 9, label: { text: `${i + 1}. `, bold: false } }));
  }
  doc.paragraph(f.suggestion || '—', { label: { text: '整改建议：' }, indent: ind });
  const veto = score.vetoHits.find((v) => v.fingerprint === f.fingerprint && v.ruleId === f.ruleId);
  const parts: string[] = [];
  if (d) {
    parts.push(`${fmt(d.points)} 分`);
    if (d.points !== d.requested) parts.push(`（评分表 ${fmt(d.requested)} 分，${d.note ?? ''}）`);
    else if (score.model === 'xize-2024' && d.note) parts.push(`（${d.note}）`);
    if (d.unmappedItem) parts.push(`（评分项 ${d.unmappedItem} 不在评分表中，计入本分项）`);
  } else {
    parts.push('不扣分');
  }
  if (veto) parts.push(score.model === 'xize-2024' ? `；重大问题：${veto.basis ?? veto.vetoId}，案卷评为 0 分` : `；命中否决项 ${veto.vetoId} ${veto.name}`);
  doc.paragraph(parts.join(''), { label: { text: '扣分：' }, indent: ind, color: veto ? COLORS.red : undefined });
  renderFindingJudgement(doc, f, judgement, ind);
}

function confidenceText(c: Finding['confidence']): string {
  return c === 'S' ? '【S】二手转述' : c === 'I' ? '【I】推断' : '【Q】';
}

function factValue(v: string | number | boolean): string {
  return typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
}

function partiesOf(c: CaseFile): string {
  return c.parties.map((p) => p.name).join('、') || '—';
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function sectionCounter(): () => string {
  let i = 0;
  return () => chineseNumber(++i);
}

function deductionOf(f: Finding, score: ScoreResult): Deduction | undefined {
  for (const c of score.categories) {
    const d = c.deductions.find((x) => x.fingerprint === f.fingerprint && x.ruleId === f.ruleId);
    if (d) return d;
  }
  return undefined;
}

/** the category a finding was scored in (its deduction's; a 重大问题 hit: 合法性), else the one its scoringItem names */
function categoryOf(f: Finding, score: ScoreResult): CategoryScore | undefined {
  for (const c of score.categories) if (c.deductions.some((x) => x.fingerprint === f.fingerprint && x.ruleId === f.ruleId)) return c;
  if (score.model === 'xize-2024' && score.vetoHits.some((v) => v.fingerprint === f.fingerprint && v.ruleId === f.ruleId)) {
    return score.categories.find((c) => c.id === 'legality');
  }
  return score.categories.find((c) => c.id === f.scoringItem);
}

function groupFindings(findings: Finding[], score: ScoreResult): { category?: CategoryScore; findings: Finding[] }[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const k = `${f.ruleId}\u0000${f.fingerprint}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const order = (a: Finding, b: Finding) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
  const groups: { category?: CategoryScore; findings: Finding[] }[] = [];
  for (const c of score.categories) {
    const fs = unique.filter((f) => categoryOf(f, score)?.id === c.id).sort(order);
    if (fs.length > 0) groups.push({ category: c, findings: fs });
  }
  const rest = unique.filter((f) => !categoryOf(f, score)).sort(order);
  if (rest.length > 0) groups.push({ findings: rest });
  return groups;
}
