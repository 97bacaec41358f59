/**
 * C0-02 — 逐页编号、页码连续 (P14 "卷内材料应逐页编号"【Q片段】): in each volume the entries, in 序号 order,
 * run from page 1 without gaps or overlaps.
 */
import { na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const pageContinuity: CustomCheckImpl = {
  name: 'page_continuity',
  description: '卷内目录页码自1起连续，无重页、缺页',
  params: NO_PARAMS,
  dataKeys: ['problem'],
  run(_params, ctx) {
    const index = ctx.caseFile.fileIndex ?? [];
    if (!index.length) return [na('无卷内目录')];
    const volumes = new Map<string, typeof index>();
    for (const e of index) {
      const v = e.volume ?? 'main';
      if (!volumes.has(v)) volumes.set(v, []);
      volumes.get(v)!.push(e);
    }
    const problems: string[] = [];
    for (const [v, entries] of volumes) {
      const name = v === 'secondary' ? '副卷' : '正卷';
      const sorted = [...entries].sort((a, b) => a.order - b.order);
      let expected = 1;
      for (const e of sorted) {
        if (e.pages.from > e.pages.to) problems.push(`${name}第${e.order}条（${e.title}）起始页 ${e.pages.from} 大于终止页 ${e.pages.to}`);
        if (e.pages.from !== expected)
          problems.push(`${name}第${e.order}条（${e.title}）应自第 ${expected} 页起，目录载为第 ${e.pages.from} 页`);
        expected = Math.max(expected, e.pages.to + 1);
      }
    }
    const out: CheckOutcome[] = problems.length
      ? [{ status: 'fail', data: { problem: problems.slice(0, 5).join('；') + (problems.length > 5 ? `等${problems.length}处` : '') }, facts: [{ label: '页码问题', value: problems.length }], key: 'pages' }]
      : [pass(`卷内目录页码连续（${[...volumes.entries()].map(([v, e]) => `${v === 'secondary' ? '副卷' : '正卷'}${Math.max(...e.map((x) => x.pages.to))}页`).join('，')}）`, [])];
    return out;
  },
};
