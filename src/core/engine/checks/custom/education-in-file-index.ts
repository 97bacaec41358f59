/**
 * ED-05 — 普法教育记录入卷: every record appears in the 卷内目录 with its pages (整改通报 "普法教育记录未放入案卷").
 */
import { na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const educationInFileIndex: CustomCheckImpl = {
  name: 'education_in_file_index',
  description: '普法教育记录列入卷内目录并编页码',
  params: NO_PARAMS,
  dataKeys: ['problem'],
  problemIds: ['notIndexed', 'noPages'],
  run(_params, ctx) {
    const records = ctx.caseFile.educationRecords ?? [];
    if (!records.length) return [na('卷内无普法教育记录')];
    const out: CheckOutcome[] = [];
    for (const r of records) {
      const entry = ctx.caseFile.fileIndex.find((e) => e.refId === r.id);
      const problem = !entry ? 'notIndexed' : !entry.pages || entry.pages.from > entry.pages.to ? 'noPages' : '';
      if (problem)
        out.push({
          status: 'fail',
          data: { docName: '普法教育记录', docId: r.id, docLabel: `普法教育记录（${r.heldOn}）`, problem: '' },
          problems: [{ id: problem }],
          facts: [{ label: '普法教育记录', value: r.heldOn, refId: r.id }],
          key: r.id,
        });
    }
    return out.length ? out : [pass(`普法教育记录${records.length}份均列入卷内目录`, records.map((r) => ({ label: '普法教育记录', value: r.heldOn, refId: r.id })))];
  },
};
