/**
 * Synthetic review results for scoring and report tests: any mix of findings, independent of the rule pack
 * (tests on real engine reviews live next to these).
 */
import type { Finding, ReviewResult, Severity } from '../../src/core/engine/types';

let seq = 0;

export function finding(ruleId: string, severity: Severity, scoringItem: string, extra: Partial<Finding> = {}): Finding {
  seq += 1;
  const confidence = extra.confidence ?? 'Q';
  return {
    ruleId,
    severity,
    confidence,
    basisPending: confidence !== 'Q',
    title: `${ruleId} 标题`,
    message: `${ruleId} 说明`,
    basis: [{ law: '中华人民共和国行政处罚法', article: '第六十四条' }],
    facts: [],
    suggestion: '按规定整改',
    scoringItem,
    fingerprint: `${ruleId}:${seq}`,
    ...extra,
  };
}

export function review(findings: Finding[], extra: Partial<ReviewResult> = {}): ReviewResult {
  return {
    caseNumber: '益环罚〔2025〕12号',
    mode: 'review',
    asOf: '2025-06-30',
    rulePackVersion: 'test-pack',
    holidayDataVersion: 'test-holidays',
    findings,
    passed: [],
    notApplicable: [],
    undeterminable: [],
    upcoming: [],
    nextDocuments: [],
    ...extra,
  };
}
