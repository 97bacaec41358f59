/**
 * 分配评查人员 with 回避 (交叉评查): a case is never given to
 * - a reviewer of the case's own agency or of an agency above it (本单位案卷回避 — cases are reviewed across
 *   agencies), or
 * - a reviewer who worked on the case: named in the file as 执法人员 or as 审核/审批/听证 person (same name, or the
 *   same 执法证号 when both are known) (参与办理回避), or
 * - a reviewer who declared a conflict for it (自行申请回避).
 * Load is balanced: the case with the fewest eligible reviewers is placed first, each case goes to the eligible
 * reviewer with the fewest cases so far (ties by a seeded draw), never over a reviewer's limit; then cases are
 * handed on along chains of eligible reviewers until no reviewer could pass one towards a reviewer with two fewer
 * (the even spread the 回避 allow) and no case is left out that a chain could make room for.
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

const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function assignReviewers(cases: readonly AssignableCase[], evaluators: readonly Evaluator[], seed: string): AssignmentPlan {
  const random = seededRandom(seed, 'assign');
  const recusals: Recusal[] = [];
  const eligible = new Map<string, Evaluator[]>();
  // 案号 and the reviewer's name set the order the seed works on (ids only break ties), as in the draw
  const sortedCases = [...cases].sort((a, b) => codePointOrder(a.caseNumber, b.caseNumber) || codePointOrder(a.id, b.id));
  const sortedEvaluators = [...evaluators].sort((a, b) => codePointOrder(a.name, b.name) || codePointOrder(a.id, b.id));
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
  const holder = new Map<string, string>(); // case id → evaluator id
  const held = new Map(sortedEvaluators.map((e) => [e.id, new Set<AssignableCase>()]));
  const give = (c: AssignableCase, evaluatorId: string) => {
    const before = holder.get(c.id);
    if (before) held.get(before)!.delete(c);
    held.get(evaluatorId)!.add(c);
    holder.set(c.id, evaluatorId);
  };
  const spare = (e: Evaluator) => e.maxCases === undefined || load.get(e.id)! < e.maxCases;
  const limitReached: AssignableCase[] = [];
  for (const c of order) {
    const open = eligible.get(c.id)!.filter(spare);
    if (open.length === 0) {
      if (eligible.get(c.id)!.length > 0) limitReached.push(c);
      continue;
    }
    const least = Math.min(...open.map((e) => load.get(e.id)!));
    const candidates = open.filter((e) => load.get(e.id) === least);
    const pick = candidates[Math.floor(random() * candidates.length)];
    load.set(pick.id, least + 1);
    give(c, pick.id);
  }

  // The greedy pass can leave a case every eligible reviewer is too full to take while another reviewer has room,
  // or leave loads two apart. Both are mended by moving cases along a chain of reviewers (A gives a case to B, B
  // one to C …), each move to a reviewer eligible for that case; with no such chain left the loads are as even as
  // the 回避 allow (no reviewer could hand a case on towards one with two fewer).
  /**
   * The shortest chain from one of `starts` to a `wanted` reviewer, as the moves to make (last move first): each
   * move hands a case of the reviewer before to one eligible for it. Undefined when there is none.
   */
  type Move = { case: AssignableCase; to: string };
  const chainFrom = (starts: readonly Evaluator[], wanted: (e: Evaluator) => boolean): Move[] | undefined => {
    const via = new Map<string, { case?: AssignableCase; from?: string }>();
    const queue: Evaluator[] = [];
    for (const e of starts) {
      via.set(e.id, {});
      queue.push(e);
    }
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head];
      for (const c of held.get(u.id)!) {
        for (const v of eligible.get(c.id)!) {
          if (via.has(v.id)) continue;
          via.set(v.id, { case: c, from: u.id });
          if (wanted(v)) {
            const moves: Move[] = [];
            for (let at = v.id, step = via.get(at)!; step.from !== undefined; at = step.from, step = via.get(at)!) moves.push({ case: step.case!, to: at });
            return moves;
          }
          queue.push(v);
        }
      }
    }
    return undefined;
  };
  const apply = (moves: Move[]) => {
    for (const m of moves) give(m.case, m.to);
  };
  const unassigned: AssignmentPlan['unassigned'] = [];
  for (const c of limitReached) {
    const moves = chainFrom(eligible.get(c.id)!, spare);
    if (!moves) {
      unassigned.push({ caseId: c.id, caseNumber: c.caseNumber, reason: '可评查的人员已达分配上限' });
      continue;
    }
    // the reviewer at the head of the chain takes this case and hands one on; the last one, who had room, ends with one more
    const taker = holder.get(moves[moves.length - 1].case.id)!;
    apply(moves);
    give(c, taker);
    load.set(moves[0].to, load.get(moves[0].to)! + 1);
  }
  for (let moved = true; moved; ) {
    moved = false;
    for (const u of [...sortedEvaluators].sort((a, b) => load.get(b.id)! - load.get(a.id)!)) {
      const from = load.get(u.id)!;
      const moves = chainFrom([u], (v) => spare(v) && load.get(v.id)! <= from - 2);
      if (!moves || moves.length === 0) continue;
      apply(moves);
      load.set(u.id, from - 1);
      load.set(moves[0].to, load.get(moves[0].to)! + 1);
      moved = true;
      break;
    }
  }
  for (const c of sortedCases) {
    if (eligible.get(c.id)!.length === 0) unassigned.push({ caseId: c.id, caseNumber: c.caseNumber, reason: '所有评查人员均须回避' });
  }
  const assignments: Assignment[] = sortedCases.filter((c) => holder.has(c.id)).map((c) => ({ caseId: c.id, evaluatorId: holder.get(c.id)! }));
  assignments.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  unassigned.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  return { assignments, recusals, unassigned };
}
