/**
 * SEQ-04-2 — 先行登记保存 needs the 负责人's approval first (处罚法第56条). Where the situation was urgent the measure
 * may come first and be approved afterwards (2010办法第38条第2款【Q】): under the 2023 办法 within twenty-four hours of
 * the measure (第32条【S】). With times recorded (implementedAt / approvedAt) the hours are counted; with dates only,
 * an approval on the next day cannot be placed inside or outside the 24 hours and is left to the reviewer.
 */
import { addCalendarDays, toMinutes } from '../../../domain/legal-date';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import type { CustomCheckImpl } from './types';

export const preservationApproval: CustomCheckImpl = {
  name: 'preservation_approval',
  description: '先行登记保存应先经负责人批准；情况紧急的，实施后二十四小时内补办批准手续',
  params: { type: 'object', additionalProperties: false, properties: { urgentHours: { type: 'integer', minimum: 1 } } },
  dataKeys: ['problem', 'approvedOn', 'preservedOn', 'hoursLate', 'approvedDay'],
  problemIds: ['approvedLateNotUrgent', 'approvedAfterHours', 'approvedAfterDay', 'timesNotRecorded'],
  run(params, ctx) {
    const docs = ctx.docs('evidence_preservation_notice').filter((d) => d.madeOn && (d.approvedOn || d.approvedAt));
    if (!docs.length) return [na('卷内无载明批准日期的先行登记保存文书')];
    const hours = Number(params.urgentHours ?? 24);
    const out: CheckOutcome[] = [];
    for (const d of docs) {
      const approved = d.approvedAt ?? d.approvedOn!;
      const approvedDay = approved.slice(0, 10);
      if (approvedDay <= d.madeOn!) continue;
      const fail = (problem: ProblemRef, severity?: 'warning'): CheckOutcome => ({
        status: 'fail',
        ...(severity ? { severity, variant: 'check' } : {}),
        problems: [problem],
        data: { ...docData(ctx, d), problem: '', approvedOn: approved, preservedOn: d.implementedAt ?? d.madeOn! },
        facts: [docRef(ctx, d, '先行登记保存日', d.implementedAt ?? d.madeOn!), { label: '负责人批准', value: approved, refId: d.id }, { label: '情况紧急', value: !!d.urgent, refId: d.id }],
        key: d.id,
      });
      if (!d.urgent) {
        out.push(fail({ id: 'approvedLateNotUrgent' }));
        continue;
      }
      if (d.approvedAt && d.implementedAt) {
        const late = (toMinutes(d.approvedAt) - toMinutes(d.implementedAt)) / 60;
        if (late > hours) out.push(fail({ id: 'approvedAfterHours', data: { hoursLate: Math.round(late) } }));
        continue;
      }
      if (approvedDay > addCalendarDays(d.madeOn!, 1)) out.push(fail({ id: 'approvedAfterDay', data: { approvedDay } }));
      else out.push(fail({ id: 'timesNotRecorded' }, 'warning'));
    }
    return out.length ? out : [pass('先行登记保存均已事先批准，或情况紧急并在二十四小时内补办批准', docs.map((d) => docRef(ctx, d)))];
  },
};
