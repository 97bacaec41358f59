/**
 * 未录入 vs 卷内没有 — which facts a rule read that nobody has entered yet.
 *
 * A document (or the case header) may say its data is not, or only partly, entered (`entry`, see
 * src/core/case-file/types.ts). The engine runs each rule against a view of the case file in which every read of
 * a not-entered field is recorded: a document marked 未录入 records reads of each field it does not have; one marked
 * 部分录入 records reads of the fields it lists as missing (or of each absent field when it lists none); the case
 * header records reads of the parts its `entry.missingFields` lists (all of them when it is 未录入).
 * A rule that read such a fact is 无法判定（待补录：…） — never a defect, a deduction or a veto — and says which
 * fields of which documents it waits for. A rule that read none keeps its verdict: a fact entered as absent (the
 * 笔录 really has no 起止时间) stays a defect.
 *
 * The case header may also say the document list holds only what the 卷内目录 lists (`missingFields: ['documents']`,
 * as an index-only import does). The 卷内目录 numbers every material except the 卷宗封面, the 卷内目录 itself and the
 * 备考表 (document types of stage cover / remarks in rules/document-types.yaml): a rule that looks for one of those
 * and does not find it waits too, instead of reporting it missing. Every other absent type is absent from the file.
 *
 * Files without any `entry` (every file written before the field existed) are reviewed on the original objects:
 * nothing is wrapped and nothing changes.
 */
import type { CaseDocument, CaseFile, DataEntry } from '../case-file/types';
import { CaseInfoDto } from '../case-file/dto/case-info.dto';
import { CaseFileDto } from '../case-file/dto/case-file.dto';
import { CaseDocumentDto } from '../case-file/dto/document.dto';
import { fieldsOf } from '../case-file/dto/field';
import { CASE_FILE_PARTS, CASE_INFO_FIELDS, DOCUMENT_ENTRY_FIELDS } from '../case-file/entry';
import type { EntryCompleteness } from './types';

/** One not-entered fact a rule read. */
export interface PendingRead {
  /** document id, or undefined for the case header */
  refId?: string;
  /** the field of the document ('service'), or the header part ('educationRecords', 'case.flags') */
  field: string;
}


export class EntryTracker {
  private reads: PendingRead[] | null = null;
  private readonly seen = new Set<string>();

  /** Start recording (one rule). */
  begin(): void {
    this.reads = [];
    this.seen.clear();
  }

  /** Stop recording; the reads of the rule, each once, in the order they happened. */
  end(): PendingRead[] {
    const out = this.reads ?? [];
    this.reads = null;
    return out;
  }

  record(refId: string | undefined, field: string): void {
    if (!this.reads) return;
    const key = `${refId ?? ''}|${field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.reads.push({ refId, field });
  }
}

function documentPending(entry: DataEntry): ((field: string, value: unknown) => boolean) | null {
  if (entry.status === 'entered') return null;
  if (entry.status === 'partial' && entry.missingFields?.length) {
    const listed = new Set(entry.missingFields);
    return (field) => listed.has(field);
  }
  return (field, value) => value === undefined;
}

function trackedDocument(doc: CaseDocument, tracker: EntryTracker): CaseDocument {
  const pending = doc.entry ? documentPending(doc.entry) : null;
  if (!pending) return doc;
  const check = (prop: string | symbol, value: unknown) => {
    if (typeof prop !== 'string' || !DOCUMENT_ENTRY_FIELDS.has(prop)) return;
    if (pending(prop, value)) tracker.record(doc.id, prop);
  };
  return new Proxy(doc, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      check(prop, value);
      return value;
    },
    has(target, prop) {
      const present = Reflect.has(target, prop);
      check(prop, present ? (target as unknown as Record<string, unknown>)[prop as string] : undefined);
      return present;
    },
  });
}

/** The header parts a case-file `entry` leaves pending: null when none. */
function headerPending(entry: DataEntry | undefined): { parts: Set<string>; caseFields: Set<string> } | null {
  if (!entry || entry.status === 'entered') return null;
  if (entry.status === 'not_entered' || !entry.missingFields?.length) {
    return { parts: new Set(CASE_FILE_PARTS), caseFields: new Set(CASE_INFO_FIELDS) };
  }
  const parts = new Set<string>();
  const caseFields = new Set<string>();
  for (const f of entry.missingFields) {
    if (f === 'documents') continue; // the document list: see documentListPending
    if (f.startsWith('case.')) caseFields.add(f.slice(5));
    else if (f === 'case') for (const k of CASE_INFO_FIELDS) caseFields.add(k);
    else parts.add(f);
  }
  return { parts, caseFields };
}

/** The header says the document list holds only what has been entered (index-only import, 未录入 header). */
export function documentListPending(caseFile: CaseFile): boolean {
  const e = caseFile.entry;
  return !!e && (e.status === 'not_entered' || !!e.missingFields?.includes('documents'));
}

/** Stages of the materials a 卷内目录 does not number (rules/document-types.yaml). */
export const UNINDEXED_STAGES: ReadonlySet<string> = new Set(['cover', 'remarks']);

/** The read recorded when a rule looks for a document type the file does not have and the list is incomplete. */
export const ABSENT_TYPE_PREFIX = 'documents:';

/** Does this case file have anything not entered? (Fully entered files are reviewed untouched.) */
export function hasPendingEntry(caseFile: CaseFile): boolean {
  if (caseFile.entry && caseFile.entry.status !== 'entered') return true;
  return caseFile.documents.some((d) => d.entry !== undefined && d.entry.status !== 'entered');
}

/**
 * The view of the case file the rules read: documents and header parts that are not entered record their reads
 * in `tracker`. Returns the file itself when nothing is pending.
 */
export function trackedCaseFile(caseFile: CaseFile, tracker: EntryTracker): CaseFile {
  if (!hasPendingEntry(caseFile)) return caseFile;
  const documents = caseFile.documents.map((d) => trackedDocument(d, tracker));
  const header = headerPending(caseFile.entry);
  const info = header && header.caseFields.size
    ? new Proxy(caseFile.case, {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && header.caseFields.has(prop)) tracker.record(undefined, `case.${prop}`);
          return Reflect.get(target, prop, receiver);
        },
      })
    : caseFile.case;
  const view = { ...caseFile, documents, case: info };
  if (!header || header.parts.size === 0) return view;
  return new Proxy(view, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && header.parts.has(prop)) tracker.record(undefined, prop);
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** A not-entered fact as reports show it: 行政处罚决定书（沅环罚〔2025〕46号）· 送达 */
export interface PendingFact extends PendingRead {
  /** the document's label (文书名称 + 文号), or 案件信息 for the header */
  partLabel: string;
  /** the field's Chinese term */
  fieldLabel: string;
}

const HEADER_PART_LABELS: Record<string, string> = Object.fromEntries(
  [...fieldsOf(CaseFileDto).values()].map((f) => [f.name, f.title.replace(/（.*$/, '')]),
);

export function describePending(
  reads: readonly PendingRead[],
  names: { docLabel: (id: string) => string; typeName: (type: string) => string },
): PendingFact[] {
  const { docLabel, typeName } = names;
  return reads.map((r) => {
    if (r.refId === undefined && r.field.startsWith(ABSENT_TYPE_PREFIX)) {
      return { ...r, partLabel: '卷内目录未编号的材料', fieldLabel: typeName(r.field.slice(ABSENT_TYPE_PREFIX.length)) };
    }
    if (r.refId === undefined) {
      const caseField = r.field.startsWith('case.') ? fieldsOf(CaseInfoDto).get(r.field.slice(5))?.title : undefined;
      return { ...r, partLabel: '案件信息', fieldLabel: caseField ?? HEADER_PART_LABELS[r.field] ?? r.field };
    }
    return { ...r, partLabel: docLabel(r.refId), fieldLabel: fieldsOf(CaseDocumentDto).get(r.field)?.title ?? r.field };
  });
}

/** "行政处罚决定书（d5）的送达、加盖机关印章；案件信息的普法教育记录" */
export function pendingText(facts: readonly PendingFact[]): string {
  const byPart = new Map<string, string[]>();
  for (const f of facts) byPart.set(f.partLabel, [...(byPart.get(f.partLabel) ?? []), f.fieldLabel]);
  return [...byPart].map(([part, fields]) => `${part}的${fields.join('、')}`).join('；');
}

/** 录入完整度 of a review: counts of documents by 录入状态, and what each check waits for, by document. */
export function entryCompleteness(
  caseFile: CaseFile,
  pendingByRule: readonly { ruleId: string; facts: readonly PendingFact[] }[],
): EntryCompleteness {
  const counts = { total: caseFile.documents.length, entered: 0, partial: 0, notEntered: 0 };
  for (const d of caseFile.documents) {
    const s = d.entry?.status ?? 'entered';
    if (s === 'entered') counts.entered++;
    else if (s === 'partial') counts.partial++;
    else counts.notEntered++;
  }
  const items = new Map<string, EntryCompleteness['items'][number]>();
  for (const { ruleId, facts } of pendingByRule) {
    for (const f of facts) {
      const key = f.refId ?? '';
      let item = items.get(key);
      if (!item) items.set(key, (item = { refId: f.refId, partLabel: f.partLabel, fields: [], ruleIds: [] }));
      if (!item.fields.some((x) => x.field === f.field)) item.fields.push({ field: f.field, fieldLabel: f.fieldLabel });
      if (!item.ruleIds.includes(ruleId)) item.ruleIds.push(ruleId);
    }
  }
  // documents in file order, the header first
  const order = new Map(caseFile.documents.map((d, i) => [d.id, i]));
  const list = [...items.values()].sort((a, b) => (a.refId === undefined ? -1 : b.refId === undefined ? 1 : order.get(a.refId)! - order.get(b.refId)!));
  return { documents: counts, header: caseFile.entry?.status ?? 'entered', items: list, pendingRules: pendingByRule.length };
}
