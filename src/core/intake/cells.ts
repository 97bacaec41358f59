/**
 * Cell values ↔ case-file values. Dates are written as real date cells (UTC midnight, so the time zone of the
 * machine that reads or writes the workbook never shifts a day); enumerations as their Chinese labels; booleans
 * as 是/否. Reading is forgiving about how people type (2025.05.20, 2025年5月20日, 是/√), strict about meaning.
 */
import type { CellValue } from 'exceljs';
import { clockTimeProblem, legalDateProblem } from '../domain/legal-date';
import type { ScalarCheck } from '../case-file/dto/field';

export interface CellProblem {
  code: string;
  message: string;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: CellProblem };

/** A cell's content as plain text or a primitive (rich text joined, formula results, hyperlinks' text). */
export function cellContent(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join('');
  if ('result' in v) return cellContent(v.result as CellValue);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if (typeof v.text === 'string') return v.text;
  if ('error' in v) return null;
  return String(value);
}

export function isBlank(content: ReturnType<typeof cellContent>): boolean {
  return content === null || (typeof content === 'string' && content.trim() === '');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date cell (exceljs gives a JS Date at UTC midnight) or an Excel serial day number → YYYY-MM-DD. */
function dateFromCell(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function dateFromSerial(n: number): string {
  // Excel's 1900 date system: serial 25569 is 1970-01-01
  return dateFromCell(new Date(Math.round((n - 25569) * 86400) * 1000));
}

/** YYYY-MM-DD from the ways dates are typed in bureaus' sheets: 2025-05-20, 2025.5.20, 2025/5/20, 2025年5月20日, 20250520. */
export function normalizeDateText(text: string): string | null {
  const t = text.trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  return `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`;
}

function parseDate(content: string | number | boolean | Date): Parsed {
  let text: string | null;
  if (content instanceof Date) text = dateFromCell(content);
  else if (typeof content === 'number') text = content > 20000000 ? normalizeDateText(String(content)) : dateFromSerial(content);
  else text = normalizeDateText(String(content));
  if (!text) return fail('INVALID_DATE', `不是日期：「${String(content)}」（应为 2025-05-20 或 2025年5月20日）`);
  const problem = legalDateProblem(text);
  if (problem === 'nonexistent') return fail('INVALID_DATE', `日期不存在：${text}`);
  if (problem) return fail('DATE_OUT_OF_RANGE', `日期超出范围：${text}`);
  return { ok: true, value: text };
}

function timeText(content: string | number | boolean | Date): string | null {
  if (content instanceof Date) return `${pad(content.getUTCHours())}:${pad(content.getUTCMinutes())}`;
  if (typeof content === 'number' && content >= 0 && content < 1) {
    const minutes = Math.round(content * 24 * 60);
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  const m = /^(\d{1,2})[:：时](\d{2})分?$/.exec(String(content).trim());
  return m ? `${pad(+m[1])}:${m[2]}` : null;
}

function parseTime(content: string | number | boolean | Date): Parsed {
  const t = timeText(content);
  if (!t || clockTimeProblem(t)) return fail('INVALID_TIME', `不是时刻：「${String(content)}」（应为 09:30）`);
  return { ok: true, value: t };
}

function parseDateTime(content: string | number | boolean | Date): Parsed {
  if (content instanceof Date) {
    return { ok: true, value: `${dateFromCell(content)} ${pad(content.getUTCHours())}:${pad(content.getUTCMinutes())}` };
  }
  const m = /^(.+?)[\sT]+(\d{1,2}[:：时]\d{2}分?)$/.exec(String(content).trim());
  const date = m ? parseDate(m[1]) : null;
  const time = m ? parseTime(m[2]) : null;
  if (!date?.ok || !time?.ok) return fail('INVALID_DATETIME', `不是日期时刻：「${String(content)}」（应为 2025-05-20 09:30）`);
  return { ok: true, value: `${date.value} ${time.value}` };
}

const TRUE_WORDS = new Set(['是', '有', '√', '✓', 'y', 'yes', 'true', '1', '已']);
const FALSE_WORDS = new Set(['否', '无', '×', '✗', 'n', 'no', 'false', '0', '未']);

function parseBoolean(content: string | number | boolean | Date): Parsed {
  if (typeof content === 'boolean') return { ok: true, value: content };
  const t = String(content).trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return { ok: true, value: true };
  if (FALSE_WORDS.has(t)) return { ok: true, value: false };
  return fail('INVALID_BOOLEAN', `应填“是”或“否”，实际为「${String(content)}」`);
}

/** Label → value: the exact label, the value code itself, or the label without its bracketed note (简易程序). */
export function enumValue(values: Readonly<Record<string, string>>, text: string): string | undefined {
  const t = text.trim();
  for (const [value, label] of Object.entries(values)) if (label === t || value === t) return value;
  for (const [value, label] of Object.entries(values)) if (label.split(/[（(]/)[0] === t) return value;
  return undefined;
}

function parseNumber(content: string | number | boolean | Date, integer: boolean): Parsed {
  let n: number;
  if (typeof content === 'number') n = content;
  else {
    const t = String(content).trim().replace(/[,，\s]/g, '').replace(/元$/, '').replace(/页$/, '').replace(/日$/, '');
    n = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  }
  if (!Number.isFinite(n)) return fail('INVALID_NUMBER', `不是数字：「${String(content)}」`);
  if (integer && !Number.isInteger(n)) return fail('INVALID_INTEGER', `应为整数：${n}`);
  return { ok: true, value: n };
}

function fail(code: string, message: string): Parsed {
  return { ok: false, problem: { code, message } };
}

/** One non-blank cell (or one item of a list cell) → the value of a field with this check. */
export function parseScalar(check: ScalarCheck, content: string | number | boolean | Date): Parsed {
  switch (check.kind) {
    case 'date':
      return parseDate(content);
    case 'time':
      return parseTime(content);
    case 'datetime':
      return parseDateTime(content);
    case 'boolean':
      return parseBoolean(content);
    case 'integer':
      return parseNumber(content, true);
    case 'amount':
      return parseNumber(content, false);
    case 'enum': {
      const v = enumValue(check.values, String(content));
      if (v !== undefined) return { ok: true, value: v };
      return fail('INVALID_ENUM', `「${String(content)}」不是可选值（可选：${Object.values(check.values).join('、')}）`);
    }
    case 'const':
      return { ok: true, value: String(content).trim() };
    case 'string':
      if (content instanceof Date) return { ok: true, value: dateFromCell(content) };
      return { ok: true, value: typeof content === 'string' ? content : String(content) };
  }
}

/** A field's value → what is written into its cell. */
export function formatScalar(check: ScalarCheck, value: unknown): string | number | boolean | Date {
  switch (check.kind) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : String(value);
    }
    case 'boolean':
      return value === true ? '是' : '否';
    case 'enum':
      return check.values[String(value)] ?? String(value);
    case 'integer':
    case 'amount':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

/** The text a list item is written as (labels for enumerations, the text otherwise). */
export function formatListItem(check: ScalarCheck, value: unknown): string {
  const v = formatScalar(check, value);
  return v instanceof Date ? dateFromCell(v) : String(v);
}
