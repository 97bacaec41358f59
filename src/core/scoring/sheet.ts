/**
 * Scoring-sheet loader (评分表加载与校验). A sheet is data: rules/scoring/<id>.yaml (format: docs/scoring.md).
 *
 * A malformed sheet is refused as a whole with every problem listed as `<file>: <path>: <message>` — a sheet
 * that half-loads would score case files on numbers nobody wrote.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { displayPath, rulesDir } from '../paths';
import { defaultRulePack } from '../engine/pack/loader';
import type {
  BonusItem,
  DeductionSheet,
  GradeBand,
  ScoringCategory,
  ScoringSheet,
  ScoringSheetSummary,
  VetoItem,
} from './types';
import { parseXizeSheet } from './xize-sheet';

/** 《生态环境行政执法案卷评查细则（2024年版）》 */
export const DEFAULT_SCORING_SHEET_ID = 'official-2024';
const SHEET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SEVERITIES = ['veto', 'error', 'warning', 'info'] as const;

export interface SheetIssue {
  /** path inside the sheet, e.g. categories[2].max */
  path: string;
  message: string;
}

/** The sheet file exists but is not a valid sheet. */
export class ScoringSheetError extends Error {
  readonly code = 'INVALID_SCORING_SHEET';
  constructor(
    readonly file: string,
    readonly issues: SheetIssue[],
  ) {
    super(
      `评分表格式错误 ${displayPath(file)}:\n` + issues.map((i) => `  ${displayPath(file)}: ${i.path || '(根)'}: ${i.message}`).join('\n'),
    );
    this.name = 'ScoringSheetError';
  }
}

/** No sheet with that id in rules/scoring/. */
export class ScoringSheetNotFoundError extends Error {
  readonly code = 'UNKNOWN_SCORING_SHEET';
  constructor(
    readonly sheetId: string,
    readonly available: string[],
  ) {
    super(`未知的评分表 "${sheetId}"；可用：${available.join('、') || '(无)'}`);
    this.name = 'ScoringSheetNotFoundError';
  }
}


export function scoringSheetsDir(): string {
  return join(rulesDir(), 'scoring');
}

/** The sheet used when a request names none: env SCORING_SHEET, else official-2024. */
export function defaultScoringSheetId(): string {
  const fromEnv = process.env.SCORING_SHEET?.trim();
  return fromEnv ? fromEnv : DEFAULT_SCORING_SHEET_ID;
}

export function availableScoringSheetIds(): string[] {
  const dir = scoringSheetsDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .filter((id) => SHEET_ID.test(id))
    .sort();
}

const cache = new Map<string, { mtimeMs: number; sheet: ScoringSheet }>();

/** Load rules/scoring/<id>.yaml (cached; re-read when the file changes). Default id: defaultScoringSheetId(). */
export function loadScoringSheet(id: string = defaultScoringSheetId()): ScoringSheet {
  const dir = scoringSheetsDir();
  const file = SHEET_ID.test(id)
    ? [join(dir, `${id}.yaml`), join(dir, `${id}.yml`)].find((f) => existsSync(f))
    : undefined;
  if (!file) throw new ScoringSheetNotFoundError(id, availableScoringSheetIds());
  const mtimeMs = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.sheet;
  const sheet = loadScoringSheetFile(file);
  cache.set(file, { mtimeMs, sheet });
  return sheet;
}

/** Load and validate a sheet from any path (not cached). The sheet's `id` must match the file name. */
export function loadScoringSheetFile(file: string): ScoringSheet {
  return parseScoringSheet(readFileSync(file, 'utf8'), file);
}

export function listScoringSheets(): ScoringSheetSummary[] {
  const def = defaultScoringSheetId();
  return availableScoringSheetIds().map((id) => {
    const s = loadScoringSheet(id);
    return { id: s.id, version: s.version, name: s.name, status: s.status, model: s.model, vetoZeroesTotal: s.vetoZeroesTotal, isDefault: id === def };
  });
}

/** Parse and validate sheet text; `file` is used for the messages and the id check. */
export function parseScoringSheet(text: string, file: string): ScoringSheet {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      throw new ScoringSheetError(file, [
        { path: pos ? `第${pos.line}行第${pos.col}列` : '', message: `YAML 语法错误：${e.message.split('\n')[0]}` },
      ]);
    }
    throw e;
  }
  const v = new Validator();
  const sheet = v.sheet(raw, file);
  if (v.issues.length > 0 || !sheet) throw new ScoringSheetError(file, v.issues);
  return withFormerRuleIds(sheet, defaultRulePack().formerIds);
}

/**
 * A rule merged from twins keeps its former ids (DL-33 → DL-01 under the 2010 办法): wherever a sheet names a rule
 * by either id, it names all of them, so a sheet written before the merge and a review stored before it both still
 * score as they did. Each finding carries one rule id, so listing several ids of one rule never counts a finding twice.
 */
/** the sheet fields that list rule ids (types.ts) */
const RULE_LISTS = new Set(['rules', 'hints', 'applicableAnyOf', 'passedAllOf']);

export function withFormerRuleIds<T extends ScoringSheet>(sheet: T, formerIds: ReadonlyMap<string, string>): T {
  if (!formerIds.size) return sheet;
  const ids = new Map<string, string[]>();
  for (const [former, id] of formerIds) ids.set(id, [...(ids.get(id) ?? [id]), former]);
  const all = (r: string) => ids.get(formerIds.get(r) ?? r) ?? [r];
  const expand = (list: string[]) => [...new Set(list.flatMap(all))];
  const walk = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(walk);
    if (!o || typeof o !== 'object') return o;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(o)) {
      if (RULE_LISTS.has(k) && Array.isArray(val) && val.every((x) => typeof x === 'string')) out[k] = expand(val);
      else if (k === 'byRule' && val && typeof val === 'object' && !Array.isArray(val))
        out[k] = Object.fromEntries(Object.entries(val).flatMap(([r, n]) => all(r).map((id) => [id, n])));
      else out[k] = walk(val);
    }
    return out;
  };
  return walk(sheet) as T;
}

export type Obj = Record<string, unknown>;

/** Field checks shared by the sheet models; every problem is collected, none stops the others. */
export class Validator {
  readonly issues: SheetIssue[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  obj(v: unknown, path: string): Obj | undefined {
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
    return this.fail(path, '应为对象（映射）');
  }

  str(o: Obj, key: string, path: string, opts: { optional?: boolean } = {}): string | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v.trim() === '') return this.fail(join2(path, key), '应为非空字符串');
    return v;
  }

  num(o: Obj, key: string, path: string, opts: { optional?: boolean; min?: number; positive?: boolean } = {}): number | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(join2(path, key), '应为数字');
    if (opts.positive && v <= 0) return this.fail(join2(path, key), '应为正数');
    if (opts.min !== undefined && v < opts.min) return this.fail(join2(path, key), `不得小于 ${opts.min}`);
    return v;
  }

  bool(o: Obj, key: string, path: string): boolean | undefined {
    const v = o[key];
    if (typeof v !== 'boolean') return this.fail(join2(path, key), '应为 true 或 false');
    return v;
  }

  strList(o: Obj, key: string, path: string, opts: { optional?: boolean } = {}): string[] | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (!Array.isArray(v)) return this.fail(join2(path, key), '应为字符串列表');
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x !== 'string' || x.trim() === '') this.fail(`${join2(path, key)}[${i}]`, '应为非空字符串');
      else out.push(x);
    });
    return out;
  }

  unknownKeys(o: Obj, allowed: string[], path: string): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.fail(join2(path, k), `未知字段（允许：${allowed.join(', ')}）`);
  }

  /** what every sheet opens with, whatever its model: id (= the file name), version, name, status, source, total */
  header(root: Obj, file: string) {
    const id = this.str(root, 'id', '');
    const expectedId = basename(file).replace(/\.ya?ml$/, '');
    if (id !== undefined && id !== expectedId) this.fail('id', `应与文件名一致（"${expectedId}"），实为 "${id}"`);
    const version = this.str(root, 'version', '');
    const name = this.str(root, 'name', '');
    const status = root.status;
    if (status !== 'placeholder' && status !== 'official') this.fail('status', '应为 placeholder 或 official');
    const source = this.str(root, 'source', '');
    const total = this.num(root, 'total', '', { positive: true });
    return { id: id!, version: version!, name: name!, status: status as ScoringSheet['status'], source: source!, total };
  }

  /** the grade a 否决 gives must be one of the sheet's grades */
  vetoGradeIn(vetoGrade: string | undefined, grades: GradeBand[] | undefined): void {
    if (vetoGrade !== undefined && grades && !grades.some((g) => g.name === vetoGrade))
      this.fail('vetoGrade', `应为 grades 中的一个等次（${grades.map((g) => g.name).join('、')}）`);
  }

  sheet(raw: unknown, file: string): ScoringSheet | undefined {
    const root = this.obj(raw, '');
    if (!root) return undefined;
    if (root.model !== undefined && root.model !== 'deduction') {
      if (root.model === 'xize-2024') return parseXizeSheet(this, root, file);
      return this.fail('model', '应为 deduction（分项扣分）或 xize-2024（合法性 + 规范性，2024年细则结构）');
    }
    this.unknownKeys(
      root,
      ['model', 'id', 'version', 'name', 'status', 'source', 'total', 'categories', 'deductions', 'unknownScoringItem', 'vetoZeroesTotal', 'vetoGrade', 'veto', 'unmappedVeto', 'bonus', 'grades'],
      '',
    );
    const head = this.header(root, file);
    const total = head.total;
    const categories = this.categories(root.categories, total);
    const catIds = new Set((categories ?? []).map((c) => c.id));
    const deductions = this.deductions(root.deductions);
    const unknownScoringItem = this.unknownItem(root.unknownScoringItem, catIds);
    const vetoZeroesTotal = this.bool(root, 'vetoZeroesTotal', '');
    const vetoGrade = this.str(root, 'vetoGrade', '');
    const veto = this.veto(root.veto);
    const unmappedVeto = this.unmappedVeto(root.unmappedVeto, veto ?? []);
    const bonus = this.bonus(root.bonus, catIds);
    const grades = this.grades(root.grades, total);
    this.vetoGradeIn(vetoGrade, grades);
    if (this.issues.length > 0) return undefined;
    return {
      model: 'deduction',
      ...head,
      total: total!,
      categories: categories!,
      deductions: deductions!,
      unknownScoringItem: unknownScoringItem!,
      vetoZeroesTotal: vetoZeroesTotal!,
      vetoGrade: vetoGrade!,
      veto: veto!,
      unmappedVeto: unmappedVeto!,
      bonus: bonus!,
      grades: grades!,
      file,
    };
  }

  private categories(raw: unknown, total: number | undefined): ScoringCategory[] | undefined {
    if (!Array.isArray(raw) || raw.length === 0) return this.fail('categories', '应为非空列表');
    const out: ScoringCategory[] = [];
    const seen = new Set<string>();
    raw.forEach((c, i) => {
      const p = `categories[${i}]`;
      const o = this.obj(c, p);
      if (!o) return;
      this.unknownKeys(o, ['id', 'name', 'max'], p);
      const id = this.str(o, 'id', p);
      const name = this.str(o, 'name', p);
      const max = this.num(o, 'max', p, { positive: true });
      if (id !== undefined && seen.has(id)) this.fail(`${p}.id`, `分项 id "${id}" 重复`);
      if (id !== undefined) seen.add(id);
      if (id !== undefined && name !== undefined && max !== undefined) out.push({ id, name, max });
    });
    const sum = out.reduce((s, c) => s + c.max, 0);
    if (total !== undefined && out.length === raw.length && Math.abs(sum - total) > 1e-9) {
      this.fail('categories', `各分项分值之和 ${sum} 不等于 total ${total}`);
    }
    return out;
  }

  private deductions(raw: unknown): DeductionSheet['deductions'] | undefined {
    const o = this.obj(raw, 'deductions');
    if (!o) return undefined;
    this.unknownKeys(o, ['bySeverity', 'byRule', 'duplicates'], 'deductions');
    const bs = this.obj(o.bySeverity, 'deductions.bySeverity');
    const bySeverity = {} as Record<(typeof SEVERITIES)[number], number>;
    if (bs) {
      this.unknownKeys(bs, [...SEVERITIES], 'deductions.bySeverity');
      for (const s of SEVERITIES) {
        const n = this.num(bs, s, 'deductions.bySeverity', { min: 0 });
        if (n !== undefined) bySeverity[s] = n;
      }
    }
    const byRule: Record<string, number> = {};
    if (o.byRule !== undefined && o.byRule !== null) {
      const br = this.obj(o.byRule, 'deductions.byRule');
      if (br) for (const k of Object.keys(br)) {
        const n = this.num(br, k, 'deductions.byRule', { min: 0 });
        if (n !== undefined) byRule[k] = n;
      }
    }
    const d = this.obj(o.duplicates, 'deductions.duplicates');
    let duplicates: DeductionSheet['deductions']['duplicates'] | undefined;
    if (d) {
      this.unknownKeys(d, ['mode', 'capPerRule'], 'deductions.duplicates');
      if (d.mode !== 'each' && d.mode !== 'once') this.fail('deductions.duplicates.mode', '应为 each 或 once');
      const capPerRule = this.num(d, 'capPerRule', 'deductions.duplicates', { optional: true, positive: true });
      duplicates = { mode: d.mode as 'each' | 'once', ...(capPerRule !== undefined ? { capPerRule } : {}) };
    }
    return { bySeverity, byRule, duplicates: duplicates! };
  }

  private unknownItem(raw: unknown, catIds: Set<string>): DeductionSheet['unknownScoringItem'] | undefined {
    const o = this.obj(raw, 'unknownScoringItem');
    if (!o) return undefined;
    this.unknownKeys(o, ['policy', 'fallbackCategory'], 'unknownScoringItem');
    if (o.policy === 'error') {
      if (o.fallbackCategory !== undefined) this.fail('unknownScoringItem.fallbackCategory', 'policy 为 error 时不应配置 fallbackCategory');
      return { policy: 'error' };
    }
    if (o.policy !== 'fallback') return this.fail('unknownScoringItem.policy', '应为 fallback 或 error');
    const fb = this.str(o, 'fallbackCategory', 'unknownScoringItem');
    if (fb !== undefined && !catIds.has(fb)) return this.fail('unknownScoringItem.fallbackCategory', `"${fb}" 不是 categories 中的分项 id`);
    return { policy: 'fallback', fallbackCategory: fb };
  }

  private veto(raw: unknown): VetoItem[] | undefined {
    if (!Array.isArray(raw)) return this.fail('veto', '应为列表（可为空列表）');
    const out: VetoItem[] = [];
    const ids = new Set<string>();
    const ruleOwner = new Map<string, string>();
    raw.forEach((x, i) => {
      const p = `veto[${i}]`;
      const o = this.obj(x, p);
      if (!o) return;
      this.unknownKeys(o, ['id', 'name', 'basis', 'rules'], p);
      const id = this.str(o, 'id', p);
      const name = this.str(o, 'name', p);
      const basis = this.str(o, 'basis', p, { optional: true });
      const rules = this.strList(o, 'rules', p);
      if (id !== undefined && ids.has(id)) this.fail(`${p}.id`, `否决项 id "${id}" 重复`);
      if (id !== undefined) ids.add(id);
      rules?.forEach((r, j) => {
        const owner = ruleOwner.get(r);
        if (owner !== undefined) this.fail(`${p}.rules[${j}]`, `规则 ${r} 已归入否决项 ${owner}，一条规则只能对应一个否决项`);
        else if (id !== undefined) ruleOwner.set(r, id);
      });
      if (id !== undefined && name !== undefined && rules) out.push({ id, name, rules, ...(basis !== undefined ? { basis } : {}) });
    });
    return out;
  }

  private unmappedVeto(raw: unknown, veto: VetoItem[]): DeductionSheet['unmappedVeto'] | undefined {
    const o = this.obj(raw, 'unmappedVeto');
    if (!o) return undefined;
    this.unknownKeys(o, ['id', 'name'], 'unmappedVeto');
    const id = this.str(o, 'id', 'unmappedVeto');
    const name = this.str(o, 'name', 'unmappedVeto');
    if (id !== undefined && veto.some((v) => v.id === id)) this.fail('unmappedVeto.id', `"${id}" 与 veto 中的否决项 id 重复`);
    return id !== undefined && name !== undefined ? { id, name } : undefined;
  }

  private bonus(raw: unknown, catIds: Set<string>): BonusItem[] | undefined {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) return this.fail('bonus', '应为列表');
    const out: BonusItem[] = [];
    const ids = new Set<string>();
    raw.forEach((x, i) => {
      const p = `bonus[${i}]`;
      const o = this.obj(x, p);
      if (!o) return;
      this.unknownKeys(o, ['id', 'name', 'points', 'applicableAnyOf', 'cleanCategories', 'passedAllOf'], p);
      const id = this.str(o, 'id', p);
      const name = this.str(o, 'name', p);
      const points = this.num(o, 'points', p, { positive: true });
      const applicableAnyOf = this.strList(o, 'applicableAnyOf', p, { optional: true });
      const cleanCategories = this.strList(o, 'cleanCategories', p, { optional: true });
      const passedAllOf = this.strList(o, 'passedAllOf', p, { optional: true });
      cleanCategories?.forEach((c, j) => {
        if (!catIds.has(c)) this.fail(`${p}.cleanCategories[${j}]`, `"${c}" 不是 categories 中的分项 id`);
      });
      if (!applicableAnyOf && !cleanCategories && !passedAllOf) {
        this.fail(p, '至少需要一个条件（applicableAnyOf / cleanCategories / passedAllOf）');
      }
      if (id !== undefined && ids.has(id)) this.fail(`${p}.id`, `加分项 id "${id}" 重复`);
      if (id !== undefined) ids.add(id);
      if (id !== undefined && name !== undefined && points !== undefined) {
        out.push({
          id,
          name,
          points,
          ...(applicableAnyOf ? { applicableAnyOf } : {}),
          ...(cleanCategories ? { cleanCategories } : {}),
          ...(passedAllOf ? { passedAllOf } : {}),
        });
      }
    });
    return out;
  }

  grades(raw: unknown, total: number | undefined): GradeBand[] | undefined {
    if (!Array.isArray(raw) || raw.length === 0) return this.fail('grades', '应为非空列表');
    const out: GradeBand[] = [];
    raw.forEach((x, i) => {
      const p = `grades[${i}]`;
      const o = this.obj(x, p);
      if (!o) return;
      this.unknownKeys(o, ['name', 'min'], p);
      const name = this.str(o, 'name', p);
      const min = this.num(o, 'min', p, { min: 0 });
      if (total !== undefined && min !== undefined && min > total) this.fail(`${p}.min`, `不得大于 total ${total}`);
      if (name !== undefined && min !== undefined) out.push({ name, min });
    });
    for (let i = 1; i < out.length; i++) {
      if (out[i].min >= out[i - 1].min) this.fail(`grades[${i}].min`, '等次须按 min 从高到低排列且不重复');
    }
    if (out.length === raw.length && out[out.length - 1].min !== 0) this.fail(`grades[${out.length - 1}].min`, '最低等次的 min 应为 0');
    return out;
  }
}

function join2(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
