/**
 * M12 — 生态环境行政处罚办法第57条【S: 湖南省文书范本转引】: the time that does not count towards the 办案期限 (中止、听证、
 * 监测（检测）、评估、鉴定、认定 …) "应当书面告知当事人". Only where the file relies on it: the decision came after the
 * 办案期限 counted in full from 立案 (rules/parameters `case_handling_period`, plus the days of approved 延期, the last
 * day rolled as 办法第90条 says) — otherwise no day had to be left out and the notice changes nothing. Each interval that
 * lies between 立案 and the decision must then show the written notice on the document it comes from:
 * - 中止: the 中止案件调查审批表 (`excludedTimeNotified`);
 * - 听证: the 听证通知书 (`excludedTimeNotified`);
 * - 检测/鉴定: the document with `testingPeriod` (`testingPeriodNotified`);
 * - 评估、认定 … : each `excludedPeriods` entry (`notified`).
 * 公告 and 邮寄在途 are not periods the party can be told of beforehand and are not asked for.
 */
import type { CaseDocument } from '../../../case-file/types';
import { parameterOn } from '../../../law/parameters';
import { docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

interface Notifiable {
  doc: CaseDocument;
  from: string;
  to: string;
  what: string;
  notified: boolean;
}

export const excludedTimeNotified: CustomCheckImpl = {
  name: 'excluded_time_notified',
  description: '办案期限依赖扣除期间的，各扣除期间（中止、听证、检测鉴定、评估认定等）已书面告知当事人',
  params: NO_PARAMS,
  dataKeys: ['what', 'from', 'to', 'dueOn'],
  reads: () => ({ facts: ['filingDate', 'decisionDate'] }),
  run(_params, ctx) {
    const filing = ctx.fact('filingDate')?.value;
    const decision = ctx.fact('decisionDate')?.value;
    if (!filing || !decision) return [na('卷内无立案日或处理决定日')];
    const base = parameterOn('case_handling_period', filing);
    if (!base || typeof base.value !== 'number' || base.unit !== 'day') return [na(`${filing} 立案适用的办案期限不是按日计算的九十日`)];
    const extension = ctx
      .docs('extension_approval')
      .filter((d) => d.extensionOf === undefined || d.extensionOf === 'case_handling')
      .reduce((sum, d) => sum + (d.approvedOn ? d.extensionDays ?? 0 : 0), 0);
    const full = ctx.period({ start: filing, amount: base.value + extension, unit: 'day', roll: 'party', basis: '行政处罚法第60条；生态环境行政处罚办法第90条' });
    if (full.status !== 'ok' || !full.end) return [na('办案期限届满日无法判定（节假日数据缺失）')];
    if (decision <= full.end) return [na(`决定 ${decision} 在不扣除任何期间的办案期限（${full.end} 届满）之内，无须依赖扣除期间`)];
    const overlaps = (from: string, to: string) => from <= decision && to >= filing;
    const items: Notifiable[] = [];
    for (const d of ctx.docs('suspension_approval')) {
      const from = d.suspendedOn ?? d.approvedOn;
      if (from && overlaps(from, decision)) items.push({ doc: d, from, to: decision, what: '中止案件调查', notified: d.excludedTimeNotified === true });
    }
    const applied = ctx.docs('hearing_application').map((d) => d.madeOn).filter((x): x is string => !!x).sort()[0];
    if (applied && applied <= decision)
      for (const d of ctx.docs('hearing_notice')) items.push({ doc: d, from: applied, to: d.hearingOn ?? d.madeOn ?? applied, what: '听证', notified: d.excludedTimeNotified === true });
    for (const d of ctx.caseFile.documents) {
      if (d.testingPeriod && overlaps(d.testingPeriod.from, d.testingPeriod.to))
        items.push({ doc: d, from: d.testingPeriod.from, to: d.testingPeriod.to, what: '检测、鉴定', notified: d.testingPeriodNotified === true });
      for (const p of d.excludedPeriods ?? [])
        if (p.reason !== 'announcement' && overlaps(p.from, p.to)) items.push({ doc: d, from: p.from, to: p.to, what: p.note ? `扣除期间（${p.note}）` : '扣除期间', notified: p.notified === true });
    }
    if (!items.length) return [na('卷内无须书面告知的扣除期间')];
    const out: CheckOutcome[] = items
      .filter((i) => !i.notified)
      .map((i) => ({
        status: 'fail' as const,
        data: { docName: ctx.docName(i.doc.type), docId: i.doc.id, docLabel: ctx.docLabel(i.doc), what: i.what, from: i.from, to: i.to, dueOn: full.end! },
        facts: [docRef(ctx, i.doc), { label: '不扣除期间的办案期限届满日', value: full.end! }, { label: '处理决定日', value: decision }],
        calendar: full.explanation,
        key: `${i.doc.id}:${i.from}`,
      }));
    return out.length ? out : [pass(`办案期限依赖的扣除期间均已书面告知当事人：${items.map((i) => `${i.what} ${i.from}–${i.to}`).join('；')}`, items.map((i) => docRef(ctx, i.doc)))];
  },
};
