/**
 * daily_fine — 按日连续处罚的罚款 = 原处罚数额 × 计罚日数 (按日连续处罚办法第19条).
 */
import { originalFineOf, sameAmount, yuan } from '../money';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const dailyFine: CustomCheckImpl = {
  name: 'daily_fine',
  description: '按日连续处罚的罚款 = 原处罚数额 × 计罚日数',
  params: NO_PARAMS,
  dataKeys: ['originalFine', 'penaltyDays', 'expected', 'fine', 'problem'],
  problemIds: ['incomplete'],
  run(_params, ctx) {
    const docs = ctx.docs('daily_penalty_decision');
    if (!docs.length) return [na('卷内无按日连续处罚决定书')];
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    for (const d of docs) {
      const original = originalFineOf(ctx, d);
      const days = d.penaltyDays;
      const fine = d.amounts?.fine;
      if (original === undefined || days === undefined || fine === undefined) {
        out.push({
          status: 'fail',
          variant: 'incomplete',
          data: { ...docData(ctx, d), problem: '' },
          problems: [{ id: 'incomplete' }],
          facts: [docRef(ctx, d)],
          key: d.id,
        });
        continue;
      }
      const expected = Math.round(original * days * 100) / 100;
      if (!sameAmount(expected, fine)) {
        out.push({
          status: 'fail',
          data: { ...docData(ctx, d), originalFine: yuan(original), penaltyDays: days, expected: yuan(expected), fine: yuan(fine) },
          facts: [docRef(ctx, d, '原处罚罚款数额', original), docRef(ctx, d, '计罚日数', days), docRef(ctx, d, '按日连续处罚罚款', fine)],
          key: d.id,
        });
      } else ok.push(`${yuan(original)} × ${days}日 = ${yuan(fine)}`);
    }
    return out.length ? out : [pass(`按日连续处罚罚款：${ok.join('；')}`, docs.map((d) => docRef(ctx, d)))];
  },
};
