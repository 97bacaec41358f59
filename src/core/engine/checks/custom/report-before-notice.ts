/**
 * SEQ-06 — 调查终结 → 案件审查 → 告知 (处罚法第57条; 2023办法章节顺序【S】): every 事先告知书 has an 调查报告 made on
 * or before it (a 按日连续处罚 file has one report and one notice per round).
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

// the declaration every named check makes (CustomCheckImpl, ./types.ts): alike in shape by design
export const reportBeforeNotice: CustomCheckImpl = {
  name: 'report_before_notice',
  description: '每份事先告知书之前都有调查报告',
  params: NO_PARAMS,
  dataKeys: ['problem', 'noticeOn', 'firstReportOn'],
  problemIds: ['noReportBefore'],
  run(_params, ctx) {
    const notices = ctx.docs('penalty_notice').filter((n) => n.madeOn);
    const reports = ctx.docs('investigation_report').map((r) => r.madeOn).filter((d): d is string => !!d).sort();
    if (!notices.length || !reports.length) return [na('卷内无事先告知书或调查报告')];
    const out: CheckOutcome[] = [];
    for (const n of notices) {
      if (!reports.some((r) => r <= n.madeOn!))
        out.push({
          status: 'fail',
          data: { docName: ctx.docName(n.type), docId: n.id, docLabel: ctx.docLabel(n), problem: '' },
          problems: [{ id: 'noReportBefore', data: { noticeOn: n.madeOn!, firstReportOn: reports[0] } }],
          facts: [docRef(ctx, n, '告知书日期', n.madeOn!), { label: '最早调查报告日期', value: reports[0] }],
          key: n.id,
        });
    }
    return out.length ? out : [pass(`${notices.length}份告知书之前均有调查报告`, notices.map((n) => docRef(ctx, n)))];
  },
};
