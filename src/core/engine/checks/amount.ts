/**
 * amount — money and day-count arithmetic a file must get right:
 * decided ≤ proposed (处罚法第45条第2款) · 按日罚款 = 原罚款 × 计罚日数 (按日连续处罚办法第19条) ·
 * 计罚日数 = 送达次日 … 复查日, counted inclusively (第17条) · 加处罚款 ≤ 罚款 (处罚法第72条) ·
 * 简易程序 limits (第51条) · case summary = decision · paid ≥ fine.
 */
import { PENALTY_KIND_LABELS } from '../../case-file/labels';
import type { CaseDocument } from '../../case-file/types';
import type { ReviewContext } from '../context';
import { addCalendarDays } from '../../domain/legal-date';
import type { AmountCheck } from '../pack/types';
import type { FactRef } from '../types';
import type { CheckImpl, CheckOutcome } from './types';
import { docData, docRef, factRef, na, pass } from './util';

const yuan = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(2)}元`;
const eq = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** 处罚种类 in Chinese, for messages */
const KIND_NAMES: Record<string, string> = PENALTY_KIND_LABELS;

function first(ctx: ReviewContext, type: string): CaseDocument | undefined {
  const docs = ctx.docs(type);
  return docs.length ? [...docs].sort((a, b) => ((a.madeOn ?? '') < (b.madeOn ?? '') ? -1 : 1))[0] : undefined;
}

export const amountCheck: CheckImpl<AmountCheck> = {
  kind: 'amount',
  dataKeys: [
    'proposed', 'decided', 'extraKinds', 'originalFine', 'penaltyDays', 'expected', 'fine', 'statedFrom', 'statedTo',
    'statedDays', 'expectedFrom', 'expectedTo', 'expectedDays', 'problem', 'surcharge', 'limit', 'partyKind', 'paid',
  ],
  run(spec: AmountCheck, ctx: ReviewContext): CheckOutcome[] {
    switch (spec.variant) {
      case 'decided_le_proposed':
        return decidedLeProposed(ctx);
      case 'daily_fine':
        return dailyFine(ctx);
      case 'penalty_days':
        return penaltyDays(ctx);
      case 'surcharge_cap':
        return surchargeCap(ctx);
      case 'simple_procedure_limit':
        return simpleLimit(ctx);
      case 'case_matches_decision':
        return caseMatches(ctx);
      case 'paid_covers_fine':
        return paidCovers(ctx);
    }
  },
};

function noticeDoc(ctx: ReviewContext): CaseDocument | undefined {
  const f = ctx.fact('noticeDate');
  return f?.refId ? ctx.docsById.get(f.refId) : first(ctx, 'penalty_notice');
}

function decidedLeProposed(ctx: ReviewContext): CheckOutcome[] {
  const decision = first(ctx, 'penalty_decision');
  const notice = noticeDoc(ctx);
  if (!decision || !notice) return [na('卷内无事先告知书或处罚决定书')];
  const p = ctx.caseFile.case.penalty;
  const proposed = notice.amounts?.fine ?? p?.proposedFine;
  const decided = decision.amounts?.fine ?? p?.decidedFine;
  const noticeKinds = new Set(notice.penaltyKinds ?? []);
  const extra = noticeKinds.size ? (decision.penaltyKinds ?? []).filter((k) => !noticeKinds.has(k)) : [];
  const facts: FactRef[] = [];
  if (proposed !== undefined) facts.push(docRef(ctx, notice, '告知书拟罚款金额', proposed));
  if (decided !== undefined) facts.push(docRef(ctx, decision, '决定书罚款金额', decided));
  const heavierFine = proposed !== undefined && decided !== undefined && decided > proposed + 0.005;
  if (!heavierFine && !extra.length) {
    if (proposed === undefined || decided === undefined) {
      if (!noticeKinds.size) return [na('告知书或决定书未载明罚款金额')];
      return [pass(`决定处罚种类未超出告知内容`, facts)];
    }
    return [pass(`决定罚款 ${yuan(decided)} ≤ 告知拟罚款 ${yuan(proposed)}`, facts)];
  }
  return [
    {
      status: 'fail',
      data: {
        proposed: proposed !== undefined ? yuan(proposed) : '未载明',
        decided: decided !== undefined ? yuan(decided) : '未载明',
        extraKinds: extra.map((k) => KIND_NAMES[k] ?? k).join('、') || '无',
        problem: [heavierFine ? `决定罚款 ${yuan(decided!)} 高于告知拟罚款 ${yuan(proposed!)}` : '', extra.length ? `决定增加了告知书未载明的处罚种类（${extra.map((k) => KIND_NAMES[k] ?? k).join('、')}）` : '']
          .filter(Boolean)
          .join('；'),
      },
      facts,
      key: decision.id,
    },
  ];
}

function dailyDecisions(ctx: ReviewContext) {
  return ctx.docs('daily_penalty_decision');
}

function originalFineOf(ctx: ReviewContext, d: CaseDocument): number | undefined {
  return d.amounts?.originalFine ?? first(ctx, 'penalty_decision')?.amounts?.fine;
}

function dailyFine(ctx: ReviewContext): CheckOutcome[] {
  const docs = dailyDecisions(ctx);
  if (!docs.length) return [na('卷内无按日连续处罚决定书')];
  const out: CheckOutcome[] = [];
  const ok: string[] = [];
  for (const d of docs) {
    const original = originalFineOf(ctx, d);
    const days = d.penaltyDays;
    const fine = d.amounts?.fine;
    if (original === undefined || days === undefined || fine === undefined) {
      out.push({
        status: 'fail',
        variant: 'incomplete',
        data: { ...docData(ctx, d), problem: '未载明原处罚数额、计罚日数或罚款金额' },
        facts: [docRef(ctx, d)],
        key: d.id,
      });
      continue;
    }
    const expected = Math.round(original * days * 100) / 100;
    if (!eq(expected, fine)) {
      out.push({
        status: 'fail',
        data: { ...docData(ctx, d), originalFine: yuan(original), penaltyDays: days, expected: yuan(expected), fine: yuan(fine) },
        facts: [docRef(ctx, d, '原处罚罚款数额', original), docRef(ctx, d, '计罚日数', days), docRef(ctx, d, '按日连续处罚罚款', fine)],
        key: d.id,
      });
    } else ok.push(`${yuan(original)} × ${days}日 = ${yuan(fine)}`);
  }
  return out.length ? out : [pass(`按日连续处罚罚款：${ok.join('；')}`, docs.map((d) => docRef(ctx, d)))];
}

function penaltyDays(ctx: ReviewContext): CheckOutcome[] {
  const docs = dailyDecisions(ctx);
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
    const problems: string[] = [];
    const statedFrom = d.penaltyDaysFrom;
    const statedTo = d.penaltyDaysTo;
    const statedDays = d.penaltyDays;
    if (!statedFrom || !statedTo || statedDays === undefined) problems.push('未载明计罚起止日期或计罚日数');
    if (statedFrom && expectedFrom && statedFrom !== expectedFrom)
      problems.push(`计罚起始日应为责令改正决定书送达之次日 ${expectedFrom}，文书载为 ${statedFrom}`);
    if (statedTo && expectedTo && statedTo !== expectedTo)
      problems.push(`计罚截止日应为复查发现违法排放之日 ${expectedTo}，文书载为 ${statedTo}`);
    let expectedDays: number | undefined;
    const f = expectedFrom ?? statedFrom;
    const t = expectedTo ?? statedTo;
    if (f && t) {
      expectedDays = ctx.calendar.countDaysInclusive(f, t);
      if (statedDays !== undefined && statedDays !== expectedDays) problems.push(`${f} 至 ${t} 首尾两日均计入共 ${expectedDays} 日，文书载为 ${statedDays} 日`);
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
          problem: problems.join('；'),
        },
        facts,
        calendar: f && t ? [`计罚日数：自 ${f} 起至 ${t} 止，首尾两日均计入，共 ${expectedDays} 日（按日连续处罚办法第17条）`] : undefined,
        key: d.id,
      });
    } else ok.push(`${statedFrom} 至 ${statedTo} 共 ${statedDays} 日`);
  }
  return out.length ? out : [pass(`计罚日数：${ok.join('；')}`, docs.map((d) => docRef(ctx, d)))];
}

function surchargeCap(ctx: ReviewContext): CheckOutcome[] {
  const decisionFine = first(ctx, 'penalty_decision')?.amounts?.fine ?? ctx.caseFile.case.penalty?.decidedFine;
  const out: CheckOutcome[] = [];
  let checked = 0;
  for (const d of ctx.caseFile.documents) {
    const s = d.amounts?.surcharge;
    if (s === undefined) continue;
    const fine = d.amounts?.fine ?? decisionFine;
    if (fine === undefined) continue;
    checked++;
    if (s > fine + 0.005)
      out.push({
        status: 'fail',
        data: { ...docData(ctx, d), surcharge: yuan(s), fine: yuan(fine) },
        facts: [docRef(ctx, d, '加处罚款', s), { label: '罚款数额', value: fine }],
        key: d.id,
      });
  }
  if (!checked) return [na('卷内无加处罚款')];
  return out.length ? out : [pass('加处罚款未超出罚款数额', [])];
}

function simpleLimit(ctx: ReviewContext): CheckOutcome[] {
  const docs = ctx.docs('on_the_spot_decision');
  if (!docs.length) return [na('卷内无当场行政处罚决定书')];
  const out: CheckOutcome[] = [];
  for (const d of docs) {
    const party = ctx.partyOf(d);
    const limit = party?.kind === 'individual' ? 200 : 3000;
    const fine = d.amounts?.fine ?? ctx.caseFile.case.penalty?.decidedFine ?? 0;
    const kinds = d.penaltyKinds ?? ctx.caseFile.case.penalty?.kinds ?? [];
    const otherKinds = kinds.filter((k) => k !== 'fine' && k !== 'warning');
    if (fine > limit || otherKinds.length) {
      out.push({
        status: 'fail',
        data: {
          ...docData(ctx, d),
          fine: yuan(fine),
          limit: yuan(limit),
          partyKind: party?.kind === 'individual' ? '公民' : '法人或者其他组织',
          problem: otherKinds.length ? `处罚种类含${otherKinds.map((k) => KIND_NAMES[k] ?? k).join('、')}` : `罚款 ${yuan(fine)} 超过 ${yuan(limit)}`,
        },
        facts: [docRef(ctx, d, '当场处罚罚款', fine)],
        key: d.id,
      });
    }
  }
  return out.length ? out : [pass('当场处罚在简易程序适用范围内', docs.map((d) => docRef(ctx, d)))];
}

/** case.penalty holds one figure per case: the total over the file's decisions and notices (按日连续处罚: two rounds) */
function caseMatches(ctx: ReviewContext): CheckOutcome[] {
  const p = ctx.caseFile.case.penalty;
  const decisions = [...ctx.docs('penalty_decision'), ...ctx.docs('daily_penalty_decision'), ...ctx.docs('on_the_spot_decision')].filter((d) => d.amounts?.fine !== undefined);
  const notices = ctx.docs('penalty_notice').filter((d) => d.amounts?.fine !== undefined);
  const decidedTotal = decisions.reduce((n, d) => n + d.amounts!.fine!, 0);
  const proposedTotal = notices.reduce((n, d) => n + d.amounts!.fine!, 0);
  const problems: string[] = [];
  const facts: FactRef[] = [];
  let compared = 0;
  if (p?.decidedFine !== undefined && decisions.length) {
    compared++;
    facts.push({ label: '决定书罚款合计', value: decidedTotal }, { label: '卷宗登记决定罚款', value: p.decidedFine });
    if (!eq(p.decidedFine, decidedTotal)) problems.push(`卷宗登记决定罚款 ${yuan(p.decidedFine)}，决定书${decisions.length > 1 ? '合计' : '为'} ${yuan(decidedTotal)}`);
  }
  if (p?.proposedFine !== undefined && notices.length) {
    compared++;
    facts.push({ label: '告知书拟罚款合计', value: proposedTotal }, { label: '卷宗登记拟罚款', value: p.proposedFine });
    if (!eq(p.proposedFine, proposedTotal)) problems.push(`卷宗登记拟罚款 ${yuan(p.proposedFine)}，告知书${notices.length > 1 ? '合计' : '为'} ${yuan(proposedTotal)}`);
  }
  if (!compared) return [na('卷宗未登记罚款金额或文书未载明')];
  if (problems.length) return [{ status: 'fail', data: { problem: problems.join('；') }, facts, key: 'case' }];
  return [pass('卷宗登记的罚款金额与文书一致', facts)];
}

function paidCovers(ctx: ReviewContext): CheckOutcome[] {
  const decision = first(ctx, 'penalty_decision') ?? first(ctx, 'on_the_spot_decision');
  const fine = decision?.amounts?.fine ?? ctx.caseFile.case.penalty?.decidedFine;
  const receipts = [...ctx.docs('fine_payment_receipt'), ...ctx.docs('on_the_spot_decision')];
  const paid = receipts.reduce((n, d) => n + (d.amounts?.paid ?? 0), 0);
  if (fine === undefined || fine <= 0) return [na('无罚款')];
  if (!receipts.some((d) => d.amounts?.paid !== undefined)) return [na('卷内缴款凭证未载明金额')];
  const facts: FactRef[] = [{ label: '罚款数额', value: fine }, { label: '已缴金额', value: paid }];
  if (paid + 0.005 < fine) return [{ status: 'fail', data: { fine: yuan(fine), paid: yuan(paid) }, facts, key: 'paid' }];
  return [pass(`已缴 ${yuan(paid)}，罚款 ${yuan(fine)}`, facts)];
}
