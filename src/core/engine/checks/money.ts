/**
 * Money helpers of the amount checks: how an amount is printed (元), when two amounts are equal (to the cent),
 * and which decision or notice a check compares.
 */
import type { CaseDocument } from '../../case-file/types';
import type { ReviewContext } from '../context';

/** 1234 → 1234元, 12.5 → 12.50元 */
export const yuan = (n: number): string => `${Number.isInteger(n) ? n : n.toFixed(2)}元`;

/** equal to the cent */
export const sameAmount = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/** the earliest document of a type (by 落款日期) */
export function earliest(ctx: ReviewContext, type: string): CaseDocument | undefined {
  const docs = ctx.docs(type);
  return docs.length ? [...docs].sort((a, b) => ((a.madeOn ?? '') < (b.madeOn ?? '') ? -1 : 1))[0] : undefined;
}

/** the 事先告知书 the decision rests on (fact noticeDate), else the earliest one */
export function noticeDoc(ctx: ReviewContext): CaseDocument | undefined {
  const f = ctx.fact('noticeDate');
  return f?.refId ? ctx.docsById.get(f.refId) : earliest(ctx, 'penalty_notice');
}

/** 原处罚数额 of a 按日连续处罚决定书: stated on it, else the fine of the (first) 处罚决定书 */
export function originalFineOf(ctx: ReviewContext, d: CaseDocument): number | undefined {
  return d.amounts?.originalFine ?? earliest(ctx, 'penalty_decision')?.amounts?.fine;
}
