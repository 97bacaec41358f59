/**
 * The field reference of docs/case-file-format.md, rendered from the DTO metadata (Chinese term, type, required,
 * explanation, law) so the documentation lists every field and cannot drift from the validator.
 */
import { MAX_YEAR, MIN_YEAR } from '../domain/legal-date';
import { CaseFileDto } from './dto/case-file.dto';
import { type FieldCheck, type FieldMeta, fieldsOf, modelInfo, type ScalarCheck } from './dto/field';
import { schemaName } from './json-schema';

export const FIELD_REFERENCE_BEGIN = '<!-- BEGIN GENERATED FIELD REFERENCE (scripts/generate-schema.ts) -->';
export const FIELD_REFERENCE_END = '<!-- END GENERATED FIELD REFERENCE -->';

function anchor(cls: Function): string {
  return schemaName(cls).toLowerCase();
}

function scalarType(c: ScalarCheck): string {
  switch (c.kind) {
    case 'string':
      return c.pattern ? `字符串（${c.pattern.expected}）` : `字符串（≤${c.maxLength} 字）`;
    case 'enum':
      return '枚举：' + Object.entries(c.values).map(([v, l]) => `\`${v}\` ${l}`).join('；');
    case 'const':
      return `固定为 \`"${c.value}"\``;
    case 'boolean':
      return '布尔值';
    case 'integer':
      return `整数${c.min != null ? `，≥${c.min}` : ''}${c.max != null ? `，≤${c.max}` : ''}${c.unit ? `（${c.unit}）` : ''}`;
    case 'amount':
      return '金额（元，≥0，最多两位小数）';
    case 'date':
      return '日期 `YYYY-MM-DD`';
    case 'time':
      return '时间 `HH:mm`';
    case 'datetime':
      return '时刻 `YYYY-MM-DD HH:mm`';
  }
}

function typeOf(c: FieldCheck): string {
  if (c.kind === 'object') return `对象 → [${schemaName(c.type())}](#${anchor(c.type())})`;
  if (c.kind === 'array') {
    const items = c.items.kind === 'object' ? `[${schemaName(c.items.type())}](#${anchor(c.items.type())})` : scalarType(c.items);
    return `数组，每项：${items}${c.minItems ? `；至少 ${c.minItems} 项` : ''}`;
  }
  return scalarType(c);
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(f: FieldMeta): string {
  const notes = [f.description, f.law ? `依据：${f.law}` : ''].filter(Boolean).join('。');
  return `| \`${f.name}\` | ${cell(f.title)} | ${cell(typeOf(f.check))} | ${f.required ? '必填' : '可选'} | ${cell(notes)} |`;
}

/** Models in the order a reader meets them (breadth-first from CaseFile). */
function modelsInOrder(): Function[] {
  const order: Function[] = [CaseFileDto];
  for (let i = 0; i < order.length; i++) {
    for (const f of fieldsOf(order[i]).values()) {
      const c = f.check;
      const t = c.kind === 'object' ? c.type() : c.kind === 'array' && c.items.kind === 'object' ? c.items.type() : null;
      if (t && !order.includes(t)) order.push(t);
    }
  }
  return order;
}

export function renderFieldReference(): string {
  const lines: string[] = [
    FIELD_REFERENCE_BEGIN,
    '',
    `> 本节由 \`scripts/generate-schema.ts\` 根据校验器的字段元数据生成，与 \`docs/case-file.schema.json\` 同源；请勿手工修改。` +
      `日期均须为真实存在的公历日期（${MIN_YEAR}–${MAX_YEAR} 年）。`,
    '',
  ];
  for (const cls of modelsInOrder()) {
    const info = modelInfo(cls);
    lines.push(`### ${schemaName(cls)}`, '');
    if (info) lines.push(`**${info.title}**${info.description ? `——${info.description}` : ''}`, '');
    lines.push('| 字段 | 中文名称 | 类型 | 必填 | 说明与依据 |', '|---|---|---|---|---|');
    for (const f of fieldsOf(cls).values()) lines.push(row(f));
    lines.push('');
  }
  lines.push(FIELD_REFERENCE_END);
  return lines.join('\n');
}

/** Replace the generated section of a markdown document (between the markers) with `section`. */
export function replaceFieldReference(markdown: string, section = renderFieldReference()): string {
  const begin = markdown.indexOf(FIELD_REFERENCE_BEGIN);
  const end = markdown.indexOf(FIELD_REFERENCE_END);
  if (begin < 0 || end < begin) throw new Error('docs/case-file-format.md 缺少生成区段的起止标记');
  return markdown.slice(0, begin) + section + markdown.slice(end + FIELD_REFERENCE_END.length);
}
