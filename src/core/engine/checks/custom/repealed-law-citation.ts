/**
 * A new code in force from a day on which older laws are repealed (生态环境法典第1242条【S】: from 2026-08-15 the
 * 环境保护法 and nine other laws 同时废止). For a decision made on or after that day:
 * - mode `repealed`: the offence ended on or after that day, yet the decision's provisions (case.violatedProvisions,
 *   case.penaltyProvisions) cite a repealed law — 评查细则合法性第10项 "未准确引用" territory; the rule is 【S】, a warning.
 * - mode `transitional`: the offence ended before that day — 从旧兼从轻 (生态环境行政处罚办法第7条第2款): the
 *   decision must say which law it applies and why (`decisionContents.transitionalLawExplained`; false = it does not,
 *   absent = not entered, the 评查人员 judges).
 * The offence ends on `violation.endedOn` when it was continuing (处罚法第36条第2款), else on `violation.occurredOn`.
 */
import type { CaseDocument } from '../../../case-file/types';
import type { CheckOutcome } from '../types';
import { docData, docRef, na, pass } from '../util';
import type { CustomCheckImpl } from './types';

export const repealedLawCitation: CustomCheckImpl = {
  name: 'repealed_law_citation',
  description: '新法施行后作出的决定：违法行为终了于施行后仍引用已废止的法律（repealed）；终了于施行前的说明从旧兼从轻（transitional）',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['mode', 'inForceFrom', 'newLaw', 'repealed'],
    properties: {
      mode: { enum: ['repealed', 'transitional'] },
      inForceFrom: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      newLaw: { type: 'string' },
      repealed: { type: 'array', minItems: 1, items: { type: 'string' } },
    },
  },
  dataKeys: ['problem', 'cited', 'offenceEndedOn', 'inForceFrom', 'newLaw'],
  reads: () => ({ facts: ['decisionDate'] }),
  run(params, ctx) {
    const inForceFrom = String(params.inForceFrom);
    const newLaw = String(params.newLaw);
    const decision = ctx.fact('decisionDate');
    if (!decision) return [na('卷内无处理决定')];
    if (decision.value < inForceFrom) return [na(`决定于 ${decision.value} 作出，早于${newLaw}施行日 ${inForceFrom}`)];
    const v = ctx.caseFile.case.violation;
    const offenceEndedOn = v.continuing && v.endedOn ? v.endedOn : v.occurredOn;
    const doc = ctx.docsById.get(decision.refId ?? '') as CaseDocument | undefined;
    const base = { ...(doc ? docData(ctx, doc) : {}), offenceEndedOn, inForceFrom, newLaw, cited: '', problem: '' };
    const facts = [
      { label: '处理决定日', value: decision.value, ...(decision.refId ? { refId: decision.refId } : {}) },
      { label: v.continuing && v.endedOn ? '违法行为终了日（连续或继续状态）' : '违法行为发生日', value: offenceEndedOn },
    ];
    if (params.mode === 'repealed') {
      if (offenceEndedOn < inForceFrom) return [na(`违法行为终了于 ${offenceEndedOn}，在${newLaw}施行前：依从旧兼从轻，可适用行为时的法律`)];
      const provisions = [...(ctx.caseFile.case.violatedProvisions ?? []), ...(ctx.caseFile.case.penaltyProvisions ?? [])];
      if (!provisions.length) return [na('卷宗未录入违反的条款和处罚依据条款')];
      const repealed = params.repealed as string[];
      const cited = provisions.filter((p) => repealed.some((law) => p.includes(law)));
      if (!cited.length) return [pass(`引用的条款均不属于${newLaw}施行时废止的法律`, facts)];
      const out: CheckOutcome = {
        status: 'fail',
        data: { ...base, cited: cited.join('；'), problem: `违法行为终了于 ${offenceEndedOn}（${newLaw} ${inForceFrom} 施行之后），决定仍引用已废止的法律：${cited.join('；')}` },
        facts: [...facts, { label: '引用的已废止法律条款', value: cited.join('；') }],
      };
      return [out];
    }
    if (offenceEndedOn >= inForceFrom) return [na(`违法行为终了于 ${offenceEndedOn}，在${newLaw}施行之后，不涉及新旧法选择`)];
    if (!doc) return [na('卷内无处理决定书')];
    const explained = doc.decisionContents?.transitionalLawExplained;
    if (explained === undefined) return [na('卷宗未录入决定书是否说明从旧兼从轻的法律适用（由评查人员核对）')];
    if (explained) return [pass('决定书说明了依从旧兼从轻适用的法律及理由', [...facts, docRef(ctx, doc, '从旧兼从轻说明', '已载明')])];
    return [
      {
        status: 'fail',
        data: { ...base, problem: `违法行为终了于 ${offenceEndedOn}（${newLaw} ${inForceFrom} 施行之前），决定于 ${decision.value} 作出，决定书未说明依从旧兼从轻适用的法律及理由` },
        facts: [...facts, docRef(ctx, doc, '从旧兼从轻说明', '未载明')],
        key: doc.id,
      },
    ];
  },
};
