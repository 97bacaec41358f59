/**
 * Dated legal values (rules/parameters/*.yaml), OpenFisca-style: a parameter has values by effective date, each
 * citing its article in rules/law. `parameterOn(name, date)` gives the value in force on that day (or undefined
 * before the first one, or where the value in force is null — not known from the law text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rulesDir } from '../paths';

export interface ParameterValue {
  from: string;
  value: number | null;
  unit?: string;
  basis: { law: string; article: string };
  note?: string;
}

export interface Parameter {
  name: string;
  description: string;
  unit?: string;
  file: string;
  values: ParameterValue[];
}

export class ParameterError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`法定数值文件有误 ${file}: ${reason}`);
    this.name = 'ParameterError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function loadParameters(dir: string = join(rulesDir(), 'parameters')): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = join('parameters', f);
    const doc = parse(readFileSync(join(dir, f), 'utf8'), { schema: 'core' }) as Record<string, any>;
    for (const [name, p] of Object.entries(doc ?? {})) {
      if (out.has(name)) throw new ParameterError(file, `${name} 重复（已见于 ${out.get(name)!.file}）`);
      if (typeof p?.description !== 'string') throw new ParameterError(file, `${name}: 缺少 description`);
      if (!Array.isArray(p.values) || !p.values.length) throw new ParameterError(file, `${name}: values 应为非空列表`);
      const values: ParameterValue[] = p.values.map((v: any, i: number) => {
        const from = String(v?.from ?? '');
        if (!DATE.test(from)) throw new ParameterError(file, `${name}.values[${i}].from 应为 YYYY-MM-DD`);
        if (v.value !== null && typeof v.value !== 'number') throw new ParameterError(file, `${name}.values[${i}].value 应为数值或 null`);
        if (typeof v.basis?.law !== 'string' || typeof v.basis?.article !== 'string') throw new ParameterError(file, `${name}.values[${i}] 缺少 basis（law、article）`);
        return { from, value: v.value, unit: v.unit, basis: { law: v.basis.law, article: v.basis.article }, note: v.note };
      });
      for (let i = 1; i < values.length; i++)
        if (values[i].from <= values[i - 1].from) throw new ParameterError(file, `${name}: values 应按 from 递增`);
      out.set(name, { name, description: p.description, unit: p.unit, file, values });
    }
  }
  return out;
}

let cached: Map<string, Parameter> | undefined;
export function defaultParameters(): Map<string, Parameter> {
  return (cached ??= loadParameters());
}

/** the value in force on `date` (YYYY-MM-DD) */
export function parameterOn(name: string, date: string, params: Map<string, Parameter> = defaultParameters()): ParameterValue | undefined {
  const p = params.get(name);
  if (!p) throw new Error(`unknown parameter ${name}`);
  let hit: ParameterValue | undefined;
  for (const v of p.values) if (v.from <= date) hit = v;
  return hit && hit.value !== null ? hit : undefined;
}

/** the units a period parameter may be given in (a value's own `unit`, else the parameter's): 日 / 工作日 / 月 / 年 */
const PERIOD_UNITS: Record<string, 'day' | 'workday' | 'month' | 'year'> = {
  day: 'day', workday: 'workday', month: 'month', year: 'year', 日: 'day', 工作日: 'workday', 月: 'month', 年: 'year',
};

/** a period parameter's value in force on `date` as amount + unit (undefined where no value is in force) */
export function periodOn(
  name: string,
  date: string,
  params: Map<string, Parameter> = defaultParameters(),
): { amount: number; unit: 'day' | 'workday' | 'month' | 'year'; value: ParameterValue } | undefined {
  const v = parameterOn(name, date, params);
  if (!v) return undefined;
  const unit = PERIOD_UNITS[v.unit ?? params.get(name)!.unit ?? ''];
  if (!unit) throw new Error(`parameter ${name}: ${v.from} has no period unit (日、工作日、月、年)`);
  return { amount: v.value!, unit, value: v };
}
