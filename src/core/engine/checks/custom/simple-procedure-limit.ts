/**
 * simple_procedure_limit — 当场处罚在简易程序适用范围内（对公民200元以下、法人或者其他组织3000元以下罚款或者警告） (行政处罚法第51条).
 */
import { PENALTY_KIND_LABELS } from '../../../domain/labels';
import { parameterOn } from '../../../law/parameters';
import { yuan } from '../money';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const simpleProcedureLimit: CustomCheckImpl = {
  name: 'simple_procedure_limit',
  description: '当场处罚在简易程序适用范围内（对公民200元以下、法人或者其他组织3000元以下罚款或者警告）',
  params: NO_PARAMS,
  dataKeys: ['fine', 'limit', 'partyKind', 'problem', 'kinds'],
  problemIds: ['otherKinds', 'fineOverLimit'],
  run(_params, ctx) {
    const docs = ctx.docs('on_the_spot_decision');
    if (!docs.length) return [na('卷内无当场行政处罚决定书')];
    const out: CheckOutcome[] = [];
    for (const d of docs) {
      const party = ctx.partyOf(d);
      // dated limits (rules/parameters): 200/3000元 since 2021-07-15 (处罚法第51条), 50/1000元 before (2010办法第58条)
      const limitParam = party?.kind === 'individual' ? 'simple_procedure_fine_limit_individual' : 'simple_procedure_fine_limit_organization';
      const limit = parameterOn(limitParam, d.madeOn ?? ctx.asOf)?.value ?? (party?.kind === 'individual' ? 200 : 3000);
      const fine = d.amounts?.fine ?? ctx.caseFile.case.penalty?.decidedFine ?? 0;
      const kinds = d.penaltyKinds ?? ctx.caseFile.case.penalty?.kinds ?? [];
      const otherKinds = kinds.filter((k) => k !== 'fine' && k !== 'warning');
      if (fine > limit || otherKinds.length) {
        out.push({
          status: 'fail',
          data: {
            ...docData(ctx, d),
            fine: yuan(fine),
            limit: yuan(limit),
            partyKind: party?.kind === 'individual' ? '公民' : '法人或者其他组织',
            problem: '',
          },
          problems: [otherKinds.length ? { id: 'otherKinds', data: { kinds: otherKinds.map((k) => PENALTY_KIND_LABELS[k] ?? k).join('、') } } : { id: 'fineOverLimit' }],
          facts: [docRef(ctx, d, '当场处罚罚款', fine)],
          key: d.id,
        });
      }
    }
    return out.length ? out : [pass('当场处罚在简易程序适用范围内', docs.map((d) => docRef(ctx, d)))];
  },
};
