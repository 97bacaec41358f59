/**
 * C0-01 — 卷内目录与实物一致: every document and 普法教育记录 is listed, and every entry points at something in
 * the file (2010办法第68条 "各类文书齐全" 【Q旧】; P14 "卷内目录按顺序填写"). 封面、目录、备考表 need no entry.
 */
import type { ProblemRef } from '../types';
import { na, pass } from '../util';
import { NO_PARAMS, type CustomCheckImpl } from './types';

// the declaration every named check makes (CustomCheckImpl, ./types.ts): alike in shape by design
export const fileIndexComplete: CustomCheckImpl = {
  name: 'file_index_complete',
  description: '卷内目录与卷内文书一致（无遗漏）',
  params: NO_PARAMS,
  dataKeys: ['problem', 'count', 'missing'],
  problemIds: ['noIndex', 'notListed'],
  run(_params, ctx) {
    const index = ctx.caseFile.fileIndex ?? [];
    if (!index.length) {
      if (!ctx.caseFile.documents.length) return [na('卷内无文书')];
      return [{ status: 'fail', variant: 'empty', data: { problem: '', count: 0 }, problems: [{ id: 'noIndex' }], facts: [], key: 'empty' }];
    }
    const listed = new Set(index.map((e) => e.refId).filter(Boolean));
    const missing: string[] = [];
    const notListed = new Set(ctx.pack.documentTypes.group('unindexed_sheet'));
    for (const d of ctx.caseFile.documents) if (!notListed.has(d.type) && !listed.has(d.id)) missing.push(ctx.docLabel(d));
    for (const r of ctx.caseFile.educationRecords ?? []) if (!listed.has(r.id)) missing.push(`普法教育记录（${r.heldOn}）`);
    // (an entry pointing at nothing is rejected by validateCaseFile: UNKNOWN_REFERENCE)
    if (missing.length)
      return [{ status: 'fail', data: { problem: '', count: missing.length }, problems: [{ id: 'notListed', data: { missing: missing.join('、') } }], facts: [{ label: '未列入目录', value: missing.length }], key: 'missing' }];
    return [pass(`卷内目录 ${index.length} 条，与卷内材料一致`, [])];
  },
};
