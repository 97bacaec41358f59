/**
 * DL-01b — 不计入办案期限的期间 must be documented with a start and an end inside the case (立案 … 决定):
 * 检测/鉴定 periods (testingPeriod) as recorded on the documents.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const exclusionIntervals: CustomCheckImpl = {
  name: 'exclusion_intervals',
  description: '扣除期间（检测、鉴定）起止日期齐全、先后正确且在立案至决定之间',
  params: NO_PARAMS,
  dataKeys: ['problem', 'from', 'to', 'filedOn', 'decidedOn'],
  problemIds: ['fromAfterTo', 'beforeFiling', 'afterDecision'],
  run(_params, ctx) {
    const filing = ctx.fact('filingDate')?.value;
    const decision = ctx.fact('decisionDate')?.value;
    const docs = ctx.caseFile.documents.filter((d) => d.testingPeriod);
    if (!docs.length) return [na('卷内无检测、鉴定扣除期间')];
    const out: CheckOutcome[] = [];
    for (const d of docs) {
      const t = d.testingPeriod!;
      const problems: ProblemRef[] = [];
      if (t.from > t.to) problems.push({ id: 'fromAfterTo' });
      if (filing && t.from < filing) problems.push({ id: 'beforeFiling', data: { filedOn: filing } });
      if (decision && t.to > decision) problems.push({ id: 'afterDecision', data: { decidedOn: decision } });
      if (problems.length)
        out.push({
          status: 'fail',
          data: { docName: ctx.docName(d.type), docId: d.id, docLabel: ctx.docLabel(d), problem: '', from: t.from, to: t.to },
          problems,
          facts: [docRef(ctx, d, '检测/鉴定期间', `${t.from}～${t.to}`)],
          key: d.id,
        });
    }
    return out.length ? out : [pass(docs.map((d) => `${ctx.docLabel(d)}：${d.testingPeriod!.from}～${d.testingPeriod!.to}`).join('；'), docs.map((d) => docRef(ctx, d)))];
  },
};
