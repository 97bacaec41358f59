/**
 * surcharge_cap — 加处罚款不超过罚款数额 (行政处罚法第72条).
 */
import { earliest, yuan } from '../money';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

// the declaration every named check makes (CustomCheckImpl, ./types.ts): alike in shape by design
export const surchargeCap: CustomCheckImpl = {
  name: 'surcharge_cap',
  description: '加处罚款不超过罚款数额',
  params: NO_PARAMS,
  dataKeys: ['surcharge', 'fine'],
  run(_params, ctx) {
    const decisionFine = earliest(ctx, 'penalty_decision')?.amounts?.fine ?? ctx.caseFile.case.penalty?.decidedFine;
    const out: CheckOutcome[] = [];
    let checked = 0;
    for (const d of ctx.caseFile.documents) {
      const s = d.amounts?.surcharge;
      if (s === undefined) continue;
      const fine = d.amounts?.fine ?? decisionFine;
      if (fine === undefined) continue;
      checked++;
      if (s > fine + 0.005)
        out.push({
          status: 'fail',
          data: { ...docData(ctx, d), surcharge: yuan(s), fine: yuan(fine) },
          facts: [docRef(ctx, d, '加处罚款', s), { label: '罚款数额', value: fine }],
          key: d.id,
        });
    }
    if (!checked) return [na('卷内无加处罚款')];
    return out.length ? out : [pass('加处罚款未超出罚款数额', [])];
  },
};
