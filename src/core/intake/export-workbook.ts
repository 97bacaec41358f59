/**
 * Case file → 卷内目录 workbook (and the empty template). Layout: ./layout.ts. Every value the case file holds
 * is written, so importing the workbook gives back the same case file (tested on every sample).
 */
import ExcelJS from 'exceljs';
import { defaultDocumentTypes, type DocumentTypeCatalog } from '../domain/document-types';
import type { ScalarCheck } from '../case-file/dto/field';
import type { CaseFile } from '../case-file/types';
import { formatListItem, formatScalar } from './cells';
import { splitFileIndex } from './file-index';
import { INSTRUCTIONS } from './instructions';
import {
  carriesIndexEntry,
  INDEX_ORDER_COLUMN,
  INDEX_VOLUME_COLUMN,
  listSeparator,
  SHEET,
  workbookLayout,
  type Column,
  type TableSheet,
} from './layout';

/** Rows given data validation and formats below the data (room to type in). */
const SPARE_ROWS = 300;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

export interface ExportOptions {
  documentTypes?: DocumentTypeCatalog;
}

type Obj = Record<string, unknown>;

function get(obj: unknown, path: readonly string[]): unknown {
  let v: unknown = obj;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Obj)[k];
  }
  return v;
}

/** The value written into a column's cell for this object (undefined = leave the cell empty). */
function cellValue(column: Column, obj: unknown, catalog: DocumentTypeCatalog, isDocumentType: boolean): ExcelJS.CellValue | undefined {
  const v = get(obj, column.path);
  if (v === undefined) return undefined;
  if (column.list) return (v as unknown[]).map((x) => formatListItem(column.check, x)).join(listSeparator(column));
  if (isDocumentType) return catalog.get(String(v))?.name ?? String(v);
  return formatScalar(column.check, v);
}

/** Options for list validations: enumerations and the document types, one column each in the hidden 选项 sheet
 *  (written last; validations reference it by name). */
class OptionLists {
  private readonly lists = new Map<string, { header: string; labels: readonly string[]; range: string }>();
  range(key: string, header: string, labels: readonly string[]): string {
    let hit = this.lists.get(key);
    if (!hit) {
      const letter = columnLetter(this.lists.size + 1);
      hit = { header, labels, range: `'${SHEET.options}'!$${letter}$2:$${letter}$${labels.length + 1}` };
      this.lists.set(key, hit);
    }
    return hit.range;
  }
  write(wb: ExcelJS.Workbook): void {
    const ws = wb.addWorksheet(SHEET.options, { state: 'hidden' });
    [...this.lists.values()].forEach(({ header, labels }, i) => {
      ws.getCell(1, i + 1).value = header;
      labels.forEach((l, j) => (ws.getCell(j + 2, i + 1).value = l));
    });
  }
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** exceljs keeps sheet-level validations (ranges) in `dataValidations`, missing from its type definitions. */
function addRangeValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, validation);
}

function validationFor(
  check: ScalarCheck,
  list: boolean,
  header: string,
  options: OptionLists,
  isDocumentType: boolean,
  catalog: DocumentTypeCatalog,
): ExcelJS.DataValidation | undefined {
  if (list) return undefined;
  if (isDocumentType) {
    const names = catalog.all().map((t) => t.name);
    return listValidation(options.range('documentType', '文书类型', names), header, true);
  }
  if (check.kind === 'boolean') return listValidation('"是,否"', header, false);
  if (check.kind === 'enum') {
    const labels = Object.values(check.values);
    return listValidation(options.range(labels.join('|'), header, labels), header, false);
  }
  if (check.kind === 'date') {
    return {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2199, 11, 31))],
      showErrorMessage: true,
      errorTitle: header,
      error: '请填写日期，如 2025-05-20',
    };
  }
  if (check.kind === 'integer') {
    return { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: header, error: '请填写整数' };
  }
  if (check.kind === 'amount') {
    return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: header, error: '请填写金额（元）' };
  }
  return undefined;
}

function listValidation(formula: string, header: string, warnOnly: boolean): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    // 文书类型: a title outside the list is still imported (as 其他材料), so only warn
    errorStyle: warnOnly ? 'warning' : 'stop',
    errorTitle: header,
    error: warnOnly ? '不在文书类型目录中：将按“其他材料”导入并保留题名' : '请从下拉列表中选择',
  };
}

function styleHeader(row: ExcelJS.Row, required: boolean[]): void {
  row.font = { bold: true };
  row.eachCell((cell, col) => {
    cell.fill = required[col - 1] ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
}

function formatColumn(ws: ExcelJS.Worksheet, index: number, check: ScalarCheck, list: boolean, header: string): void {
  const col = ws.getColumn(index);
  col.width = Math.min(40, Math.max(10, header.length * 2 + 2));
  if (list) col.alignment = { wrapText: true, vertical: 'top' };
  else if (check.kind === 'date') col.numFmt = 'yyyy-mm-dd';
  else if (check.kind === 'string' || check.kind === 'time' || check.kind === 'datetime') col.numFmt = '@';
}

interface SheetColumn {
  header: string;
  check: ScalarCheck;
  list: boolean;
  required: boolean;
  isDocumentType: boolean;
  value: (obj: unknown) => ExcelJS.CellValue | undefined;
}

function writeTable(
  wb: ExcelJS.Workbook,
  name: string,
  columns: SheetColumn[],
  rows: unknown[],
  options: OptionLists,
  catalog: DocumentTypeCatalog,
  frozenColumns: number,
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: frozenColumns }] });
  const header = ws.addRow(columns.map((c) => c.header));
  styleHeader(header, columns.map((c) => c.required));
  columns.forEach((c, i) => formatColumn(ws, i + 1, c.check, c.list, c.header));
  for (const obj of rows) {
    ws.addRow(columns.map((c) => c.value(obj) ?? null));
  }
  const last = rows.length + 1 + SPARE_ROWS;
  columns.forEach((c, i) => {
    const v = validationFor(c.check, c.list, c.header, options, c.isDocumentType, catalog);
    if (!v) return;
    const letter = ws.getColumn(i + 1).letter;
    addRangeValidation(ws, `${letter}2:${letter}${last}`, v);
  });
}

function tableColumns(sheet: TableSheet, catalog: DocumentTypeCatalog): SheetColumn[] {
  return sheet.columns.map((c) => {
    const isDocumentType = sheet.field === 'documents' && c.path.length === 1 && c.path[0] === 'type';
    return {
      header: c.header,
      check: c.check,
      list: c.list,
      required: c.required,
      isDocumentType,
      value: (obj: unknown) => cellValue(c, obj, catalog, isDocumentType),
    };
  });
}

function hasAnyValue(columns: Column[], obj: unknown): boolean {
  return columns.some((c) => get(obj, c.path) !== undefined);
}

/** The workbook of a case file; `null` gives the empty template. */
export async function caseFileWorkbook(caseFile: CaseFile | null, opts: ExportOptions = {}): Promise<Buffer> {
  const catalog = opts.documentTypes ?? defaultDocumentTypes();
  const layout = workbookLayout();
  const wb = new ExcelJS.Workbook();
  wb.creator = '案卷合规检查';
  wb.created = new Date(0);
  wb.modified = new Date(0);

  const instructions = wb.addWorksheet(SHEET.instructions);
  instructions.getColumn(1).width = 120;
  for (const line of INSTRUCTIONS) {
    const row = instructions.addRow([line]);
    row.alignment = { wrapText: true };
    if (/^【/.test(line)) row.font = { bold: true };
  }
  const options = new OptionLists();

  // 案件: 项目 | 内容 | 说明
  const caseSheet = wb.addWorksheet(SHEET.caseInfo, { views: [{ state: 'frozen', ySplit: 1 }] });
  caseSheet.columns = [
    { header: '项目', width: 36 },
    { header: '内容', width: 60 },
    { header: '说明', width: 60 },
  ];
  styleHeader(caseSheet.getRow(1), [false, false, false]);
  const caseRows: { column: Column; source: unknown }[] = [
    ...layout.caseInfo.map((column) => ({ column, source: caseFile?.case })),
    ...layout.caseEntry.map((column) => ({ column, source: caseFile })),
  ];
  for (const { column, source } of caseRows) {
    const v = cellValue(column, source, catalog, false);
    const note = [column.required ? '必填' : '', column.list ? (listSeparator(column) === '\n' ? '每行一项' : '多项以“、”分隔') : '', column.meta.law ?? '', column.meta.description ?? '']
      .filter(Boolean)
      .join('；');
    const row = caseSheet.addRow([column.header, v ?? null, note]);
    row.getCell(1).fill = column.required ? REQUIRED_FILL : HEADER_FILL;
    const cell = row.getCell(2);
    if (column.check.kind === 'date' && !column.list) cell.numFmt = 'yyyy-mm-dd';
    else if (column.check.kind === 'string') cell.numFmt = '@';
    if (column.list) cell.alignment = { wrapText: true, vertical: 'top' };
    const validation = validationFor(column.check, column.list, column.header, options, false, catalog);
    if (validation) cell.dataValidation = validation;
  }

  const split = caseFile ? splitFileIndex(caseFile, catalog) : { onRow: new Map(), own: [] };
  const indexColumns = (): SheetColumn[] => [
    {
      header: INDEX_ORDER_COLUMN.header,
      check: INDEX_ORDER_COLUMN.check,
      list: false,
      required: false,
      isDocumentType: false,
      value: (obj) => split.onRow.get((obj as { id: string }).id)?.order,
    },
    {
      header: INDEX_VOLUME_COLUMN.header,
      check: INDEX_VOLUME_COLUMN.check,
      list: false,
      required: false,
      isDocumentType: false,
      value: (obj) => {
        const v = split.onRow.get((obj as { id: string }).id)?.volume;
        return v === undefined ? undefined : formatScalar(INDEX_VOLUME_COLUMN.check, v);
      },
    },
  ];

  for (const sheet of layout.tables) {
    const columns = tableColumns(sheet, catalog);
    let rows: unknown[] = [];
    let frozen = 0;
    if (!sheet.parent) {
      rows = caseFile ? ((caseFile as unknown as Record<string, unknown[] | undefined>)[sheet.field] ?? []) : [];
      frozen = 1;
      if (carriesIndexEntry(sheet)) {
        columns.unshift(...indexColumns());
        frozen = 3;
      }
    } else {
      const parents = caseFile ? ((caseFile as unknown as Record<string, Obj[]>)[sheet.parent.field] ?? []) : [];
      const parentHeader = sheet.parent.header;
      const parentColumn: SheetColumn = {
        header: parentHeader,
        check: { kind: 'string', maxLength: 100 },
        list: false,
        required: true,
        isDocumentType: false,
        value: (obj) => (obj as { parentId: string }).parentId,
      };
      if (sheet.field === sheet.parent.field) {
        // 文书详情: one row per document that has any of these fields
        rows = parents.filter((p) => hasAnyValue(sheet.columns, p)).map((p) => ({ ...p, parentId: p.id }));
        columns.unshift(parentColumn);
      } else {
        for (const p of parents) {
          for (const item of (p[sheet.field] as Obj[] | undefined) ?? []) rows.push({ ...item, parentId: p.id });
        }
        columns.unshift(parentColumn);
      }
      frozen = 1;
    }
    writeTable(wb, sheet.name, columns, rows, options, catalog, frozen);
  }

  // 目录条目: entries that are not a copy of one row's title and pages
  const entrySheet = layout.indexEntries;
  writeTable(wb, entrySheet.name, tableColumns(entrySheet, catalog), split.own, options, catalog, 1);

  options.write(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The empty template workbook (`casefile template`, GET /api/intake/template.xlsx). */
export function templateWorkbook(opts: ExportOptions = {}): Promise<Buffer> {
  return caseFileWorkbook(null, opts);
}
