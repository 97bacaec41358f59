/**
 * 分配评查人员 with 回避 (交叉评查): a case is never given to
 * - a reviewer of the case's own agency or of an agency above it (本单位案卷回避 — cases are reviewed across
 *   agencies), or
 * - a reviewer who worked on the case: named in the file as 执法人员 or as 审核/审批/听证 person (same name, or the
 *   same 执法证号 when both are known) (参与办理回避), or
 * - a reviewer who declared a conflict for it (自行申请回避).
 * Load is balanced: the case with the fewest eligible reviewers is placed first, each case goes to the eligible
 * reviewer with the fewest cases so far (ties by a seeded draw), never over a reviewer's limit.
 */
import type { CaseFile } from '../case-file/types';
import { seededRandom, shuffled } from './random';

export interface Evaluator {
  /** user id */
  id: string;
  name: string;
  /** the agency the reviewer belongs to (same spelling as the case files' case.agency) */
  agency: string;
  /** agency ids that count as the reviewer's own: the agency and every agency under it (市局 → 分局) */
  ownAgencyIds?: string[];
  certificateNo?: string;
  /** case ids the reviewer declared a conflict for */
  conflicts?: string[];
  maxCases?: number;
}

export interface AssignableCase {
  id: string;
  caseNumber: string;
  agency: string;
  /** the case's agency record (agencies.id), when known */
  agencyId?: string;
  /** everyone the file names as having worked on it */
  people: { name: string; certificateNo?: string; role: string }[];
}

export type RecusalReason = 'same_agency' | 'worked_on_case' | 'declared';

export const RECUSAL_LABEL: Record<RecusalReason, string> = {
  same_agency: '本单位案卷回避',
  worked_on_case: '参与办理本案回避',
  declared: '自行申请回避',
};

export interface Recusal {
  caseId: string;
  evaluatorId: string;
  reason: RecusalReason;
  detail: string;
}

export interface Assignment {
  caseId: string;
  evaluatorId: string;
}

export interface AssignmentPlan {
  assignments: Assignment[];
  recusals: Recusal[];
  /** cases no eligible reviewer could take (all recused or at their limit) */
  unassigned: { caseId: string; caseNumber: string; reason: string }[];
}

/** Everyone a case file names as having handled, approved or heard the case. */
export function peopleOnCase(file: CaseFile): AssignableCase['people'] {
  const out: AssignableCase['people'] = [];
  for (const o of file.officers) out.push({ name: o.name, certificateNo: o.certificateNo, role: '执法人员' });
  for (const r of file.reviewers ?? []) out.push({ name: r.name, role: r.role });
  return out;
}

const norm = (s: string) => s.replace(/\s+/g, '');

/** Why `e` must not review `c`, or undefined. */
export function recusalOf(e: Evaluator, c: AssignableCase): Recusal | undefined {
  if (norm(e.agency) === norm(c.agency)) {
    return { caseId: c.id, evaluatorId: e.id, reason: 'same_agency', detail: `${e.name} 与案卷同属 ${c.agency}` };
  }
  if (c.agencyId && e.ownAgencyIds?.includes(c.agencyId)) {
    return { caseId: c.id, evaluatorId: e.id, reason: 'same_agency', detail: `${c.agency} 是 ${e.name} 所在单位 ${e.agency} 的下级单位` };
  }
  const hit = c.people.find(
    (p) => norm(p.name) === norm(e.name) || (!!e.certificateNo && !!p.certificateNo && norm(p.certificateNo) === norm(e.certificateNo)),
  );
  if (hit) return { caseId: c.id, evaluatorId: e.id, reason: 'worked_on_case', detail: `${e.name} 参与办理本案（${hit.role}：${hit.name}）` };
  if (e.conflicts?.includes(c.id)) return { caseId: c.id, evaluatorId: e.id, reason: 'declared', detail: `${e.name} 申请回避` };
  return undefined;
}

export function assignReviewers(cases: readonly AssignableCase[], evaluators: readonly Evaluator[], seed: string): AssignmentPlan {
  const random = seededRandom(seed, 'assign');
  const recusals: Recusal[] = [];
  const eligible = new Map<string, Evaluator[]>();
  const sortedCases = [...cases].sort((a, b) => (a.id < b.id ? -1 : 1));
  const sortedEvaluators = [...evaluators].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const c of sortedCases) {
    const ok: Evaluator[] = [];
    for (const e of sortedEvaluators) {
      const r = recusalOf(e, c);
      if (r) recusals.push(r);
      else ok.push(e);
    }
    eligible.set(c.id, ok);
  }
  // hardest cases first; within equal difficulty a seeded order
  const order = shuffled(sortedCases, random).sort((a, b) => eligible.get(a.id)!.length - eligible.get(b.id)!.length);
  const load = new Map(sortedEvaluators.map((e) => [e.id, 0]));
  const assignments: Assignment[] = [];
  const unassigned: AssignmentPlan['unassigned'] = [];
  for (const c of order) {
    const open = eligible.get(c.id)!.filter((e) => e.maxCases === undefined || load.get(e.id)! < e.maxCases);
    if (open.length === 0) {
      unassigned.push({
        caseId: c.id,
        caseNumber: c.caseNumber,
        reason: eligible.get(c.id)!.length === 0 ? '所有评查人员均须回避' : '可评查的人员已达分配上限',
      });
      continue;
    }
    const least = Math.min(...open.map((e) => load.get(e.id)!));
    const candidates = open.filter((e) => load.get(e.id) === least);
    const pick = candidates[Math.floor(random() * candidates.length)];
    load.set(pick.id, least + 1);
    assignments.push({ caseId: c.id, evaluatorId: pick.id });
  }
  assignments.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  unassigned.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  return { assignments, recusals, unassigned };
}
