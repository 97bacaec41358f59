/**
 * M16 — 评查细则第24项【Q†】: "按日连续处罚决定书早于原行政处罚决定书作出或送达" is a 重大问题. SEQ-23 compares the dates
 * made (按日连续处罚办法第7条: "之后作出"); this check adds the service of the original decision: the 按日连续处罚决定书 must
 * not be made before the original 处罚决定书 was made, nor before it was served (`decisionServedOn`, which counts
 * 邮寄、公告 the way the service rules do). An original decision with no service date cannot show the order: that is
 * reported at severity error (the proof is missing, not the order shown wrong).
 */
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const dailyDecisionAfterOriginal: CustomCheckImpl = {
  name: 'daily_decision_after_original',
  description: '按日连续处罚决定书不早于原行政处罚决定书的作出日和送达日',
  params: NO_PARAMS,
  dataKeys: ['problem', 'daily', 'original', 'served'],
  problemIds: ['beforeMade', 'beforeServed', 'notServed'],
  reads: () => ({ facts: ['decisionDate', 'decisionServedOn'], documentTypes: ['daily_penalty_decision'] }),
  run(_params, ctx) {
    const dailies = ctx.docs('daily_penalty_decision').filter((d) => d.madeOn);
    if (!dailies.length) return [na('卷内无按日连续处罚决定书')];
    const made = ctx.fact('decisionDate');
    if (!made) return [na('卷内无原行政处罚决定书')];
    const served = ctx.fact('decisionServedOn');
    const out: CheckOutcome[] = [];
    for (const d of dailies) {
      const facts = [docRef(ctx, d), { label: made.label, value: made.value, ...(made.refId ? { refId: made.refId } : {}) }];
      if (d.madeOn! < made.value) {
        out.push({ status: 'fail', data: docData(ctx, d), facts, problems: [{ id: 'beforeMade', data: { daily: d.madeOn!, original: made.value } }], key: d.id });
      } else if (!served) {
        out.push({ status: 'fail', severity: 'error', data: docData(ctx, d), facts, problems: [{ id: 'notServed', data: { daily: d.madeOn! } }], key: d.id });
      } else if (d.madeOn! < served.value) {
        out.push({
          status: 'fail',
          data: docData(ctx, d),
          facts: [...facts, { label: served.label, value: served.value }],
          problems: [{ id: 'beforeServed', data: { daily: d.madeOn!, served: served.value } }],
          key: d.id,
        });
      }
    }
    if (out.length) return out;
    return [pass(`原处罚决定 ${made.value} 作出、${served!.value} 送达，按日连续处罚决定 ${dailies.map((d) => d.madeOn).join('、')} 在其后`, dailies.map((d) => docRef(ctx, d)))];
  },
};
