/**
 * Field decorators of the case-file DTOs.
 *
 * Every property of every DTO carries exactly one `@req.*` / `@opt.*` decorator. It records the field's
 * Chinese term (`title`), the law it serves (`law`), whether it is required, and its check (string, enum,
 * date, amount …) — and registers that check with class-validator (one custom constraint per property,
 * plus `@ValidateNested` + `@Type` for nested objects). The same metadata feeds the JSON Schema
 * (scripts/generate-schema.ts) and the field reference in docs/case-file-format.md, so messages, schema and
 * documentation cannot disagree.
 *
 * Messages are Chinese, codes English UPPER_SNAKE. A failing check reports `CODE␟subpath␟message` records
 * (␞-separated) through class-validator's message; validate.ts turns them back into ValidationIssues.
 */
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { registerDecorator, ValidateIf, ValidateNested } from 'class-validator';
import { clockTimeProblem, legalDateProblem, legalDateTimeProblem, MAX_YEAR, MIN_YEAR } from '../calendar-date';

// ——— field metadata ———

export interface StringCheck {
  kind: 'string';
  maxLength: number;
  /** a format the value must match, with the code and Chinese explanation to report when it does not */
  pattern?: { re: RegExp; code: string; expected: string };
  /** JSON Schema `format` hint (uri …) */
  format?: string;
}
export interface EnumCheck {
  kind: 'enum';
  /** allowed value → Chinese label */
  values: Readonly<Record<string, string>>;
}
export interface ConstCheck {
  kind: 'const';
  value: string;
  code: string;
}
export interface BooleanCheck {
  kind: 'boolean';
}
export interface IntegerCheck {
  kind: 'integer';
  min?: number;
  max?: number;
  /** unit for messages and docs (页, 日 …) */
  unit?: string;
}
export interface AmountCheck {
  kind: 'amount';
}
export interface DateCheck {
  kind: 'date' | 'time' | 'datetime';
}
export interface ObjectCheck {
  kind: 'object';
  type: () => Function;
}
export type ScalarCheck = StringCheck | EnumCheck | ConstCheck | BooleanCheck | IntegerCheck | AmountCheck | DateCheck;
export interface ArrayCheck {
  kind: 'array';
  items: ScalarCheck | ObjectCheck;
  minItems?: number;
  maxItems: number;
}
export type FieldCheck = ScalarCheck | ObjectCheck | ArrayCheck;

export interface FieldMeta {
  /** property name */
  name: string;
  /** Chinese term (送达方式 …) */
  title: string;
  required: boolean;
  check: FieldCheck;
  /** the law or rule this field serves (行政处罚法第61条 …) */
  law?: string;
  /** further explanation for integrators */
  description?: string;
  /** example value for the docs */
  example?: unknown;
}

export interface FieldOptions {
  law?: string;
  description?: string;
  example?: unknown;
}

/** DTO class → its fields in declaration order. */
const FIELDS = new Map<Function, Map<string, FieldMeta>>();
/** DTO class → Chinese name of the object (当事人, 送达信息 …) and its law. */
const MODELS = new Map<Function, { title: string; description?: string }>();

export function fieldsOf(cls: Function): ReadonlyMap<string, FieldMeta> {
  return FIELDS.get(cls) ?? new Map();
}
export function modelInfo(cls: Function): { title: string; description?: string } | undefined {
  return MODELS.get(cls);
}
export function allModels(): Function[] {
  return [...FIELDS.keys()];
}

/** Class decorator: the Chinese name of a DTO (used in docs and schema titles). */
export function Model(title: string, description?: string): ClassDecorator {
  return (target) => {
    MODELS.set(target, { title, description });
  };
}

// ——— checks ———

export interface Problem {
  code: string;
  /** appended to the field's path: '' or '[2]' (array element) */
  subpath: string;
  message: string;
}

const MAX_REPORTED_ITEM_PROBLEMS = 20;

/** "字符串 'abc'", "数字 3", "null", "数组" … for messages about a value's type. */
export function describeValue(value: unknown): string {
  if (value === null) return '空值 null';
  if (value === undefined) return '空';
  if (Array.isArray(value)) return '数组';
  switch (typeof value) {
    case 'string':
      return `字符串 ${quote(value)}`;
    case 'number':
      return `数字 ${value}`;
    case 'boolean':
      return `布尔值 ${value}`;
    case 'object':
      return '对象';
    default:
      return typeof value;
  }
}

function quote(value: string): string {
  return value.length > 40 ? `'${value.slice(0, 40)}…'` : `'${value}'`;
}

function typeMismatch(title: string, expected: string, value: unknown): Problem {
  return { code: 'INVALID_TYPE', subpath: '', message: `「${title}」应为${expected}，实际为${describeValue(value)}` };
}

const STRING_TYPE = '字符串';

/** Whether `n` has at most two decimals (tolerating binary floating-point noise: 0.1 + 0.2 is fine). */
export function hasAtMostTwoDecimals(n: number): boolean {
  const cents = n * 100;
  return Math.abs(cents - Math.round(cents)) <= 1e-6 * Math.max(1, Math.abs(cents));
}

/** Largest amount accepted (元): beyond this a number is a typing error (and loses cent precision). */
export const MAX_AMOUNT = 1e12;

function checkScalar(value: unknown, title: string, c: ScalarCheck): Problem | null {
  switch (c.kind) {
    case 'string': {
      if (typeof value !== 'string') return typeMismatch(title, STRING_TYPE, value);
      if (value.trim() === '') {
        return { code: 'EMPTY_STRING', subpath: '', message: `「${title}」不能为空；没有此项时请省略该字段` };
      }
      if (value.length > c.maxLength) {
        return { code: 'TOO_LONG', subpath: '', message: `「${title}」过长：${value.length} 个字符，上限 ${c.maxLength}` };
      }
      if (c.pattern && !c.pattern.re.test(value)) {
        return { code: c.pattern.code, subpath: '', message: `「${title}」格式错误：${quote(value)}（${c.pattern.expected}）` };
      }
      return null;
    }
    case 'enum': {
      if (typeof value !== 'string') return typeMismatch(title, STRING_TYPE, value);
      if (Object.prototype.hasOwnProperty.call(c.values, value)) return null;
      const allowed = Object.entries(c.values)
        .map(([v, label]) => `${v}（${label}）`)
        .join('、');
      return { code: 'INVALID_ENUM', subpath: '', message: `「${title}」取值无效：${quote(value)}；可选值：${allowed}` };
    }
    case 'const':
      if (value === c.value) return null;
      return { code: c.code, subpath: '', message: `「${title}」不支持：${typeof value === 'string' ? quote(value) : describeValue(value)}；当前仅支持 '${c.value}'` };
    case 'boolean':
      return typeof value === 'boolean' ? null : typeMismatch(title, '布尔值（true 或 false）', value);
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return typeMismatch(title, '整数', value);
      if (!Number.isInteger(value)) return { code: 'NOT_INTEGER', subpath: '', message: `「${title}」应为整数，实际为 ${value}` };
      const unit = c.unit ? ` ${c.unit}` : '';
      if (c.min != null && value < c.min) {
        return { code: 'OUT_OF_RANGE', subpath: '', message: `「${title}」不能小于 ${c.min}${unit}，实际为 ${value}` };
      }
      if (c.max != null && value > c.max) {
        return { code: 'OUT_OF_RANGE', subpath: '', message: `「${title}」不能大于 ${c.max}${unit}，实际为 ${value}` };
      }
      return null;
    }
    case 'amount': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return typeMismatch(title, '数字（单位：元）', value);
      if (value < 0) return { code: 'NEGATIVE_AMOUNT', subpath: '', message: `「${title}」不能为负数：${value}` };
      if (value > MAX_AMOUNT) {
        return { code: 'OUT_OF_RANGE', subpath: '', message: `「${title}」超出合理范围（不超过 ${MAX_AMOUNT} 元）：${value}` };
      }
      if (!hasAtMostTwoDecimals(value)) {
        return { code: 'AMOUNT_PRECISION', subpath: '', message: `「${title}」最多保留两位小数（单位：元）：${value}` };
      }
      return null;
    }
    case 'date': {
      if (typeof value !== 'string') return typeMismatch(title, 'YYYY-MM-DD 格式的日期字符串', value);
      return dateProblem(title, value, legalDateProblem(value), 'YYYY-MM-DD 格式的日期', 'INVALID_DATE_FORMAT');
    }
    case 'time': {
      if (typeof value !== 'string') return typeMismatch(title, 'HH:mm 格式的时间字符串', value);
      const p = clockTimeProblem(value);
      if (p === 'format') {
        return { code: 'INVALID_TIME_FORMAT', subpath: '', message: `「${title}」应为 HH:mm 格式的时间（24 小时制，如 09:05），实际为 ${quote(value)}` };
      }
      return p ? { code: 'INVALID_TIME', subpath: '', message: `时间不存在：${value}` } : null;
    }
    case 'datetime': {
      if (typeof value !== 'string') return typeMismatch(title, 'YYYY-MM-DD HH:mm 格式的时刻字符串', value);
      const p = legalDateTimeProblem(value);
      if (p === 'nonexistent') {
        const [d, t] = value.split(' ');
        return legalDateProblem(d)
          ? { code: 'INVALID_DATE', subpath: '', message: `日期不存在：${d}` }
          : { code: 'INVALID_TIME', subpath: '', message: `时间不存在：${t}` };
      }
      return dateProblem(title, value, p, 'YYYY-MM-DD HH:mm 格式的时刻（24 小时制）', 'INVALID_DATETIME_FORMAT');
    }
  }
}

function dateProblem(
  title: string,
  value: string,
  p: 'format' | 'nonexistent' | 'out_of_range' | null,
  expected: string,
  formatCode: string,
): Problem | null {
  switch (p) {
    case null:
      return null;
    case 'format':
      return { code: formatCode, subpath: '', message: `「${title}」应为 ${expected}，实际为 ${quote(value)}` };
    case 'nonexistent':
      return { code: 'INVALID_DATE', subpath: '', message: `日期不存在：${value}` };
    case 'out_of_range':
      return { code: 'DATE_OUT_OF_RANGE', subpath: '', message: `「${title}」超出合理年份范围（${MIN_YEAR}–${MAX_YEAR}）：${value}` };
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All problems of `value` against the field (empty = valid). Nested objects' own fields are checked separately. */
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

export function checkField(value: unknown, meta: FieldMeta): readonly Problem[] {
  const { title, check } = meta;
  if (value === undefined) {
    return meta.required ? [{ code: 'REQUIRED', subpath: '', message: `缺少必填项「${title}」（${meta.name}）` }] : NO_PROBLEMS;
  }
  if (value === null) {
    return [{ code: 'NULL_NOT_ALLOWED', subpath: '', message: `「${title}」不能为 null；没有此项时请省略该字段` }];
  }
  if (check.kind === 'object') return isPlainObject(value) ? NO_PROBLEMS : [typeMismatch(title, '对象', value)];
  if (check.kind !== 'array') {
    const p = checkScalar(value, title, check);
    return p ? [p] : NO_PROBLEMS;
  }
  if (!Array.isArray(value)) return [typeMismatch(title, '数组', value)];
  if (check.minItems != null && value.length < check.minItems) {
    return [{ code: 'TOO_FEW_ITEMS', subpath: '', message: `「${title}」至少需要 ${check.minItems} 项，实际为 ${value.length} 项` }];
  }
  if (value.length > check.maxItems) {
    return [{ code: 'TOO_MANY_ITEMS', subpath: '', message: `「${title}」最多 ${check.maxItems} 项，实际为 ${value.length} 项` }];
  }
  const items = check.items;
  if (items.kind === 'object') return NO_PROBLEMS; // elements are checked by @ValidateNested
  let problems: Problem[] | undefined;
  const itemTitle = `${title}第 `;
  for (let i = 0; i < value.length && (problems?.length ?? 0) < MAX_REPORTED_ITEM_PROBLEMS; i++) {
    const v = value[i];
    const p =
      v === null
        ? { code: 'NULL_NOT_ALLOWED', subpath: '', message: `「${title}」的元素不能为 null` }
        : checkScalar(v, `${itemTitle}${i + 1} 项`, items);
    if (p) (problems ??= []).push({ ...p, subpath: `[${i}]` });
  }
  return problems ?? NO_PROBLEMS;
}

// ——— encoding problems through class-validator messages ———

const FIELD_SEP = '\u001f';
const RECORD_SEP = '\u001e';

export function encodeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => [p.code, p.subpath, p.message].join(FIELD_SEP)).join(RECORD_SEP);
}

export function decodeProblems(message: string): Problem[] | null {
  if (!message.includes(FIELD_SEP)) return null;
  return message.split(RECORD_SEP).map((record) => {
    const [code, subpath, text] = record.split(FIELD_SEP);
    return { code, subpath, message: text };
  });
}

/** class-validator constraint names, one per kind (the JSON Schema converters key on them). */
export const CONSTRAINT_PREFIX = 'caseFile_';

// ——— the decorator ———

function field(required: boolean, title: string, check: FieldCheck, options: FieldOptions = {}): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    const name = String(propertyKey);
    const cls = target.constructor;
    const meta: FieldMeta = { name, title, required, check, ...options };
    let fields = FIELDS.get(cls);
    if (!fields) FIELDS.set(cls, (fields = new Map()));
    fields.set(name, meta);

    registerDecorator({
      name: CONSTRAINT_PREFIX + check.kind,
      target: cls,
      propertyName: name,
      constraints: [meta],
      options: { message: (args) => encodeProblems(checkField(args.value, meta)) },
      validator: { validate: (value: unknown) => checkField(value, meta).length === 0 },
    });
    // optional: nothing to check when absent (null is still checked, and rejected)
    if (!required) ValidateIf((_o: unknown, v: unknown) => v !== undefined)(target, name);
    const nested = check.kind === 'object' ? check : check.kind === 'array' && check.items.kind === 'object' ? check.items : null;
    if (nested) {
      ValidateNested({ each: check.kind === 'array' })(target, name);
      Type(nested.type as () => new () => unknown)(target, name);
    }
  };
}

// ——— builders ———

const ID_PATTERN = { re: /^[^\s]+$/, code: 'INVALID_ID', expected: 'id 不能含空白字符' };

/** Short strings: names, numbers, codes (≤ 200). */
const NAME_MAX = 200;
/** Free text: notes, summaries, statements (≤ 20000). */
const TEXT_MAX = 20000;
/** Generous upper bound on list lengths (a case file with 2000 documents is not a case file). */
const LIST_MAX = 2000;

function builders(required: boolean) {
  return {
    /** short string (names, numbers, places) */
    string: (title: string, o?: FieldOptions & { maxLength?: number; pattern?: StringCheck['pattern']; format?: string }) =>
      field(required, title, { kind: 'string', maxLength: o?.maxLength ?? NAME_MAX, pattern: o?.pattern, format: o?.format }, o),
    /** free text */
    text: (title: string, o?: FieldOptions) => field(required, title, { kind: 'string', maxLength: TEXT_MAX }, o),
    /** an id of this case file's parts (unique within the file) */
    id: (title: string, o?: FieldOptions) => field(required, title, { kind: 'string', maxLength: 100, pattern: ID_PATTERN }, o),
    /** a reference to an id elsewhere in the file */
    ref: (title: string, o?: FieldOptions) => field(required, title, { kind: 'string', maxLength: 100, pattern: ID_PATTERN }, o),
    /** references to ids elsewhere in the file */
    refs: (title: string, o?: FieldOptions & { minItems?: number }) =>
      field(
        required,
        title,
        { kind: 'array', items: { kind: 'string', maxLength: 100, pattern: ID_PATTERN }, minItems: o?.minItems, maxItems: LIST_MAX },
        o,
      ),
    strings: (title: string, o?: FieldOptions & { minItems?: number; maxLength?: number }) =>
      field(
        required,
        title,
        { kind: 'array', items: { kind: 'string', maxLength: o?.maxLength ?? 1000 }, minItems: o?.minItems, maxItems: LIST_MAX },
        o,
      ),
    enum: (title: string, values: Readonly<Record<string, string>>, o?: FieldOptions) => field(required, title, { kind: 'enum', values }, o),
    enums: (title: string, values: Readonly<Record<string, string>>, o?: FieldOptions & { minItems?: number }) =>
      field(required, title, { kind: 'array', items: { kind: 'enum', values }, minItems: o?.minItems, maxItems: 50 }, o),
    constant: (title: string, value: string, code: string, o?: FieldOptions) => field(required, title, { kind: 'const', value, code }, o),
    bool: (title: string, o?: FieldOptions) => field(required, title, { kind: 'boolean' }, o),
    int: (title: string, o?: FieldOptions & { min?: number; max?: number; unit?: string }) =>
      field(required, title, { kind: 'integer', min: o?.min, max: o?.max, unit: o?.unit }, o),
    amount: (title: string, o?: FieldOptions) => field(required, title, { kind: 'amount' }, o),
    date: (title: string, o?: FieldOptions) => field(required, title, { kind: 'date' }, o),
    time: (title: string, o?: FieldOptions) => field(required, title, { kind: 'time' }, o),
    datetime: (title: string, o?: FieldOptions) => field(required, title, { kind: 'datetime' }, o),
    object: (title: string, type: () => Function, o?: FieldOptions) => field(required, title, { kind: 'object', type }, o),
    objects: (title: string, type: () => Function, o?: FieldOptions & { minItems?: number }) =>
      field(required, title, { kind: 'array', items: { kind: 'object', type }, minItems: o?.minItems, maxItems: LIST_MAX }, o),
  };
}

/** Required field decorators. */
export const req = builders(true);
/** Optional field decorators (may be omitted; `null` is rejected). */
export const opt = builders(false);
