/**
 * paid_covers_fine — 结案时缴款凭证合计不少于罚款数额 (行政处罚法第67条第3款).
 */
import type { FactRef } from '../../types';
import { earliest, yuan } from '../money';
import { na, pass } from '../util';
import { NO_PARAMS, type CustomCheckImpl } from './types';

// the declaration every named check makes (CustomCheckImpl, ./types.ts): alike in shape by design
export const paidCoversFine: CustomCheckImpl = {
  name: 'paid_covers_fine',
  description: '结案时缴款凭证合计不少于罚款数额',
  params: NO_PARAMS,
  dataKeys: ['fine', 'paid'],
  run(_params, ctx) {
    const decision = earliest(ctx, 'penalty_decision') ?? earliest(ctx, 'on_the_spot_decision');
    const fine = decision?.amounts?.fine ?? ctx.caseFile.case.penalty?.decidedFine;
    const receipts = [...ctx.docs('fine_payment_receipt'), ...ctx.docs('on_the_spot_decision')];
    const paid = receipts.reduce((n, d) => n + (d.amounts?.paid ?? 0), 0);
    if (fine === undefined || fine <= 0) return [na('无罚款')];
    if (!receipts.some((d) => d.amounts?.paid !== undefined)) return [na('卷内缴款凭证未载明金额')];
    const facts: FactRef[] = [{ label: '罚款数额', value: fine }, { label: '已缴金额', value: paid }];
    if (paid + 0.005 < fine) return [{ status: 'fail', data: { fine: yuan(fine), paid: yuan(paid) }, facts, key: 'paid' }];
    return [pass(`已缴 ${yuan(paid)}，罚款 ${yuan(fine)}`, facts)];
  },
};
