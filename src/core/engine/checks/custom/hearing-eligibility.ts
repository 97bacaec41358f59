/**
 * SEQ-09-4 — whether the case is one where the party must be told of the right to a hearing, derived from the facts
 * instead of the `flags.hearing` mark: 处罚法第63条 lists 较大数额罚款、没收较大数额违法所得或非法财物、降低资质等级、
 * 吊销许可证件、责令停产停业、责令关闭、限制从业; 2023办法第89条【Q†】 fixes 较大数额 at 5000元 (公民) / 200000元 (法人或者
 * 其他组织) — dated values of rules/parameters — unless a local rule provides otherwise (`case.localHearingThresholds`).
 * The kinds 2023办法第46条 adds (一定时期内不得申请行政许可、责令停产整治、禁止从业) are known only second-hand【S】 and are
 * not used for this veto.
 */
import type { PenaltyKind } from '../../../case-file/types';
import { PENALTY_KIND_LABELS } from '../../../case-file/labels';
import { parameterOn } from '../../../law/parameters';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

/** 处罚法第63条 */
const HEARING_KINDS: PenaltyKind[] = ['license_downgrade', 'license_revocation', 'production_suspension', 'closure', 'employment_restriction'];
const yuan = (n: number) => `${n.toLocaleString('zh-CN')}元`;

export const hearingEligibility: CustomCheckImpl = {
  name: 'hearing_eligibility',
  description: '按处罚法第63条的种类和办法第89条（或地方规定）的较大数额判断应告知听证权利',
  params: NO_PARAMS,
  dataKeys: ['problem', 'reason'],
  problemIds: ['rightNotNotified'],
  run(_params, ctx) {
    const notices = ctx.docs('penalty_notice');
    if (!notices.length) return [na('卷内无事先告知书')];
    const day = ctx.fact('noticeDate')?.value ?? notices[0].madeOn ?? ctx.asOf;
    const party = ctx.caseFile.parties[0];
    const individual = party?.kind === 'individual';
    const local = ctx.caseFile.case.localHearingThresholds;
    const localValue = individual ? local?.individual : local?.organization;
    const param = parameterOn(individual ? 'hearing_large_amount_individual' : 'hearing_large_amount_organization', day);
    const threshold = localValue ?? param?.value ?? undefined;
    const thresholdSource = localValue !== undefined ? local!.source : param ? `${param.basis.law}${param.basis.article}` : '';
    const p = ctx.caseFile.case.penalty;
    const kinds = [...ctx.penaltyKinds()].filter((k) => HEARING_KINDS.includes(k));
    if (threshold === undefined && !kinds.length)
      return [na(`${day} 适用的较大数额未在 rules/parameters 中（2023年7月1日前的案件按当时规定人工判断）`)];
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    // each notice on its own proposal (a 按日连续处罚 file has one notice per round)
    for (const n of notices) {
      const amount = n.amounts?.fine !== undefined || n.amounts?.confiscation !== undefined
        ? (n.amounts?.fine ?? 0) + (n.amounts?.confiscation ?? 0)
        : (p?.proposedFine ?? 0) + (p?.confiscationAmount ?? 0);
      const reasons: string[] = [];
      if (threshold !== undefined && amount >= threshold)
        reasons.push(`拟罚没数额 ${yuan(amount)} 达到较大数额 ${yuan(threshold)}（${thresholdSource}，对${individual ? '公民' : '法人或者其他组织'}）`);
      if (kinds.length) reasons.push(`处罚种类含${kinds.map((k) => PENALTY_KIND_LABELS[k]).join('、')}（处罚法第63条）`);
      const reason = reasons.join('；');
      if (!reasons.length) ok.push(`${ctx.docLabel(n)}：拟罚没 ${yuan(amount)}，不属听证范围`);
      else if (n.hearingRightNotified !== true)
        out.push({
          status: 'fail',
          data: { ...docData(ctx, n), reason, problem: '' },
          problems: [{ id: 'rightNotNotified' }],
          facts: [docRef(ctx, n), { label: '听证范围', value: reason }],
          key: n.id,
        });
      else ok.push(`${ctx.docLabel(n)}：属听证范围（${reason}），已告知听证权利`);
    }
    return out.length ? out : [pass(ok.join('；'), notices.map((n) => docRef(ctx, n)))];
  },
};
