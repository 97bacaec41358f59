/**
 * 录入完整度 — the report section for a case file with parts not entered yet: how many documents are entered,
 * and per document the fields still to enter with the checks that wait for them (无法判定（待补录）, neither a
 * defect nor a deduction). review-report.ts calls it when the review carries `entryCompleteness`.
 */
import { ENTRY_STATUS_LABELS } from '../case-file/labels';
import type { EntryCompleteness, SkippedCheck } from '../engine/types';
import { tableColumns, type PdfLayout } from './layout';

/** 待补录 checks are listed in this section, not among the other 无法判定 checks. */
export function isPendingEntry(s: SkippedCheck): boolean {
  return s.pending !== undefined && s.pending.length > 0;
}

export function renderEntryCompleteness(doc: PdfLayout, heading: string, e: EntryCompleteness): void {
  doc.heading(heading);
  const d = e.documents;
  doc.paragraph(
    `卷内文书 ${d.total} 份：已录入 ${d.entered} 份，部分录入 ${d.partial} 份，未录入 ${d.notEntered} 份；案件信息${ENTRY_STATUS_LABELS[e.header]}。` +
      `以下 ${e.pendingRules} 项检查因事实尚未录入而无法判定（待补录），不计为问题、不扣分、不否决；补录后重新检查即可得出结论。`,
  );
  if (e.items.length === 0) return;
  doc.table({
    columns: tableColumns(['文书/部分', 2.6], ['待补录事项', 4], ['等待的检查', 2]),
    rows: e.items.map((i) => [i.partLabel, i.fields.map((f) => f.fieldLabel).join('、'), i.ruleIds.join('、')]),
    zebra: true,
  });
}
