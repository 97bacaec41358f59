/**
 * The report's human-judgement part: what the reviewer decided on each finding (裁定), the reviewer's own
 * findings and item scores (人工评查), rulings that no longer apply, and the 评查意见 with the signatures
 * (评查人, 复核人/组长) where the report used to leave blank lines. review-report.ts calls these when the input
 * carries a judgement; without one the report keeps its blank signature lines.
 */
import { SIGN_OFF_STATE_LABEL, type SignOff } from '../adjudication/sign-off';
import type { AdjudicatedReview } from '../adjudication/types';
import { todayInShanghai } from '../domain/clock';
import type { Finding } from '../engine/types';
import { COLORS, type PdfLayout, tableColumns } from './layout';

export interface ReportJudgement {
  adjudicated: AdjudicatedReview;
  signOff?: SignOff;
}

/** The Beijing calendar date of a UTC instant (签署日期). */
export function signedDate(iso: string): string {
  return todayInShanghai(new Date(iso));
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** Under a finding: the ruling (裁定) and the officer's explanations (情况说明). */
export function renderFindingJudgement(doc: PdfLayout, f: Finding, j: ReportJudgement | undefined, indent: number): void {
  if (!j) return;
  const a = j.adjudicated.findings.find((x) => x.finding.fingerprint === f.fingerprint && x.finding.ruleId === f.ruleId);
  if (!a) return;
  for (const e of a.explanations) {
    doc.paragraph(`${e.text}（${e.by.name}，${signedDate(e.at)}）`, { label: { text: '情况说明：' }, indent });
  }
  if (a.ruling && a.status === 'dismissed') {
    const d = j.adjudicated.score.dismissed.find((x) => x.fingerprint === f.fingerprint);
    doc.paragraph(
      `评查人员认定不构成问题，不扣分${d && d.points > 0 ? `（原应扣 ${fmt(d.points)} 分）` : ''}。理由：${a.ruling.reason ?? ''}（${a.ruling.by.name}，${signedDate(a.ruling.at)}）`,
      { label: { text: '裁定：已驳回', fill: COLORS.muted }, indent, color: COLORS.muted },
    );
  } else if (a.ruling && a.status === 'accepted') {
    doc.paragraph(`评查人员确认该问题${a.ruling.reason ? `：${a.ruling.reason}` : ''}（${a.ruling.by.name}，${signedDate(a.ruling.at)}）`, {
      label: { text: '裁定：已确认' },
      indent,
    });
  } else {
    doc.paragraph('尚未裁定', { label: { text: '裁定：' }, indent, color: COLORS.muted });
  }
}

/** 人工评查: manual findings, manual item scores, dismissed deductions, stale rulings, who judged what. */
export function renderManualJudgement(doc: PdfLayout, heading: string, j: ReportJudgement): void {
  const { score, staleRulings } = j.adjudicated;
  doc.heading(heading);
  const p = score.provenance;
  const people = p.manual.map((m) => {
    const parts = [] as string[];
    if (m.scoredItems.length > 0) parts.push(`人工评分 ${m.scoredItems.length} 项（共 ${fmt(m.scoredMax)} 分）`);
    if (m.deducted > 0) parts.push(`人工认定问题扣 ${fmt(m.deducted)} 分`);
    if (m.dismissed > 0) parts.push(`驳回机器提示 ${m.dismissed} 项`);
    return `${m.by.name}：${parts.join('，') || '仅确认机器提示'}`;
  });
  const items = p.items ? `评查项中规则引擎评定 ${p.items.machine} 项、评查人员评定 ${p.items.reviewer} 项、待人工评分 ${p.items.pending} 项。` : '';
  doc.paragraph(
    `规则引擎判定的分项共 ${fmt(p.machineJudgedMax)} 分，扣 ${fmt(p.machineDeducted)} 分。${items}${people.length > 0 ? people.join('；') + '。' : '无人工评分与人工认定。'}`,
  );

  if (score.manualDeductions.length > 0) {
    doc.heading(`人工认定的问题（${score.manualDeductions.length} 项）`, 2);
    const evidence = new Map(j.adjudicated.manualFindings.map((m) => [m.id, m.evidence ?? '—']));
    doc.table({
      columns: tableColumns(['细则项目', 1.8], ['问题', 3.2], ['证据', 1.6], ['扣分', 0.8, 'right'], ['认定人', 1.4]),
      rows: score.manualDeductions.map((d) => [
        d.item,
        d.severity === 'veto' ? `【否决】${d.text}` : d.text,
        evidence.get(d.manualFindingId) ?? '—',
        d.points < d.requested ? `${fmt(d.points)}（${d.note ?? ''}）` : fmt(d.points),
        `${d.by.name} ${signedDate(d.at)}`,
      ]),
    });
  }
  if (score.manualScores.length > 0) {
    doc.heading(`人工评分的项目（${score.manualScores.length} 项）`, 2);
    doc.table({
      columns: tableColumns(['评分项', 2.6], ['满分', 0.8, 'right'], ['规则引擎', 1, 'right'], ['人工评分', 1, 'right'], ['说明', 2.2], ['评分人', 1.4]),
      rows: score.manualScores.map((s) => [s.name, fmt(s.max), s.machineScore === undefined ? '—' : fmt(s.machineScore), fmt(s.score), s.note ?? '—', `${s.by.name} ${signedDate(s.at)}`]),
    });
  }
  if (score.dismissed.length > 0) {
    doc.heading(`驳回的机器提示（${score.dismissed.length} 项，不扣分）`, 2);
    doc.table({
      columns: tableColumns(['规则', 1], ['问题', 2.6], ['原应扣', 0.9, 'right'], ['驳回理由', 2.8], ['裁定人', 1.5]),
      rows: score.dismissed.map((d) => [d.ruleId, d.title, fmt(d.points), d.reason, `${d.by.name} ${signedDate(d.at)}`]),
    });
  }
  if (staleRulings.length > 0) {
    doc.heading(`未适用的裁定（${staleRulings.length} 项）`, 2);
    for (const s of staleRulings) {
      doc.paragraph(`${s.ruling.ruleId} ${s.ruling.title}：${s.reason}（原裁定：${s.ruling.decision === 'dismissed' ? '驳回' : '确认'}，${s.ruling.by.name}，${signedDate(s.ruling.at)}）`, {
        label: { text: s.state === 'invalidated' ? '事实已变化' : '已失效', fill: COLORS.orange },
        size: 9,
      });
    }
  }
}

/** 评查意见及签署 — filled in from the sign-off; blank lines where nobody has signed yet. */
export function renderSignOffSection(doc: PdfLayout, heading: string, who: string, signOff: SignOff | undefined): void {
  const lh = doc.lineHeightOf(doc.baseSize);
  doc.keepTogether(lh * 10, () => {
    doc.heading(heading);
    const s = signOff;
    if (!s || !s.signedBy || s.state === 'open' || s.state === 'returned') {
      doc.paragraph(`${who}意见：`, { spaceAfter: lh * 2.2 });
      doc.paragraph(`${who}人（签名）：____________________　　　复核人（签名）：____________________`, { spaceAfter: lh * 0.6 });
      doc.paragraph('日期：________年____月____日　　　　　　　日期：________年____月____日');
      if (s) doc.paragraph(`状态：${SIGN_OFF_STATE_LABEL[s.state]}${s.reviewComment ? `（退回意见：${s.reviewComment}）` : ''}`, { color: COLORS.muted });
      return;
    }
    doc.paragraph(s.opinion ?? '', { label: { text: `${who}意见：`, bold: true }, spaceAfter: lh * 0.6 });
    doc.paragraph(`${s.signedBy.name}　　日期：${signedDate(s.signedAt!)}`, { label: { text: `${who}人：`, bold: true } });
    if (s.state === 'approved') {
      doc.paragraph(`${s.reviewedBy!.name}　　日期：${signedDate(s.reviewedAt!)}　　复核通过${s.reviewComment ? `：${s.reviewComment}` : ''}`, {
        label: { text: '复核人：', bold: true },
      });
    } else {
      doc.paragraph('待复核　　复核人（签名）：____________________　　日期：________年____月____日', { label: { text: '复核人：', bold: true } });
    }
    doc.paragraph(`状态：${SIGN_OFF_STATE_LABEL[s.state]}`, { color: COLORS.muted, size: 9 });
  });
}
