/**
 * M2 — 监测（检测）、鉴定结果告知当事人. 生态环境行政处罚办法第29条第3款【Q†】: "生态环境主管部门取得监测（检测）报告或者
 * 鉴定意见后，应当将监测（检测）、鉴定结果告知当事人。" 评查细则第14项【Q†】 makes it a 重大问题 when, before the decision,
 * "没有证据证明已将监测/检测/鉴定结果告知当事人".
 *
 * Each 监测（检测）报告 / 鉴定意见 made on or before a decision is checked against the first decision (处罚决定书 or 按日连续
 * 处罚决定书) made on or after it — in pre-decision mode, against the day of the review. Proof is the date the result was
 * told (`resultNotifiedOn`) and the document recording it (`resultNoticeDocumentId`: a 结果告知书, a 询问笔录 …):
 * - no date → fail (no evidence the result was told);
 * - told after that decision → fail;
 * - a date with no recording document → fail, severity error (the date is there, the proof is not named);
 * - told before the report was made → fail, severity error (a date that cannot be right).
 */
import type { CaseDocument } from '../../../case-file/types';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

const RESULT_TYPES = ['monitoring_report', 'appraisal_opinion'];
const DECISION_TYPES = ['penalty_decision', 'daily_penalty_decision'];

export const monitoringResultNotice: CustomCheckImpl = {
  name: 'monitoring_result_notice',
  description: '监测（检测）报告、鉴定意见的结果在决定前告知当事人（告知日及记载告知的文书）',
  params: NO_PARAMS,
  dataKeys: ['problem', 'boundLabel', 'bound', 'told', 'made'],
  problemIds: ['none', 'late', 'noRecord', 'beforeReport'],
  reads: () => ({ documentTypes: [...RESULT_TYPES, ...DECISION_TYPES] }),
  run(_params, ctx) {
    const reports = ctx.docsOf(RESULT_TYPES);
    if (!reports.length) return [na('卷内无监测（检测）报告或鉴定意见')];
    const decisions = ctx.docsOf(DECISION_TYPES).filter((d) => d.madeOn).sort((a, b) => (a.madeOn! < b.madeOn! ? -1 : 1));
    const bounded: { report: CaseDocument; bound: string; boundLabel: string }[] = [];
    for (const r of reports) {
      const decision = decisions.find((d) => !r.madeOn || d.madeOn! >= r.madeOn);
      if (decision) bounded.push({ report: r, bound: decision.madeOn!, boundLabel: `${ctx.docName(decision.type)}作出日` });
      else if (ctx.mode === 'pre-decision' && !decisions.length) bounded.push({ report: r, bound: ctx.asOf, boundLabel: '审核日' });
    }
    if (!bounded.length) return [na('监测（检测）报告、鉴定意见均在决定之后，或卷内尚无决定')];
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    for (const { report, bound, boundLabel } of bounded) {
      const told = report.resultNotifiedOn;
      const record = report.resultNoticeDocumentId ? ctx.docsById.get(report.resultNoticeDocumentId) : undefined;
      const base = { ...docData(ctx, report), bound, boundLabel };
      const facts = [docRef(ctx, report), { label: boundLabel, value: bound }];
      if (!told) {
        out.push({ status: 'fail', data: base, facts, problems: [{ id: 'none' }], key: report.id });
      } else if (told > bound) {
        out.push({ status: 'fail', data: base, facts: [...facts, { label: '结果告知日', value: told }], problems: [{ id: 'late', data: { told } }], key: report.id });
      } else if (report.madeOn && told < report.madeOn) {
        out.push({ status: 'fail', severity: 'error', data: base, facts: [...facts, { label: '结果告知日', value: told }], problems: [{ id: 'beforeReport', data: { told, made: report.madeOn } }], key: report.id });
      } else if (!record) {
        out.push({ status: 'fail', severity: 'error', data: base, facts: [...facts, { label: '结果告知日', value: told }], problems: [{ id: 'noRecord', data: { told } }], key: report.id });
      } else {
        ok.push(`${ctx.docLabel(report)}：${told} 告知当事人（${ctx.docLabel(record)}），不晚于${boundLabel} ${bound}`);
      }
    }
    return out.length ? out : [pass(ok.join('；'), bounded.map((b) => docRef(ctx, b.report)))];
  },
};
