/**
 * DL-01c — 中止案件调查 (生态环境行政处罚办法(2023)第35条【S】): the 中止审批表 (approved, with the day) and,
 * once the case went on, a 恢复审批表 after it must both be in the file.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const suspensionResumption: CustomCheckImpl = {
  name: 'suspension_resumption',
  description: '中止调查须有批准的中止审批表，案件继续办理的须有其后的恢复审批表',
  params: NO_PARAMS,
  dataKeys: ['problem'],
  problemIds: ['notApproved', 'noSuspensionDay', 'noResumption', 'resumptionWithoutSuspension'],
  run(_params, ctx) {
    const suspensions = ctx.docs('suspension_approval');
    const resumptions = ctx.docs('resumption_approval');
    if (!suspensions.length && !resumptions.length) return [na('卷内无中止、恢复审批')];
    const wentOn = ctx.docsInGroup('case_outcome').length > 0;
    const out: CheckOutcome[] = [];
    const used = new Set<string>();
    for (const s of suspensions) {
      const start = s.suspendedOn ?? s.approvedOn;
      const problems: ProblemRef[] = [];
      if (!s.approvedOn) problems.push({ id: 'notApproved' });
      if (!start) problems.push({ id: 'noSuspensionDay' });
      const r = resumptions.find((x) => !used.has(x.id) && start && (x.resumedOn ?? x.approvedOn ?? '') >= start);
      if (r) used.add(r.id);
      else if (wentOn) problems.push({ id: 'noResumption' });
      if (problems.length)
        out.push({ status: 'fail', data: { docName: ctx.docName(s.type), docId: s.id, docLabel: ctx.docLabel(s), problem: '' }, problems, facts: [docRef(ctx, s, '中止日', start ?? '')], key: s.id });
    }
    for (const r of resumptions)
      if (!used.has(r.id))
        out.push({ status: 'fail', data: { docName: ctx.docName(r.type), docId: r.id, docLabel: ctx.docLabel(r), problem: '' }, problems: [{ id: 'resumptionWithoutSuspension' }], facts: [docRef(ctx, r)], key: r.id });
    return out.length ? out : [pass(`中止 ${suspensions.length} 次，均有批准及恢复审批`, suspensions.map((s) => docRef(ctx, s)))];
  },
};
