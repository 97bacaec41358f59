/** announcement_service — 公告送达在卷内有公告送达记录（原因和经过） (民事诉讼法第95条). */
import { serviceCheck } from '../service';

export const announcementService = serviceCheck(
  'announcement_service',
  '公告送达在卷内有公告送达记录（原因和经过）',
  ['noAnnouncementRecord'],
  (ctx, doc) => {
    const s = doc.service;
    if (s?.method !== 'announcement') return undefined;
    const rec = ctx.docs('announcement_service_record').find((r) => !r.relatesToDocumentId || r.relatesToDocumentId === doc.id);
    return rec ? [] : [{ id: 'noAnnouncementRecord' }];
  },
);
