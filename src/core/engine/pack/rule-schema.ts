/**
 * rules/schema/rule.schema.json, generated: the rule-file structure here, each check kind's spec schema from the
 * check registry (./checks: `schema`, `schemaDefinitions`), the flag names from FLAG_NAMES — so the schema editors
 * and the loader read cannot drift from the code. Regenerate with `npm run schema:generate`;
 * test/engine/check-registry.spec.ts fails when the committed file is stale.
 */
import { CHECKS } from '../checks';
import { FLAG_NAMES } from './types';

type JsonSchema = Record<string, unknown>;

/** deadline → deadlineCheck, stated_period → statedPeriodCheck */
const definitionName = (kind: string) => kind.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) + 'Check';

const HEAD: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'rules/schema/rule.schema.json',
  title: '生态环境行政处罚案卷规则包 — rule family file (rules/pack/<family>.yaml)',
  description: 'Checked at load by src/core/engine/pack/schema-validator.ts (a compact JSON-Schema subset: type, enum, const, pattern, minimum, minLength, minItems, required, properties, additionalProperties, items, $ref, anyOf, discriminator). Semantic checks (known facts, document types, custom checks, placeholders, S/I never veto) follow in src/core/engine/pack/semantics.ts.',
  $ref: '#/definitions/familyFile',
};

const CONDITION: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    procedure: { type: 'array', items: { enum: ['simple', 'general'] } },
    status: { type: 'array', items: { enum: ['draft', 'in_progress', 'closed', 'archived'] } },
    modes: { type: 'array', items: { enum: ['review', 'draft', 'pre-decision'] } },
    flags: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(FLAG_NAMES.map((f) => [f, { type: 'boolean' }])),
    },
    anyFlags: { type: 'array', minItems: 1, items: { $ref: '#/definitions/flagName' } },
    hasDocuments: { $ref: '#/definitions/stringList' },
    hasAnyDocument: { $ref: '#/definitions/stringList' },
    lacksDocuments: { $ref: '#/definitions/stringList' },
    penaltyKinds: { $ref: '#/definitions/stringList' },
    fine: { type: 'boolean' },
    hasAgents: { type: 'boolean' },
    facts: { $ref: '#/definitions/stringList' },
    violation: {
      type: 'object',
      additionalProperties: false,
      properties: { endangersLifeOrHealth: { type: 'boolean' }, continuing: { type: 'boolean' } },
    },
    servedBy: {
      type: 'array',
      minItems: 1,
      items: { enum: ['direct', 'lodged', 'post', 'electronic', 'announcement', 'entrusted'] },
    },
    partyKind: { enum: ['organization', 'individual'] },
    any: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } },
    all: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } },
    not: { $ref: '#/definitions/condition' },
  },
};

/** a condition in the pack's language (applies, unless, amountOverrides[].when; scoring sheets' notApplicableWhen) */
export const CONDITION_SCHEMA = CONDITION as { properties: Record<string, unknown> };

/** the definitions of the rule file itself (rule, basis, effective range, condition …) */
const RULE_DEFINITIONS: Record<string, JsonSchema> = {
  date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  packManifest: {
    type: 'object',
    required: ['name', 'version', 'families'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1 },
      version: { type: 'string', pattern: '^\\d{4}\\.\\d{1,2}\\.\\d+$' },
      description: { type: 'string' },
      families: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z_]+\\.yaml$' } },
    },
  },
  familyFile: {
    type: 'object',
    required: ['family', 'name', 'rules'],
    additionalProperties: false,
    properties: {
      family: { type: 'string', pattern: '^[a-z_]+$' },
      name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      rules: { type: 'array', minItems: 1, items: { $ref: '#/definitions/rule' } },
    },
  },
  rule: {
    type: 'object',
    required: ['id', 'title', 'basis', 'confidence', 'severity', 'scoringItem', 'check', 'message', 'suggestion'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^(DL|SEQ|ED|C[0-9]|FLD|CON)-[0-9]{2}[a-z]?(-[0-9A-Za-z]+)?$' },
      title: { type: 'string', minLength: 2 },
      basis: { type: 'array', minItems: 1, items: { $ref: '#/definitions/basis' } },
      confidence: { enum: ['Q', 'S', 'I'] },
      effective: { $ref: '#/definitions/effective' },
      applies: { $ref: '#/definitions/condition' },
      severity: { enum: ['veto', 'error', 'warning', 'info'] },
      scoringItem: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
      veto: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9.-]*$' },
      check: { $ref: '#/definitions/check' },
      message: { type: 'string', minLength: 4 },
      messages: { type: 'object', additionalProperties: { type: 'string', minLength: 4 } },
      problems: { type: 'object', additionalProperties: { type: 'string', minLength: 4 } },
      summary: { type: 'string' },
      suggestion: { type: 'string', minLength: 4 },
      docs: { type: 'string' },
      covers: { type: 'array', items: { type: 'string' } },
      formerVersions: { type: 'array', minItems: 1, items: { $ref: '#/definitions/formerVersion' } },
    },
  },
  formerVersion: {
    type: 'object',
    required: ['id', 'effective'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^(DL|SEQ|ED|C[0-9]|FLD|CON)-[0-9]{2}[a-z]?(-[0-9A-Za-z]+)?$' },
      effective: { $ref: '#/definitions/effective' },
      title: { type: 'string', minLength: 2 },
      basis: { type: 'array', minItems: 1, items: { $ref: '#/definitions/basis' } },
      confidence: { enum: ['Q', 'S', 'I'] },
      severity: { enum: ['veto', 'error', 'warning', 'info'] },
      check: { type: 'object' },
      message: { type: 'string', minLength: 4 },
      messages: { type: 'object', additionalProperties: { type: 'string', minLength: 4 } },
      problems: { type: 'object', additionalProperties: { type: 'string', minLength: 4 } },
      summary: { type: 'string' },
      suggestion: { type: 'string', minLength: 4 },
    },
  },
  basis: {
    type: 'object',
    required: ['law', 'article'],
    additionalProperties: false,
    properties: {
      law: { type: 'string', minLength: 2 },
      article: { type: 'string', minLength: 1 },
      quote: { type: 'string', minLength: 2 },
    },
  },
  effective: {
    type: 'object',
    required: ['date', 'note'],
    additionalProperties: false,
    properties: {
      date: { type: 'string' },
      from: { $ref: '#/definitions/date' },
      before: { $ref: '#/definitions/date' },
      note: { type: 'string', minLength: 2 },
    },
  },
  flagName: { enum: [...FLAG_NAMES] },
  stringList: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  condition: CONDITION,
  unit: { enum: ['day', 'workday', 'month', 'year', 'hour'] },
  periodKind: {
    enum: [
      'statement',
      'hearing_request',
      'payment',
      'case_handling',
      'seizure',
      'restriction',
      'reconsideration',
      'litigation',
      'rectification',
      'other',
    ],
  },
  where: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'array'] } },
};

export function buildRuleSchema(): JsonSchema {
  const mapping: Record<string, string> = {};
  const checkDefinitions: Record<string, JsonSchema> = {};
  for (const [kind, impl] of Object.entries(CHECKS)) {
    const name = definitionName(kind);
    mapping[kind] = `#/definitions/${name}`;
    checkDefinitions[name] = impl.schema;
    Object.assign(checkDefinitions, impl.schemaDefinitions);
  }
  return {
    ...HEAD,
    definitions: {
      ...RULE_DEFINITIONS,
      check: { type: 'object', required: ['kind'], discriminator: { propertyName: 'kind', mapping } },
      ...checkDefinitions,
    },
  };
}
