/**
 * docs/rules.md — generated from the rule pack: every rule with its id, title, 依据, confidence, severity,
 * effective range and check. Regenerate with `node scripts/run-ts.cjs src/core/engine/rules-doc.ts`;
 * test/engine/rules-doc.spec.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';
import { CHECKS, checkOf } from './checks';
import { COMMON_DATA_KEYS } from './checks/types';
import { CUSTOM_CHECKS } from './checks/custom/registry';
import { FACTS, factLabel } from './facts';
import { defaultRulePack } from './pack/loader';
import { SEVERITY_LABELS } from '../domain/severity';
import type { CheckSpec, Condition, LoadedRule, RulePack } from './pack/types';

const CONFIDENCE: Record<string, string> = { Q: '【Q】原文已核', S: '【S】二手转述（依据待核）', I: '【I】推断（依据待核）' };
/** The rule pack's 评分项 (a rule's scoringItem): how findings are grouped for the reader. */
export const SCORING_ITEM_LABELS: Record<string, string> = {
  subject: '主体与管辖',
  filing: '立案',
  investigation: '调查取证与证据',
  procedure: '告知、听证、法制审核与集体讨论程序',
  decision: '决定书与法律适用、裁量',
  service_enforcement: '送达与执行',
  archiving: '立卷归档与卷面',
  education: '普法与三项制度',
};

/** catalog rules the format cannot express, and why */
export const NOT_EXPRESSED: [string, string][] = [
  ['SEQ-05', '回避：卷宗格式未记载回避决定针对的人员，无法判断被回避人员是否参与了后续文书'],
  ['DL-01b（2023办法清单）', '2023年办法不计入期间的准确清单未找到【N】；引擎只扣除卷内有起止日期的中止和检测、鉴定期间'],
  ['SEQ-14', '由 DL-01（九十日及延长、扣除）和 DL-01a（延期审批）实现'],
  ['SEQ-21', '由 ED-04（普法教育在立案之后、结案审批之前）实现'],
  ['c3 听证申请或放弃记录', '当事人期满未申请即视为放弃，沉默不是缺陷；由 DL-06-2（听证申请期限届满前不得决定）体现'],
  ['c4 重大案件', '由 SEQ-10（法制审核）和 SEQ-12（集体讨论）实现'],
  ['V1、V3、V4', '主体资格、事实证据、法律适用须由评查人员判断，不能从日期和标记读出'],
];

function condText(c: Condition | undefined): string {
  if (!c) return '';
  const parts: string[] = [];
  if (c.procedure) parts.push(`程序：${c.procedure.map((p) => (p === 'simple' ? '简易' : '一般')).join('/')}`);
  if (c.status) parts.push(`状态：${c.status.join('/')}`);
  if (c.modes) parts.push(`模式：${c.modes.join('/')}`);
  if (c.flags) parts.push(...Object.entries(c.flags).map(([k, v]) => `${v ? '' : '非'}${k}`));
  if (c.anyFlags) parts.push(`任一标记：${c.anyFlags.join('/')}`);
  if (c.hasDocuments) parts.push(`有 ${c.hasDocuments.join('、')}`);
  if (c.hasAnyDocument) parts.push(`有任一 ${c.hasAnyDocument.join('/')}`);
  if (c.lacksDocuments) parts.push(`无 ${c.lacksDocuments.join('、')}`);
  if (c.penaltyKinds) parts.push(`处罚种类含 ${c.penaltyKinds.join('/')}`);
  if (c.fine !== undefined) parts.push(c.fine ? '有罚款' : '无罚款');
  if (c.hasAgents) parts.push('有委托代理人');
  if (c.facts) parts.push(`已知 ${c.facts.map(factLabel).join('、')}`);
  if (c.servedBy) parts.push(`送达方式 ${c.servedBy.join('/')}`);
  if (c.any) parts.push(`（${c.any.map(condText).join(' 或 ')}）`);
  if (c.all) parts.push(...c.all.map((x) => `（${condText(x)}）`));
  if (c.not) parts.push(`非（${condText(c.not)}）`);
  return parts.join('；');
}

const checkText = (c: CheckSpec): string => checkOf(c).doc;

function ruleSection(r: LoadedRule): string {
  const lines = [`<a id="${r.id.toLowerCase()}"></a>`, `### ${r.id} ${r.title}`, ''];
  lines.push(`- 置信度：${CONFIDENCE[r.confidence]}　严重程度：${SEVERITY_LABELS[r.severity]}${r.veto ? `（否决项 ${r.veto}）` : ''}　评分项：${SCORING_ITEM_LABELS[r.scoringItem] ?? r.scoringItem}`);
  if (r.effective) lines.push(`- 适用期间：${factLabel(r.effective.date)}${r.effective.from ? ` ≥ ${r.effective.from}` : ''}${r.effective.before ? ` < ${r.effective.before}` : ''}（${r.effective.note}）`);
  const applies = condText(r.applies);
  if (applies) lines.push(`- 适用情形：${applies}`);
  lines.push(`- 依据：`);
  for (const b of r.basis) lines.push(`  - 《${b.law.replace(/^(.*?)(（.*）)?$/, '$1')}》${b.law.match(/（.*）$/)?.[0] ?? ''}${b.article}${b.quote ? `：“${b.quote}”` : ''}`);
  lines.push(`- 检查：${checkText(r.check)}`);
  lines.push(`- 整改建议：${r.suggestion.replace(/\{[A-Za-z]+\}/g, '…')}`);
  if (r.covers?.length) lines.push(`- 同时实现目录条目：${r.covers.join('、')}`);
  lines.push('');
  return lines.join('\n');
}

export function renderRulesMarkdown(pack: RulePack): string {
  const out: string[] = [
    '# 规则清单（rules/pack）',
    '',
    `> 本文件由 \`node scripts/run-ts.cjs src/core/engine/rules-doc.ts\` 根据规则包生成，请勿手工修改。规则包：${pack.name}，版本 ${pack.version}，共 ${pack.rules.length} 条。`,
    '> 置信度：【Q】原文已核；【S】二手转述、【I】推断——【S】【I】规则不得为否决项，报告中标注"依据待核"。',
    '',
    '| 族 | 文件 | 条数 | 否决 | 错误 | 警告 | 提示 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const f of pack.families) {
    const rules = f.ruleIds.map((id) => pack.byId.get(id)!);
    const n = (s: string) => rules.filter((r) => r.severity === s).length;
    out.push(`| ${f.name} | \`${f.file}\` | ${rules.length} | ${n('veto')} | ${n('error')} | ${n('warning')} | ${n('info')} |`);
  }
  out.push('', '## 目录中未单独实现的条目', '', '| 条目 | 原因 |', '|---|---|');
  for (const [id, why] of NOT_EXPRESSED) out.push(`| ${id} | ${why} |`);
  out.push('');
  for (const f of pack.families) {
    out.push(`## ${f.name}（\`${f.file}\`）`, '');
    for (const id of f.ruleIds) out.push(ruleSection(pack.byId.get(id)!));
  }
  out.push('## 附录 A 事实词表（src/core/engine/facts.ts）', '', '规则以名称引用事实（`from`、`to`、`sequence`、`effective.date` …），加载时校验名称。', '', '| 名称 | 含义 |', '|---|---|');
  for (const [name, def] of Object.entries(FACTS)) out.push(`| \`${name}\` | ${def.label} |`);
  out.push('', '## 附录 B 检查类型与消息占位符', '', `所有检查都提供：${COMMON_DATA_KEYS.map((k) => `\`{${k}}\``).join('、')}。`, '', '| 检查 | 占位符 |', '|---|---|');
  for (const [kind, impl] of Object.entries(CHECKS)) if (kind !== 'custom') out.push(`| \`${kind}\` | ${impl.dataKeys.map((k) => `\`{${k}}\``).join('、')} |`);
  out.push('', '| 专项检查（custom） | 说明 | 占位符 |', '|---|---|---|');
  for (const c of [...CUSTOM_CHECKS.values()].sort((a, b) => (a.name < b.name ? -1 : 1)))
    out.push(`| \`${c.name}\` | ${c.description} | ${c.dataKeys.map((k) => `\`{${k}}\``).join('、')} |`);
  out.push('');
  return out.join('\n');
}

export const RULES_DOC_PATH = 'docs/rules.md';

if (require.main === module) {
  const path = join(projectRoot(), RULES_DOC_PATH);
  writeFileSync(path, renderRulesMarkdown(defaultRulePack()));
  console.log(`写入 ${path}`);
}
