import type { ReviewContext } from '../../context';
import type { LoadedRule } from '../../pack/types';
import type { CheckOutcome, CheckReads } from '../types';

/** A JSON-Schema fragment (the subset of engine/pack/schema-validator.ts) for a custom check's `params`. */
export type ParamsSchema = Record<string, unknown>;

/** no parameters at all: a rule that passes some fails at load */
export const NO_PARAMS: ParamsSchema = { type: 'object', additionalProperties: false, properties: {} };

/**
 * A named check for what rule data cannot express; registered in ./registry.ts. Like every check kind it owns
 * its metadata: the schema of its parameters (validated when the pack loads, so a wrong or missing parameter is
 * a load error, never a silent default), the data keys its messages may use, what it reads, and its doc line.
 *
 * Every named check therefore opens with the same few lines (name, description, params, dataKeys, then a `run`
 * that returns `na(…)` when the file has nothing to check): that shared shape is this declaration, not repeated
 * logic, and the `duplicates` tool lists it as boilerplate.
 */
export interface CustomCheckImpl {
  name: string;
  /** one line: what it checks (docs/rules.md) */
  description: string;
  params: ParamsSchema;
  dataKeys: readonly string[];
  /** ids of the problem sentences it may report; the rule's `problems` gives each its Chinese sentence */
  problemIds?: readonly string[];
  /** … when they depend on the params (a check with modes reports the problems of its mode) */
  problemIdsOf?(params: Record<string, unknown>): readonly string[];
  /** the facts and document types it reads, when the loader should verify them */
  reads?(params: Record<string, unknown>): CheckReads;
  run(params: Record<string, unknown>, ctx: ReviewContext, rule: LoadedRule): CheckOutcome[];
}
