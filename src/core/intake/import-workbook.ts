/**
 * 卷内目录 workbook → case file. Two kinds of workbook are accepted:
 *  - the project's template (./layout.ts; written by `casefile template` or by an export), read column by header,
 *    so columns may be reordered or left out;
 *  - a bureau's own 卷内目录 sheet (序号/文件名称/日期/页号 … in any order): ./bureau-index.ts.
 *
 * Nothing is stored here: the result is the case file (when it could be built) and every problem located as
 * 工作表/行/列 with a Chinese message. Problems that make the file invalid are errors; titles that could not be
 * typed, ids that were generated, columns that were not recognized are warnings.
 */
import ExcelJS from 'exceljs';
import { defaultDocumentTypes, type DocumentTypeCatalog } from '../domain/document-types';
import { CASE_FILE_FORMAT_VERSION, type CaseFile, type FileIndexEntry } from '../case-file/types';
import { validateCaseFile } from '../case-file/validate';
import { cellContent, isBlank, parseScalar } from './cells';
import { derivedEntryTitle, educationEntryTitle, joinFileIndex } from './file-index';
import { IntakeIssue, WorkbookFormatError } from './issues';
import { carriesIndexEntry, INDEX_ORDER_COLUMN, INDEX_VOLUME_COLUMN, listSeparator, SHEET, workbookLayout, type Column, type TableSheet } from './layout';
import { defaultTitleTyper, type TitleTyper } from './title-types';

export interface ImportOptions {
  documentTypes?: DocumentTypeCatalog;
  titleTyper?: TitleTyper;
  /** for a bureau's 卷内目录: the case header (case, parties, agents, officers, reviewers, educationRecords, entry)
   *  the index belongs to; its documents and fileIndex are replaced by the sheet's */
  base?: Partial<CaseFile>;
}

export interface TypedTitle {
  sheet: string;
  row: number;
  title: string;
  type: string;
  /** how the type was found (name, synonym, keyword …; 'none' → 其他材料) */
  by: string;
}

export interface ImportResult {
  /** the case file is valid (no error-level issue) */
  ok: boolean;
  /** which kind of workbook it was */
  kind: 'template' | 'bureau_index';
  /** the case file built from the workbook (present even when invalid, so a person can see what was read) */
  caseFile?: CaseFile;
  issues: IntakeIssue[];
  /** how each document row's title was typed */
  titles: TypedTitle[];
  stats: { documents: number; values: number; untypedTitles: number };
}

type Obj = Record<string, unknown>;

/** where a case-file path came from */
export interface Location {
  sheet: string;
  row: number;
  column?: string;
  header?: string;
}

/** Path → cell, with a fallback to the row and the column of the missing field. */
export class Locator {
  private readonly cells = new Map<string, Location>();
  /** a part may have several rows (a document's 卷内目录 row and its 文书详情 row) */
  private readonly rows = new Map<string, { location: Location; columns: Map<string, { column: string; header: string }> }[]>();
  cell(path: string, location: Location): void {
    this.cells.set(path, location);
  }
  row(path: string, location: Location, columns: Map<string, { column: string; header: string }>): void {
    const list = this.rows.get(path);
    if (list) list.push({ location, columns });
    else this.rows.set(path, [{ location, columns }]);
  }
  locate(path: string): Location | undefined {
    const exact = this.cells.get(path);
    if (exact) return exact;
    let p = path;
    while (p) {
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) break;
      p = p.slice(0, cut);
      const hit = this.cells.get(p);
      if (hit) return hit;
      const rows = this.rows.get(p);
      if (rows) {
        const rest = path.slice(p.length + 1).replace(/\[\d+\]/g, '');
        for (const row of rows) {
          const col = row.columns.get(rest) ?? [...row.columns.entries()].find(([k]) => rest.startsWith(k + '.') || k.startsWith(rest + '.'))?.[1];
          if (col) return { ...row.location, column: col.column, header: col.header };
        }
        return rows[0].location;
      }
    }
    return undefined;
  }
}

export async function loadWorkbook(buffer: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.from(buffer);
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    throw new WorkbookFormatError('LEGACY_XLS', '这是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中“另存为”.xlsx 后再导入');
  }
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) {
    throw new WorkbookFormatError('NOT_XLSX', '不是 Excel 工作簿（.xlsx）：文件内容无法识别');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_SHEET_PARTS });
  } catch (e) {
    throw new WorkbookFormatError('NOT_XLSX', `Excel 工作簿（.xlsx）已损坏或不完整，无法读取（${e instanceof Error ? e.message : String(e)}）`);
  }
  if (wb.worksheets.length === 0) throw new WorkbookFormatError('EMPTY_WORKBOOK', '工作簿中没有工作表');
  return wb;
}

/**
 * Worksheet parts the import never reads. Above all the data-validation lists: exceljs would expand every
 * validated range into one entry per cell (about 60,000 for a 1,000-row export, most of the load time).
 */
const IGNORED_SHEET_PARTS = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'sheetViews', 'cols', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'printOptions', 'autoFilter', 'sheetProtection', 'picture', 'drawing', 'extLst'];

export function headerKey(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

function setPath(obj: Obj, path: readonly string[], value: unknown): void {
  let o = obj;
  for (let i = 0; i < path.length - 1; i++) {
    o = (o[path[i]] ??= {}) as Obj;
  }
  o[path[path.length - 1]] = value;
}

function jsPath(base: string, path: readonly string[]): string {
  return base ? `${base}.${path.join('.')}` : path.join('.');
}

/** Is this workbook the project's template (or an export)? */
export function isTemplateWorkbook(wb: ExcelJS.Workbook): boolean {
  return !!wb.getWorksheet(SHEET.caseInfo) && !!wb.getWorksheet(SHEET.index);
}

export async function importWorkbook(buffer: Buffer | Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const wb = await loadWorkbook(buffer);
  if (!isTemplateWorkbook(wb)) {
    const { importBureauIndex } = await import('./bureau-index');
    return importBureauIndex(wb, opts);
  }
  return importTemplateWorkbook(wb, opts);
}

interface RowRead {
  obj: Obj;
  row: number;
  /** 序号 / 正卷副卷 on rows that carry a 卷内目录 entry */
  order?: number;
  volume?: string;
  parentId?: string;
}

class SheetReader {
  readonly issues: IntakeIssue[] = [];
  values = 0;
  constructor(private readonly locator: Locator) {}

  error(sheet: string, row: number | undefined, column: string | undefined, header: string | undefined, code: string, message: string, path?: string) {
    this.issues.push({ sheet, row, column, header, path, code, message, severity: 'error' });
  }
  warn(sheet: string, row: number | undefined, column: string | undefined, header: string | undefined, code: string, message: string, path?: string) {
    this.issues.push({ sheet, row, column, header, path, code, message, severity: 'warning' });
  }

  /** Parse one cell for a column into `obj`; records the location under `base` + the column's path. */
  readCell(sheet: string, cell: ExcelJS.Cell, column: Column, obj: Obj, base: string | null, treatAsDocumentType = false): void {
    const content = cellContent(cell.value);
    if (isBlank(content)) return;
    const where = () => [sheet, Number(cell.row), cell.address.replace(/\d+$/, ''), column.header] as const;
    let value: unknown;
    if (treatAsDocumentType) {
      value = String(content).trim();
    } else if (column.list) {
      const sep = listSeparator(column);
      const parts = String(content)
        .split(sep === '\n' ? /\r?\n/ : /[、，,；;\n]/)
        .map((s) => (sep === '\n' ? s : s.trim()))
        .filter((s) => s.trim() !== '');
      const items: unknown[] = [];
      for (const part of parts) {
        const r = parseScalar(column.check, part);
        if (!r.ok) {
          this.error(...where(), r.problem.code, r.problem.message, base === null ? undefined : jsPath(base, column.path));
          return;
        }
        items.push(r.value);
      }
      value = items;
    } else {
      const r = parseScalar(column.check, content as string | number | boolean | Date);
      if (!r.ok) {
        this.error(...where(), r.problem.code, r.problem.message, base === null ? undefined : jsPath(base, column.path));
        return;
      }
      value = r.value;
    }
    setPath(obj, column.path, value);
    this.values++;
    if (base !== null) {
      const [s, row, col, header] = where();
      this.locator.cell(jsPath(base, column.path), { sheet: s, row, column: col, header });
    }
  }

  /** Read a table sheet: header row 1, one object per non-blank row. */
  readTable(sheet: TableSheet, ws: ExcelJS.Worksheet | undefined, extra: { indexEntry?: boolean; parent?: string } = {}): { rows: RowRead[]; columnsByPath: Map<string, { column: string; header: string }> } {
    const rows: RowRead[] = [];
    const columnsByPath = new Map<string, { column: string; header: string }>();
    if (!ws) return { rows, columnsByPath };
    const byHeader = new Map<string, Column>();
    for (const c of sheet.columns) byHeader.set(headerKey(c.header), c);
    const bound: { index: number; column?: Column; role?: 'order' | 'volume' | 'parent'; letter: string; header: string }[] = [];
    ws.getRow(1).eachCell({ includeEmpty: false }, (cell, index) => {
      const text = String(cellContent(cell.value) ?? '').trim();
      if (!text) return;
      const key = headerKey(text);
      const letter = ws.getColumn(index).letter;
      if (extra.indexEntry && key === headerKey(INDEX_ORDER_COLUMN.header)) bound.push({ index, role: 'order', letter, header: text });
      else if (extra.indexEntry && key === headerKey(INDEX_VOLUME_COLUMN.header)) bound.push({ index, role: 'volume', letter, header: text });
      else if (extra.parent && key === headerKey(extra.parent)) bound.push({ index, role: 'parent', letter, header: text });
      else if (byHeader.has(key)) {
        const column = byHeader.get(key)!;
        bound.push({ index, column, letter, header: text });
        columnsByPath.set(column.path.join('.'), { column: letter, header: text });
      } else this.warn(ws.name, 1, letter, text, 'UNKNOWN_COLUMN', `未识别的列「${text}」，该列内容未导入`);
    });
    if (extra.parent && !bound.some((b) => b.role === 'parent')) {
      if (ws.actualRowCount > 1) this.error(ws.name, 1, undefined, extra.parent, 'MISSING_COLUMN', `缺少「${extra.parent}」列，无法确定各行属于哪份文书`);
      return { rows, columnsByPath };
    }
    const isDocuments = sheet.field === 'documents' && !sheet.parent;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const anyValue = bound.some((b) => !isBlank(cellContent(row.getCell(b.index).value)));
      if (!anyValue) return;
      const read: RowRead = { obj: {}, row: rowNumber };
      for (const b of bound) {
        const cell = row.getCell(b.index);
        const content = cellContent(cell.value);
        if (isBlank(content)) continue;
        if (b.role === 'order') {
          const r = parseScalar(INDEX_ORDER_COLUMN.check, content!);
          if (r.ok) read.order = r.value as number;
          else this.error(ws.name, rowNumber, b.letter, b.header, r.problem.code, r.problem.message);
        } else if (b.role === 'volume') {
          const r = parseScalar(INDEX_VOLUME_COLUMN.check, content!);
          if (r.ok) read.volume = r.value as string;
          else this.error(ws.name, rowNumber, b.letter, b.header, r.problem.code, r.problem.message);
        } else if (b.role === 'parent') {
          read.parentId = String(content).trim();
        } else {
          const isType = isDocuments && b.column!.path.length === 1 && b.column!.path[0] === 'type';
          this.readCell(ws.name, cell, b.column!, read.obj, null, isType);
        }
      }
      rows.push(read);
    });
    return { rows, columnsByPath };
  }
}

function columnLetters(ws: ExcelJS.Worksheet | undefined, header: string): string | undefined {
  if (!ws) return undefined;
  let found: string | undefined;
  ws.getRow(1).eachCell((cell, index) => {
    if (headerKey(String(cellContent(cell.value) ?? '')) === headerKey(header)) found = ws.getColumn(index).letter;
  });
  return found;
}

/** Record where the row of `base` is; a path inside it is located by its column (Locator.locate). */
function recordRow(locator: Locator, base: string, sheet: string, row: number, columnsByPath: Map<string, { column: string; header: string }>): void {
  locator.row(base, { sheet, row }, columnsByPath);
}

export async function importTemplateWorkbook(wb: ExcelJS.Workbook, opts: ImportOptions = {}): Promise<ImportResult> {
  const catalog = opts.documentTypes ?? defaultDocumentTypes();
  const typer = opts.titleTyper ?? defaultTitleTyper();
  const layout = workbookLayout();
  const locator = new Locator();
  const reader = new SheetReader(locator);
  const titles: TypedTitle[] = [];

  // —— 案件 (项目 | 内容) ——
  const caseInfo: Obj = {};
  const fileLevel: Obj = {};
  const caseSheet = wb.getWorksheet(SHEET.caseInfo)!;
  const caseColumns = new Map<string, { column: Column; target: Obj; base: string }>();
  for (const c of layout.caseInfo) caseColumns.set(headerKey(c.header), { column: c, target: caseInfo, base: 'case' });
  for (const c of layout.caseEntry) caseColumns.set(headerKey(c.header), { column: c, target: fileLevel, base: '' });
  const seenCaseRows = new Set<string>();
  caseSheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const label = String(cellContent(row.getCell(1).value) ?? '').trim();
    if (!label) return;
    const hit = caseColumns.get(headerKey(label));
    if (!hit) {
      if (!isBlank(cellContent(row.getCell(2).value))) reader.warn(SHEET.caseInfo, rowNumber, 'A', label, 'UNKNOWN_ITEM', `未识别的项目「${label}」，其内容未导入`);
      return;
    }
    seenCaseRows.add(hit.column.path.join('.'));
    reader.readCell(SHEET.caseInfo, row.getCell(2), hit.column, hit.target, hit.base === '' ? '' : hit.base);
  });
  // required items whose row is missing or empty: point at the 内容 cell of their row
  caseSheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const label = String(cellContent(row.getCell(1).value) ?? '').trim();
    const hit = caseColumns.get(headerKey(label));
    if (hit && hit.base === 'case') locator.cell(`case.${hit.column.path.join('.')}`, { sheet: SHEET.caseInfo, row: rowNumber, column: 'B', header: label });
  });

  const out: Obj = { formatVersion: CASE_FILE_FORMAT_VERSION, case: caseInfo };
  const tables = new Map(layout.tables.map((t) => [t.name, t]));
  const ids = { parties: 'p', agents: 'a', officers: 'o', reviewers: 'r', documents: 'd', educationRecords: 'e' } as Record<string, string>;
  const rowEntries: FileIndexEntry[] = [];

  // —— top-level tables ——
  for (const sheet of layout.tables.filter((t) => !t.parent)) {
    const ws = wb.getWorksheet(sheet.name);
    const { rows, columnsByPath } = reader.readTable(sheet, ws, { indexEntry: carriesIndexEntry(sheet) });
    const list: Obj[] = [];
    const taken = new Set(rows.map((r) => r.obj.id).filter((x) => typeof x === 'string'));
    let n = 0;
    for (const r of rows) {
      const base = `${sheet.field}[${list.length}]`;
      if (r.obj.id === undefined) {
        let id: string;
        do id = `${ids[sheet.field]}${++n}`;
        while (taken.has(id));
        taken.add(id);
        r.obj.id = id;
        reader.warn(sheet.name, r.row, columnLetters(ws, sheet.columns[0].header), sheet.columns[0].header, 'GENERATED_ID', `未填写编号，已自动编号为 ${id}`);
      }
      if (sheet.field === 'documents') typeDocument(r, sheet.name, ws, reader, catalog, typer, titles);
      recordRow(locator, base, sheet.name, r.row, columnsByPath);
      if (r.order !== undefined) {
        const pages = r.obj.pages as FileIndexEntry['pages'] | undefined;
        const title = sheet.field === 'documents' ? derivedEntryTitle(r.obj as { title?: string; type: string }, catalog) : educationEntryTitle(catalog);
        if (!pages || pages.from === undefined || pages.to === undefined) {
          reader.error(sheet.name, r.row, columnLetters(ws, INDEX_ORDER_COLUMN.header), INDEX_ORDER_COLUMN.header, 'MISSING_PAGES', '填写了卷内目录序号，但没有填写起止页码');
        }
        const entry: FileIndexEntry = { order: r.order, title, refId: r.obj.id as string, pages: pages ?? ({} as FileIndexEntry['pages']) };
        if (r.volume !== undefined) entry.volume = r.volume as FileIndexEntry['volume'];
        locator.cell(`fileIndex#${r.obj.id}`, { sheet: sheet.name, row: r.row, column: columnLetters(ws, INDEX_ORDER_COLUMN.header), header: INDEX_ORDER_COLUMN.header });
        rowEntries.push(entry);
      } else if (r.volume !== undefined) {
        reader.warn(sheet.name, r.row, columnLetters(ws, INDEX_VOLUME_COLUMN.header), INDEX_VOLUME_COLUMN.header, 'VOLUME_WITHOUT_ORDER', '填写了正卷/副卷但没有卷内目录序号：该行不列入卷内目录');
      }
      list.push(r.obj);
    }
    const optional = sheet.field === 'agents' || sheet.field === 'reviewers';
    if (list.length || !optional) out[sheet.field] = list;
  }

  // —— child sheets (文书详情, 签名人, 载明期限, 参加人员, 普法法条) ——
  for (const sheet of layout.tables.filter((t) => t.parent)) {
    const ws = wb.getWorksheet(sheet.name);
    const { rows, columnsByPath } = reader.readTable(sheet, ws, { parent: sheet.parent!.header });
    const parents = (out[sheet.parent!.field] as Obj[]) ?? [];
    const byId = new Map(parents.map((p, i) => [p.id as string, { p, i }]));
    const parentColumn = columnLetters(ws, sheet.parent!.header);
    for (const r of rows) {
      const hit = r.parentId ? byId.get(r.parentId) : undefined;
      if (!hit) {
        reader.error(sheet.name, r.row, parentColumn, sheet.parent!.header, r.parentId ? 'UNKNOWN_PARENT' : 'MISSING_PARENT',
          r.parentId ? `「${r.parentId}」不是${sheet.parent!.field === 'documents' ? '卷内目录中的文书 id' : '普法教育记录的 id'}` : `未填写${sheet.parent!.header}`);
        continue;
      }
      const parentBase = `${sheet.parent!.field}[${hit.i}]`;
      if (sheet.field === sheet.parent!.field) {
        // 文书详情: the row's fields belong to the document itself
        for (const [k, v] of Object.entries(r.obj)) {
          if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof hit.p[k] === 'object') Object.assign(hit.p[k] as Obj, v);
          else hit.p[k] = v;
        }
        recordRow(locator, parentBase, sheet.name, r.row, columnsByPath);
      } else {
        const list = ((hit.p[sheet.field] as Obj[] | undefined) ??= []);
        recordRow(locator, `${parentBase}.${sheet.field}[${list.length}]`, sheet.name, r.row, columnsByPath);
        list.push(r.obj);
      }
    }
  }

  // —— 参与的执法人员: names are accepted where ids are expected ——
  resolveOfficerNames(out, reader, locator);

  // —— 卷内目录 ——
  const entrySheet = layout.indexEntries;
  const entryWs = wb.getWorksheet(entrySheet.name);
  const { rows: entryRows, columnsByPath: entryColumns } = reader.readTable(entrySheet, entryWs);
  const own = entryRows.map((r) => r.obj as unknown as FileIndexEntry);
  const fileIndex = joinFileIndex(rowEntries, own);
  fileIndex.forEach((e, i) => {
    const fromRow = rowEntries.indexOf(e) >= 0 ? locator.locate(`fileIndex#${e.refId}`) : undefined;
    if (fromRow) locator.cell(`fileIndex[${i}]`, fromRow);
    const r = entryRows[own.indexOf(e)];
    if (r) recordRow(locator, `fileIndex[${i}]`, entrySheet.name, r.row, entryColumns);
  });
  out.fileIndex = fileIndex;
  if (Object.keys(fileLevel).length) Object.assign(out, fileLevel);

  return finish('template', out, reader, locator, titles, catalog);
}

function typeDocument(
  r: RowRead,
  sheetName: string,
  ws: ExcelJS.Worksheet | undefined,
  reader: SheetReader,
  catalog: DocumentTypeCatalog,
  typer: TitleTyper,
  titles: TypedTitle[],
): void {
  const typed = r.obj.type as string | undefined;
  const typeHeader = '文书类型';
  const letter = columnLetters(ws, typeHeader);
  if (typed !== undefined) {
    const byName = catalog.all().find((t) => t.name === typed || t.id === typed);
    if (byName) {
      r.obj.type = byName.id;
      return;
    }
  }
  const title = (r.obj.title as string | undefined) ?? typed;
  if (!title) {
    reader.error(sheetName, r.row, letter, typeHeader, 'MISSING_TYPE', '未填写文书类型，也没有标题可供识别');
    r.obj.type = 'other';
    return;
  }
  const match = typer.match(title);
  r.obj.type = match.type;
  if (r.obj.title === undefined) r.obj.title = title;
  titles.push({ sheet: sheetName, row: r.row, title, type: match.type, by: match.by });
  if (match.type === 'other') {
    reader.warn(sheetName, r.row, letter, typeHeader, 'UNTYPED_TITLE', `无法识别文书「${title}」的类型：已作为“其他材料”导入并保留题名，请核对`);
  } else if (typed !== undefined) {
    reader.warn(sheetName, r.row, letter, typeHeader, 'TYPE_FROM_TITLE', `「${typed}」不在文书类型目录中：按题名识别为「${catalog.get(match.type)?.name}」，请核对`);
  }
}

function resolveOfficerNames(out: Obj, reader: SheetReader, locator: Locator): void {
  const officers = (out.officers as { id: string; name: string }[]) ?? [];
  const ids = new Set(officers.map((o) => o.id));
  const byName = new Map<string, string | null>();
  for (const o of officers) byName.set(o.name, byName.has(o.name) ? null : o.id);
  const fix = (list: unknown, path: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((v, i) => {
      if (typeof v !== 'string' || ids.has(v)) return;
      const id = byName.get(v);
      if (id) list[i] = id;
      else if (id === null) {
        const at = locator.locate(path);
        reader.issues.push({ ...(at ?? { sheet: SHEET.index }), path: `${path}[${i}]`, code: 'AMBIGUOUS_OFFICER', message: `执法人员「${v}」重名，请改填执法人员 id`, severity: 'error' });
      }
    });
  };
  ((out.documents as Obj[]) ?? []).forEach((d, i) => fix(d.officerIds, `documents[${i}].officerIds`));
  ((out.educationRecords as Obj[]) ?? []).forEach((d, i) => fix(d.officerIds, `educationRecords[${i}].officerIds`));
}

export function finish(
  kind: ImportResult['kind'],
  out: Obj,
  reader: { issues: IntakeIssue[]; values: number },
  locator: Locator,
  titles: TypedTitle[],
  catalog: DocumentTypeCatalog,
): ImportResult {
  const issues = reader.issues;
  const validation = validateCaseFile(out, { documentTypes: catalog, maxIssues: 500 });
  if (!validation.ok) {
    for (const e of validation.errors) {
      const at = locator.locate(e.path) ?? { sheet: e.path.startsWith('case') ? SHEET.caseInfo : SHEET.index };
      issues.push({ ...at, path: e.path, code: e.code, message: e.message, severity: 'error' });
    }
  }
  const ok = !issues.some((i) => i.severity === 'error');
  return {
    ok,
    kind,
    caseFile: out as unknown as CaseFile,
    issues,
    titles,
    stats: {
      documents: ((out.documents as unknown[]) ?? []).length,
      values: reader.values,
      untypedTitles: titles.filter((t) => t.type === 'other').length,
    },
  };
}
