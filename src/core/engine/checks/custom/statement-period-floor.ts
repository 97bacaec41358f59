/**
 * The 陈述申辩 period a 告知书 gives.
 * - mode `calendar` (SEQ-07-3): "二日、三日、五日、七日" are working days (处罚法第85条【Q】, 2023办法第90条【Q†】); a notice
 *   that counts them as calendar days (`unit: day`) shortens the party's period — 细则第14项 names it among the 重大问题.
 * - mode `floor` (SEQ-07-4): the period, however written, must reach at least 五个工作日 from service
 *   (2023办法第44条, known only second-hand【S】: 湖南省文书范本 "接到本告知书后五个工作日内").
 */
import { basisText } from '../../../law/basis-text';
import { serviceFact } from '../../facts';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import type { CustomCheckImpl } from './types';

const WORKDAY_WORDS = new Set([2, 3, 5, 7]);

export const statementPeriodFloor: CustomCheckImpl = {
  name: 'statement_period_floor',
  description: '告知书的陈述申辩期限：五日等按工作日计算（calendar）；不少于五个工作日（floor）',
  params: { type: 'object', additionalProperties: false, required: ['mode'], properties: { mode: { enum: ['calendar', 'floor'] }, minWorkdays: { type: 'integer', minimum: 1 } } },
  dataKeys: ['problem', 'statedText', 'correctEndsOn', 'statedEndsOn', 'amount', 'givenEnd', 'minWorkdays'],
  problemIds: ['calendarDays', 'belowFloor'],
  problemIdsOf: (params) => (params.mode === 'floor' ? ['belowFloor'] : ['calendarDays']),
  run(params, ctx, rule) {
    const mode = params.mode === 'floor' ? 'floor' : 'calendar';
    const minWorkdays = Number(params.minWorkdays ?? 5);
    const out: CheckOutcome[] = [];
    let seen = 0;
    for (const doc of ctx.docs('penalty_notice')) {
      for (const p of doc.statedPeriods ?? []) {
        if (p.kind !== 'statement') continue;
        seen++;
        const statedText = p.text ?? `${p.amount}${p.unit === 'workday' ? '个工作日' : p.unit === 'day' ? '日' : p.unit}`;
        const fail = (problem: ProblemRef, extra: Record<string, string> = {}, calendar?: string[]): CheckOutcome => ({
          status: 'fail',
          problems: [problem],
          data: { ...docData(ctx, doc), problem: '', statedText, correctEndsOn: '', statedEndsOn: p.endsOn ?? '', ...extra },
          facts: [docRef(ctx, doc, '告知书载明的陈述申辩期限', `${statedText}${p.endsOn ? `（至 ${p.endsOn}）` : ''}`)],
          calendar,
          key: `${doc.id}:${mode}`,
        });
        if (mode === 'calendar') {
          if (p.unit === 'day' && WORKDAY_WORDS.has(p.amount))
            out.push(fail({ id: 'calendarDays', data: { amount: p.amount } }));
          continue;
        }
        const start = p.from ?? serviceFact(ctx, doc, 'served', '送达日')?.value ?? doc.madeOn;
        if (!start || p.unit === 'hour' || p.unit === 'month' || p.unit === 'year') continue;
        const floor = ctx.period({ start, amount: minWorkdays, unit: 'workday', roll: 'party', basis: basisText(rule.basis, 'short') });
        const given = ctx.period({ start, amount: p.amount, unit: p.unit, roll: 'party', basis: basisText(rule.basis, 'short') });
        if (floor.status !== 'ok' || !floor.end || given.status !== 'ok' || !given.end) {
          return [{ status: 'undeterminable', reason: '缺少节假日安排数据，无法核对陈述申辩期限', missingYears: [...(floor.missingYears ?? []), ...(given.missingYears ?? [])] }];
        }
        const givenEnd = p.endsOn && p.endsOn < given.end ? p.endsOn : given.end;
        if (givenEnd < floor.end)
          out.push(fail({ id: 'belowFloor', data: { givenEnd, minWorkdays } }, { correctEndsOn: floor.end }, floor.explanation));
      }
    }
    if (!seen) return [na('告知书未载明陈述申辩期限')];
    return out.length ? out : [pass(mode === 'calendar' ? '陈述申辩期限未按自然日计算“五日”等期限' : `陈述申辩期限不少于${minWorkdays}个工作日`, [])];
  },
};
