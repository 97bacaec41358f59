/** officers — at least N 执法人员 took part, each with an 执法证号 (处罚法第42条、第55条). */
import type { ReviewContext } from '../context';
import type { OfficersCheck } from '../pack/types';
import type { CheckImpl, CheckOutcome, ProblemRef } from './types';
import { na, pass } from './util';

export const officersCheck: CheckImpl<OfficersCheck> = {
  kind: 'officers',
  schema: {
    type: 'object',
    required: ['kind', 'documents', 'min'],
    additionalProperties: false,
    properties: {
      kind: { const: 'officers' },
      documents: { $ref: '#/definitions/stringList' },
      min: { type: 'integer', minimum: 1 },
      certificates: { type: 'boolean' },
    },
  },
  doc: (c) => `执法人员 ≥ ${c.min} 人${c.certificates ? '且有执法证号' : ''}：${c.documents.join('、')}`,
  reads: (c) => ({ documentTypes: c.documents }),
  dataKeys: ['count', 'min', 'problem', 'names', 'noCertificate'],
  problemIdsOf: (c) => (c.certificates ? ['tooFew', 'noCertificate'] : ['tooFew']),
  run(spec: OfficersCheck, ctx: ReviewContext): CheckOutcome[] {
    const targets = ctx.targets(spec.documents);
    if (!targets.length) return [na('卷内无所涉文书')];
    const byId = new Map(ctx.caseFile.officers.map((o) => [o.id, o]));
    const out: CheckOutcome[] = [];
    const passed: string[] = [];
    for (const t of targets) {
      // who took part: officerIds, else officer signatories
      const people: { name: string; cert?: string; id?: string }[] = [];
      const ids = (t.obj as { officerIds?: string[] }).officerIds;
      if (ids?.length) {
        for (const id of new Set(ids)) {
          const o = byId.get(id);
          people.push({ id, name: o?.name ?? id, cert: o?.certificateNo });
        }
      } else {
        const seen = new Set<string>();
        for (const s of t.signatories ?? [])
          if (s.role === 'officer' && !seen.has(s.name)) {
            seen.add(s.name);
            const o = s.personId ? byId.get(s.personId) : undefined;
            people.push({ name: s.name, cert: s.certificateNo ?? o?.certificateNo });
          }
      }
      const problems: ProblemRef[] = [];
      if (people.length < spec.min) problems.push({ id: 'tooFew' });
      if (spec.certificates) {
        const noCert = people.filter((p) => !p.cert?.trim()).map((p) => p.name);
        if (noCert.length) problems.push({ id: 'noCertificate', data: { noCertificate: noCert.join('、') } });
      }
      const names = people.map((p) => (p.cert ? `${p.name}（${p.cert}）` : p.name)).join('、') || '无';
      if (problems.length) {
        out.push({
          status: 'fail',
          data: { docName: t.name, docId: t.id, docLabel: t.label, count: people.length, min: spec.min, problem: '', names },
          problems,
          facts: [{ label: `${t.name}执法人员`, value: names, refId: t.id }],
          key: t.id,
        });
      } else passed.push(`${t.label}：${names}`);
    }
    if (out.length) return out;
    return [pass(passed.join('；'), targets.map((t) => ({ label: `${t.name}执法人员`, value: `≥${spec.min}人`, refId: t.id })))];
  },
};
