/**
 * JSON Schema of the case-file format, generated from the DTO metadata with class-validator-jsonschema (one
 * converter per field kind of ./dto/field.ts). docs/case-file.schema.json is this output, written by
 * scripts/generate-schema.ts; a test fails when the committed file and the DTOs drift apart.
 *
 * The schema describes the shape (types, required fields, enums, formats, patterns, ranges). What a schema cannot
 * say — impossible calendar dates, unique ids, references that must resolve, page ranges in order — is checked by
 * validateCaseFile, which is the authority.
 */
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { validationMetadataArrayToSchemas } from 'class-validator-jsonschema';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { MAX_YEAR, MIN_YEAR } from '../domain/legal-date';
import { defaultDocumentTypes, type DocumentTypeCatalog } from '../domain/document-types';
import { CaseFileDto } from './dto/case-file.dto';
import { CONSTRAINT_PREFIX, type FieldMeta, fieldsOf, MAX_AMOUNT, modelInfo, type ScalarCheck } from './dto/field';
import { CaseDocumentDto } from './dto/document.dto';
import { CASE_FILE_FORMAT_VERSION } from './types';

// class-transformer keeps its metadata storage in a module its package entry does not re-export
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

export type JsonSchema = Record<string, unknown>;

export interface CaseFileSchemaOptions {
  /** 'json-schema' (draft-07, `definitions`) or 'openapi' (OpenAPI 3.0 components: no `const`, no `$schema`) */
  dialect?: 'json-schema' | 'openapi';
  documentTypes?: DocumentTypeCatalog;
}

export const CASE_FILE_SCHEMA_ID = 'https://casefile-compliance.local/schemas/case-file-1.0.schema.json';

/** Schema name of a DTO class: CaseDocumentDto → CaseDocument. */
export function schemaName(cls: Function): string {
  return cls.name.replace(/Dto$/, '');
}

/** Every DTO class reachable from `root`, root first. */
function reachableModels(root: Function): Function[] {
  const seen = new Set<Function>([root]);
  const queue = [root];
  while (queue.length) {
    for (const f of fieldsOf(queue.shift()!).values()) {
      const c = f.check;
      const t = c.kind === 'object' ? c.type() : c.kind === 'array' && c.items.kind === 'object' ? c.items.type() : null;
      if (t && !seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return [...seen];
}

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';
const DATETIME_PATTERN = DATE_PATTERN.slice(0, -1) + ' ' + TIME_PATTERN.slice(1);

function scalarSchema(c: ScalarCheck, dialect: 'json-schema' | 'openapi'): JsonSchema {
  switch (c.kind) {
    case 'string':
      return {
        type: 'string',
        minLength: 1,
        maxLength: c.maxLength,
        ...(c.pattern ? { pattern: c.pattern.re.source } : {}),
        ...(c.format ? { format: c.format } : {}),
      };
    case 'enum':
      return { type: 'string', enum: Object.keys(c.values) };
    case 'const':
      return dialect === 'openapi' ? { type: 'string', enum: [c.value] } : { type: 'string', const: c.value };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer', ...(c.min != null ? { minimum: c.min } : {}), ...(c.max != null ? { maximum: c.max } : {}) };
    case 'amount':
      return { type: 'number', minimum: 0, maximum: MAX_AMOUNT, multipleOf: 0.01 };
    case 'date':
      return { type: 'string', format: 'date', pattern: DATE_PATTERN };
    case 'time':
      return { type: 'string', pattern: TIME_PATTERN };
    case 'datetime':
      return { type: 'string', pattern: DATETIME_PATTERN };
  }
}

function describeField(f: FieldMeta): string {
  const parts: string[] = [];
  if (f.description) parts.push(f.description);
  const c = f.check.kind === 'array' ? f.check.items : f.check;
  if (c.kind === 'enum') parts.push('取值：' + Object.entries(c.values).map(([v, l]) => `${v}＝${l}`).join('；'));
  if (c.kind === 'date') parts.push(`公历日期 YYYY-MM-DD（${MIN_YEAR}–${MAX_YEAR} 年，须为真实存在的日期）`);
  if (c.kind === 'time') parts.push('24 小时制 HH:mm');
  if (c.kind === 'datetime') parts.push('YYYY-MM-DD HH:mm（24 小时制）');
  if (c.kind === 'amount') parts.push('单位：元；不小于 0，最多两位小数');
  if (f.law) parts.push(`依据：${f.law}`);
  return parts.join('。');
}

function fieldSchema(f: FieldMeta, refPrefix: string, dialect: 'json-schema' | 'openapi'): JsonSchema {
  const annotations: JsonSchema = { title: f.title };
  const description = describeField(f);
  if (description) annotations.description = description;
  if (f.example !== undefined) annotations.examples = [f.example];
  const c = f.check;
  if (c.kind === 'object') {
    return { ...annotations, allOf: [{ $ref: refPrefix + schemaName(c.type()) }] };
  }
  if (c.kind === 'array') {
    const items = c.items.kind === 'object' ? { $ref: refPrefix + schemaName(c.items.type()) } : scalarSchema(c.items, dialect);
    return {
      ...annotations,
      type: 'array',
      items,
      ...(c.minItems ? { minItems: c.minItems } : {}),
      maxItems: c.maxItems,
    };
  }
  return { ...annotations, ...scalarSchema(c, dialect) };
}

function required(cls: Function): string[] {
  return [...fieldsOf(cls).values()].filter((f) => f.required).map((f) => f.name);
}

/** OpenAPI 3.0 has `example`, not `examples`. */
function toOpenApiExamples(schema: JsonSchema): JsonSchema {
  if (!('examples' in schema)) return schema;
  const { examples, ...rest } = schema;
  return { ...rest, example: (examples as unknown[])[0] };
}

/**
 * Schemas of every part of the format, keyed by name (CaseFile, CaseDocument, ServiceInfo …), with `$ref`s
 * starting with `refPrefix` ('#/definitions/' for a JSON Schema document, '#/components/schemas/' for OpenAPI).
 */
export function caseFileSchemaDefinitions(refPrefix: string, options: CaseFileSchemaOptions = {}): Record<string, JsonSchema> {
  const dialect = options.dialect ?? 'json-schema';
  const models = reachableModels(CaseFileDto);
  const metadatas = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadata[]> };
  const own = models.flatMap((m) => metadatas.validationMetadatas.get(m) ?? []);

  const converters: Record<string, (meta: ValidationMetadata) => JsonSchema> = {
    // nested objects are rendered by our converters (with title/description), not by reflection
    [ValidationTypes.NESTED_VALIDATION]: () => ({}),
  };
  for (const kind of ['string', 'enum', 'const', 'boolean', 'integer', 'amount', 'date', 'time', 'datetime', 'object', 'array']) {
    converters[CONSTRAINT_PREFIX + kind] = (meta) => {
      const s = fieldSchema(meta.constraints[0] as FieldMeta, refPrefix, dialect);
      return dialect === 'openapi' ? toOpenApiExamples(s) : s;
    };
  }
  const raw = validationMetadataArrayToSchemas(
    own.map((m) => ({ ...m, type: m.constraintCls ? (m.name ?? m.type) : m.type }) as ValidationMetadata),
    { additionalConverters: converters, refPointerPrefix: refPrefix, classTransformerMetadataStorage: defaultMetadataStorage },
  ) as Record<string, JsonSchema>;

  const documentTypes = options.documentTypes ?? defaultDocumentTypes();
  const out: Record<string, JsonSchema> = {};
  for (const cls of models) {
    const s = raw[cls.name];
    const info = modelInfo(cls);
    // properties in declaration order (the library groups them; keep the DTO's order for readable docs)
    const props = s.properties as Record<string, JsonSchema>;
    const properties: Record<string, JsonSchema> = {};
    for (const name of fieldsOf(cls).keys()) properties[name] = props[name];
    if (cls === CaseDocumentDto) {
      properties.type = {
        ...properties.type,
        enum: documentTypes.all().map((t) => t.id),
        description: `${properties.type.description ?? ''}。文书类型目录版本 ${documentTypes.version}：` + documentTypes.all().map((t) => `${t.id}＝${t.name}`).join('；'),
      };
    }
    out[schemaName(cls)] = {
      title: info?.title ?? schemaName(cls),
      ...(info?.description ? { description: info.description } : {}),
      type: 'object',
      properties,
      ...(required(cls).length ? { required: required(cls) } : {}),
      additionalProperties: false,
    };
  }
  return out;
}

/** The complete JSON Schema document (draft-07) of the case-file format. */
export function buildCaseFileJsonSchema(options: Omit<CaseFileSchemaOptions, 'dialect'> = {}): JsonSchema {
  const { CaseFile: root, ...definitions } = caseFileSchemaDefinitions('#/definitions/', { ...options, dialect: 'json-schema' });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CASE_FILE_SCHEMA_ID,
    ...root,
    title: `生态环境行政处罚案卷（卷宗 JSON）格式 ${CASE_FILE_FORMAT_VERSION}`,
    description:
      '由 src/core/case-file/dto 的字段元数据生成（scripts/generate-schema.ts），请勿手工修改。' +
      'JSON Schema 描述结构；日期是否真实存在、id 唯一、引用可解析、页码范围等由 validateCaseFile 检查。',
    definitions,
  };
}
