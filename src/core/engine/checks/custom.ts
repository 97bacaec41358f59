/** custom — a named check of ./custom/registry.ts; its metadata is the named check's own. */
import { SchemaValidator } from '../pack/schema-validator';
import type { CustomCheck } from '../pack/types';
import type { CheckImpl } from './types';
import { CUSTOM_CHECKS } from './custom/registry';

const named = (spec: CustomCheck) => CUSTOM_CHECKS.get(spec.name);

export const customCheck: CheckImpl<CustomCheck> = {
  kind: 'custom',
  schema: {
    type: 'object',
    required: ['kind', 'name'],
    additionalProperties: false,
    properties: { kind: { const: 'custom' }, name: { type: 'string', pattern: '^[a-z_]+$' }, params: { type: 'object' } },
  },
  dataKeys: [],
  dataKeysOf: (spec) => named(spec)?.dataKeys ?? [],
  problemIdsOf: (spec) => named(spec)?.problemIdsOf?.(spec.params ?? {}) ?? named(spec)?.problemIds ?? [],
  doc: (spec) => `专项检查 ${spec.name}：${named(spec)?.description ?? ''}`,
  reads: (spec) => named(spec)?.reads?.(spec.params ?? {}) ?? {},
  specProblems(spec) {
    const impl = named(spec);
    if (!impl) return [`未注册的自定义检查 ${spec.name}`];
    return new SchemaValidator(impl.params).validate(spec.params ?? {}).map((e) => `params${e.path} ${e.message}`);
  },
  run(spec, ctx, rule) {
    const impl = named(spec);
    if (!impl) throw new Error(`custom check ${spec.name} is not registered`);
    return impl.run(spec.params ?? {}, ctx, rule);
  },
};
