/**
 * What a check returns. A rule may yield several outcomes (one per document it inspects); the engine turns
 * them into findings, passed checks, skipped checks, upcoming deadlines and next documents.
 */
import type { FactRef, Severity } from '../types';
import type { ReviewContext } from '../context';
import type { CheckSpec, LoadedRule } from '../pack/types';

export type MessageData = Record<string, string | number | boolean>;

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

export interface CheckImpl<S extends CheckSpec = CheckSpec> {
  kind: S['kind'];
  /** keys a message template may use (beyond the common ones) */
  dataKeys: readonly string[];
  run(spec: S, ctx: ReviewContext, rule: LoadedRule): CheckOutcome[];
}

export const COMMON_DATA_KEYS = ['title', 'docName', 'docId', 'docLabel'] as const;
