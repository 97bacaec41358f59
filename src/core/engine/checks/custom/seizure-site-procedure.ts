/**
 * M15 — 查封、扣押的现场程序. 行政强制法第18条【Q】（五）"当场告知当事人采取行政强制措施的理由、依据以及当事人依法享有的
 * 权利、救济途径"（六）"听取当事人的陈述和申辩"（七）"制作现场笔录"; 评查细则第16项【Q†】 makes their omission a 重大问题
 * (常见错误"未制作查封、扣押现场笔录"). The 查封（扣押）现场笔录 is the record: each one must record the notice of reasons
 * and basis, the notice of rights and remedies, and that the party was heard. Where the party was not present
 * (`partySignature.status: absent`), 第18条（九） has a witness sign instead: the notice and the hearing could not be given
 * on the spot, so only the witness is looked for.
 * In draft mode a 查封（扣押）决定 without its 现场笔录 yet makes the 现场笔录 the next document, with what it must record.
 */
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const seizureSiteProcedure: CustomCheckImpl = {
  name: 'seizure_site_procedure',
  description: '查封扣押现场笔录记载当场告知理由、依据、权利、救济途径并听取陈述申辩（当事人不到场的，见证人签名）',
  params: NO_PARAMS,
  dataKeys: ['problem'],
  problemIds: ['reasons', 'rights', 'heard', 'witness'],
  reads: () => ({ documentTypes: ['seizure_site_record', 'seizure_decision'] }),
  run(_params, ctx, rule) {
    const records = ctx.docs('seizure_site_record');
    if (!records.length) {
      if (ctx.mode === 'draft' && ctx.has('seizure_decision'))
        return [{ status: 'next', type: 'seizure_site_record', reason: `现场笔录应记载当场告知当事人查封、扣押的理由、依据和依法享有的权利、救济途径，并听取陈述、申辩（行政强制法第18条（五）（六））；当事人不到场的，由见证人签名（第18条（九））（${rule.id}）` }];
      return [na('卷内无查封（扣押）现场笔录')];
    }
    const out: CheckOutcome[] = [];
    for (const d of records) {
      const problems: ProblemRef[] = [];
      if (d.partySignature?.status === 'absent') {
        if (!d.partySignature.witness && !(d.signatories ?? []).some((s) => s.role === 'witness')) problems.push({ id: 'witness' });
      } else {
        if (d.coerciveReasonsNotified !== true) problems.push({ id: 'reasons' });
        if (d.coerciveRightsNotified !== true) problems.push({ id: 'rights' });
        if (d.partyHeardOnSite !== true) problems.push({ id: 'heard' });
      }
      if (problems.length) out.push({ status: 'fail', data: docData(ctx, d), facts: [docRef(ctx, d)], problems, key: d.id });
    }
    return out.length ? out : [pass('现场笔录记载当场告知理由、依据、权利和救济途径，并听取了陈述申辩', records.map((d) => docRef(ctx, d)))];
  },
};
