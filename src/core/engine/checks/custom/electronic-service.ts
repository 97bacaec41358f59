/** electronic_service — 电子送达须有当事人同意并签订的确认书，且确认书不晚于送达日 (行政处罚法第61条第2款). */
import { relatedDoc, serviceCheck } from '../service';

export const electronicService = serviceCheck(
  'electronic_service',
  '电子送达须有当事人同意并签订的确认书，且确认书不晚于送达日',
  ['noConsent', 'consentAfterService'],
  (ctx, doc) => {
    const s = doc.service;
    if (s?.method !== 'electronic') return undefined;
    const consent = relatedDoc(ctx, doc, 'electronic_service_consent', s.consentDocumentId) ??
      ctx.docs('electronic_service_consent').find((c) => !c.madeOn || !s.servedOn || c.madeOn <= s.servedOn);
    if (!consent) return [{ id: 'noConsent' }];
    if (consent.madeOn && s.servedOn && consent.madeOn > s.servedOn)
      return [{ id: 'consentAfterService', data: { consentOn: consent.madeOn, servedOn: s.servedOn } }];
    return [];
  },
);
