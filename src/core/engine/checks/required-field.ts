/** required_field — fields (and signatory roles) a document or 普法教育记录 must carry. */
import type { ReviewContext } from '../context';
import { getPath } from '../conditions';
import type { FieldSpec, RequiredFieldCheck } from '../pack/types';
import type { FactRef } from '../types';
import type { CheckImpl, CheckOutcome } from './types';
import { na, pass } from './util';

const TIME_RE = /^\d{2}:\d{2}$/;

function satisfied(value: unknown, test: FieldSpec['test'], want?: unknown): boolean {
  switch (test) {
    case 'equals':
      return value === want;
    case 'true':
      return value === true;
    case 'nonEmpty':
      return Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim().length > 0 : false;
    case 'time':
      return typeof value === 'string' && TIME_RE.test(value);
    case 'positive':
      return typeof value === 'number' && value > 0;
    default:
      return value !== undefined && value !== null && value !== false && value !== '' && !(Array.isArray(value) && !value.length);
  }
}

export const requiredFieldCheck: CheckImpl<RequiredFieldCheck> = {
  kind: 'required_field',
  schema: {
    type: 'object',
    required: ['kind', 'documents'],
    additionalProperties: false,
    properties: {
      kind: { const: 'required_field' },
      documents: { $ref: '#/definitions/stringList' },
      where: { $ref: '#/definitions/where' },
      whereHas: { $ref: '#/definitions/stringList' },
      fields: { type: 'array', minItems: 1, items: { $ref: '#/definitions/fieldSpec' } },
      signatoryRoles: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['role', 'label'],
          additionalProperties: false,
          properties: { role: { type: 'string' }, label: { type: 'string' } },
        },
      },
    },
  },
  schemaDefinitions: {
    fieldSpec: {
      type: 'object',
      required: ['path', 'label'],
      additionalProperties: false,
      properties: {
        path: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$' },
        label: { type: 'string', minLength: 2 },
        test: { enum: ['truthy', 'true', 'nonEmpty', 'time', 'positive', 'equals'] },
        value: { type: ['string', 'number', 'boolean'] },
      },
    },
  },
  doc: (c) => `文书要素：${c.documents.join('、')} — ${[...(c.fields ?? []).map((f) => f.label), ...(c.signatoryRoles ?? []).map((r) => r.label)].join('、')}`,
  reads: (c) => ({ documentTypes: c.documents }),
  specProblems: (c) => (!c.fields && !c.signatoryRoles ? ['required_field 须有 fields 或 signatoryRoles'] : []),
  dataKeys: ['missing'],
  run(spec: RequiredFieldCheck, ctx: ReviewContext): CheckOutcome[] {
    const targets = ctx.targets(spec.documents, spec.where, spec.whereHas);
    if (!targets.length) return [na('卷内无所涉文书')];
    const out: CheckOutcome[] = [];
    for (const t of targets) {
      const missing: string[] = [];
      for (const f of spec.fields ?? []) if (!satisfied(getPath(t.obj, f.path), f.test, f.value)) missing.push(f.label);
      for (const r of spec.signatoryRoles ?? []) if (!t.signatories?.some((s) => s.role === r.role && s.name)) missing.push(r.label);
      if (missing.length) {
        const facts: FactRef[] = [{ label: t.name, value: missing.join('、'), refId: t.id }];
        out.push({
          status: 'fail',
          data: { docName: t.name, docId: t.id, docLabel: t.label, missing: missing.join('、') },
          facts,
          key: t.id,
        });
      }
    }
    if (out.length) return out;
    return [pass(`${targets.map((t) => t.label).join('、')}：所需事项齐全`, targets.map((t) => ({ label: t.name, value: '齐全', refId: t.id })))];
  },
};
