/** required_document — a document of one of the types must be in the file (optionally dated before a fact). */
import { factLabel } from '../facts';
import type { CaseDocument } from '../../case-file/types';
import type { ReviewContext } from '../context';
import { matchesWhere } from '../conditions';
import type { LoadedRule, RequiredDocumentCheck } from '../pack/types';
import type { CheckImpl, CheckOutcome } from './types';
import { docRef, factRef, pass } from './util';

const LEGAL_REVIEW_TYPE = 'legal_review_opinion';

const docDate = (d: CaseDocument) => d.approvedOn ?? d.madeOn ?? d.publishedOn;

export const requiredDocumentCheck: CheckImpl<RequiredDocumentCheck> = {
  kind: 'required_document',
  schema: {
    type: 'object',
    required: ['kind', 'types', 'label'],
    additionalProperties: false,
    properties: {
      kind: { const: 'required_document' },
      types: { $ref: '#/definitions/stringList' },
      where: { $ref: '#/definitions/where' },
      relatesTo: { $ref: '#/definitions/stringList' },
      onOrBefore: { type: 'string' },
      onOrAfter: { type: 'string' },
      neededBefore: { $ref: '#/definitions/stringList' },
      draft: {
        type: 'object',
        additionalProperties: false,
        properties: { reason: { type: 'string', minLength: 4 }, dueOn: { type: 'string' } },
      },
      label: { type: 'string', minLength: 2 },
      each: { type: 'boolean' },
    },
  },
  doc: (c) => `必备文书：${c.types.join(c.each ? ' + ' : ' / ')}${c.relatesTo ? `（关联 ${c.relatesTo.join(' / ')}）` : ''}${c.onOrBefore ? `，不晚于${factLabel(c.onOrBefore)}` : ''}${c.onOrAfter ? `，不早于${factLabel(c.onOrAfter)}` : ''}`,
  reads: (c) => ({ facts: [c.onOrBefore, c.onOrAfter, c.draft?.dueOn].filter((x): x is string => !!x), documentTypes: [...c.types, ...(c.neededBefore ?? []), ...(c.relatesTo ?? [])] }),
  dataKeys: ['label', 'bound', 'boundLabel', 'found'],
  run(spec: RequiredDocumentCheck, ctx: ReviewContext, rule: LoadedRule): CheckOutcome[] {
    if (spec.each && spec.types.length > 1) {
      const outs = spec.types.flatMap((t) =>
        runOne({ ...spec, types: [t], label: ctx.docName(t) }, ctx, rule),
      );
      const fails = outs.filter((o) => o.status !== 'pass');
      if (fails.length) return fails;
      return [pass(outs.map((o) => (o.status === 'pass' ? o.summary : '')).join('；'), outs.flatMap((o) => (o.status === 'pass' ? o.facts : [])))];
    }
    return runOne(spec, ctx, rule);
  },
};

/** the document this one concerns (`relatesToDocumentId`), when it is in the file */
const relatedOf = (ctx: ReviewContext, d: CaseDocument) => (d.relatesToDocumentId ? ctx.docsById.get(d.relatesToDocumentId) : undefined);

function runOne(spec: RequiredDocumentCheck, ctx: ReviewContext, rule: LoadedRule): CheckOutcome[] {
  const candidates = ctx.docsWithRecords(spec.types).filter((d) => matchesWhere(d, spec.where));
  const relatesTo = spec.relatesTo;
  const docs = relatesTo ? candidates.filter((d) => relatesTo.includes(relatedOf(ctx, d)?.type ?? '')) : candidates;
  const before = spec.onOrBefore ? ctx.fact(spec.onOrBefore) : undefined;
  const after = spec.onOrAfter ? ctx.fact(spec.onOrAfter) : undefined;
  const inWindow = docs.filter((d) => {
    const on = docDate(d);
    if (before && (!on || on > before.value.slice(0, 10))) return false;
    if (after && (!on || on < after.value.slice(0, 10))) return false;
    return true;
  });
  if (inWindow.length) {
    const d = inWindow[0];
    const bound = before ? `，${before.label} ${before.value}` : '';
    const target = relatesTo ? relatedOf(ctx, d) : undefined;
    const about = target ? `（关联${ctx.docLabel(target)}）` : '';
    return [pass(`卷内有${spec.label}：${ctx.docLabel(d)}${about} ${docDate(d) ?? ''}${bound}`, [docRef(ctx, d)])];
  }
  const data = { label: spec.label, bound: '', boundLabel: '', found: '' };
  if (docs.length) {
    // present, but dated outside the window (e.g. 法制审核 after the decision)
    const bound = before ?? after!;
    const d = docs[0];
    return [
      {
        status: 'fail',
        variant: 'late',
        data: { ...data, bound: bound.value, boundLabel: bound.label, found: `${ctx.docLabel(d)} ${docDate(d) ?? '（无日期）'}` },
        facts: [docRef(ctx, d, undefined, docDate(d) ?? ''), factRef(bound)],
        key: d.id,
      },
    ];
  }
  if (ctx.mode !== 'review') {
    const gates = spec.neededBefore ?? ['closing_approval'];
    const due =
      gates.some((t) => ctx.has(t)) ||
      ctx.caseFile.case.status === 'closed' ||
      ctx.caseFile.case.status === 'archived' ||
      (ctx.mode === 'pre-decision' && dueBeforeDecision(spec, gates, ctx));
    if (!due) {
      const dueOn = spec.draft?.dueOn ? ctx.fact(spec.draft.dueOn) : undefined;
      const reason = `${spec.draft?.reason ?? rule.title}（${rule.id}）`;
      return [{ status: 'next', type: spec.types[0], reason: dueOn ? `${reason}：${dueOn.label} ${dueOn.value.slice(0, 10)}` : reason, ...(dueOn ? { dueOn: dueOn.value.slice(0, 10) } : {}) }];
    }
  }
  if (candidates.length) {
    // documents of the type are there, but none concerns what the rule asks for (messages.unrelated)
    const what = (d: CaseDocument) => {
      const target = relatedOf(ctx, d);
      return target ? `关联${ctx.docLabel(target)}` : '未载明关联的文书，请核实';
    };
    return [
      {
        status: 'fail',
        variant: 'unrelated',
        data: { ...data, found: candidates.map((d) => `${ctx.docLabel(d)}（${what(d)}）`).join('、') },
        facts: [...candidates.map((d) => docRef(ctx, d, undefined, what(d))), ...(before ? [factRef(before)] : [])],
        key: `missing:${spec.types.join(',')}`,
      },
    ];
  }
  return [
    {
      status: 'fail',
      // before the decision nothing has been decided yet: a rule may word the miss as a bar (messages.preDecision)
      ...(ctx.mode === 'pre-decision' && rule.messages?.preDecision ? { variant: 'preDecision' } : {}),
      data,
      facts: before ? [factRef(before)] : [],
      key: `missing:${spec.types.join(',')}`,
    },
  ];
}

/**
 * 法制审核 before the decision (行政处罚法第58条): a document needed before the decision is due now — unless it belongs to
 * the 审核/讨论 stage itself (法制审核意见、集体讨论笔录 come out of this review or after it) or a later one.
 */
function dueBeforeDecision(spec: RequiredDocumentCheck, gates: readonly string[], ctx: ReviewContext): boolean {
  const types = ctx.pack.documentTypes;
  const decisions = types.group('case_decision');
  if (!gates.some((t) => decisions.includes(t))) return false;
  // the stage of the 法制审核意见书 (decision_review in rules/document-types.yaml)
  const reviewStage = types.handlingRank(LEGAL_REVIEW_TYPE);
  return spec.types.every((t) => types.handlingRank(t) < reviewStage);
}
