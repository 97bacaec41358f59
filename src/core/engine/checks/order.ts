/** order — facts must follow each other (A on or before B; strict: A before B). */
import { factLabel } from '../facts';
import type { ReviewContext } from '../context';
import { datePart, isDateTime } from '../../domain/legal-date';
import type { FactValue } from '../facts';
import type { OrderCheck } from '../pack/types';
import type { CheckImpl, CheckOutcome } from './types';
import { factRef, na, pass } from './util';

function cmpFacts(a: FactValue, b: FactValue): number {
  const both = isDateTime(a.value) && isDateTime(b.value);
  const x = both ? a.value : datePart(a.value);
  const y = both ? b.value : datePart(b.value);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const orderCheck: CheckImpl<OrderCheck> = {
  kind: 'order',
  schema: {
    type: 'object',
    required: ['kind', 'sequence'],
    additionalProperties: false,
    properties: {
      kind: { const: 'order' },
      sequence: { type: 'array', minItems: 2, items: { type: 'string' } },
      strict: { type: 'boolean' },
    },
  },
  doc: (c) => `顺序：${c.sequence.map(factLabel).join(c.strict ? ' < ' : ' ≤ ')}`,
  reads: (c) => ({ facts: c.sequence }),
  dataKeys: ['first', 'firstLabel', 'second', 'secondLabel', 'relation'],
  run(spec: OrderCheck, ctx: ReviewContext): CheckOutcome[] {
    const known: FactValue[] = [];
    for (const name of spec.sequence) {
      const f = ctx.fact(name);
      if (f && !f.missingYears && f.value) known.push(f);
    }
    if (known.length < 2) return [na('卷内可比较的文书不足两项')];
    const out: CheckOutcome[] = [];
    for (let i = 0; i + 1 < known.length; i++) {
      const a = known[i];
      const b = known[i + 1];
      const c = cmpFacts(a, b);
      if (spec.strict ? c >= 0 : c > 0) {
        out.push({
          status: 'fail',
          data: {
            first: a.value,
            firstLabel: a.label,
            second: b.value,
            secondLabel: b.label,
            relation: spec.strict ? '早于' : '不晚于',
          },
          facts: [factRef(a), factRef(b)],
          key: `${a.name}>${b.name}`,
        });
      }
    }
    if (out.length) return out;
    return [pass(known.map((f) => `${f.label} ${f.value}`).join(' → '), known.map(factRef))];
  },
};
