/**
 * SEQ-27 — a document cannot be served (or mailed) before the day it was made: a 送达日 / 交邮日 earlier than the
 * 落款日期 means one of the two dates in the file is wrong, and every period counted from either is then unreliable
 * (DL-08 would otherwise accept a negative service interval).
 */
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

// the declaration every named check makes (CustomCheckImpl, ./types.ts): alike in shape by design
export const servedAfterMade: CustomCheckImpl = {
  name: 'served_after_made',
  description: '送达日、交邮日不得早于文书作出日（落款日期）',
  params: NO_PARAMS,
  dataKeys: ['problem', 'madeOn', 'servedOn', 'early'],
  problemIds: ['beforeMade'],
  run(_params, ctx) {
    const docs = ctx.caseFile.documents.filter((d) => d.madeOn && d.service && ctx.pack.documentTypes.get(d.type)?.servable);
    if (!docs.length) return [na('卷内无载明作出日和送达记录的文书')];
    const out: CheckOutcome[] = [];
    for (const d of docs) {
      const s = d.service!;
      const early = [
        s.servedOn && s.servedOn < d.madeOn! ? `送达日 ${s.servedOn}` : '',
        s.mailedOn && s.mailedOn < d.madeOn! ? `交邮日 ${s.mailedOn}` : '',
        s.announcedOn && s.announcedOn < d.madeOn! ? `公告日 ${s.announcedOn}` : '',
      ].filter(Boolean);
      if (!early.length) continue;
      out.push({
        status: 'fail',
        data: { ...docData(ctx, d), problem: '', madeOn: d.madeOn!, servedOn: s.servedOn ?? s.mailedOn ?? s.announcedOn ?? '' },
        problems: [{ id: 'beforeMade', data: { early: early.join('、') } }],
        facts: [docRef(ctx, d, '文书作出日', d.madeOn!), { label: '送达记录', value: early.join('、'), refId: d.id }],
        key: d.id,
      });
    }
    return out.length ? out : [pass(`${docs.length} 份送达文书的送达日均不早于作出日`, docs.map((d) => docRef(ctx, d)))];
  },
};
