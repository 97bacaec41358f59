/**
 * A bureau's own 卷内目录 sheet → an index-only case file. The sheet is found by its header row (序号/题名/日期/页号 …
 * in any order, below any merged title rows; header names: rules/intake/index-headers.yaml). Every row becomes a
 * document typed from its title (rules/intake/title-synonyms.yaml) with what the sheet has — 题名, 文号, one date,
 * pages — and `entry: { status: 'not_entered' }`: everything else is 待补录, so checks that need it are 无法判定,
 * never defects. The case header (案件, 当事人, 人员, 普法教育记录) comes from `base` when given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { defaultDocumentTypes, EDUCATION_RECORD_TYPE } from '../domain/document-types';
import { VOLUME_LABELS } from '../case-file/labels';
import { CASE_FILE_FORMAT_VERSION, type CaseDocument, type CaseFile, type FileIndexEntry } from '../case-file/types';
import { rulesDir } from '../paths';
import { cellContent, enumValue, isBlank, parseScalar } from './cells';
import { finish, headerKey, Locator, type ImportOptions, type ImportResult, type TypedTitle } from './import-workbook';
import { WorkbookFormatError, type IntakeIssue } from './issues';
import { defaultTitleTyper } from './title-types';

export const INDEX_HEADERS_FILE = join('intake', 'index-headers.yaml');

type Role = 'order' | 'title' | 'docNumber' | 'date' | 'pages' | 'pageFrom' | 'pageTo' | 'responsible' | 'volume' | 'notes';
const ROLES: readonly Role[] = ['order', 'title', 'docNumber', 'date', 'pages', 'pageFrom', 'pageTo', 'responsible', 'volume', 'notes'];

let headerCache: { dir: string; map: Map<string, Role> } | undefined;

function headerRoles(): Map<string, Role> {
  const dir = rulesDir();
  if (headerCache?.dir === dir) return headerCache.map;
  const file = join(dir, INDEX_HEADERS_FILE);
  const raw = parse(readFileSync(file, 'utf8')) as { columns?: Record<string, unknown> };
  const map = new Map<string, Role>();
  for (const [role, names] of Object.entries(raw?.columns ?? {})) {
    if (!ROLES.includes(role as Role) || !Array.isArray(names)) throw new Error(`${file} 有误：columns.${role}`);
    for (const n of names) map.set(headerKey(String(n)), role as Role);
  }
  headerCache = { dir, map };
  return map;
}

/** How many rows from the top are searched for the header row (title rows, 档号 rows … come first). */
const HEADER_SEARCH_ROWS = 15;

interface HeaderRow {
  ws: ExcelJS.Worksheet;
  row: number;
  columns: Map<Role, { index: number; letter: string; header: string }>;
}

function findHeaderRow(wb: ExcelJS.Workbook): HeaderRow | undefined {
  const roles = headerRoles();
  const sheets = [...wb.worksheets].sort((a, b) => Number(b.name.includes('目录')) - Number(a.name.includes('目录')));
  for (const ws of sheets) {
    for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
      const columns = new Map<Role, { index: number; letter: string; header: string }>();
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell, index) => {
        if (cell.isMerged && cell.master !== cell) return;
        const text = String(cellContent(cell.value) ?? '').trim();
        const role = roles.get(headerKey(text));
        if (role && !columns.has(role)) columns.set(role, { index, letter: ws.getColumn(index).letter, header: text });
      });
      if (columns.has('title') && columns.size >= 2) return { ws, row: r, columns };
    }
  }
  return undefined;
}

/** "1-4", "1—4", "1~4", "1至4", "第1-4页", "P1-4" → {from, to}; "5" → {from: 5} */
export function parsePageText(text: string): { from: number; to?: number } | null {
  const t = text.replace(/[\s第页pP]/g, '');
  let m = /^(\d+)[-—–~～至到－_,，、](\d+)$/.exec(t);
  if (m) return { from: +m[1], to: +m[2] };
  m = /^(\d+)$/.exec(t);
  return m ? { from: +m[1] } : null;
}

const FOOTER = /^(以下空白|以下无正文|合计|共计|本卷共|共\d+页)/;

export function importBureauIndex(wb: ExcelJS.Workbook, opts: ImportOptions = {}): ImportResult {
  const catalog = opts.documentTypes ?? defaultDocumentTypes();
  const typer = opts.titleTyper ?? defaultTitleTyper();
  const header = findHeaderRow(wb);
  if (!header) {
    throw new WorkbookFormatError(
      'NO_INDEX_SHEET',
      '工作簿中既没有本系统模板的“案件”“卷内目录”工作表，也找不到卷内目录表头（需有“题名/文件名称”列及序号、日期、页号等列）',
    );
  }
  const { ws, columns } = header;
  const issues: IntakeIssue[] = [];
  const locator = new Locator();
  const titles: TypedTitle[] = [];
  let values = 0;
  const warn = (row: number, role: Role, code: string, message: string) => {
    const c = columns.get(role);
    issues.push({ sheet: ws.name, row, column: c?.letter, header: c?.header, code, message, severity: 'warning' });
  };
  const text = (row: ExcelJS.Row, role: Role): string | number | boolean | Date | null => {
    const c = columns.get(role);
    if (!c) return null;
    const v = cellContent(row.getCell(c.index).value);
    return isBlank(v) ? null : v;
  };

  interface Row {
    row: number;
    order?: number;
    title: string;
    docNumber?: string;
    madeOn?: string;
    pages?: { from: number; to?: number };
    volume?: FileIndexEntry['volume'];
    notes?: string;
  }
  const rows: Row[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const title = text(row, 'title');
    if (title === null) {
      const other = [...columns.keys()].some((role) => role !== 'order' && text(row, role) !== null);
      if (other) warn(r, 'title', 'MISSING_TITLE', '该行没有题名，未导入');
      continue;
    }
    const t = String(title).trim();
    if (FOOTER.test(t)) continue;
    const item: Row = { row: r, title: t };
    const order = text(row, 'order');
    if (order !== null) {
      const p = parseScalar({ kind: 'integer' }, order);
      if (p.ok && (p.value as number) >= 1) item.order = p.value as number;
      else warn(r, 'order', 'INVALID_ORDER', `序号「${String(order)}」不是正整数，已按行次编号`);
    }
    const docNumber = text(row, 'docNumber');
    if (docNumber !== null) item.docNumber = String(docNumber).trim();
    const date = text(row, 'date');
    if (date !== null) {
      const p = parseScalar({ kind: 'date' }, date);
      if (p.ok) item.madeOn = p.value as string;
      else warn(r, 'date', p.problem.code, `${p.problem.message}：该日期按未录入处理`);
    }
    const pageCell = text(row, 'pages');
    const from = text(row, 'pageFrom');
    const to = text(row, 'pageTo');
    if (pageCell !== null) {
      const p = typeof pageCell === 'number' ? { from: pageCell } : parsePageText(String(pageCell));
      if (p) item.pages = p;
      else warn(r, 'pages', 'INVALID_PAGES', `页号「${String(pageCell)}」无法识别（应为 1-4 或 5）：该行页码按未录入处理`);
    } else if (from !== null) {
      const f = parseScalar({ kind: 'integer' }, from);
      const t2 = to === null ? null : parseScalar({ kind: 'integer' }, to);
      if (f.ok) item.pages = { from: f.value as number, to: t2?.ok ? (t2.value as number) : undefined };
      else warn(r, 'pageFrom', 'INVALID_PAGES', `起始页「${String(from)}」不是整数`);
    }
    const volume = text(row, 'volume');
    if (volume !== null) {
      const v = enumValue(VOLUME_LABELS, String(volume));
      if (v) item.volume = v as FileIndexEntry['volume'];
      else warn(r, 'volume', 'INVALID_ENUM', `「${String(volume)}」不是正卷/副卷`);
    }
    const notes = [text(row, 'responsible'), text(row, 'notes')].filter((v) => v !== null).map(String);
    if (notes.length) item.notes = notes.join('；');
    rows.push(item);
  }

  // pages given as the start page only: the document ends where the next one starts
  rows.forEach((item, i) => {
    if (!item.pages || item.pages.to !== undefined) return;
    const next = rows.slice(i + 1).find((x) => x.pages);
    if (next && next.pages!.from > item.pages.from) {
      item.pages.to = next.pages!.from - 1;
      warn(item.row, 'pages', 'PAGES_INFERRED', `只有起始页：止页按下一份材料的起始页推算为 ${item.pages.to}，请核对`);
    } else item.pages.to = item.pages.from;
  });

  const base = opts.base;
  const educationRecords = [...(base?.educationRecords ?? [])];
  const linkedEducation = new Set<string>();
  const documents: CaseDocument[] = [];
  const fileIndex: FileIndexEntry[] = [];
  const usedOrders = new Set(rows.map((r) => r.order).filter((o) => o !== undefined));
  let running = 0;
  let n = 0;
  for (const item of rows) {
    const match = typer.match(item.title);
    titles.push({ sheet: ws.name, row: item.row, title: item.title, type: match.type, by: match.by });
    if (match.type === 'other') warn(item.row, 'title', 'UNTYPED_TITLE', `无法识别「${item.title}」的文书类型：已作为“其他材料”导入并保留题名，请核对`);
    let order = item.order;
    if (order === undefined) {
      do running++;
      while (usedOrders.has(running));
      order = running;
    } else running = Math.max(running, order);

    // 普法教育记录 rows point at the education records of the header, in order, when there are any
    let refId: string;
    const record = match.type === EDUCATION_RECORD_TYPE ? educationRecords.find((e) => !linkedEducation.has(e.id)) : undefined;
    if (record) {
      linkedEducation.add(record.id);
      refId = record.id;
    } else {
      const doc: CaseDocument = { id: `d${++n}`, type: match.type, title: item.title };
      if (item.docNumber !== undefined) doc.docNumber = item.docNumber;
      if (item.madeOn !== undefined) doc.madeOn = item.madeOn;
      if (item.pages?.to !== undefined) doc.pages = { from: item.pages.from, to: item.pages.to };
      if (item.notes !== undefined) doc.notes = item.notes;
      doc.entry = { status: 'not_entered' };
      refId = doc.id;
      const base = `documents[${documents.length}]`;
      locator.row(base, { sheet: ws.name, row: item.row }, new Map());
      const at = (role: Role) => {
        const c = columns.get(role);
        return c ? { sheet: ws.name, row: item.row, column: c.letter, header: c.header } : { sheet: ws.name, row: item.row };
      };
      locator.cell(`${base}.title`, at('title'));
      if (doc.madeOn) locator.cell(`${base}.madeOn`, at('date'));
      if (doc.docNumber) locator.cell(`${base}.docNumber`, at('docNumber'));
      if (doc.pages) locator.cell(`${base}.pages`, at(columns.has('pages') ? 'pages' : 'pageFrom'));
      documents.push(doc);
    }
    values += 1 + Number(item.docNumber !== undefined) + Number(item.madeOn !== undefined) + Number(item.pages !== undefined);
    if (item.pages?.to !== undefined) {
      const entry: FileIndexEntry = { order, title: item.title, refId, pages: { from: item.pages.from, to: item.pages.to } };
      if (item.volume) entry.volume = item.volume;
      locator.cell(`fileIndex[${fileIndex.length}]`, { sheet: ws.name, row: item.row });
      fileIndex.push(entry);
    } else {
      warn(item.row, 'pages', 'MISSING_PAGES', '没有页号：该材料未列入卷内目录（页码待补录）');
    }
  }

  // the header's 授权委托书 references point at the documents of this index: relink them by type, in order
  const agents = base?.agents?.map((a) => ({ ...a }));
  if (agents) {
    const letters = documents.filter((d) => d.type === 'authorization_letter');
    agents.forEach((a, i) => {
      if (a.authorizationDocumentId && !documents.some((d) => d.id === a.authorizationDocumentId)) {
        const letter = letters[Math.min(i, letters.length - 1)];
        if (letter) a.authorizationDocumentId = letter.id;
        else delete a.authorizationDocumentId;
      }
    });
  }
  // the document list is what the 卷内目录 lists: materials it does not list (卷宗封面, 备考表 …) are not entered
  const headerEntry = base?.entry?.status === 'not_entered'
    ? base.entry
    : { status: 'partial' as const, missingFields: [...new Set([...(base?.entry?.missingFields ?? []), 'documents'])] };
  const out: Record<string, unknown> = base
    ? { ...base, ...(agents ? { agents } : {}), formatVersion: CASE_FILE_FORMAT_VERSION, documents, fileIndex, entry: headerEntry }
    : {
        formatVersion: CASE_FILE_FORMAT_VERSION,
        case: {},
        parties: [],
        officers: [],
        documents,
        educationRecords: [],
        fileIndex,
        entry: { status: 'not_entered' },
      };
  if (!base) {
    issues.push({
      sheet: ws.name,
      code: 'HEADER_NOT_ENTERED',
      message: '只导入了卷内目录：案件信息（案号、案由、执法机关、程序、状态、违法行为发生日、立案来源）、当事人和执法人员尚未录入，请在模板“案件”等工作表中填写，或与案件信息一同导入',
      severity: 'error',
    });
  }
  const result = finish('bureau_index', out, { issues, values }, locator, titles, catalog);
  if (!base) {
    // the header errors all say the same thing: keep only the document-level ones
    result.issues = result.issues.filter((i) => !(i.path && /^(case|parties|officers)\b/.test(i.path)));
  }
  return result;
}


