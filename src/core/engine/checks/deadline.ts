/**
 * deadline — a period counted through the legal calendar from one fact, compared with another fact.
 *
 * Forward: due = from + period (起算日不计入; 民法典第201条), plus approved extensions, minus excluded intervals
 * (中止、检测 …). Backward (听证通知 "七日前"): the latest allowed day before the target.
 * Hours (24 小时内补办批准) are counted on `YYYY-MM-DD HH:mm` facts without the calendar.
 */
import { basisText } from '../../law/basis-text';
import { PERIOD_UNIT_WORDS } from '../../domain/period-text';
import type { ExcludedInterval } from '../../calendar/types';
import type { CaseDocument, StatedPeriod } from '../../case-file/types';
import type { ReviewContext } from '../context';
import { evaluateCondition } from '../conditions';
import { daysBetween, datePart, formatLegalDateTime, isDateTime, toDays, toMinutes } from '../../domain/legal-date';
import { periodText } from '../../domain/period-text';
import type { FactValue } from '../facts';
import { factLabel } from '../facts';
import type { DeadlineCheck, ExclusionSource, LoadedRule } from '../pack/types';
import type { FactRef } from '../types';
import type { CheckImpl, CheckOutcome, MessageData } from './types';
import { COMPARE_TEXT, compareOk, factRef, na } from './util';
import { gatherExcludedTime } from './custom/excluded-time';

export const deadlineCheck: CheckImpl<DeadlineCheck> = {
  kind: 'deadline',
  schema: {
    type: 'object',
    required: ['kind', 'from', 'to', 'compare', 'label'],
    additionalProperties: false,
    properties: {
      kind: { const: 'deadline' },
      from: { type: 'string' },
      to: { type: 'string' },
      amount: { type: 'integer', minimum: 1 },
      unit: { $ref: '#/definitions/unit' },
      parameter: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
      periodFrom: {
        type: 'object',
        required: ['document', 'kind'],
        additionalProperties: false,
        properties: { document: { type: 'string' }, kind: { $ref: '#/definitions/periodKind' } },
      },
      amountOverrides: {
        type: 'array',
        items: {
          type: 'object',
          required: ['when', 'amount', 'note'],
          additionalProperties: false,
          properties: {
            when: { $ref: '#/definitions/condition' },
            amount: { type: 'integer', minimum: 1 },
            note: { type: 'string' },
          },
        },
      },
      direction: { enum: ['forward', 'backward'] },
      roll: { enum: ['party', 'strict'] },
      backwardReading: { enum: ['conservative', 'inclusive'] },
      compare: { enum: ['lte', 'lt', 'gte', 'gt'] },
      exclusions: {
        type: 'array',
        items: { enum: ['suspension', 'testing', 'hearing', 'announcement', 'service', 'other_excluded'] },
      },
      extensions: {
        type: 'object',
        required: ['of', 'documents'],
        additionalProperties: false,
        properties: {
          of: { enum: ['case_handling', 'seizure', 'restriction', 'filing'] },
          documents: { $ref: '#/definitions/stringList' },
        },
      },
      useMailedOn: { type: 'boolean' },
      rollGrace: { type: 'boolean' },
      inclusiveGrace: { type: 'boolean' },
      unless: { $ref: '#/definitions/condition' },
      unlessNote: { type: 'string' },
      label: { type: 'string', minLength: 2 },
      draft: {
        type: 'object',
        required: ['label'],
        additionalProperties: false,
        properties: { label: { type: 'string' }, nextDocument: { type: 'string' } },
      },
    },
  },
  doc(c) {
    const period = c.periodFrom
      ? `${c.periodFrom.document} 载明的 ${c.periodFrom.kind} 期限`
      : c.parameter
        ? `法定数值 ${c.parameter}（按适用日取当时有效的值）`
        : `${c.amount}${PERIOD_UNIT_WORDS[c.unit ?? 'day']}`;
    const cmp = { lte: '≤', lt: '<', gte: '≥', gt: '>' }[c.compare];
    const extras = [
      c.direction === 'backward' ? `倒算（${c.backwardReading ?? 'conservative'}）` : '',
      c.roll ? `期末${c.roll === 'party' ? '顺延' : '不顺延'}` : '',
      c.exclusions?.length ? `扣除 ${c.exclusions.join('、')}` : '',
      c.extensions ? `加批准延长（${c.extensions.documents.join('、')}）` : '',
      c.useMailedOn ? '邮寄以交邮日计' : '',
    ].filter(Boolean);
    return `期限：${factLabel(c.to)} ${cmp} ${factLabel(c.from)} + ${period}${extras.length ? `（${extras.join('；')}）` : ''}`;
  },
  reads: (c) => ({
    facts: [c.from, c.to],
    documentTypes: [...(c.periodFrom ? [c.periodFrom.document] : []), ...(c.extensions?.documents ?? []), ...(c.draft?.nextDocument ? [c.draft.nextDocument] : [])],
  }),
  specProblems(c) {
    const problems: string[] = [];
    const sources = [c.amount !== undefined || c.unit !== undefined, !!c.periodFrom, !!c.parameter].filter(Boolean).length;
    if (sources !== 1 || (!c.periodFrom && !c.parameter && (c.amount === undefined || c.unit === undefined)))
      problems.push('deadline 须有且只有 amount+unit、periodFrom 或 parameter 之一');
    if (c.unit === 'hour' && (c.exclusions?.length || c.extensions || c.direction === 'backward'))
      problems.push('按小时计算的期限不支持扣除、延长或倒算');
    if (c.direction === 'backward' && c.unit !== 'workday' && c.unit !== 'day') problems.push('倒算期限只支持日/工作日');
    return problems;
  },
  dataKeys: [
    'from', 'fromLabel', 'to', 'toLabel', 'dueOn', 'period', 'label', 'overDays', 'note', 'extensionDays',
    'excludedDays', 'statedText', 'rolledDueOn', 'inclusiveDueOn',
  ],
  run(spec, ctx, rule) {
    return [runDeadline(spec, ctx, rule)];
  },
};

function undeterminable(years: number[] | undefined, what: string): CheckOutcome {
  const ys = [...new Set(years ?? [])].sort();
  return {
    status: 'undeterminable',
    reason: `缺少${ys.map((y) => y + '年').join('、') || '相关年份'}国务院节假日安排数据，无法计算${what}`,
    missingYears: ys,
  };
}

/** the stated period a document gives (e.g. 告知书载明的陈述申辩期限) */
function statedPeriodOf(
  ctx: ReviewContext,
  spec: NonNullable<DeadlineCheck['periodFrom']>,
  preferDoc?: string,
): { period: StatedPeriod; doc: CaseDocument } | undefined {
  const docs = ctx.docs(spec.document);
  const ordered = preferDoc ? [...docs].sort((a, b) => (a.id === preferDoc ? -1 : b.id === preferDoc ? 1 : 0)) : docs;
  for (const doc of ordered) {
    const p = doc.statedPeriods?.find((sp) => sp.kind === spec.kind);
    if (p) return { period: p, doc };
  }
  return undefined;
}

/** intervals whose days do not count, from the file's 中止/恢复 approvals and 检测/鉴定 periods */
export function gatherExclusions(ctx: ReviewContext, sources: ExclusionSource[] | undefined): ExcludedInterval[] {
  if (!sources?.length) return [];
  const out: ExcludedInterval[] = [];
  if (sources.includes('suspension')) {
    const starts = ctx
      .docs('suspension_approval')
      .map((d) => d.suspendedOn ?? d.approvedOn)
      .filter((d): d is string => !!d)
      .sort();
    const ends = ctx
      .docs('resumption_approval')
      .map((d) => d.resumedOn ?? d.approvedOn)
      .filter((d): d is string => !!d)
      .sort();
    let j = 0;
    for (const s of starts) {
      while (j < ends.length && ends[j] < s) j++;
      if (j >= ends.length) break; // 中止 without 恢复: not credited (DL-01c reports it)
      out.push({ from: s, to: ends[j], reason: '中止案件调查' });
      j++;
    }
  }
  if (sources.includes('testing')) {
    for (const d of ctx.caseFile.documents) {
      const t = d.testingPeriod;
      if (t && t.from <= t.to) out.push({ from: t.from, to: t.to, reason: `检测/鉴定（${ctx.docName(d.type)}）` });
    }
  }
  out.push(...gatherExcludedTime(ctx, sources));
  out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return out;
}

/** days covered by the intervals, overlaps counted once */
function countDays(intervals: ExcludedInterval[]): number {
  const days = new Set<number>();
  for (const e of intervals) for (let i = 0; i <= daysBetween(e.from, e.to); i++) days.add(toDays(e.from) + i);
  return days.size;
}

function runDeadline(spec: DeadlineCheck, ctx: ReviewContext, rule: LoadedRule): CheckOutcome {
  const from = ctx.fact(spec.from);
  if (!from) return na(`卷内无${factLabel(spec.from)}`);
  if (from.missingYears) return undeterminable(from.missingYears, factLabel(spec.from));
  if (spec.unless && evaluateCondition(spec.unless, ctx)) return na(spec.unlessNote ?? '例外情形成立');

  let amount = spec.amount ?? 0;
  let unit = spec.unit ?? 'day';
  const data: MessageData = { label: spec.label, note: '' };
  const facts: FactRef[] = [factRef(from)];
  if (spec.periodFrom) {
    const sp = statedPeriodOf(ctx, spec.periodFrom, from.refId);
    if (!sp) return na(`${ctx.docName(spec.periodFrom.document)}未载明期限`);
    amount = sp.period.amount;
    unit = sp.period.unit;
    data.statedText = sp.period.text ?? periodText(amount, unit);
    facts.push({ label: `${ctx.docName(sp.doc.type)}载明期限`, value: String(data.statedText), refId: sp.doc.id });
  }
  for (const o of spec.amountOverrides ?? []) {
    if (evaluateCondition(o.when, ctx)) {
      amount = o.amount;
      data.note = o.note;
      break;
    }
  }
  data.period = periodText(amount, unit);
  data.from = from.value;
  data.fromLabel = from.label;
  data.toLabel = factLabel(spec.to);

  // —— the due date ——
  let due: string;
  const calendar: string[] = [...(from.calendar ?? [])];
  const basis = basisText(rule.basis, 'short');
  if (unit === 'hour') {
    if (!isDateTime(from.value)) return na(`${from.label}未记载到时分，无法按小时计算`);
    due = formatLegalDateTime(toMinutes(from.value) + amount * 60);
    calendar.push(`按小时计算（民法典第201条第2款：自规定的时间开始计算）：${from.value} 起 ${amount} 小时，至 ${due}`);
  } else {
    const exclusions = gatherExclusions(ctx, spec.exclusions);
    const res = ctx.period({
      start: datePart(from.value),
      amount,
      unit,
      direction: spec.direction ?? 'forward',
      roll: spec.roll ?? 'strict',
      backwardReading: spec.backwardReading,
      exclusions: exclusions.length ? exclusions : undefined,
      basis,
    });
    if (res.status !== 'ok' || !res.end) return undeterminable(res.missingYears, spec.label);
    due = res.end;
    calendar.push(...res.explanation);
    if (exclusions.length) {
      const days = countDays(exclusions);
      data.excludedDays = days;
    }
    if (spec.extensions) {
      let total = 0;
      const exts = ctx
        .docsOf(spec.extensions.documents)
        .filter((d) => (d.extensionDays ?? 0) > 0 && (!d.extensionOf || d.extensionOf === spec.extensions!.of))
        .map((d) => ({ d, on: d.approvedOn ?? d.madeOn }))
        .filter((x): x is { d: CaseDocument; on: string } => !!x.on)
        .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      for (const { d, on } of exts) {
        if (on > due) {
          calendar.push(`${ctx.docName(d.type)}（${on}）晚于期限届满日 ${due}，不计入延长`);
          continue;
        }
        const ext = ctx.period({ start: due, amount: d.extensionDays!, unit: 'day', roll: spec.roll ?? 'strict', basis });
        if (ext.status !== 'ok' || !ext.end) return undeterminable(ext.missingYears, spec.label);
        calendar.push(`经批准延长${d.extensionDays}日（${ctx.docName(d.type)} ${on}）：`, ...ext.explanation);
        facts.push({ label: `${ctx.docName(d.type)}延长日数`, value: d.extensionDays!, refId: d.id });
        total += d.extensionDays!;
        due = ext.end;
      }
      if (total) data.extensionDays = total;
    }
  }
  data.dueOn = due;

  // —— the subject ——
  const to = ctx.fact(spec.to);
  if (!to) return pending(spec, ctx, rule, due, calendar, facts, data);
  if (to.missingYears) return undeterminable(to.missingYears, factLabel(spec.to));
  let subject = unit === 'hour' ? to.value : datePart(to.value);
  if (unit === 'hour' && !isDateTime(subject)) return na(`${to.label}未记载到时分，无法按小时计算`);
  if (to.calendar) calendar.push(...to.calendar);
  if (spec.useMailedOn && to.method === 'post' && to.mailedOn) {
    subject = to.mailedOn;
    calendar.push(`邮寄送达：以交邮日 ${to.mailedOn} 计（期间不包括在途时间，期满前交邮的不算过期）`);
    facts.push(factRef(to), { label: '交邮日', value: to.mailedOn, refId: to.refId });
    data.toLabel = `${to.label}（交邮日）`;
  } else {
    facts.push(factRef(to));
  }
  data.to = subject;
  const cmp = spec.compare;
  if (compareOk(subject, due, cmp)) {
    return {
      status: 'pass',
      summary: `${spec.label}（${data.period}）：${from.value} → ${subject}，${COMPARE_TEXT[cmp]} ${due}`,
      facts,
      calendar,
    };
  }
  data.overDays = unit === 'hour' ? Math.round((toMinutes(subject) - toMinutes(due)) / 60) : Math.abs(daysBetween(due, subject));

  // met only under a reading the law leaves open (期末顺延, 包含当日): a warning with the other reading's trace
  const grace = (extra: MessageData, steps: string[]): CheckOutcome => ({
    status: 'fail',
    variant: 'grace',
    severity: rule.severity === 'info' ? 'info' : 'warning',
    data: { ...data, ...extra },
    facts,
    calendar: [...calendar, ...steps],
  });
  // strict agency period met only inside the party-roll window → warning (catalog §a 注, DL-01 【I】)
  if (spec.rollGrace && unit !== 'workday' && unit !== 'hour' && (spec.direction ?? 'forward') === 'forward') {
    const rolled = ctx.period({
      start: datePart(from.value),
      amount,
      unit,
      roll: 'party',
      exclusions: spec.exclusions ? gatherExclusions(ctx, spec.exclusions) : undefined,
      basis,
    });
    if (rolled.status === 'ok' && rolled.end && rolled.end !== due && !data.extensionDays && compareOk(subject, rolled.end, cmp))
      return grace({ rolledDueOn: rolled.end }, ['若按期末休息日顺延：', ...rolled.explanation]);
  }
  // backward conservative reading met only under the inclusive reading → warning
  if (spec.inclusiveGrace && spec.direction === 'backward') {
    const incl = ctx.period({
      start: datePart(from.value),
      amount,
      unit: unit as 'day' | 'workday' | 'month' | 'year',
      direction: 'backward',
      backwardReading: 'inclusive',
      basis,
    });
    if (incl.status === 'ok' && incl.end && compareOk(subject, incl.end, cmp))
      return grace({ inclusiveDueOn: incl.end }, ['按包含听证当日的口径：', ...incl.explanation]);
  }
  return { status: 'fail', data, facts, calendar, key: to.refId ?? spec.to };
}

/** the subject is not in the file yet */
function pending(
  spec: DeadlineCheck,
  ctx: ReviewContext,
  rule: LoadedRule,
  due: string,
  calendar: string[],
  facts: FactRef[],
  data: MessageData,
): CheckOutcome {
  if (ctx.mode === 'review' || !spec.draft) return na(`卷内无${factLabel(spec.to)}`);
  const asOfDay = ctx.asOf;
  const dueDay = datePart(due);
  const mustHappenBy = spec.compare === 'lte' || spec.compare === 'lt';
  if (asOfDay <= dueDay) {
    const next = spec.draft.nextDocument;
    return {
      status: 'upcoming',
      label: spec.draft.label,
      dueOn: dueDay,
      calendar,
      facts,
      nextDocument: next
        ? { type: next, reason: `${spec.label}：应${COMPARE_TEXT[spec.compare]} ${dueDay}（${rule.id}）` }
        : undefined,
    };
  }
  if (!mustHappenBy) return na(`${spec.draft.label}（${dueDay}）已过`);
  return { status: 'fail', variant: 'overdue', data: { ...data, to: '' }, facts, calendar, key: 'overdue' };
}
