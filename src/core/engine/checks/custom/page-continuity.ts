/**
 * C0-02 — 逐页编号、页码连续 (P14 "卷内材料应逐页编号"【Q片段】): in each volume the entries, in 序号 order,
 * run from page 1 without gaps or overlaps.
 */
import { na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const pageContinuity: CustomCheckImpl = {
  name: 'page_continuity',
  description: '卷内目录页码自1起连续，无重页、缺页',
  params: NO_PARAMS,
  dataKeys: ['problem', 'count', 'volume', 'order', 'entry', 'fromPage', 'toPage', 'expectedPage'],
  problemIds: ['startAfterEnd', 'gap'],
  run(_params, ctx) {
    const index = ctx.caseFile.fileIndex ?? [];
    if (!index.length) return [na('无卷内目录')];
    const volumes = new Map<string, typeof index>();
    for (const e of index) {
      const v = e.volume ?? 'main';
      if (!volumes.has(v)) volumes.set(v, []);
      volumes.get(v)!.push(e);
    }
    const problems: ProblemRef[] = [];
    for (const [v, entries] of volumes) {
      const name = v === 'secondary' ? '副卷' : '正卷';
      const sorted = [...entries].sort((a, b) => a.order - b.order);
      let expected = 1;
      for (const e of sorted) {
        const entry = { volume: name, order: e.order, entry: e.title, fromPage: e.pages.from, toPage: e.pages.to };
        if (e.pages.from > e.pages.to) problems.push({ id: 'startAfterEnd', data: entry });
        if (e.pages.from !== expected) problems.push({ id: 'gap', data: { ...entry, expectedPage: expected } });
        expected = Math.max(expected, e.pages.to + 1);
      }
    }
    const out: CheckOutcome[] = problems.length
      ? [
          {
            status: 'fail',
            // the first five, and how many there are in all (messages.more)
            ...(problems.length > 5 ? { variant: 'more', data: { problem: '', count: problems.length } } : { data: { problem: '' } }),
            problems: problems.slice(0, 5),
            facts: [{ label: '页码问题', value: problems.length }],
            key: 'pages',
          },
        ]
      : [pass(`卷内目录页码连续（${[...volumes.entries()].map(([v, e]) => `${v === 'secondary' ? '副卷' : '正卷'}${Math.max(...e.map((x) => x.pages.to))}页`).join('，')}）`, [])];
    return out;
  },
};
