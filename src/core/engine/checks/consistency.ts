/** consistency — the 当事人名称 and 案号 written on each document match the case file. */
import type { ReviewContext } from '../context';
import type { ConsistencyCheck } from '../pack/types';
import type { CheckImpl, CheckOutcome } from './types';
import { docData, docRef, na, pass } from './util';

/** typographic variants are not inconsistencies: full/half-width brackets and spaces */
export function normalizeText(s: string): string {
  return s
    .replace(/[\s\u3000]/g, '')
    .replace(/[〔［\[【(（]/g, '〔')
    .replace(/[〕］\]】)）]/g, '〕');
}

export const consistencyCheck: CheckImpl<ConsistencyCheck> = {
  kind: 'consistency',
  schema: {
    type: 'object',
    required: ['kind', 'field'],
    additionalProperties: false,
    properties: { kind: { const: 'consistency' }, field: { enum: ['partyName', 'caseNumber'] } },
  },
  doc: (c) => `一致性：${c.field === 'partyName' ? '当事人名称' : '案号'}`,
  reads: () => ({}),
  dataKeys: ['written', 'expected', 'fieldLabel'],
  run(spec: ConsistencyCheck, ctx: ReviewContext): CheckOutcome[] {
    const fieldLabel = spec.field === 'partyName' ? '当事人名称' : '案号';
    const out: CheckOutcome[] = [];
    let checked = 0;
    for (const d of ctx.caseFile.documents) {
      const written = spec.field === 'partyName' ? d.partyNameAsWritten : d.caseNumberAsWritten;
      if (written === undefined) continue;
      checked++;
      const expected = spec.field === 'partyName' ? ctx.partyOf(d)?.name : ctx.caseFile.case.caseNumber;
      if (expected === undefined) continue;
      if (normalizeText(written) !== normalizeText(expected)) {
        out.push({
          status: 'fail',
          data: { ...docData(ctx, d), written, expected, fieldLabel },
          facts: [docRef(ctx, d, `${ctx.docName(d.type)}所写${fieldLabel}`, written), { label: `卷宗${fieldLabel}`, value: expected }],
          key: d.id,
        });
      }
    }
    if (!checked) return [na(`卷内文书未记载${fieldLabel}`)];
    if (out.length) return out;
    return [pass(`${checked}份文书所写${fieldLabel}一致`, [])];
  },
};
