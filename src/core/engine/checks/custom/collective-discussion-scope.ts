/**
 * M6 — whether the facts of the file put it in the scope of 集体讨论 that 生态环境行政处罚办法第52条第2款【S: 湖南省文书范本
 * 转引】 lists: 拟罚款、没收违法所得、没收非法财物数额五十万元以上 (rules/parameters `collective_discussion_amount`);
 * 拟吊销许可证件、一定时期内不得申请行政许可; 拟责令停产整治、责令停产停业、责令关闭、限制从业、禁止从业. Such a file needs a
 * 集体讨论笔录 made on or before the decision (处罚法第57条第2款【Q】). The list is known second-hand only, so the rule
 * built on it is never a veto. A file marked 重大案件 (`flags.major`) is left to SEQ-12, which checks the same record as
 * a veto.
 */
import type { PenaltyKind } from '../../../case-file/types';
import { PENALTY_KIND_LABELS } from '../../../case-file/labels';
import { parameterOn } from '../../../law/parameters';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

/** 办法第52条第2款（三）（四） */
const DISCUSSION_KINDS: PenaltyKind[] = [
  'license_revocation', 'license_application_ban',
  'production_rectification', 'production_suspension', 'closure', 'employment_restriction', 'employment_ban',
];
const DECISION_TYPES = ['penalty_decision', 'daily_penalty_decision'];
const yuan = (n: number) => `${n.toLocaleString('zh-CN')}元`;

export const collectiveDiscussionScope: CustomCheckImpl = {
  name: 'collective_discussion_scope',
  description: '按办法第52条第2款（罚没五十万元以上、吊销或一定时期内不得申请许可、停产整治/停产停业/关闭/限制或禁止从业）判断须集体讨论',
  params: NO_PARAMS,
  dataKeys: ['reason', 'bound', 'boundLabel'],
  reads: () => ({ documentTypes: [...DECISION_TYPES, 'collective_discussion_record'] }),
  run(_params, ctx) {
    if (ctx.caseFile.case.flags?.major === true) return [na('已标为重大案件：集体讨论由 SEQ-12 检查')];
    const decisions = ctx.docsOf(DECISION_TYPES).filter((d) => d.madeOn);
    const preDecision = ctx.mode === 'pre-decision' && !decisions.length;
    if (!decisions.length && !preDecision) return [na('卷内无处罚决定书')];
    const discussions = ctx.docs('collective_discussion_record').map((d) => d.madeOn).filter((x): x is string => !!x).sort();
    const p = ctx.caseFile.case.penalty;
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    const targets = preDecision ? [undefined] : decisions;
    for (const d of targets) {
      const day = d?.madeOn ?? ctx.asOf;
      const threshold = parameterOn('collective_discussion_amount', day)?.value;
      const amount = d && (d.amounts?.fine !== undefined || d.amounts?.confiscation !== undefined)
        ? (d.amounts?.fine ?? 0) + (d.amounts?.confiscation ?? 0)
        : (p?.decidedFine ?? p?.proposedFine ?? 0) + (p?.confiscationAmount ?? 0);
      const kinds = new Set<PenaltyKind>(d ? d.penaltyKinds ?? p?.kinds ?? [] : p?.kinds ?? []);
      const reasons: string[] = [];
      if (typeof threshold === 'number' && amount >= threshold) reasons.push(`罚没数额 ${yuan(amount)} 达到 ${yuan(threshold)}`);
      const listed = DISCUSSION_KINDS.filter((k) => kinds.has(k));
      if (listed.length) reasons.push(`处罚种类含${listed.map((k) => PENALTY_KIND_LABELS[k]).join('、')}`);
      const label = d ? ctx.docLabel(d) : '拟作出的决定';
      if (!reasons.length) {
        ok.push(`${label}：不属办法第52条第2款所列情形`);
        continue;
      }
      const reason = reasons.join('；');
      const boundLabel = d ? `${ctx.docName(d.type)}作出日` : '审核日';
      if (discussions.some((x) => x <= day)) ok.push(`${label}：${reason}，已于决定前集体讨论`);
      else
        out.push({
          status: 'fail',
          data: { ...(d ? docData(ctx, d) : { docName: '处罚决定', docId: '', docLabel: label }), reason, bound: day, boundLabel },
          facts: [...(d ? [docRef(ctx, d)] : []), { label: '集体讨论范围', value: reason }],
          key: d?.id ?? 'pre-decision',
        });
    }
    return out.length ? out : [pass(ok.join('；'), decisions.map((d) => docRef(ctx, d)))];
  },
};
