/**
 * decided_le_proposed — 决定罚款不高于事先告知的拟罚款，且不增加告知书未载明的处罚种类 (行政处罚法第45条第2款: 不得因当事人陈述、申辩而给予更重的处罚).
 */
import type { FactRef } from '../../types';
import { PENALTY_KIND_LABELS } from '../../../domain/labels';
import { earliest, noticeDoc, yuan } from '../money';
import { docRef, na, pass } from '../util';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const decidedLeProposed: CustomCheckImpl = {
  name: 'decided_le_proposed',
  description: '决定罚款不高于事先告知的拟罚款，且不增加告知书未载明的处罚种类',
  params: NO_PARAMS,
  dataKeys: ['proposed', 'decided', 'extraKinds', 'problem'],
  problemIds: ['heavierFine', 'extraKinds'],
  run(_params, ctx) {
    const decision = earliest(ctx, 'penalty_decision');
    const notice = noticeDoc(ctx);
    if (!decision || !notice) return [na('卷内无事先告知书或处罚决定书')];
    const p = ctx.caseFile.case.penalty;
    const proposed = notice.amounts?.fine ?? p?.proposedFine;
    const decided = decision.amounts?.fine ?? p?.decidedFine;
    const noticeKinds = new Set(notice.penaltyKinds ?? []);
    const extra = noticeKinds.size ? (decision.penaltyKinds ?? []).filter((k) => !noticeKinds.has(k)) : [];
    const facts: FactRef[] = [];
    if (proposed !== undefined) facts.push(docRef(ctx, notice, '告知书拟罚款金额', proposed));
    if (decided !== undefined) facts.push(docRef(ctx, decision, '决定书罚款金额', decided));
    const heavierFine = proposed !== undefined && decided !== undefined && decided > proposed + 0.005;
    if (!heavierFine && !extra.length) {
      if (proposed === undefined || decided === undefined) {
        if (!noticeKinds.size) return [na('告知书或决定书未载明罚款金额')];
        return [pass(`决定处罚种类未超出告知内容`, facts)];
      }
      return [pass(`决定罚款 ${yuan(decided)} ≤ 告知拟罚款 ${yuan(proposed)}`, facts)];
    }
    return [
      {
        status: 'fail',
        data: {
          proposed: proposed !== undefined ? yuan(proposed) : '未载明',
          decided: decided !== undefined ? yuan(decided) : '未载明',
          extraKinds: extra.map((k) => PENALTY_KIND_LABELS[k] ?? k).join('、') || '无',
          problem: '',
        },
        problems: [...(heavierFine ? [{ id: 'heavierFine' }] : []), ...(extra.length ? [{ id: 'extraKinds' }] : [])],
        facts,
        key: decision.id,
      },
    ];
  },
};
