/**
 * The compiled executor of the DTO field metadata: walks a plain object exactly the way class-transformer +
 * class-validator (`validateSync` with whitelist, forbidNonWhitelisted, forbidUnknownValues, stopAtFirstError)
 * walk the DTO instance, applying the very same field checks (./field.ts) — and reports the same issues in the
 * same order (test/case-file/engine-equivalence.spec.ts proves it on every fixture and on generated mutations).
 *
 * Why: class-validator's executor re-reads and re-groups its metadata for every object it visits; on a 60-document
 * case file that costs milliseconds. This walk costs tens of microseconds.
 */
import { closest } from '../cross-checks';
import type { ValidationIssue } from '../validation-issue';
import { checkField, describeValue, type FieldMeta, fieldsOf } from './field';

interface CompiledModel {
  fields: FieldMeta[];
  required: FieldMeta[];
  byName: ReadonlyMap<string, FieldMeta>;
  /** nested model per field name (object or array-of-object fields) */
  nested: Map<string, CompiledModel>;
}

const compiled = new Map<Function, CompiledModel>();

function compile(cls: Function): CompiledModel {
  let model = compiled.get(cls);
  if (model) return model;
  const byName = fieldsOf(cls);
  const fields = [...byName.values()];
  model = { fields, required: fields.filter((f) => f.required), byName, nested: new Map() };
  compiled.set(cls, model); // before recursing: models may refer to each other
  for (const f of model.fields) {
    const c = f.check;
    const nestedType = c.kind === 'object' ? c.type : c.kind === 'array' && c.items.kind === 'object' ? c.items.type : null;
    if (nestedType) model.nested.set(f.name, compile(nestedType()));
  }
  return model;
}

const IDENTIFIER_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `documents` + `3` → `documents[3]`; `service` + `servedOn` → `service.servedOn`; odd keys → `x["a b"]`. */
export function joinPath(base: string, property: string): string {
  if (/^\d+$/.test(property)) return `${base}[${property}]`;
  if (!IDENTIFIER_RE.test(property)) return `${base}[${JSON.stringify(property)}]`;
  return base ? `${base}.${property}` : property;
}

export function unknownPropertyIssue(path: string, property: string, fields: ReadonlyMap<string, FieldMeta>): ValidationIssue {
  const suggestion = closest(property, fields.keys());
  const hint = suggestion ? `；是否应为「${suggestion}」（${fields.get(suggestion)?.title}）？` : '；字段名区分大小写';
  return { path, code: 'UNKNOWN_PROPERTY', message: `未知字段「${property}」：案卷格式中没有此字段${hint}` };
}

export function notAnObjectIssue(path: string, value: unknown): ValidationIssue {
  return { path, code: 'INVALID_TYPE', message: `应为对象，实际为${describeValue(value)}` };
}

/** Keys class-transformer drops silently (prototype-pollution guard); never part of the format. */
const DROPPED_KEYS = new Set(['__proto__', 'constructor']);

function walk(obj: Record<string, unknown>, model: CompiledModel, path: string, out: ValidationIssue[], max: number): void {
  // whitelist first, as class-validator does
  for (const key of Object.keys(obj)) {
    if (!model.byName.has(key) && !DROPPED_KEYS.has(key)) out.push(unknownPropertyIssue(joinPath(path, key), key, model.byName));
  }
  for (const f of model.fields) {
    if (out.length >= max) return;
    const value = obj[f.name];
    if (value === undefined && !f.required) continue;
    const problems = checkField(value, f);
    if (problems.length) {
      const fieldPath = joinPath(path, f.name);
      for (const p of problems) out.push({ path: fieldPath + p.subpath, code: p.code, message: p.message });
      continue;
    }
    const nested = model.nested.get(f.name);
    if (!nested || value === undefined) continue;
    const fieldPath = joinPath(path, f.name);
    if (Array.isArray(value)) {
      walkNestedArray(value, nested, fieldPath, out, max);
    } else {
      walk(value as Record<string, unknown>, nested, fieldPath, out, max);
    }
  }
}

/**
 * An array where an object is expected inside an array of objects: class-transformer keeps it an array (of DTO
 * instances) and class-validator's nested validation descends into it element by element. Reproduced here.
 */
function walkNestedArray(items: unknown[], model: CompiledModel, path: string, out: ValidationIssue[], max: number): void {
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    const itemPath = `${path}[${j}]`;
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) walk(item as Record<string, unknown>, model, itemPath, out, max);
    else if (Array.isArray(item)) walkNestedArray(item, model, itemPath, out, max);
    else out.push(notAnObjectIssue(itemPath, item));
  }
}

/**
 * True when `obj` and everything under it passes every field check. Visits only the keys present (plus the
 * required ones) and builds no paths or messages — the fast answer for the common case, a valid file. When it
 * says false, `validateFields` walks again in declaration order to report the issues.
 */
function isValid(obj: Record<string, unknown>, model: CompiledModel): boolean {
  const keys = Object.keys(obj);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const f = model.byName.get(key);
    if (f === undefined) return false;
    const value = obj[key];
    if (checkField(value, f).length !== 0) return false;
    if (typeof value !== 'object' || value === null) continue;
    const nested = model.nested.get(key);
    if (nested === undefined) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item !== 'object' || item === null || Array.isArray(item) || !isValid(item as Record<string, unknown>, nested)) return false;
      }
    } else if (!isValid(value as Record<string, unknown>, nested)) {
      return false;
    }
  }
  const required = model.required;
  for (let r = 0; r < required.length; r++) if (obj[required[r].name] === undefined) return false;
  return true;
}

export function fieldsAreValid(input: Record<string, unknown>, cls: Function): boolean {
  return isValid(input, compile(cls));
}

/** Field-level validation of `input` (a non-null, non-array object) against the DTO class `cls`. */
export function validateFields(input: Record<string, unknown>, cls: Function, max: number): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  walk(input, compile(cls), '', out, max);
  return out;
}
