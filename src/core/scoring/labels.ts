/**
 * Names of the 细则 score's statuses, shown by the report PDF and (through GET /api/vocabulary) the web app.
 */
import type { DocumentItemResult, ItemStatus, LegalityItemResult, ManualItem } from './types';

/** How a 规范性 document item or sub-item, or a 卷面 element, was settled. */
export const SCORE_ITEM_STATUS_LABELS: Record<ItemStatus | DocumentItemResult['status'], string> = {
  machine: '机器评定',
  reviewer: '评查人员评定',
  pending: '待人工评分',
  not_applicable: '无需评审',
  scored: '已评',
  absent: '无该文书',
};

/** A 合法性 item (细则合法性评查标准 25 项重大问题). */
export const LEGALITY_STATUS_LABELS: Record<LegalityItemResult['status'], string> = {
  hit: '重大问题',
  clear: '未发现',
  pending: '待评查人员认定',
  not_applicable: '不适用',
};

/** What the reviewer gives for an item left to them: points awarded (规范性) or deducted (卷面). */
export const MANUAL_ITEM_KIND_LABELS: Record<ManualItem['kind'], string> = { score: '得分', deduction: '扣分' };
