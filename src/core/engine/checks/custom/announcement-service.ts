/** announcement_service — 公告送达在卷内有公告送达记录（原因和经过） (民事诉讼法第95条). */
import { checkService, SERVICE_PARAMS } from '../service';
import type { CustomCheckImpl } from './types';

export const announcementService: CustomCheckImpl = {
  name: 'announcement_service',
  description: '公告送达在卷内有公告送达记录（原因和经过）',
  params: SERVICE_PARAMS,
  dataKeys: ['problem', 'method'],
  reads: (params) => ({ documentTypes: (params.except as string[] | undefined) ?? [] }),
  run(params, ctx) {
    return checkService(ctx, params, (doc) => {
      const s = doc.service;
      if (s?.method !== 'announcement') return undefined;
      const rec = ctx.docs('announcement_service_record').find((r) => !r.relatesToDocumentId || r.relatesToDocumentId === doc.id);
      return rec ? [] : ['卷内无公告送达记录（原因和经过）'];
    });
  },
};
