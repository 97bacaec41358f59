/**
 * What a document states (规范性: the 评查细则's 评分细目 and the items a law lists for a document, e.g. 行政强制法第35条
 * for the 催告书). Each item is a field that is three-valued: an accepted value (true, or one of `accept`, or a text
 * containing `contains`) = stated; any other value = not stated (a finding); absent = not entered (未录入) — the
 * check does not judge, the 评查人员 scores the item. A file written before these fields existed therefore changes
 * nothing.
 *
 * Targets: every document of `documents`, and every document of `orderedIn.documents` whose `orderedIn.path` is true
 * (a 决定书 that orders the rectification itself, 生态环境行政处罚办法第9条). `madeFrom` limits the check to documents
 * made on or after a date (a rule of a law in force from that day).
 */
import type { CaseDocument, StatedPeriod } from '../../../case-file/types';
import { getPath } from '../../conditions';
import type { CheckOutcome } from '../types';
import { docData, docRef, na, pass } from '../util';
import type { CustomCheckImpl } from './types';

interface Item {
  path: string;
  label: string;
  /** accepted values (default: true) */
  accept?: (string | boolean)[];
  /** a text value is accepted when it contains this … */
  contains?: string;
  /** … and none of these (e.g. a 复议机关 written as "人民政府或者上一级生态环境部门") */
  notContains?: string[];
  /** also stated when the document states a period of this kind (改正期限 instead of 立即改正) */
  orPeriod?: StatedPeriod['kind'];
}

type Verdict = 'stated' | 'missing' | 'unentered';

function verdict(doc: CaseDocument, item: Item): Verdict {
  if (item.orPeriod && doc.statedPeriods?.some((p) => p.kind === item.orPeriod)) return 'stated';
  const v = getPath(doc, item.path);
  if (v === undefined) return 'unentered';
  if (item.contains !== undefined)
    return typeof v === 'string' && v.includes(item.contains) && !(item.notContains ?? []).some((w) => v.includes(w)) ? 'stated' : 'missing';
  return (item.accept ?? [true]).includes(v as string | boolean) ? 'stated' : 'missing';
}

const ITEM_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'label'],
  properties: {
    path: { type: 'string' },
    label: { type: 'string' },
    accept: { type: 'array', items: { type: ['string', 'boolean'] } },
    contains: { type: 'string' },
    notContains: { type: 'array', items: { type: 'string' } },
    orPeriod: { type: 'string' },
  },
};

export const statedContents: CustomCheckImpl = {
  name: 'stated_contents',
  description: '文书载明的事项（载明 / 未载明为缺陷 / 未录入则不作判断，由评查人员评分）',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['documents', 'items'],
    properties: {
      documents: { type: 'array', items: { type: 'string' } },
      orderedIn: {
        type: 'object',
        additionalProperties: false,
        required: ['documents', 'path'],
        properties: { documents: { type: 'array', items: { type: 'string' } }, path: { type: 'string' } },
      },
      madeFrom: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      items: { type: 'array', minItems: 1, items: ITEM_SCHEMA },
    },
  },
  dataKeys: ['missing', 'written'],
  reads: (p) => ({
    documentTypes: [...((p.documents as string[]) ?? []), ...(((p.orderedIn as { documents?: string[] })?.documents) ?? [])],
  }),
  run(params, ctx) {
    const items = params.items as Item[];
    const orderedIn = params.orderedIn as { documents: string[]; path: string } | undefined;
    const madeFrom = params.madeFrom as string | undefined;
    let targets = [
      ...ctx.docsOf(params.documents as string[]),
      ...(orderedIn ? ctx.docsOf(orderedIn.documents).filter((d) => getPath(d, orderedIn.path) === true) : []),
    ];
    if (madeFrom) targets = targets.filter((d) => !d.madeOn || d.madeOn >= madeFrom);
    if (!targets.length) return [na(madeFrom ? `卷内无 ${madeFrom} 起作出的所涉文书` : '卷内无所涉文书')];
    const fails: CheckOutcome[] = [];
    const unentered = new Set<string>();
    for (const doc of targets) {
      const missing: string[] = [];
      const written: string[] = [];
      for (const item of items) {
        const v = verdict(doc, item);
        if (v === 'missing') {
          missing.push(item.label);
          const value = getPath(doc, item.path);
          if (typeof value === 'string') written.push(value);
        }
        else if (v === 'unentered') unentered.add(`${ctx.docLabel(doc)}：${item.label}`);
      }
      if (missing.length)
        fails.push({
          status: 'fail',
          data: { ...docData(ctx, doc), missing: missing.join('、'), written: written.join('；') },
          facts: [docRef(ctx, doc, `${ctx.docLabel(doc)}未载明`, missing.join('、')), ...written.map((w) => docRef(ctx, doc, '文书原文', w))],
          key: doc.id,
        });
    }
    if (fails.length) return fails;
    if (unentered.size) return [na(`卷宗未录入：${[...unentered].join('；')}（由评查人员核对）`)];
    return [pass(`${targets.map((d) => ctx.docLabel(d)).join('、')}：${items.map((i) => i.label).join('、')}均已载明`, targets.map((d) => docRef(ctx, d, ctx.docLabel(d), '已载明')))];
  },
};
