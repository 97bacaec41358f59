/**
 * M2 — 监测（检测）、鉴定结果告知当事人. 生态环境行政处罚办法第29条第3款【Q†】: "生态环境主管部门取得监测（检测）报告或者
 * 鉴定意见后，应当将监测（检测）、鉴定结果告知当事人。" 评查细则第14项【Q†】 makes it a 重大问题 when, before the decision,
 * "没有证据证明已将监测/检测/鉴定结果告知当事人".
 *
 * Each 监测（检测）报告 / 鉴定意见 made on or before a decision is checked against the first decision (处罚决定书 or 按日连续
 * 处罚决定书) made on or after it — in pre-decision mode, against the day of the review. Proof is the date the result was
 * told (`resultNotifiedOn`) and the document recording it (`resultNoticeDocumentId`: a 结果告知书, a 询问笔录 …), or a
 * 监测（检测）、鉴定结果告知书 (`monitoring_result_notice`) relating to the report — or the only one, with the only
 * report — whose service day (else its date) is the day told:
 * - no date → fail (no evidence the result was told);
 * - told after that decision → fail;
 * - a date with no recording document → fail, severity error (the date is there, the proof is not named);
 * - told before the report was made → fail, severity error (a date that cannot be right).
 * In draft mode (no decision yet) a report not yet told is the next step: the 结果告知书 to make and serve.
 */
import type { CaseDocument } from '../../../case-file/types';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

const RESULT_TYPES = ['monitoring_report', 'appraisal_opinion'];
const NOTICE_TYPE = 'monitoring_result_notice';
const DECISION_TYPES = ['penalty_decision', 'daily_penalty_decision'];

export const monitoringResultNotice: CustomCheckImpl = {
  name: 'monitoring_result_notice',
  description: '监测（检测）报告、鉴定意见的结果在决定前告知当事人（告知日及记载告知的文书）',
  params: NO_PARAMS,
  dataKeys: ['problem', 'boundLabel', 'bound', 'told', 'made'],
  problemIds: ['none', 'late', 'noRecord', 'beforeReport'],
  reads: () => ({ documentTypes: [...RESULT_TYPES, ...DECISION_TYPES, NOTICE_TYPE] }),
  run(_params, ctx) {
    const reports = ctx.docsOf(RESULT_TYPES);
    if (!reports.length) return [na('卷内无监测（检测）报告或鉴定意见')];
    const decisions = ctx.docsOf(DECISION_TYPES).filter((d) => d.madeOn).sort((a, b) => (a.madeOn! < b.madeOn! ? -1 : 1));
    const notices = ctx.docs(NOTICE_TYPE);
    /** the day told and the document recording it, as the report says or as a 结果告知书 relating to it shows */
    const toldOf = (r: CaseDocument): { told?: string; record?: CaseDocument } => {
      if (r.resultNotifiedOn) return { told: r.resultNotifiedOn, record: r.resultNoticeDocumentId ? ctx.docsById.get(r.resultNoticeDocumentId) : undefined };
      const n = notices.find((x) => x.relatesToDocumentId === r.id) ?? (notices.length === 1 && reports.length === 1 ? notices[0] : undefined);
      const day = n && (n.service?.servedOn ?? n.madeOn);
      return day ? { told: day, record: n } : {};
    };
    if (ctx.mode === 'draft' && !decisions.length) {
      const untold = reports.filter((r) => !toldOf(r).told);
      if (untold.length)
        return [{ status: 'next', type: NOTICE_TYPE, reason: `${untold.map((r) => ctx.docLabel(r)).join('、')}的结果尚未告知当事人（办法第29条第3款；决定前未告知为重大问题，细则第14项）` }];
      return [pass('监测（检测）、鉴定结果均已告知当事人', reports.map((r) => docRef(ctx, r)))];
    }
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
      const { told, record } = toldOf(report);
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
