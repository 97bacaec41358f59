/**
 * service — how a document reached the party (送达): a recorded day and proof (送达回证/确认书/公告记录);
 * 留置送达 with 拒收事由 and a witness or recording (民事诉讼法第89条); 电子送达 only with the party's consent
 * (处罚法第61条第2款); 公告送达 with its 原因和经过 recorded (民事诉讼法第95条).
 */
import type { CaseDocument } from '../../case-file/types';
import type { ReviewContext } from '../context';
import type { ServiceCheck } from '../pack/types';
import type { CheckImpl, CheckOutcome } from './types';
import { docData, docRef, na, pass } from './util';

const METHOD_NAMES: Record<string, string> = {
  direct: '直接送达',
  lodged: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
  announcement: '公告送达',
  entrusted: '委托送达',
};

function relatedDoc(ctx: ReviewContext, doc: CaseDocument, type: string, id?: string): CaseDocument | undefined {
  if (id) {
    const d = ctx.docsById.get(id);
    if (d && d.type === type) return d;
  }
  return ctx.docs(type).find((d) => d.relatesToDocumentId === doc.id);
}

function problemsOf(ctx: ReviewContext, doc: CaseDocument, variant: ServiceCheck['variant']): string[] | undefined {
  const s = doc.service;
  switch (variant) {
    case 'record': {
      if (!s) return ctx.mode === 'draft' ? undefined : ['无送达记录'];
      const p: string[] = [];
      if (s.method === 'announcement') {
        if (!s.announcedOn) p.push('公告送达未记载公告发出日');
        return p;
      }
      if (!s.servedOn) p.push('未记载送达（签收）日期');
      if ((s.method === 'direct' || s.method === 'lodged' || s.method === 'entrusted' || s.method === 'post') &&
        !relatedDoc(ctx, doc, 'service_receipt', s.receiptDocumentId) && !s.receiver)
        p.push('无送达回证或签收人记载');
      return p;
    }
    case 'lodged': {
      if (s?.method !== 'lodged') return undefined;
      const p: string[] = [];
      if (!s.refusalReason?.trim()) p.push('未记明拒收事由');
      if (!s.witness?.trim() && !s.recorded) p.push('无见证人签名，也无拍照、录像记录');
      return p;
    }
    case 'electronic': {
      if (s?.method !== 'electronic') return undefined;
      const consent = relatedDoc(ctx, doc, 'electronic_service_consent', s.consentDocumentId) ??
        ctx.docs('electronic_service_consent').find((c) => !c.madeOn || !s.servedOn || c.madeOn <= s.servedOn);
      if (!consent) return ['无当事人同意并签订的电子送达确认书'];
      if (consent.madeOn && s.servedOn && consent.madeOn > s.servedOn) return [`电子送达确认书（${consent.madeOn}）晚于送达日（${s.servedOn}）`];
      return [];
    }
    case 'announcement': {
      if (s?.method !== 'announcement') return undefined;
      const rec = ctx.docs('announcement_service_record').find((r) => !r.relatesToDocumentId || r.relatesToDocumentId === doc.id);
      return rec ? [] : ['卷内无公告送达记录（原因和经过）'];
    }
  }
}

export const serviceCheck: CheckImpl<ServiceCheck> = {
  kind: 'service',
  dataKeys: ['problem', 'method'],
  run(spec: ServiceCheck, ctx: ReviewContext): CheckOutcome[] {
    const docs = ctx.docsOf(spec.documents);
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    for (const d of docs) {
      const problems = problemsOf(ctx, d, spec.variant);
      if (problems === undefined) continue;
      const method = d.service ? METHOD_NAMES[d.service.method] ?? d.service.method : '无';
      if (problems.length)
        out.push({
          status: 'fail',
          data: { ...docData(ctx, d), problem: problems.join('；'), method },
          facts: [docRef(ctx, d, `${ctx.docName(d.type)}送达方式`, method)],
          key: d.id,
        });
      else ok.push(`${ctx.docLabel(d)}：${method}${d.service?.servedOn ? ' ' + d.service.servedOn : ''}`);
    }
    if (out.length) return out;
    if (!ok.length) return [na('卷内无适用该送达方式的文书')];
    return [pass(ok.join('；'), [])];
  },
};
