/**
 * The 卷内目录 (fileIndex) and the rows of the workbook: an entry that points at one document (or education record)
 * with that document's title and pages is written as 序号/正卷副卷 on the document's own row; anything else (a
 * title or page range of its own, no or a shared reference, entries out of 序号 order) keeps its own row in the
 * 目录条目 sheet, so export → import gives back exactly the same list.
 */
import type { CaseDocument, CaseFile, EducationRecord, FileIndexEntry } from '../case-file/types';
import { EDUCATION_RECORD_TYPE, type DocumentTypeCatalog } from '../domain/document-types';

/** The 题名 an entry derived from a row gets: the document's title, else its type's name. */
export function derivedEntryTitle(doc: Pick<CaseDocument, 'title' | 'type'>, catalog: DocumentTypeCatalog): string {
  return doc.title ?? catalog.get(doc.type)?.name ?? doc.type;
}

export function educationEntryTitle(catalog: DocumentTypeCatalog): string {
  return catalog.get(EDUCATION_RECORD_TYPE)?.name ?? EDUCATION_RECORD_TYPE;
}

function samePages(a: FileIndexEntry['pages'] | undefined, b: FileIndexEntry['pages'] | undefined): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to && Object.keys(a).length === 2 && Object.keys(b).length === 2;
}

export interface SplitIndex {
  /** entries carried on the row of the part they point at, by that part's id */
  onRow: Map<string, FileIndexEntry>;
  /** entries kept as rows of their own, in file order */
  own: FileIndexEntry[];
}

export function splitFileIndex(caseFile: CaseFile, catalog: DocumentTypeCatalog): SplitIndex {
  const onRow = new Map<string, FileIndexEntry>();
  const own: FileIndexEntry[] = [];
  const entries = caseFile.fileIndex ?? [];
  const ordered = entries.every((e, i) => i === 0 || e.order > entries[i - 1].order);
  if (!ordered) return { onRow, own: [...entries] };
  const docs = new Map<string, CaseDocument>(caseFile.documents.map((d) => [d.id, d]));
  const education = new Map<string, EducationRecord>(caseFile.educationRecords.map((r) => [r.id, r]));
  const refCount = new Map<string, number>();
  for (const e of entries) if (e.refId) refCount.set(e.refId, (refCount.get(e.refId) ?? 0) + 1);
  for (const e of entries) {
    const keys = Object.keys(e).filter((k) => !['order', 'title', 'refId', 'pages', 'volume'].includes(k));
    const ref = e.refId;
    let mirrors = false;
    if (ref && refCount.get(ref) === 1 && keys.length === 0 && !(docs.has(ref) && education.has(ref))) {
      const doc = docs.get(ref);
      const record = education.get(ref);
      if (doc) mirrors = e.title === derivedEntryTitle(doc, catalog) && samePages(e.pages, doc.pages);
      else if (record) mirrors = e.title === educationEntryTitle(catalog) && samePages(e.pages, record.pages);
    }
    if (mirrors) onRow.set(ref!, e);
    else own.push(e);
  }
  return { onRow, own };
}

/** Rebuild the 卷内目录 from the row entries and the own entries (sorted by 序号, stable). */
export function joinFileIndex(fromRows: FileIndexEntry[], own: FileIndexEntry[]): FileIndexEntry[] {
  if (fromRows.length === 0) return own;
  return [...fromRows, ...own].map((e, i) => ({ e, i })).sort((a, b) => a.e.order - b.e.order || a.i - b.i).map((x) => x.e);
}
