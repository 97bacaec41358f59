/**
 * M23 — 执法证有效期. 评查细则第2项【Q†】: "执法人员不具有行政执法资格，或少于两人" is a 重大问题; its 常见错误④ is
 * "使用不在有效期内的行政执法证执法", and its 注意事项 keeps the item to what matters: "综合全卷能够判断具备执法资格的执法
 * 人员不少于两人的，不属于重大问题". So a document the 执法人员 made together (笔录、采样、调查报告 … the documents with
 * `officerIds`) is the 重大问题 only where fewer than two of them held a certificate valid on its date; an officer whose
 * certificate was not valid that day, while two others were, is reported at severity error. An officer without
 * validity dates is taken as qualified (SEQ-03 checks the number and the certificate numbers).
 */
import type { Officer } from '../../../case-file/types';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

function invalidOn(o: Officer, day: string): string | undefined {
  if (o.certificateValidUntil && day > o.certificateValidUntil) return `${o.name}的执法证有效期至 ${o.certificateValidUntil}`;
  if (o.certificateValidFrom && day < o.certificateValidFrom) return `${o.name}的执法证 ${o.certificateValidFrom} 起有效`;
  return undefined;
}

export const certificateValidity: CustomCheckImpl = {
  name: 'certificate_validity',
  description: '执法人员的执法证在文书日期在有效期内，具备执法资格的执法人员不少于两人',
  params: NO_PARAMS,
  dataKeys: ['problem', 'valid'],
  run(_params, ctx) {
    const officers = new Map(ctx.caseFile.officers.map((o) => [o.id, o]));
    if (![...officers.values()].some((o) => o.certificateValidFrom || o.certificateValidUntil)) return [na('执法人员未记载执法证有效期')];
    const out: CheckOutcome[] = [];
    let checked = 0;
    for (const d of ctx.caseFile.documents) {
      if (!d.madeOn || !d.officerIds?.length) continue;
      checked++;
      const present = d.officerIds.map((id) => officers.get(id)).filter((o): o is Officer => !!o);
      const invalid = present.map((o) => invalidOn(o, d.madeOn!)).filter((x): x is string => !!x);
      if (!invalid.length) continue;
      const valid = present.length - invalid.length;
      out.push({
        status: 'fail',
        ...(valid >= 2 ? { severity: 'error' as const } : {}),
        data: { ...docData(ctx, d), problem: `${invalid.join('；')}，文书日期 ${d.madeOn}`, valid },
        facts: [docRef(ctx, d), { label: '有效执法证人数', value: valid }],
        key: d.id,
      });
    }
    if (!checked) return [na('卷内无载明执法人员的文书')];
    return out.length ? out : [pass(`${checked}份文书的执法人员执法证均在有效期内`, [])];
  },
};
