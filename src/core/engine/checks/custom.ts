/** custom — dispatches to a named check of ./custom/registry.ts */
import type { CustomCheck } from '../pack/types';
import type { CheckImpl } from './types';
import { CUSTOM_CHECKS } from './custom/registry';

export const customCheck: CheckImpl<CustomCheck> = {
  kind: 'custom',
  dataKeys: [],
  run(spec, ctx, rule) {
    const impl = CUSTOM_CHECKS.get(spec.name);
    if (!impl) throw new Error(`custom check ${spec.name} is not registered`);
    return impl.run(spec.params ?? {}, ctx, rule);
  },
};
