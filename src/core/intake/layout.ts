/**
 * The 卷内目录 workbook layout, derived from the case-file DTO metadata (src/core/case-file/dto): every sheet's
 * columns, their Chinese headers and their value checks come from the same `@req.*`/`@opt.*` decorators that
 * validate the JSON, so a field added to the format appears in the workbook without a second list of labels.
 *
 * Sheets:
 *   案件        one row per field (项目 | 内容) — case header
 *   当事人 · 委托代理人 · 执法人员 · 机关人员   one row per person
 *   卷内目录    one row per document, in file order: 序号 and 正卷/副卷 of the 卷内目录 entry, then the
 *               document's main fields (文书 id, 文书类型, 文号, 标题, 落款日期, 送达, 页码, 录入状态 …)
 *   文书详情    the document's remaining fields (笔录起止时间, 告知事项, 金额, 决定书载明事项 …), keyed by 文书 id
 *   签名人 · 载明期限 · 参加人员   lists inside a document, one row per item, keyed by 文书 id
 *   普法教育 · 普法法条   education records and the laws each explained
 *   目录条目    卷内目录 entries that do not mirror one document row (only when a file has such entries)
 */
import { CaseFileDto } from '../case-file/dto/case-file.dto';
import { CaseInfoDto } from '../case-file/dto/case-info.dto';
import { CaseDocumentDto } from '../case-file/dto/document.dto';
import { EducationRecordDto } from '../case-file/dto/education.dto';
import { fieldsOf, type FieldMeta, type ScalarCheck } from '../case-file/dto/field';
import { FileIndexEntryDto } from '../case-file/dto/file-index.dto';
import { AgentDto, OfficerDto, PartyDto, ReviewerDto } from '../case-file/dto/people.dto';

/** One workbook column: a scalar (or a list of scalars) at `path` inside the sheet's object. */
export interface Column {
  /** path inside the row's object, e.g. ['service', 'servedOn'] */
  path: string[];
  /** Chinese header, e.g. 送达·送达/签收日 */
  header: string;
  check: ScalarCheck;
  /** a list of scalars in one cell (处罚种类, 参与的执法人员 …) */
  list: boolean;
  required: boolean;
  /** the field's metadata (title, law, description) — for the instructions sheet */
  meta: FieldMeta;
}

export interface TableSheet {
  name: string;
  /** what one row is, for messages (当事人, 文书 …) */
  rowLabel: string;
  /** top-level array of the case file this sheet holds (parties, documents …), or for child sheets the list field */
  field: string;
  columns: Column[];
  /** child sheets: the parent sheet's array and the column header naming the parent id */
  parent?: { field: 'documents' | 'educationRecords'; header: string };
}

/** Separator of list cells: ids and labels by 、, free-text lists (条款) one per line. */
export function listSeparator(column: Column): string {
  return column.check.kind === 'string' && !column.path[column.path.length - 1].endsWith('Ids') ? '\n' : '、';
}

/**
 * Columns of a DTO class: scalars and scalar lists, flattened through nested objects (送达·签收人·签收人姓名).
 * Lists of objects are left out (they get their own sheets). `only`/`except` pick top-level fields.
 */
export function columnsOf(cls: Function, pick: { only?: readonly string[]; except?: readonly string[] } = {}): Column[] {
  const out: Column[] = [];
  const walk = (c: Function, path: string[], titles: string[], required: boolean) => {
    for (const meta of fieldsOf(c).values()) {
      if (path.length === 0 && pick.only && !pick.only.includes(meta.name)) continue;
      if (path.length === 0 && pick.except?.includes(meta.name)) continue;
      const p = [...path, meta.name];
      const t = [...titles, meta.title];
      const check = meta.check;
      if (check.kind === 'object') walk(check.type(), p, t, required && meta.required);
      else if (check.kind === 'array') {
        if (check.items.kind === 'object') continue;
        out.push({ path: p, header: t.join('·'), check: check.items, list: true, required: required && meta.required, meta });
      } else out.push({ path: p, header: t.join('·'), check, list: false, required: required && meta.required, meta });
    }
  };
  walk(cls, [], [], true);
  if (pick.only) out.sort((a, b) => pick.only!.indexOf(a.path[0]) - pick.only!.indexOf(b.path[0]));
  return out;
}

function title(cls: Function, field: string): string {
  const meta = fieldsOf(cls).get(field);
  if (!meta) throw new Error(`layout: ${cls.name} has no field ${field}`);
  return meta.title;
}

/** The document fields shown in the 卷内目录 sheet (the rest go to 文书详情). */
export const INDEX_SHEET_DOCUMENT_FIELDS = [
  'id',
  'type',
  'title',
  'docNumber',
  'madeOn',
  'approvedOn',
  'pages',
  'service',
  'officerIds',
  'sealed',
  'partySignature',
  'relatesToDocumentId',
  'partyId',
  'entry',
  'notes',
] as const;

/** 卷内目录 entry columns prepended to the rows of documents and education records. */
export const INDEX_ORDER_HEADER = title(FileIndexEntryDto, 'order');
export const INDEX_VOLUME_HEADER = title(FileIndexEntryDto, 'volume');
export const INDEX_VOLUME_COLUMN: Column = columnsOf(FileIndexEntryDto, { only: ['volume'] })[0];
export const INDEX_ORDER_COLUMN: Column = columnsOf(FileIndexEntryDto, { only: ['order'] })[0];

export const SHEET = {
  instructions: '填写说明',
  caseInfo: '案件',
  parties: '当事人',
  agents: '委托代理人',
  officers: '执法人员',
  reviewers: '机关人员',
  index: '卷内目录',
  details: '文书详情',
  signatories: '签名人',
  statedPeriods: '载明期限',
  attendees: '参加人员',
  education: '普法教育',
  laws: '普法法条',
  indexEntries: '目录条目',
  options: '选项',
} as const;

const DOCUMENT_ID_HEADER = title(CaseDocumentDto, 'id');
const EDUCATION_ID_HEADER = title(EducationRecordDto, 'id');

export interface WorkbookLayout {
  caseInfo: Column[];
  /** the file-level 录入状态 (CaseFile.entry), shown at the end of the 案件 sheet */
  caseEntry: Column[];
  tables: TableSheet[];
  indexEntries: TableSheet;
}

/** Sheet names of the lists inside a document or an education record; a list added to the format later gets
 *  a sheet named after its Chinese title. */
const CHILD_SHEET_NAMES: Record<string, string> = {
  signatories: SHEET.signatories,
  statedPeriods: SHEET.statedPeriods,
  attendees: SHEET.attendees,
  laws: SHEET.laws,
};

/** Excel sheet names: at most 31 characters, none of : \\ / ? * [ ] */
function sheetName(title: string): string {
  return title.replace(/[（(].*$/, '').replace(/[:\\/?*[\]]/g, '').slice(0, 31);
}

/** One child sheet per list of objects in the parent's DTO (签名人, 载明期限 …), keyed by the parent's id. */
function childSheets(cls: Function, parentField: 'documents' | 'educationRecords', parentHeader: string): TableSheet[] {
  const out: TableSheet[] = [];
  for (const meta of fieldsOf(cls).values()) {
    const c = meta.check;
    if (c.kind !== 'array' || c.items.kind !== 'object') continue;
    out.push({
      name: CHILD_SHEET_NAMES[meta.name] ?? sheetName(meta.title),
      rowLabel: meta.title,
      field: meta.name,
      columns: columnsOf(c.items.type()),
      parent: { field: parentField, header: parentHeader },
    });
  }
  return out;
}

let cached: WorkbookLayout | undefined;

export function workbookLayout(): WorkbookLayout {
  if (cached) return cached;
  const documentMain = columnsOf(CaseDocumentDto, { only: INDEX_SHEET_DOCUMENT_FIELDS });
  const documentDetails = columnsOf(CaseDocumentDto, { except: INDEX_SHEET_DOCUMENT_FIELDS });
  const caseEntry = columnsOf(CaseFileDto, { only: ['entry'] });
  cached = {
    caseInfo: columnsOf(CaseInfoDto),
    caseEntry,
    tables: [
      { name: SHEET.parties, rowLabel: '当事人', field: 'parties', columns: columnsOf(PartyDto) },
      { name: SHEET.agents, rowLabel: '委托代理人', field: 'agents', columns: columnsOf(AgentDto) },
      { name: SHEET.officers, rowLabel: '执法人员', field: 'officers', columns: columnsOf(OfficerDto) },
      { name: SHEET.reviewers, rowLabel: '机关人员', field: 'reviewers', columns: columnsOf(ReviewerDto) },
      { name: SHEET.index, rowLabel: '文书', field: 'documents', columns: documentMain },
      {
        name: SHEET.details,
        rowLabel: '文书详情',
        field: 'documents',
        columns: documentDetails,
        parent: { field: 'documents', header: DOCUMENT_ID_HEADER },
      },
      ...childSheets(CaseDocumentDto, 'documents', DOCUMENT_ID_HEADER),
      { name: SHEET.education, rowLabel: '普法教育记录', field: 'educationRecords', columns: columnsOf(EducationRecordDto) },
      ...childSheets(EducationRecordDto, 'educationRecords', EDUCATION_ID_HEADER),
    ],
    indexEntries: { name: SHEET.indexEntries, rowLabel: '卷内目录条目', field: 'fileIndex', columns: columnsOf(FileIndexEntryDto) },
  };
  return cached;
}

/** Sheets whose rows also carry the 卷内目录 entry (序号, 正卷/副卷) of the part they hold. */
export function carriesIndexEntry(sheet: TableSheet): boolean {
  return sheet.name === SHEET.index || sheet.name === SHEET.education;
}
