/**
 * Versions of the law inside one rule, and dated legal values inside a check.
 *
 * A rule's top level is the version of the law in force today; `formerVersions` give the same rule under earlier
 * law (DL-01: 九十日 under 行政处罚法第60条 for files filed from 2023-07-01, 三个月 under 2010办法第55条 before).
 * Each former version is merged over the top level into a whole rule, validated like any rule, and keeps its old id
 * (e.g. DL-33) as `formerId`, so what was stored under that id still resolves.
 *
 * A period a check applies may name a parameter (rules/parameters) instead of a number: the value in force on the
 * day of the rule's `effective.date` fact is filled in before the check runs. At load, the value in force at the
 * start of each version's range must exist and rest on an article the version cites — so the 依据 a finding prints
 * is the law the number came from.
 */
import type { Parameter } from '../../law/parameters';
import { periodOn } from '../../law/parameters';
import type { CheckSpec, FormerVersion, RuleDefinition } from './types';

/** the rule under a former version: the version's fields over the top level; a check field set to null is removed */
export function mergeVersion(def: RuleDefinition, v: FormerVersion): RuleDefinition {
  const { id: _formerId, check: checkOverride, ...fields } = v;
  const check: Record<string, unknown> = { ...(def.check as unknown as Record<string, unknown>) };
  for (const [k, val] of Object.entries(checkOverride ?? {})) {
    if (val === null) delete check[k];
    else check[k] = val;
  }
  const { formerVersions: _versions, ...top } = def;
  return { ...top, ...fields, check: check as unknown as CheckSpec };
}

/** where a check names a period parameter: the spec itself (deadline) or its expect / max (stated_period) */
function periodSlots(check: CheckSpec): { parameter?: string; amount?: number; unit?: string }[] {
  if (check.kind === 'deadline') return [check];
  if (check.kind === 'stated_period') return [check.expect, check.max].filter((x) => !!x);
  return [];
}

const namesOf = new WeakMap<CheckSpec, string[]>();
export function parameterNames(check: CheckSpec): string[] {
  let names = namesOf.get(check);
  if (!names) namesOf.set(check, (names = periodSlots(check).flatMap((s) => (s.parameter ? [s.parameter] : []))));
  return names;
}

/** a check with its parameters filled in, by the values it was filled with (the pack is immutable: derived once) */
const filledChecks = new WeakMap<CheckSpec, Map<string, CheckSpec>>();

/**
 * The check with its period parameters filled in from the values in force on `date`; `missing` names a parameter
 * that has no value on that day.
 */
export function withParameters(
  check: CheckSpec,
  date: string,
  params: Map<string, Parameter>,
): { check: CheckSpec; missing?: undefined } | { missing: { name: string; description: string }; check?: undefined } {
  const names = parameterNames(check);
  if (!names.length) return { check };
  const values = [];
  for (const name of names) {
    const p = periodOn(name, date, params);
    if (!p) return { missing: { name, description: params.get(name)?.description ?? name } };
    values.push(p);
  }
  let byValues = filledChecks.get(check);
  if (!byValues) filledChecks.set(check, (byValues = new Map()));
  const key = values.map((v) => `${v.value.from}:${v.amount}:${v.unit}`).join('|');
  let filled = byValues.get(key);
  if (!filled) {
    filled = JSON.parse(JSON.stringify(check)) as CheckSpec;
    let i = 0;
    for (const slot of periodSlots(filled)) {
      if (!slot.parameter) continue;
      slot.amount = values[i].amount;
      slot.unit = values[i++].unit;
    }
    byValues.set(key, filled);
  }
  return { check: filled };
}

/** the day before an ISO date (the last day a `before` range covers) */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** load-time problems of a rule (or merged version) whose check reads period parameters */
export function parameterProblems(rule: RuleDefinition, params: Map<string, Parameter>): string[] {
  const names = parameterNames(rule.check);
  if (!names.length) return [];
  if (!rule.effective) return ['使用法定数值（parameter）的规则须有 effective：按哪一日取当时有效的值'];
  const problems: string[] = [];
  const e = rule.effective;
  const day = e.from ?? dayBefore(e.before!);
  for (const name of names) {
    const p = params.get(name);
    if (!p) {
      problems.push(`法定数值 ${name} 不在 rules/parameters 中`);
      continue;
    }
    let v;
    try {
      v = periodOn(name, day, params);
    } catch (err) {
      problems.push((err as Error).message);
      continue;
    }
    if (!v) {
      problems.push(`法定数值 ${name} 在 ${day}（适用期间之始）没有有效的值`);
      continue;
    }
    const b = v.value.basis;
    if (!rule.basis.some((x) => x.law === b.law && x.article.startsWith(b.article)))
      problems.push(`法定数值 ${name} 在 ${day} 的值出自${b.law}${b.article}，规则的依据未列出该条`);
  }
  return problems;
}

/** the versions of one rule must be keyed to the same date and cover disjoint ranges */
export function versionProblems(def: RuleDefinition): string[] {
  const versions = def.formerVersions ?? [];
  if (!versions.length) return [];
  if (!def.effective) return ['有 formerVersions 的规则须有 effective（现行版本的适用期间）'];
  const problems: string[] = [];
  const ranges = [{ id: def.id, ...def.effective }, ...versions.map((v) => ({ ...v.effective, id: v.id }))];
  for (const r of ranges) {
    if (r.date !== def.effective.date) problems.push(`${r.id} 的 effective.date 须与现行版本相同（${def.effective.date}）`);
    if (!r.from && !r.before) problems.push(`${r.id} 的 effective 须有 from 或 before`);
  }
  const lo = (r: { from?: string }) => r.from ?? '0000-00-00';
  const hi = (r: { before?: string }) => r.before ?? '9999-99-99';
  for (let i = 0; i < ranges.length; i++)
    for (let j = i + 1; j < ranges.length; j++)
      if (lo(ranges[i]) < hi(ranges[j]) && lo(ranges[j]) < hi(ranges[i])) problems.push(`${ranges[i].id} 与 ${ranges[j].id} 的适用期间重叠`);
  return problems;
}
