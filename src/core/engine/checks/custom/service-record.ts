/** service_record — 送达有记录：送达日期和送达回证或签收人（公告送达：公告发出日）. */
import { relatedDoc, serviceCheck } from '../service';

export const serviceRecord = serviceCheck('service_record', '送达有记录：送达日期和送达回证或签收人（公告送达：公告发出日）', (ctx, doc) => {
  const s = doc.service;
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
});
