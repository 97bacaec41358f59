/**
 * C0-05 — 卷内文书排列顺序: the default order of catalog §c0 (决定书及送达回证 → 立案 → 证据 → … → 结案审批),
 * overridable by local rules; reported as a hint. The order follows document-type stages.
 */
import type { ProblemRef } from '../types';
import { EDUCATION_RECORD_TYPE } from '../../../domain/document-types';
import { na, pass } from '../util';
import { NO_PARAMS, type CustomCheckImpl } from './types';


// the declaration every named check makes (CustomCheckImpl, ./types.ts): alike in shape by design
export const fileOrder: CustomCheckImpl = {
  name: 'file_order',
  description: '正卷文书按缺省排列顺序（决定书及送达回证、立案、证据、告知、听证、审核讨论、财物处理、执行、普法、结案）',
  params: NO_PARAMS,
  dataKeys: ['problem', 'order', 'entry', 'after'],
  problemIds: ['outOfOrder'],
  run(_params, ctx) {
    const entries = (ctx.caseFile.fileIndex ?? []).filter((e) => (e.volume ?? 'main') === 'main' && e.refId).sort((a, b) => a.order - b.order);
    if (entries.length < 2) return [na('卷内目录条目不足')];
    const types = ctx.pack.documentTypes;
    // stage ranks of the main volume: rules/document-types.yaml `stages.fileOrder` (catalog §c0 缺省排列【I】)
    const rankOf = (stage: string | undefined) => types.fileOrderRank(stage ?? 'other') ?? types.fileOrderRank('other')!;
    const records = new Set((ctx.caseFile.educationRecords ?? []).map((r) => r.id));
    let maxRank = -1;
    let maxTitle = '';
    for (const e of entries) {
      const doc = ctx.docsById.get(e.refId!);
      const stage = types.get(doc ? doc.type : records.has(e.refId!) ? EDUCATION_RECORD_TYPE : '')?.stage;
      if (!stage) continue;
      // a 送达回证 sits with the document it proves served (决定书及送达回证, 告知书及送达回证 …)
      const related = doc?.type === 'service_receipt' && doc.relatesToDocumentId ? ctx.docsById.get(doc.relatesToDocumentId) : undefined;
      const relatedStage = related ? types.get(related.type)?.stage : undefined;
      const rank = doc?.type === 'service_receipt'
        ? types.fileOrderRank(relatedStage ?? 'decision') ?? types.fileOrderRank('decision')!
        : rankOf(stage);
      if (rank < maxRank)
        return [
          {
            status: 'fail',
            data: { problem: '' },
            problems: [{ id: 'outOfOrder', data: { order: e.order, entry: e.title, after: maxTitle } }],
            facts: [{ label: '卷内目录序号', value: e.order, refId: e.refId }],
            key: 'order',
          },
        ];
      if (rank > maxRank) {
        maxRank = rank;
        maxTitle = e.title;
      }
    }
    return [pass('正卷文书排列符合缺省顺序', [])];
  },
};
