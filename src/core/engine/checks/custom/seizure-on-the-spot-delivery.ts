/**
 * SEQ-24 — 查封、扣押决定书和清单应当场交付当事人 (行政强制法第24条【Q】; 查封扣押办法): both are served on the
 * day the measure is taken.
 */
import { docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

// the declaration every named check makes (CustomCheckImpl, ./types.ts): alike in shape by design
export const seizureOnTheSpotDelivery: CustomCheckImpl = {
  name: 'seizure_on_the_spot_delivery',
  description: '查封扣押决定书和清单当场交付',
  params: NO_PARAMS,
  dataKeys: ['seizedOn', 'servedOn', 'problem'],
  problemIds: ['notDelivered', 'deliveredLater'],
  run(_params, ctx) {
    const decisions = ctx.docs('seizure_decision');
    if (!decisions.length) return [na('卷内无查封（扣押）决定书')];
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    for (const d of decisions) {
      const seizedOn = d.implementedAt?.slice(0, 10) ?? d.madeOn;
      if (!seizedOn) continue;
      const docs = [d, ...ctx.docs('seizure_inventory').filter((i) => !i.relatesToDocumentId || i.relatesToDocumentId === d.id)];
      for (const x of docs) {
        const servedOn = x.service?.servedOn;
        if (!servedOn) {
          if (ctx.mode === 'draft') continue;
          out.push({ status: 'fail', data: { docName: ctx.docName(x.type), docId: x.id, docLabel: ctx.docLabel(x), seizedOn, servedOn: '', problem: '' }, problems: [{ id: 'notDelivered' }], facts: [docRef(ctx, x)], key: x.id });
        } else if (servedOn !== seizedOn) {
          out.push({ status: 'fail', data: { docName: ctx.docName(x.type), docId: x.id, docLabel: ctx.docLabel(x), seizedOn, servedOn, problem: '' }, problems: [{ id: 'deliveredLater' }], facts: [docRef(ctx, x, '交付日', servedOn)], key: x.id });
        } else ok.push(`${ctx.docLabel(x)} ${servedOn}`);
      }
    }
    if (out.length) return out;
    return ok.length ? [pass(`当场交付：${ok.join('；')}`, [])] : [na('无交付记录')];
  },
};
