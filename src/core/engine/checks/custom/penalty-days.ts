/**
 * penalty_days — 计罚日数自责令改正决定书送达之次日起至复查发现违法排污之日止，首尾均计入 (按日连续处罚办法第17条).
 */
import type { FactRef } from '../../types';
import { addCalendarDays } from '../../../domain/legal-date';
import { docData, docRef, factRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const penaltyDays: CustomCheckImpl = {
  name: 'penalty_days',
  description: '计罚日数自责令改正决定书送达之次日起至复查发现违法排污之日止，首尾均计入',
  params: NO_PARAMS,
  dataKeys: ['statedFrom', 'statedTo', 'statedDays', 'expectedFrom', 'expectedTo', 'expectedDays', 'problem', 'countFrom', 'countTo'],
  problemIds: ['incomplete', 'wrongFrom', 'wrongTo', 'wrongDays'],
  run(_params, ctx) {
    const docs = ctx.docs('daily_penalty_decision');
    if (!docs.length) return [na('卷内无按日连续处罚决定书')];
    const served = ctx.fact('rectificationOrderServedOn');
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    for (const d of docs) {
      // 复查发现违法排放之日: the latest 复查 on or before the decision that found the violation continuing
      const reinspections = ctx
        .docs('reinspection_record')
        .filter((r) => r.madeOn && (!d.madeOn || r.madeOn <= d.madeOn) && r.violationContinuing !== false)
        .sort((a, b) => (a.madeOn! < b.madeOn! ? -1 : 1));
      const reinspection = reinspections[reinspections.length - 1];
      const expectedFrom = served ? addCalendarDays(served.value, 1) : undefined;
      const expectedTo = reinspection?.madeOn;
      const problems: ProblemRef[] = [];
      const statedFrom = d.penaltyDaysFrom;
      const statedTo = d.penaltyDaysTo;
      const statedDays = d.penaltyDays;
      if (!statedFrom || !statedTo || statedDays === undefined) problems.push({ id: 'incomplete' });
      if (statedFrom && expectedFrom && statedFrom !== expectedFrom)
        problems.push({ id: 'wrongFrom' });
      if (statedTo && expectedTo && statedTo !== expectedTo)
        problems.push({ id: 'wrongTo' });
      let expectedDays: number | undefined;
      const f = expectedFrom ?? statedFrom;
      const t = expectedTo ?? statedTo;
      if (f && t) {
        expectedDays = ctx.calendar.countDaysInclusive(f, t);
        if (statedDays !== undefined && statedDays !== expectedDays) problems.push({ id: 'wrongDays', data: { countFrom: f, countTo: t } });
      }
      const facts: FactRef[] = [docRef(ctx, d, '计罚起止', `${statedFrom ?? '?'}～${statedTo ?? '?'}（${statedDays ?? '?'}日）`)];
      if (served) facts.push(factRef(served));
      if (reinspection?.madeOn) facts.push(docRef(ctx, reinspection, '复查发现违法排放日', reinspection.madeOn));
      if (problems.length) {
        out.push({
          status: 'fail',
          data: {
            ...docData(ctx, d),
            statedFrom: statedFrom ?? '',
            statedTo: statedTo ?? '',
            statedDays: statedDays ?? '',
            expectedFrom: expectedFrom ?? '',
            expectedTo: expectedTo ?? '',
            expectedDays: expectedDays ?? '',
            problem: '',
          },
          problems,
          facts,
          calendar: f && t ? [`计罚日数：自 ${f} 起至 ${t} 止，首尾两日均计入，共 ${expectedDays} 日（按日连续处罚办法第17条）`] : undefined,
          key: d.id,
        });
      } else ok.push(`${statedFrom} 至 ${statedTo} 共 ${statedDays} 日`);
    }
    return out.length ? out : [pass(`计罚日数：${ok.join('；')}`, docs.map((d) => docRef(ctx, d)))];
  },
};
