/**
 * Severities of a finding, most severe first: 否决 (veto: the defect voids the case file's grade), 错误, 警告, 提示.
 * Every sort, label and count of severities in the core reads this module.
 */

export type Severity = 'veto' | 'error' | 'warning' | 'info';

/** most severe first */
export const SEVERITIES: readonly Severity[] = ['veto', 'error', 'warning', 'info'];

/** 0 = most severe */
export const SEVERITY_RANK: Record<Severity, number> = { veto: 0, error: 1, warning: 2, info: 3 };

export const SEVERITY_LABELS: Record<Severity, string> = { veto: '否决', error: '错误', warning: '警告', info: '提示' };

/** sort comparator: more severe first */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}
