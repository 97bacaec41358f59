/**
 * Holiday schedule (国务院办公厅 部分节假日安排) — where each day's working status comes from.
 *
 * Two sources, merged by date:
 * 1. The DATA file of the `chinese-days` package (dist/chinese-days.json: `holidays` = 放假日, `workdays` = 调休上班日).
 *    Only its data is used, never its date functions (they shift dates under negative-offset time zones and treat
 *    unknown years as plain Monday–Friday weeks).
 * 2. Project-owned year files `rules/holidays/<year>.yaml`, transcribed from the State Council notice. A year file
 *    REPLACES the package's data for that calendar year, and can add years the package lacks (e.g. 2027 once the
 *    notice is published). For every year both sources cover, the loader compares them day by day and records each
 *    disagreement (see {@link HolidaySchedule.discrepancies}); the year file wins.
 *
 * A year is "covered" only if one of the sources has data for it; days of other years have no status at all
 * (the calendar answers 'undeterminable' instead of guessing Monday–Friday).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { daysToCivil, fromDays, isWeekend, parseLegalDate, toDays, weekdayName, type DayNumber } from '../domain/legal-date';

export type ScheduleEntryKind = 'holiday' | 'adjusted_workday';

/** A day the State Council schedule marks: 放假日 (holiday, any weekday) or 调休上班日 (a Saturday/Sunday worked). */
export interface ScheduleEntry {
  kind: ScheduleEntryKind;
  /** 春节, 国庆节、中秋节 … */
  name: string;
  /** where it comes from: the notice (文号 or title) or "chinese-days 1.5.7" */
  source: string;
}

export interface YearSource {
  year: number;
  origin: 'rules' | 'chinese-days';
  /** e.g. 国办发明电〔2024〕12号; for chinese-days: "chinese-days 1.5.7" */
  citation: string;
  /** the year file, relative to the rules dir (origin 'rules') */
  file?: string;
}

/** A day on which a project year file and chinese-days disagree about whether it is a working day. */
export interface HolidayDataDiscrepancy {
  date: string;
  rulesFile: string;
  rulesIsWorkday: boolean;
  chineseDaysIsWorkday: boolean;
}

export interface HolidaySchedule {
  entries: ReadonlyMap<DayNumber, ScheduleEntry>;
  years: ReadonlyMap<number, YearSource>;
  discrepancies: readonly HolidayDataDiscrepancy[];
  version: string;
}

/** A malformed year file: the message (Chinese) names the file and the problem. */
export class HolidayDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayDataError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// chinese-days

/** Its short names → the names used in the notices and in 全国年节及纪念日放假办法第2条. */
const CHINESE_DAYS_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface ChineseDaysData {
  version: string;
  entries: Map<DayNumber, ScheduleEntry>;
  years: Set<number>;
}

let chineseDaysCache: ChineseDaysData | undefined;

/** The package's data (cached; it is read-only). */
export function loadChineseDaysData(): ChineseDaysData {
  if (chineseDaysCache) return chineseDaysCache;
  const pkgPath = require.resolve('chinese-days/package.json');
  const version = String((JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version);
  const json = JSON.parse(readFileSync(join(dirname(pkgPath), 'dist', 'chinese-days.json'), 'utf8')) as ChineseDaysJson;
  const source = `chinese-days ${version}`;
  const entries = new Map<DayNumber, ScheduleEntry>();
  const years = new Set<number>();
  const add = (map: Record<string, string>, kind: ScheduleEntryKind) => {
    for (const [date, value] of Object.entries(map)) {
      // value: "Spring Festival,春节,4" (English name, Chinese name, statutory days)
      const raw = value.split(',')[1] ?? value;
      const name = CHINESE_DAYS_NAMES[raw] ?? raw;
      const day = toDays(date);
      entries.set(day, { kind, name, source });
      years.add(daysToCivil(day).year);
    }
  };
  add(json.holidays, 'holiday');
  add(json.workdays, 'adjusted_workday');
  chineseDaysCache = { version, entries, years };
  return chineseDaysCache;
}

// ---------------------------------------------------------------------------------------------------------------
// project year files (rules/holidays/<year>.yaml)

export interface YearFileNotice {
  /** 国务院办公厅关于2025年部分节假日安排的通知 */
  title: string;
  /** 文号, e.g. 国办发明电〔2024〕12号; null when unknown */
  number: string | null;
  /** date of the notice */
  issued: string;
  /** where the text was read */
  source: string;
}

export interface YearFileHoliday {
  name: string;
  /** 放假调休 block, both ends included (weekend days inside the block included) */
  rest: { from: string; to: string };
  /** 调休上班的周六、周日 */
  adjustedWorkdays: string[];
  /** the notice's own sentence */
  text?: string;
}

export interface YearFile {
  year: number;
  file: string;
  notice: YearFileNotice;
  holidays: YearFileHoliday[];
  raw: string;
}

function fail(file: string, message: string): never {
  throw new HolidayDataError(`节假日数据文件 ${file} 有误：${message}`);
}

/** YAML 1.2 keeps 2025-01-28 as a string; accept a Date too in case a file is written with an explicit !!timestamp. */
function dateField(file: string, where: string, value: unknown): string {
  let text: unknown = value;
  if (value instanceof Date) text = value.toISOString().slice(0, 10);
  if (!parseLegalDate(text)) fail(file, `${where} 不是有效日期（应为 YYYY-MM-DD）：${String(value)}`);
  return text as string;
}

function stringField(file: string, where: string, value: unknown, optional = false): string | undefined {
  if (value === undefined || value === null) {
    if (optional) return undefined;
    fail(file, `缺少 ${where}`);
  }
  if (typeof value !== 'string' || value.trim() === '') fail(file, `${where} 应为非空文字`);
  return value;
}

export function parseYearFile(file: string, raw: string): YearFile {
  let doc: unknown;
  try {
    doc = parseYaml(raw);
  } catch (e) {
    fail(file, `YAML 语法错误：${(e as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null) fail(file, '内容应为一个对象（year / notice / holidays）');
  const d = doc as Record<string, unknown>;
  const year = d.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2200) fail(file, 'year 应为四位年份');
  const base = file.replace(/^.*[\\/]/, '');
  if (base !== `${year}.yaml` && base !== `${year}.yml`) fail(file, `文件名应为 ${year}.yaml（与 year 一致）`);

  const n = d.notice as Record<string, unknown> | undefined;
  if (typeof n !== 'object' || n === null) fail(file, '缺少 notice（通知名称、文号、日期、来源）');
  const notice: YearFileNotice = {
    title: stringField(file, 'notice.title', n.title)!,
    number: n.number === null || n.number === undefined ? null : stringField(file, 'notice.number', n.number)!,
    issued: dateField(file, 'notice.issued', n.issued),
    source: stringField(file, 'notice.source', n.source)!,
  };

  if (!Array.isArray(d.holidays) || d.holidays.length === 0) fail(file, 'holidays 应为非空列表');
  const holidays: YearFileHoliday[] = d.holidays.map((h: unknown, i: number) => {
    const where = `holidays[${i}]`;
    if (typeof h !== 'object' || h === null) fail(file, `${where} 应为对象`);
    const item = h as Record<string, unknown>;
    const name = stringField(file, `${where}.name`, item.name)!;
    const rest = item.rest as Record<string, unknown> | undefined;
    if (typeof rest !== 'object' || rest === null) fail(file, `${where}.rest 应为 { from, to }`);
    const from = dateField(file, `${where}.rest.from`, rest.from);
    const to = dateField(file, `${where}.rest.to`, rest.to);
    if (toDays(from) > toDays(to)) fail(file, `${where}.rest 起日 ${from} 晚于止日 ${to}`);
    if (toDays(to) - toDays(from) > 30) fail(file, `${where}.rest 超过 31 天，请核对`);
    const aw = item.adjusted_workdays ?? [];
    if (!Array.isArray(aw)) fail(file, `${where}.adjusted_workdays 应为日期列表`);
    const adjustedWorkdays = aw.map((v: unknown, j: number) => {
      const date = dateField(file, `${where}.adjusted_workdays[${j}]`, v);
      // 调休上班日 are always a Saturday or Sunday; a weekday here is a transcription error.
      if (!isWeekend(toDays(date))) fail(file, `${where}.adjusted_workdays[${j}] ${date} 是${weekdayName(toDays(date))}，调休上班日应为周六或周日`);
      return date;
    });
    const text = stringField(file, `${where}.text`, item.text, true);
    return { name, rest: { from, to }, adjustedWorkdays, text };
  });

  // every date must lie in the year or at its edge (元旦 blocks and 调休 may reach into the neighbouring year)
  for (const h of holidays) {
    for (const date of [h.rest.from, h.rest.to, ...h.adjustedWorkdays]) {
      const y = daysToCivil(toDays(date)).year;
      if (Math.abs(y - year) > 1) fail(file, `${h.name} 的日期 ${date} 不在 ${year} 年前后`);
    }
  }
  const parsed: YearFile = { year, file, notice, holidays, raw };
  entriesOfYearFile(parsed); // refuses a day listed twice
  return parsed;
}

export function readYearFiles(holidaysDir: string): YearFile[] {
  if (!existsSync(holidaysDir)) return [];
  return readdirSync(holidaysDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => parseYearFile(join('holidays', f), readFileSync(join(holidaysDir, f), 'utf8')));
}

function citationOf(y: YearFile): string {
  return y.notice.number ?? `${y.notice.title}（${y.notice.issued}）`;
}

/** The entries one year file declares, keyed by day. Throws when a day is declared twice. */
export function entriesOfYearFile(y: YearFile): Map<DayNumber, ScheduleEntry> {
  const out = new Map<DayNumber, ScheduleEntry>();
  const source = citationOf(y);
  const put = (day: DayNumber, entry: ScheduleEntry) => {
    const prev = out.get(day);
    if (prev) fail(y.file, `${fromDays(day)} 被重复列出（${prev.name}、${entry.name}）`);
    out.set(day, entry);
  };
  for (const h of y.holidays) {
    for (let d = toDays(h.rest.from); d <= toDays(h.rest.to); d++) put(d, { kind: 'holiday', name: h.name, source });
    for (const w of h.adjustedWorkdays) put(toDays(w), { kind: 'adjusted_workday', name: h.name, source });
  }
  return out;
}

function isWorkdayIn(entries: ReadonlyMap<DayNumber, ScheduleEntry>, day: DayNumber): boolean {
  const e = entries.get(day);
  if (e) return e.kind === 'adjusted_workday';
  return !isWeekend(day);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Merges chinese-days with the year files of `holidaysDir` (rules/holidays). */
export function loadHolidaySchedule(holidaysDir: string): HolidaySchedule {
  const cd = loadChineseDaysData();
  const files = readYearFiles(holidaysDir);
  const entries = new Map<DayNumber, ScheduleEntry>(cd.entries);
  const years = new Map<number, YearSource>();
  for (const y of [...cd.years].sort((a, b) => a - b)) {
    years.set(y, { year: y, origin: 'chinese-days', citation: `chinese-days ${cd.version}` });
  }

  const fileYears = new Set<number>();
  for (const y of files) {
    if (fileYears.has(y.year)) fail(y.file, `${y.year} 年已有另一个文件`);
    fileYears.add(y.year);
  }
  // A year file replaces the package's data for its whole calendar year …
  for (const day of [...entries.keys()]) {
    if (fileYears.has(daysToCivil(day).year)) entries.delete(day);
  }
  // … and its entries (including ones reaching into a neighbouring year) are applied on top.
  const declaredBy = new Map<DayNumber, string>();
  for (const y of files) {
    for (const [day, entry] of entriesOfYearFile(y)) {
      const other = declaredBy.get(day);
      if (other) {
        const prev = entries.get(day)!;
        if (prev.kind !== entry.kind) fail(y.file, `${fromDays(day)} 与 ${other} 的记载相矛盾`);
        continue;
      }
      declaredBy.set(day, y.file);
      entries.set(day, entry);
    }
    years.set(y.year, { year: y.year, origin: 'rules', citation: citationOf(y), file: y.file });
  }

  // Day-by-day cross-check of every year both sources cover.
  const discrepancies: HolidayDataDiscrepancy[] = [];
  for (const y of files) {
    if (!cd.years.has(y.year)) continue;
    for (let d = toDays(`${y.year}-01-01`); d <= toDays(`${y.year}-12-31`); d++) {
      const ours = isWorkdayIn(entries, d);
      const theirs = isWorkdayIn(cd.entries, d);
      if (ours !== theirs) discrepancies.push({ date: fromDays(d), rulesFile: y.file, rulesIsWorkday: ours, chineseDaysIsWorkday: theirs });
    }
  }

  const fileTag = files.length ? `; rules/holidays ${files.map((f) => f.year).join(',')} sha256:${shortHash(files.map((f) => f.raw).join('\n'))}` : '';
  return { entries, years, discrepancies, version: `chinese-days@${cd.version}${fileTag}` };
}
