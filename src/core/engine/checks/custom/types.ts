import type { ReviewContext } from '../../context';
import type { LoadedRule } from '../../pack/types';
import type { CheckOutcome } from '../types';

/** a named check for what rule data cannot express; registered in ./registry.ts */
export interface CustomCheckImpl {
  name: string;
  /** one line: what it checks (docs/rules.md) */
  description: string;
  dataKeys: readonly string[];
  run(params: Record<string, unknown>, ctx: ReviewContext, rule: LoadedRule): CheckOutcome[];
}
