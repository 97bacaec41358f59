/** Applicability conditions (rule.applies, deadline unless/amountOverrides). */
import type { ReviewContext } from './context';
import type { Condition } from './pack/types';

export function evaluateCondition(cond: Condition | undefined, ctx: ReviewContext): boolean {
  if (!cond) return true;
  const c = ctx.caseFile.case;
  if (cond.procedure && !cond.procedure.includes(c.procedure)) return false;
  if (cond.status && !cond.status.includes(c.status)) return false;
  if (cond.modes && !cond.modes.includes(ctx.mode)) return false;
  if (cond.flags) {
    const flags = c.flags ?? {};
    for (const [name, want] of Object.entries(cond.flags)) {
      if (Boolean((flags as Record<string, boolean | undefined>)[name]) !== want) return false;
    }
  }
  if (cond.anyFlags) {
    const flags = (c.flags ?? {}) as Record<string, boolean | undefined>;
    if (!cond.anyFlags.some((f) => flags[f])) return false;
  }
  if (cond.hasDocuments && !cond.hasDocuments.every((t) => ctx.has(t))) return false;
  if (cond.hasAnyDocument && !cond.hasAnyDocument.some((t) => ctx.has(t))) return false;
  if (cond.lacksDocuments && cond.lacksDocuments.some((t) => ctx.has(t))) return false;
  if (cond.penaltyKinds) {
    const kinds = ctx.penaltyKinds();
    if (!cond.penaltyKinds.some((k) => kinds.has(k))) return false;
  }
  if (cond.fine !== undefined && hasFine(ctx) !== cond.fine) return false;
  if (cond.hasAgents !== undefined && (ctx.caseFile.agents?.length ?? 0) > 0 !== cond.hasAgents) return false;
  if (cond.facts && !cond.facts.every((f) => ctx.fact(f))) return false;
  if (cond.violation) {
    const v = (c.violation ?? {}) as Record<string, unknown>;
    for (const [k, want] of Object.entries(cond.violation)) if (Boolean(v[k]) !== want) return false;
  }
  if (cond.servedBy && !ctx.caseFile.documents.some((d) => d.service && cond.servedBy!.includes(d.service.method)))
    return false;
  if (cond.partyKind && ctx.caseFile.parties[0]?.kind !== cond.partyKind) return false;
  if (cond.any && !cond.any.some((sub) => evaluateCondition(sub, ctx))) return false;
  if (cond.all && !cond.all.every((sub) => evaluateCondition(sub, ctx))) return false;
  if (cond.not && evaluateCondition(cond.not, ctx)) return false;
  return true;
}

/** the case imposes a fine: 罚款 among the penalty kinds or a fine amount on a decision */
export function hasFine(ctx: ReviewContext): boolean {
  if (ctx.penaltyKinds().has('fine')) return true;
  const p = ctx.caseFile.case.penalty;
  if ((p?.decidedFine ?? 0) > 0) return true;
  for (const d of ctx.docsInGroup('fine_decision')) if ((d.amounts?.fine ?? 0) > 0) return true;
  return false;
}

/** a `where` filter: field (dotted path) → value or list of values */
export type Where = Record<string, string | number | boolean | (string | number | boolean)[]>;

/** does a document match a `where` filter (field → value or list of values; dotted paths allowed) */
export function matchesWhere(
  obj: object,
  where: Where | undefined,
): boolean {
  if (!where) return true;
  for (const [path, want] of Object.entries(where)) {
    const v = getPath(obj, path);
    if (Array.isArray(want) ? !want.includes(v as never) : v !== want) return false;
  }
  return true;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
