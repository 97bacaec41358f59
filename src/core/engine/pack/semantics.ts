/**
 * Semantic checks the JSON Schema cannot express: known facts and document types (what the check kind says it
 * reads), the check kind's own spec problems (custom parameters against their schema); message placeholders the
 * check kind provides; 【S】/【I】 rules never veto; veto tags only on 【Q】 veto rules.
 */
import { PENALTY_KIND_LABELS } from '../../case-file/labels';
import { isKnownFact } from '../facts';
import { checkOf } from '../checks';
import { COMMON_DATA_KEYS } from '../checks/types';
import type { DocumentTypeCatalog } from '../../domain/document-types';
import type { Condition, RuleDefinition } from './types';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

function conditionProblems(c: Condition | undefined, docTypes: DocumentTypeCatalog, out: string[]): void {
  if (!c) return;
  for (const t of [...(c.hasDocuments ?? []), ...(c.hasAnyDocument ?? []), ...(c.lacksDocuments ?? [])])
    if (!docTypes.has(t)) out.push(`适用条件引用了未知文书类型 ${t}`);
  for (const f of c.facts ?? []) if (!isKnownFact(f)) out.push(`适用条件引用了未知事实 ${f}`);
  const kinds = Object.keys(PENALTY_KIND_LABELS);
  for (const k of c.penaltyKinds ?? []) if (!kinds.includes(k)) out.push(`未知处罚种类 ${k}`);
  for (const sub of [...(c.any ?? []), ...(c.all ?? []), ...(c.not ? [c.not] : [])]) conditionProblems(sub, docTypes, out);
}


/** the first problem with a rule, or undefined */
export function validateRuleSemantics(rule: RuleDefinition, docTypes: DocumentTypeCatalog): string | undefined {
  const problems: string[] = [];
  if (rule.confidence !== 'Q' && rule.severity === 'veto')
    problems.push(`依据置信度为【${rule.confidence}】的规则不得为否决项（veto），依据待核`);
  if (rule.veto && rule.confidence !== 'Q') problems.push(`否决项标记 ${rule.veto} 只能用于【Q】规则`);
  if (rule.veto && rule.severity !== 'veto') problems.push(`标明否决项 ${rule.veto} 的规则 severity 须为 veto`);
  for (const b of rule.basis) if (b.quote !== undefined && !b.quote.trim()) problems.push('依据引文为空');
  if (rule.effective) {
    const e = rule.effective;
    if (!isKnownFact(e.date)) problems.push(`effective.date 引用了未知事实 ${e.date}`);
    if (!e.from && !e.before) problems.push('effective 须有 from 或 before');
    if (e.from && e.before && e.from >= e.before) problems.push('effective.from 须早于 before');
  }
  conditionProblems(rule.applies, docTypes, problems);

  const check = rule.check;
  const meta = checkOf(check);
  problems.push(...meta.problems);
  for (const t of meta.reads.documentTypes ?? []) if (!docTypes.has(t)) problems.push(`引用了未知文书类型 ${t}`);
  for (const f of meta.reads.facts ?? []) if (!isKnownFact(f)) problems.push(`引用了未知事实 ${f}`);
  if (check.kind === 'deadline') {
    for (const o of check.amountOverrides ?? []) conditionProblems(o.when, docTypes, problems);
    conditionProblems(check.unless, docTypes, problems);
  }

  const allowed = new Set<string>([...COMMON_DATA_KEYS, ...meta.dataKeys]);
  const problemIds = new Set(meta.problemIds);
  for (const id of problemIds) if (!rule.problems?.[id]) problems.push(`problems 缺少检查会报告的问题 ${id} 的表述`);
  for (const id of Object.keys(rule.problems ?? {})) if (!problemIds.has(id)) problems.push(`problems.${id} 不是该检查会报告的问题`);
  const templates: [string, string][] = [
    ['message', rule.message],
    ['suggestion', rule.suggestion],
    ...Object.entries(rule.messages ?? {}).map(([k, v]) => [`messages.${k}`, v] as [string, string]),
    ...Object.entries(rule.problems ?? {}).map(([k, v]) => [`problems.${k}`, v] as [string, string]),
  ];
  for (const [where, text] of templates)
    for (const m of text.matchAll(PLACEHOLDER)) if (!allowed.has(m[1])) problems.push(`${where} 使用了检查不提供的占位符 {${m[1]}}`);
  return problems[0];
}
