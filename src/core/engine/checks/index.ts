/**
 * The check kinds, by name: one registry. Each kind owns its metadata (data keys, what it reads, its doc line,
 * spec problems); the custom kind hands them on to the named check (./custom/registry.ts). The loader
 * (pack/semantics.ts) and the rules doc (rules-doc.ts) read them through `checkOf`.
 */
import type { CheckSpec } from '../pack/types';
import type { CheckImpl } from './types';
import { consistencyCheck } from './consistency';
import { customCheck } from './custom';
import { deadlineCheck } from './deadline';
import { officersCheck } from './officers';
import { orderCheck } from './order';
import { requiredDocumentCheck } from './required-document';
import { requiredFieldCheck } from './required-field';
import { sealCheck } from './seal';
import { signatureCheck } from './signature';
import { statedPeriodCheck } from './stated-period';

export const CHECKS: { [K in CheckSpec['kind']]: CheckImpl<Extract<CheckSpec, { kind: K }>> } = {
  deadline: deadlineCheck,
  order: orderCheck,
  required_document: requiredDocumentCheck,
  required_field: requiredFieldCheck,
  signature: signatureCheck,
  seal: sealCheck,
  officers: officersCheck,
  consistency: consistencyCheck,
  stated_period: statedPeriodCheck,
  custom: customCheck,
};

/** the implementation of a rule's check, with its metadata resolved for this spec */
export function checkOf(spec: CheckSpec): {
  impl: CheckImpl<any>;
  dataKeys: readonly string[];
  problemIds: readonly string[];
  doc: string;
  reads: ReturnType<CheckImpl['reads']>;
  problems: string[];
} {
  const impl = CHECKS[spec.kind] as CheckImpl<any>;
  return {
    impl,
    dataKeys: impl.dataKeysOf?.(spec) ?? impl.dataKeys,
    problemIds: impl.problemIdsOf?.(spec) ?? [],
    doc: impl.doc(spec),
    reads: impl.reads(spec),
    problems: impl.specProblems?.(spec) ?? [],
  };
}
