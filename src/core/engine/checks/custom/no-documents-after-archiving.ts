/**
 * C0-03 — 归档后不得修改、增加案卷材料 (2010办法第70条【Q, 已废止】): no document is dated after the archiving day.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

// the declaration every named check makes (CustomCheckImpl, ./types.ts): alike in shape by design
export const noDocumentsAfterArchiving: CustomCheckImpl = {
  name: 'no_documents_after_archiving',
  description: '归档日后形成的文书',
  params: NO_PARAMS,
  dataKeys: ['archivedOn', 'problem', 'madeOn'],
  problemIds: ['afterArchiving'],
  run(_params, ctx) {
    const archivedOn = ctx.caseFile.case.archivedOn;
    if (!archivedOn) return [na('未记载归档日')];
    const late = ctx.caseFile.documents.filter((d) => {
      const on = d.madeOn ?? d.approvedOn;
      return on !== undefined && on > archivedOn;
    });
    const lateEdu = (ctx.caseFile.educationRecords ?? []).filter((r) => r.heldOn > archivedOn);
    const out: CheckOutcome[] = late.map((d) => ({
      status: 'fail' as const,
      data: { docName: ctx.docName(d.type), docId: d.id, docLabel: ctx.docLabel(d), archivedOn, problem: '' },
      problems: [{ id: 'afterArchiving', data: { madeOn: (d.madeOn ?? d.approvedOn)! } }],
      facts: [docRef(ctx, d, ctx.docName(d.type), d.madeOn ?? d.approvedOn ?? ''), { label: '归档日', value: archivedOn }],
      key: d.id,
    }));
    for (const r of lateEdu)
      out.push({
        status: 'fail',
        data: { docName: '普法教育记录', docId: r.id, docLabel: `普法教育记录（${r.heldOn}）`, archivedOn, problem: '' },
        problems: [{ id: 'afterArchiving', data: { madeOn: r.heldOn } }],
        facts: [{ label: '普法教育记录', value: r.heldOn, refId: r.id }, { label: '归档日', value: archivedOn }],
        key: r.id,
      });
    return out.length ? out : [pass(`卷内文书均形成于归档日 ${archivedOn} 之前`, [])];
  },
};
