/**
 * stated_period — a period a document states (告知书 "五日内", 立案审批表 "九十日", 限产 "三个月") against the law:
 * the unit and amount (三个月 is not 九十日; 五日 is 工作日 under 处罚法第85条) and, when the document gives an
 * end date, that date as the calendar counts it.
 */
import { basisText } from '../../law/basis-text';
import type { CaseDocument, StatedPeriod } from '../../case-file/types';
import type { ReviewContext } from '../context';
import { PERIOD_UNIT_WORDS, periodText } from '../../domain/period-text';
import { serviceFact } from '../facts';
import type { LawPeriod, LoadedRule, StatedPeriodCheck } from '../pack/types';
import type { CheckImpl, CheckOutcome, ProblemRef } from './types';
import { docData, na, pass } from './util';

/** the day a stated period runs from: as stated, else the document's service day, else the day it was made */
function startOf(ctx: ReviewContext, doc: CaseDocument, p: StatedPeriod): string | undefined {
  if (p.from) return p.from;
  const served = serviceFact(ctx, doc, 'served', '送达日');
  return served?.value || doc.madeOn;
}

const lawPeriodDoc = (p: LawPeriod) => (p.parameter ? `法定数值 ${p.parameter}（按适用日取当时有效的值）` : `${p.amount}${PERIOD_UNIT_WORDS[p.unit]}`);

export const statedPeriodCheck: CheckImpl<StatedPeriodCheck> = {
  kind: 'stated_period',
  schema: {
    type: 'object',
    required: ['kind', 'documents', 'period', 'lawText'],
    additionalProperties: false,
    properties: {
      kind: { const: 'stated_period' },
      documents: { $ref: '#/definitions/stringList' },
      period: { $ref: '#/definitions/periodKind' },
      expect: { $ref: '#/definitions/lawPeriod' },
      max: { $ref: '#/definitions/lawPeriod' },
      roll: { enum: ['party', 'strict'] },
      checkEnd: { type: 'boolean' },
      acceptUnrolledEnd: { type: 'boolean' },
      lawText: { type: 'string', minLength: 2 },
    },
  },
  schemaDefinitions: {
    lawPeriod: {
      type: 'object',
      anyOf: [{ required: ['amount', 'unit'] }, { required: ['parameter'] }],
      additionalProperties: false,
      properties: {
        amount: { type: 'integer', minimum: 1 },
        unit: { $ref: '#/definitions/unit' },
        parameter: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
      },
    },
  },
  doc: (c) => `文书载明期限：${c.documents.join('、')} 的 ${c.period}${c.expect ? ` = ${lawPeriodDoc(c.expect)}` : ''}${c.max ? ` ≤ ${lawPeriodDoc(c.max)}` : ''}${c.checkEnd ? '，核对届满日' : ''}`,
  reads: (c) => ({ documentTypes: c.documents }),
  specProblems: (c) => (!c.expect && !c.max && !c.checkEnd ? ['stated_period 须有 expect、max 或 checkEnd'] : []),
  dataKeys: ['stated', 'statedText', 'lawText', 'statedEndsOn', 'correctEndsOn', 'start', 'problem', 'countedPeriod'],
  problemIdsOf: (c) => [
    ...(c.expect || c.max ? ['wrongUnit'] : []),
    ...(c.expect ? ['wrongAmount'] : []),
    ...(c.max ? ['tooLong'] : []),
    ...(c.checkEnd ? ['wrongEnd'] : []),
  ],
  run(spec: StatedPeriodCheck, ctx: ReviewContext, rule: LoadedRule): CheckOutcome[] {
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    let seen = 0;
    for (const doc of ctx.docsOf(spec.documents)) {
      for (const p of doc.statedPeriods ?? []) {
        if (p.kind !== spec.period) continue;
        seen++;
        const stated = periodText(p.amount, p.unit);
        const problems: ProblemRef[] = [];
        const law = spec.expect ?? spec.max;
        if (law && p.unit !== law.unit) problems.push({ id: 'wrongUnit' });
        else if (spec.expect && p.amount !== spec.expect.amount) problems.push({ id: 'wrongAmount' });
        else if (spec.max && p.amount > spec.max.amount) problems.push({ id: 'tooLong' });
        // the correct end date under the law's period (or, without one, the document's own period)
        const amount = law?.unit === p.unit && spec.max ? Math.min(p.amount, spec.max.amount) : law ? law.amount : p.amount;
        const unit = law ? law.unit : p.unit;
        const start = startOf(ctx, doc, p);
        let correctEndsOn: string | undefined;
        let calendar: string[] | undefined;
        if (spec.checkEnd && start && unit !== 'hour') {
          const res = ctx.period({ start, amount, unit, roll: spec.roll ?? 'party', basis: basisText(rule.basis, 'short') });
          if (res.status !== 'ok' || !res.end) {
            return [{ status: 'undeterminable', reason: `缺少${(res.missingYears ?? []).join('、')}年节假日安排数据，无法核对${ctx.docName(doc.type)}载明的期限`, missingYears: res.missingYears ?? [] }];
          }
          correctEndsOn = res.end;
          calendar = res.explanation;
          const unrolledOk =
            spec.acceptUnrolledEnd && p.endsOn && p.endsOn !== correctEndsOn &&
            ctx.period({ start, amount, unit, roll: 'strict', basis: basisText(rule.basis, 'short') }).end === p.endsOn;
          if (p.endsOn && p.endsOn !== correctEndsOn && !unrolledOk)
            problems.push({ id: 'wrongEnd', data: { countedPeriod: periodText(amount, unit) } });
        }
        const data = {
          ...docData(ctx, doc),
          stated,
          statedText: p.text ?? stated,
          lawText: spec.lawText,
          statedEndsOn: p.endsOn ?? '',
          correctEndsOn: correctEndsOn ?? '',
          start: start ?? '',
          problem: '',
        };
        const facts = [{ label: `${ctx.docName(doc.type)}载明期限`, value: `${p.text ?? stated}${p.endsOn ? `（至 ${p.endsOn}）` : ''}`, refId: doc.id }];
        if (problems.length) out.push({ status: 'fail', data, problems, facts, calendar, key: `${doc.id}:${p.kind}` });
        else ok.push(`${ctx.docLabel(doc)}载明${p.text ?? stated}${p.endsOn ? `，至 ${p.endsOn}` : ''}`);
      }
    }
    if (!seen) return [na(`卷内文书未载明该期限`)];
    return out.length ? out : [pass(ok.join('；'), [])];
  },
};
