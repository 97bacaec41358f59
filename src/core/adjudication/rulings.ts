/**
 * Rulings applied to a review, in the manner of a linter's disable-with-reason and its stale-directive report:
 * a ruling applies to the finding whose fingerprint and facts digest it was made on; a ruling whose finding no
 * longer appears is reported as stale, one whose finding's facts changed as invalidated — neither is applied.
 */
import type { Finding, ReviewResult } from '../engine/types';
import { factRefs, factsDigest } from './digest';
import type { AdjudicatedFinding, Explanation, Ruling, StaleRuling } from './types';

export class AdjudicationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'AdjudicationError';
  }
}

/** The newest ruling per fingerprint (a later ruling supersedes an earlier one). */
export function currentRulings(rulings: readonly Ruling[]): Ruling[] {
  const latest = new Map<string, Ruling>();
  for (const r of rulings) {
    const prior = latest.get(r.fingerprint);
    if (!prior || prior.at < r.at || (prior.at === r.at && prior.id < r.id)) latest.set(r.fingerprint, r);
  }
  return [...latest.values()];
}

/** a ruling stored on a rule's former id (e.g. DL-33, now DL-01 under the 2010 办法) names the same rule */
function namesRule(ruleId: string, finding: Pick<Finding, 'ruleId' | 'formerId'>): boolean {
  return ruleId === finding.ruleId || ruleId === finding.formerId;
}

export interface AppliedRulings {
  findings: AdjudicatedFinding[];
  staleRulings: StaleRuling[];
  /** the review with dismissed findings left out: what scoring sees */
  effective: ReviewResult;
}

export function applyRulings(review: ReviewResult, rulings: readonly Ruling[], explanations: readonly Explanation[] = []): AppliedRulings {
  const byFingerprint = new Map(currentRulings(rulings).map((r) => [r.fingerprint, r]));
  const used = new Set<string>();
  const staleRulings: StaleRuling[] = [];
  const findings: AdjudicatedFinding[] = review.findings.map((finding) => {
    const digest = factsDigest(finding);
    const ex = explanations.filter((e) => e.fingerprint === finding.fingerprint).sort((a, b) => (a.at < b.at ? -1 : 1));
    const r = byFingerprint.get(finding.fingerprint);
    if (r && namesRule(r.ruleId, finding)) {
      used.add(r.fingerprint);
      if (r.factsDigest === digest) return { finding, status: r.decision, factsDigest: digest, ruling: r, explanations: ex };
      staleRulings.push({ ruling: r, state: 'invalidated', reason: `裁定作出后该问题所依据的事实已变化，裁定不再适用，须重新裁定` });
    }
    return { finding, status: 'open', factsDigest: digest, explanations: ex };
  });

  for (const r of byFingerprint.values()) {
    if (used.has(r.fingerprint)) continue;
    // the same rule on the same documents with another fingerprint: a fact value changed
    const successor = review.findings.find((f) => namesRule(r.ruleId, f) && r.refs !== '' && factRefs(f) === r.refs);
    staleRulings.push(
      successor
        ? { ruling: r, state: 'invalidated', reason: `规则 ${r.ruleId} 仍就同一文书提示问题，但所依据的事实已变化，裁定不再适用，须重新裁定` }
        : { ruling: r, state: 'stale', reason: `本次审查已无该问题（已整改或规则已变化），裁定未适用` },
    );
  }
  staleRulings.sort((a, b) => (a.ruling.at < b.ruling.at ? -1 : a.ruling.at > b.ruling.at ? 1 : 0));

  const dismissed = new Set(findings.filter((f) => f.status === 'dismissed').map((f) => f.finding.fingerprint));
  const effective: ReviewResult = { ...review, findings: review.findings.filter((f) => !dismissed.has(f.fingerprint)) };
  return { findings, staleRulings, effective };
}
