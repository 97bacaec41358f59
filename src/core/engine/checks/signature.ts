/** signature — the party (被检查人/被询问人/受送达人) signed, or the refusal is noted (with a witness where required). */
import type { ReviewContext } from '../context';
import type { SignatureCheck } from '../pack/types';
import type { CheckImpl, CheckOutcome } from './types';
import { docData, na, pass } from './util';
import type { PartySignature } from '../../case-file/types';

/** the problem with the party's signature (its sentence is the rule's `problems`), or undefined */
function problemOf(sig: PartySignature | undefined, spec: SignatureCheck): string | undefined {
  if (!sig) return 'noSignature';
  if (sig.status === 'signed') return undefined;
  if (sig.status === 'refused') {
    if (!sig.refusalNote?.trim()) return 'refusalNotNoted';
    if (spec.witnessOnRefusal && !sig.witness?.trim()) return 'refusalWithoutWitness';
    return undefined;
  }
  // absent
  if (spec.absentWithWitness && sig.witness?.trim()) return undefined;
  return spec.absentWithWitness ? 'absentWithoutWitness' : 'absent';
}

export const signatureCheck: CheckImpl<SignatureCheck> = {
  kind: 'signature',
  schema: {
    type: 'object',
    required: ['kind', 'documents'],
    additionalProperties: false,
    properties: {
      kind: { const: 'signature' },
      documents: { $ref: '#/definitions/stringList' },
      witnessOnRefusal: { type: 'boolean' },
      absentWithWitness: { type: 'boolean' },
    },
  },
  doc: (c) => `签名：${c.documents.join('、')}`,
  reads: (c) => ({ documentTypes: c.documents }),
  dataKeys: ['problem'],
  problemIdsOf: (c) => [
    'noSignature',
    'refusalNotNoted',
    ...(c.witnessOnRefusal ? ['refusalWithoutWitness'] : []),
    c.absentWithWitness ? 'absentWithoutWitness' : 'absent',
  ],
  run(spec: SignatureCheck, ctx: ReviewContext): CheckOutcome[] {
    const targets = ctx.targets(spec.documents);
    if (!targets.length) return [na('卷内无所涉文书')];
    const out: CheckOutcome[] = [];
    for (const t of targets) {
      const sig = (t.obj as { partySignature?: PartySignature; recipientSignature?: PartySignature }).partySignature ??
        (t.obj as { recipientSignature?: PartySignature }).recipientSignature;
      const problem = problemOf(sig, spec);
      if (problem) {
        const base = 'type' in t.obj ? docData(ctx, t.obj) : { docName: t.name, docId: t.id, docLabel: t.label };
        out.push({
          status: 'fail',
          data: { ...base, problem: '' },
          problems: [{ id: problem }],
          facts: [{ label: `${t.name}当事人签名`, value: sig?.status ?? '无', refId: t.id }],
          key: t.id,
        });
      }
    }
    if (out.length) return out;
    return [pass(`${targets.length}份文书当事人签名或拒签注明齐全`, targets.map((t) => ({ label: t.name, value: '已签名/已注明', refId: t.id })))];
  },
};
