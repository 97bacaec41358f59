/**
 * 录入状态 (`entry`) — which names `missingFields` may list, and the check that it lists only those (a typo
 * would silently leave a fact counted as entered-and-absent, i.e. a defect). Semantics: types.ts (DataEntry) and
 * src/core/engine/entry-tracking.ts.
 */
import { CaseFileDto } from './dto/case-file.dto';
import { CaseInfoDto } from './dto/case-info.dto';
import { CaseDocumentDto } from './dto/document.dto';
import { fieldsOf } from './dto/field';
import type { ValidationIssue } from './validation-issue';

/** Fields of a document that identify it (present on every 卷内目录 row): never "not entered". */
export const DOCUMENT_IDENTITY_FIELDS: ReadonlySet<string> = new Set(['id', 'type', 'entry', 'title']);

/** What a document's `missingFields` may name: its fields, except the identifying ones. */
export const DOCUMENT_ENTRY_FIELDS: ReadonlySet<string> = new Set([...fieldsOf(CaseDocumentDto).keys()].filter((k) => !DOCUMENT_IDENTITY_FIELDS.has(k)));

/** Header parts of the case file (parties, officers, educationRecords …). */
export const CASE_FILE_PARTS: ReadonlySet<string> = new Set(
  [...fieldsOf(CaseFileDto).keys()].filter((k) => !['formatVersion', 'documents', 'fileIndex', 'entry', 'case'].includes(k)),
);
export const CASE_INFO_FIELDS: ReadonlySet<string> = new Set(fieldsOf(CaseInfoDto).keys());

/** What the case file's `missingFields` may name: a header part, 'case' or 'case.<field>', or 'documents'. */
export function isCaseEntryField(name: string): boolean {
  if (name === 'documents' || name === 'case' || CASE_FILE_PARTS.has(name)) return true;
  return name.startsWith('case.') && CASE_INFO_FIELDS.has(name.slice(5));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function entryFieldIssues(input: Obj): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (path: string, entry: unknown, known: (name: string) => boolean, hint: string) => {
    if (!isObj(entry) || !Array.isArray(entry.missingFields)) return;
    entry.missingFields.forEach((name, j) => {
      if (typeof name === 'string' && !known(name)) {
        issues.push({ path: `${path}.missingFields[${j}]`, code: 'UNKNOWN_ENTRY_FIELD', message: `待补录字段「${name}」不是${hint}` });
      }
    });
  };
  check('entry', input.entry, isCaseEntryField, '案卷的组成部分（如 parties、officers、educationRecords、case.flags、documents）');
  if (Array.isArray(input.documents)) {
    input.documents.forEach((d, i) => {
      if (isObj(d)) check(`documents[${i}].entry`, d.entry, (n) => DOCUMENT_ENTRY_FIELDS.has(n), '文书的字段（如 service、officerIds、signatories）');
    });
  }
  return issues;
}
