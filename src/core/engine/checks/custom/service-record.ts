/** service_record — 送达有记录：送达日期和送达回证或签收人（公告送达：公告发出日）. */
import { relatedDoc, serviceCheck } from '../service';

export const serviceRecord = serviceCheck(
  'service_record',
  '送达有记录：送达日期和送达回证或签收人（公告送达：公告发出日）',
  ['noRecord', 'noAnnouncedOn', 'noServedOn', 'noReceipt'],
  (ctx, doc) => {
    const s = doc.service;
    if (!s) return ctx.mode === 'draft' ? undefined : [{ id: 'noRecord' }];
    if (s.method === 'announcement') return s.announcedOn ? [] : [{ id: 'noAnnouncedOn' }];
    const p = [];
    if (!s.servedOn) p.push({ id: 'noServedOn' });
    // 直接、留置、委托、邮寄送达 are proved by the 送达回证 (or a recorded receiver)
    if ((s.method === 'direct' || s.method === 'lodged' || s.method === 'entrusted' || s.method === 'post') &&
      !relatedDoc(ctx, doc, 'service_receipt', s.receiptDocumentId) && !s.receiver)
      p.push({ id: 'noReceipt' });
    return p;
  },
);
