/**
 * The facts digest a ruling is keyed on, next to the finding's fingerprint. The engine's fingerprint covers the
 * rule id, the outcome key and the facts' (refId, value) pairs; the digest also covers the facts' labels and the
 * values the message was built from (`data`: computed due dates …), so a ruling made on one reading of the file
 * never applies to another.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/types';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, canonical(o[k])]));
  }
  return value;
}

/** a finding of a former version of the law is digested under its former id (the id its rulings were made on) */
export function factsDigest(finding: Pick<Finding, 'ruleId' | 'formerId' | 'facts' | 'data'>): string {
  const body = JSON.stringify(
    canonical({ ruleId: finding.formerId ?? finding.ruleId, facts: finding.facts.map((f) => [f.refId ?? null, f.label, f.value]), data: finding.data ?? null }),
  );
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}

/** The documents / records a finding is about (used to tell "fact changed" from "finding gone"). */
export function factRefs(finding: Pick<Finding, 'facts'>): string {
  return [...new Set(finding.facts.map((f) => f.refId).filter((r): r is string => !!r))].sort().join(',');
}
