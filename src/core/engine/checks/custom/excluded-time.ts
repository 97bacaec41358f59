/**
 * Time that does not count towards the case-handling period (办案期限) besides 中止 and 检测/鉴定:
 * 2010《环境行政处罚办法》第55条 "听证、公告、监测、鉴定、送达等时间不计入期限"【Q】; 2023《生态环境行政处罚办法》
 * 第57条第1款 "中止、听证、公告、监测（检测）、评估、鉴定、认定、送达等时间"【S】; 评查细则决定书第10目【Q†】.
 *
 * How the file shows each interval (the law names the events, not their bounds — the bounds are a reading 【I】):
 * - 听证: from the 听证申请 to the 听证报告 (else the 听证笔录), both days inclusive;
 * - 公告 (送达): a document served by announcement before the decision — from the day of the announcement to the day
 *   it is deemed served (thirty days later, 民事诉讼法第95条);
 * - 送达在途: a document served by post before the decision — the days after it was mailed up to the day it was received;
 * - 评估、认定 and other intervals the file records in `excludedPeriods`.
 */
import type { ExcludedInterval } from '../../../calendar/types';
import { EXCLUDED_PERIOD_REASON_LABELS } from '../../../case-file/labels';
import type { ReviewContext } from '../../context';
import { addCalendarDays } from '../../../domain/legal-date';
import type { ExclusionSource } from '../../pack/types';

export function gatherExcludedTime(ctx: ReviewContext, sources: ExclusionSource[]): ExcludedInterval[] {
  const out: ExcludedInterval[] = [];
  const decision = ctx.fact('decisionDate')?.value;
  const beforeDecision = (d: string) => !decision || d <= decision;
  if (sources.includes('hearing')) {
    const applied = ctx.docs('hearing_application').map((d) => d.madeOn).filter((d): d is string => !!d).sort()[0];
    const ends = [...ctx.docs('hearing_report'), ...ctx.docs('hearing_record')]
      .map((d) => d.madeOn ?? d.hearingOn)
      .filter((d): d is string => !!d)
      .sort();
    const reportEnd = ctx.docs('hearing_report').map((d) => d.madeOn).filter((d): d is string => !!d).sort().pop();
    const end = reportEnd ?? ends.pop();
    if (applied && end && applied <= end && beforeDecision(applied)) out.push({ from: applied, to: end, reason: '听证（听证申请至听证报告）' });
  }
  // the decisions' own service is after the decision (group `decision` of rules/document-types.yaml)
  const decisions = new Set(ctx.docsInGroup('decision').map((d) => d.id));
  for (const d of ctx.caseFile.documents) {
    const s = d.service;
    if (!s || decisions.has(d.id)) continue;
    if (sources.includes('announcement') && s.method === 'announcement' && s.announcedOn && beforeDecision(s.announcedOn))
      out.push({ from: s.announcedOn, to: addCalendarDays(s.announcedOn, 30), reason: `公告送达（${ctx.docName(d.type)}）` });
    if (sources.includes('service') && s.method === 'post' && s.mailedOn && s.servedOn && s.mailedOn < s.servedOn && beforeDecision(s.mailedOn))
      out.push({ from: addCalendarDays(s.mailedOn, 1), to: s.servedOn, reason: `邮寄送达在途（${ctx.docName(d.type)}）` });
  }
  if (sources.includes('other_excluded'))
    for (const d of ctx.caseFile.documents)
      for (const p of d.excludedPeriods ?? [])
        if (p.from <= p.to) out.push({ from: p.from, to: p.to, reason: `${EXCLUDED_PERIOD_REASON_LABELS[p.reason]}（${ctx.docName(d.type)}）` });
  return out;
}
