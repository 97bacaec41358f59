import type { FactRef } from '../types';
import type { FactValue } from '../facts';
import type { CaseDocument } from '../../case-file/types';
import type { ReviewContext } from '../context';
import type { CheckOutcome, MessageData } from './types';

export function factRef(f: FactValue): FactRef {
  return f.refId ? { label: f.label, value: f.value, refId: f.refId } : { label: f.label, value: f.value };
}

export function docRef(ctx: ReviewContext, doc: CaseDocument, label?: string, value?: string | number | boolean): FactRef {
  return { label: label ?? ctx.docName(doc.type), value: value ?? (doc.docNumber ?? doc.madeOn ?? doc.id), refId: doc.id };
}

export function docData(ctx: ReviewContext, doc: CaseDocument): MessageData {
  return { docName: ctx.docName(doc.type), docId: doc.id, docLabel: ctx.docLabel(doc) };
}

export function na(reason: string): CheckOutcome {
  return { status: 'na', reason };
}

export function pass(summary: string, facts: FactRef[] = [], calendar?: string[]): CheckOutcome {
  return calendar ? { status: 'pass', summary, facts, calendar } : { status: 'pass', summary, facts };
}

export const COMPARE_TEXT: Record<string, string> = { lte: '不晚于', lt: '早于', gte: '不早于', gt: '晚于' };

export function compareOk(subject: string, due: string, cmp: string): boolean {
  switch (cmp) {
    case 'lte':
      return subject <= due;
    case 'lt':
      return subject < due;
    case 'gte':
      return subject >= due;
    default:
      return subject > due;
  }
}
