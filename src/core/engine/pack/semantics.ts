/**
 * Semantic checks the JSON Schema cannot express: known facts, document types and custom checks; message
 * placeholders the check provides; 【S】/【I】 rules never veto; veto tags only on 【Q】 veto rules.
 */
import { isKnownFact } from '../facts';
import { CHECKS } from '../checks';
import { COMMON_DATA_KEYS } from '../checks/types';
import { CUSTOM_CHECKS } from '../checks/custom/registry';
import type { CheckSpec, Condition, DocumentTypeInfo, RuleDefinition } from './types';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

function conditionProblems(c: Condition | undefined, docTypes: Map<string, DocumentTypeInfo>, out: string[]): void {
  if (!c) return;
  for (const t of [...(c.hasDocuments ?? []), ...(c.hasAnyDocument ?? []), ...(c.lacksDocuments ?? [])])
    if (!docTypes.has(t)) out.push(`适用条件引用了未知文书类型 ${t}`);
  for (const f of c.facts ?? []) if (!isKnownFact(f)) out.push(`适用条件引用了未知事实 ${f}`);
  const kinds = ['warning', 'circulated_criticism', 'fine', 'confiscation_of_illegal_income', 'confiscation_of_property', 'license_downgrade', 'license_revocation', 'temporary_license_suspension', 'restrict_business', 'production_suspension', 'closure', 'employment_restriction', 'detention_transfer'];
  for (const k of c.penaltyKinds ?? []) if (!kinds.includes(k)) out.push(`未知处罚种类 ${k}`);
  for (const sub of [...(c.any ?? []), ...(c.all ?? []), ...(c.not ? [c.not] : [])]) conditionProblems(sub, docTypes, out);
}

function docTypesOf(check: CheckSpec): string[] {
  switch (check.kind) {
    case 'deadline':
      return [...(check.periodFrom ? [check.periodFrom.document] : []), ...(check.extensions?.documents ?? []), ...(check.draft?.nextDocument ? [check.draft.nextDocument] : [])];
    case 'required_document':
      return [...check.types, ...(check.neededBefore ?? [])];
    case 'required_field':
    case 'signature':
    case 'officers':
    case 'stated_period':
    case 'service':
      return check.documents;
    case 'seal':
      return [...(check.documents ?? []), ...(check.except ?? [])];
    default:
      return [];
  }
}

function factsOf(check: CheckSpec): string[] {
  switch (check.kind) {
    case 'deadline':
      return [check.from, check.to];
    case 'order':
      return check.sequence;
    case 'required_document':
      return [check.onOrBefore, check.onOrAfter].filter((x): x is string => !!x);
    default:
      return [];
  }
}

/** the first problem with a rule, or undefined */
export function validateRuleSemantics(rule: RuleDefinition, docTypes: Map<string, DocumentTypeInfo>): string | undefined {
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
  for (const t of docTypesOf(check)) if (t !== 'education' && !docTypes.has(t)) problems.push(`引用了未知文书类型 ${t}`);
  for (const f of factsOf(check)) if (!isKnownFact(f)) problems.push(`引用了未知事实 ${f}`);
  let dataKeys: readonly string[] = CHECKS[check.kind].dataKeys;
  if (check.kind === 'custom') {
    const impl = CUSTOM_CHECKS.get(check.name);
    if (!impl) problems.push(`未注册的自定义检查 ${check.name}`);
    else dataKeys = impl.dataKeys;
  }
  if (check.kind === 'deadline') {
    if (!check.periodFrom && (check.amount === undefined || check.unit === undefined)) problems.push('deadline 须有 amount+unit 或 periodFrom');
    if (check.periodFrom && check.amount !== undefined) problems.push('deadline 不得同时有 amount 和 periodFrom');
    if (check.unit === 'hour' && (check.exclusions?.length || check.extensions || check.direction === 'backward'))
      problems.push('按小时计算的期限不支持扣除、延长或倒算');
    if (check.direction === 'backward' && check.unit !== 'workday' && check.unit !== 'day') problems.push('倒算期限只支持日/工作日');
    for (const o of check.amountOverrides ?? []) conditionProblems(o.when, docTypes, problems);
    conditionProblems(check.unless, docTypes, problems);
  }
  if (check.kind === 'stated_period' && !check.expect && !check.max && !check.checkEnd) problems.push('stated_period 须有 expect、max 或 checkEnd');
  if (check.kind === 'seal' && !check.documents && !check.catalogSealRequired) problems.push('seal 须有 documents 或 catalogSealRequired');
  if (check.kind === 'required_field' && !check.fields && !check.signatoryRoles) problems.push('required_field 须有 fields 或 signatoryRoles');

  const allowed = new Set<string>([...COMMON_DATA_KEYS, ...dataKeys]);
  const templates: [string, string][] = [['message', rule.message], ['suggestion', rule.suggestion], ...Object.entries(rule.messages ?? {}).map(([k, v]) => [`messages.${k}`, v] as [string, string])];
  for (const [where, text] of templates)
    for (const m of text.matchAll(PLACEHOLDER)) if (!allowed.has(m[1])) problems.push(`${where} 使用了检查不提供的占位符 {${m[1]}}`);
  return problems[0];
}
