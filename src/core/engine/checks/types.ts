/**
 * What a check returns. A rule may yield several outcomes (one per document it inspects); the engine turns
 * them into findings, passed checks, skipped checks, upcoming deadlines and next documents.
 */
import type { FactRef, Severity } from '../types';
import type { ReviewContext } from '../context';
import type { CheckSpec, LoadedRule } from '../pack/types';

export type MessageData = Record<string, string | number | boolean>;

/** a problem a check found, by the id of its sentence in the rule's `problems`, with the values it needs */
export interface ProblemRef {
  id: string;
  data?: MessageData;
}

export type CheckOutcome =
  | {
      status: 'fail';
      data: MessageData;
      facts: FactRef[];
      calendar?: string[];
      /** alternative message (rule.messages[variant]) */
      variant?: string;
      /** e.g. a strict deadline met only inside the party-roll window → warning */
      severity?: Severity;
      /** distinguishes several findings of one rule (document id …) */
      key?: string;
      /** problems by id (rule.problems); their sentences, joined with '；', become data.problem */
      problems?: ProblemRef[];
    }
  | { status: 'pass'; summary: string; facts: FactRef[]; calendar?: string[] }
  | { status: 'na'; reason: string }
  | { status: 'undeterminable'; reason: string; missingYears: number[] }
  | {
      status: 'upcoming';
      label: string;
      dueOn: string;
      calendar: string[];
      nextDocument?: { type: string; reason: string };
      facts: FactRef[];
    }
  | { status: 'next'; type: string; reason: string; dueOn?: string };

/** what a check reads from a case file, as the loader verifies it: named facts and document types */
export interface CheckReads {
  facts?: readonly string[];
  documentTypes?: readonly string[];
}

/**
 * A check kind and everything the rest of the engine needs to know about it: the loader validates a rule's
 * placeholders against `dataKeys` and its facts and document types against `reads`; the rules doc prints `doc`.
 */
export interface CheckImpl<S extends CheckSpec = CheckSpec> {
  kind: S['kind'];
  /** the JSON Schema of the spec (rules/schema/rule.schema.json is generated from it: pack/rule-schema.ts) */
  schema: Record<string, unknown>;
  /** definitions the spec schema refers to ($ref '#/definitions/<name>') */
  schemaDefinitions?: Record<string, Record<string, unknown>>;
  /** keys a message template may use (beyond the common ones) */
  dataKeys: readonly string[];
  /** … when they depend on the spec (the custom kind: those of the named check) */
  dataKeysOf?(spec: S): readonly string[];
  /** one line for docs/rules.md: what this rule's check does */
  doc(spec: S): string;
  /** the facts and document types the spec names (checked at load) */
  reads(spec: S): CheckReads;
  /** ids of the problem sentences the check may report (each must be in the rule's `problems`) */
  problemIdsOf?(spec: S): readonly string[];
  /** problems with the spec the rule schema cannot express (checked at load) */
  specProblems?(spec: S): string[];
  run(spec: S, ctx: ReviewContext, rule: LoadedRule): CheckOutcome[];
}

export const COMMON_DATA_KEYS = ['title', 'docName', 'docId', 'docLabel'] as const;
