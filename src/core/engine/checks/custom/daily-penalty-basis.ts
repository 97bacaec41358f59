/**
 * C5-06 — 按日连续处罚的前提 (按日连续处罚办法第12条【Q】): the 复查 the decision rests on found the violation
 * continuing (复查时已改正或已停产停业、关闭的，不得启动按日连续处罚).
 */
import type { ProblemRef } from '../types';
import { docRef, na, pass } from '../util';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const dailyPenaltyBasis: CustomCheckImpl = {
  name: 'daily_penalty_basis',
  description: '按日连续处罚所依据的复查发现违法排污仍在继续',
  params: NO_PARAMS,
  dataKeys: ['reinspectionOn', 'problem'],
  problemIds: ['noReinspection', 'violationStopped', 'continuingNotStated'],
  run(_params, ctx) {
    const decisions = ctx.docs('daily_penalty_decision');
    if (!decisions.length) return [na('卷内无按日连续处罚决定书')];
    const decidedOn = decisions.map((d) => d.madeOn).filter(Boolean).sort().pop();
    const reinspections = ctx
      .docs('reinspection_record')
      .filter((r) => r.madeOn && (!decidedOn || r.madeOn <= decidedOn))
      .sort((a, b) => (a.madeOn! < b.madeOn! ? -1 : 1));
    // the 复查 the 计罚日数 ends on (第17条: 至复查发现违法排放污染物行为之日止); a later 复查 finding the
    // violation corrected ends further accrual and does not undo the decision
    const countedTo = decisions.map((d) => d.penaltyDaysTo).filter(Boolean).sort().pop();
    const last = (countedTo && reinspections.find((r) => r.madeOn === countedTo)) || reinspections[reinspections.length - 1];
    if (!last) return [{ status: 'fail', variant: 'missing', data: { reinspectionOn: '', problem: '' }, problems: [{ id: 'noReinspection' }], facts: [docRef(ctx, decisions[0])], key: 'missing' }];
    if (last.violationContinuing !== true)
      return [
        {
          status: 'fail',
          data: { reinspectionOn: last.madeOn!, problem: '' },
          problems: [{ id: last.violationContinuing === false ? 'violationStopped' : 'continuingNotStated' }],
          facts: [docRef(ctx, last, '复查日', last.madeOn!)],
          key: last.id,
        },
      ];
    return [pass(`复查（${last.madeOn}）发现违法排污仍在继续`, [docRef(ctx, last, '复查日', last.madeOn!)])];
  },
};
