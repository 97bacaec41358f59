/** seal — documents that must bear the agency's seal (机关印章). */
import type { ReviewContext } from '../context';
import type { SealCheck } from '../pack/types';
import type { CheckImpl, CheckOutcome } from './types';
import { docData, docRef, na, pass } from './util';

export const sealCheck: CheckImpl<SealCheck> = {
  kind: 'seal',
  schema: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    properties: {
      kind: { const: 'seal' },
      documents: { $ref: '#/definitions/stringList' },
      catalogSealRequired: { type: 'boolean' },
      except: { $ref: '#/definitions/stringList' },
    },
  },
  doc: (c) => `印章：${c.catalogSealRequired ? '文书目录中 sealRequired 的文书' : ''}${c.documents?.join('、') ?? ''}${c.except ? `（除 ${c.except.join('、')}）` : ''}`,
  reads: (c) => ({ documentTypes: [...(c.documents ?? []), ...(c.except ?? [])] }),
  specProblems: (c) => (!c.documents && !c.catalogSealRequired ? ['seal 须有 documents 或 catalogSealRequired'] : []),
  dataKeys: [],
  run(spec: SealCheck, ctx: ReviewContext): CheckOutcome[] {
    const except = new Set(spec.except ?? []);
    let types = spec.documents ?? [];
    if (spec.catalogSealRequired) {
      types = [...types];
      types.push(...ctx.pack.documentTypes.sealRequired());
    }
    const docs = ctx.docsOf(types.filter((t) => !except.has(t)));
    if (!docs.length) return [na('卷内无须加盖印章的文书')];
    const out: CheckOutcome[] = [];
    for (const d of docs) {
      if (d.sealed !== true) out.push({ status: 'fail', data: docData(ctx, d), facts: [docRef(ctx, d, `${ctx.docName(d.type)}加盖印章`, false)], key: d.id });
    }
    if (out.length) return out;
    return [pass(`${docs.map((d) => ctx.docLabel(d)).join('、')}均加盖印章`, docs.map((d) => docRef(ctx, d, `${ctx.docName(d.type)}加盖印章`, true)))];
  },
};
