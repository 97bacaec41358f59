/**
 * 评查结果 of an evaluation task: ranking on the sheet's totals, per-agency and per-承办人 tables, the most
 * frequent defects with their 依据, and the 整改 list per agency. Findings a reviewer dismissed are not defects;
 * manual findings are. Cases not yet signed are listed with their state and kept out of the averages.
 */
import { basisText } from '../law/basis-text';
import type { SignOffState } from './sign-off';
import type { AdjudicatedReview } from './types';

export interface TaskCaseOutcome {
  caseId: string;
  caseNumber: string;
  agency: string;
  /** 承办人 (the file's 执法人员) */
  officers: string[];
  evaluator?: { id: string; name: string };
  state: SignOffState | 'unreviewed';
  /** the signed (or, before signing, the live) adjudicated review */
  adjudicated?: AdjudicatedReview;
}

export interface RankedCase {
  rank: number;
  caseId: string;
  caseNumber: string;
  agency: string;
  total: number;
  grade: string;
  vetoed: boolean;
  state: TaskCaseOutcome['state'];
  evaluator?: string;
}

export interface AgencyRow {
  agency: string;
  cases: number;
  scored: number;
  approved: number;
  average: number | null;
  min: number | null;
  max: number | null;
  vetoed: number;
  grades: Record<string, number>;
  defects: number;
}

export interface OfficerRow {
  officer: string;
  agency: string;
  cases: number;
  average: number | null;
  defects: number;
}

export interface DefectRow {
  /** rule id, or 人工 for a manual finding's 细则 item */
  ruleId: string;
  title: string;
  basis: string;
  basisPending: boolean;
  count: number;
  cases: number;
  agencies: string[];
}

export interface RectificationItem {
  /** stable: caseId + fingerprint (or manual finding id) — ticks survive recomputation */
  key: string;
  caseId: string;
  caseNumber: string;
  ruleId: string;
  title: string;
  basis: string;
  suggestion: string;
  done: boolean;
  doneBy?: { id: string; name: string };
  doneAt?: string;
  note?: string;
}

export interface TaskResults {
  cases: number;
  scored: number;
  approved: number;
  ranking: RankedCase[];
  agencies: AgencyRow[];
  officers: OfficerRow[];
  topDefects: DefectRow[];
  rectifications: { agency: string; items: RectificationItem[]; done: number }[];
}

export interface RectificationTick {
  done: boolean;
  by: { id: string; name: string };
  at: string;
  note?: string;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function defectsOf(o: TaskCaseOutcome): { key: string; ruleId: string; title: string; basis: string; basisPending: boolean; suggestion: string }[] {
  const a = o.adjudicated;
  if (!a) return [];
  const machine = a.findings
    .filter((f) => f.status !== 'dismissed' && f.finding.severity !== 'info')
    .map((f) => ({
      key: `${o.caseId}:${f.finding.fingerprint}`,
      ruleId: f.finding.ruleId,
      title: f.finding.title,
      basis: basisText(f.finding.basis, 'grouped'),
      basisPending: f.finding.basisPending,
      suggestion: f.finding.suggestion,
    }));
  const manual = a.manualFindings.map((m) => ({
    key: `${o.caseId}:manual:${m.id}`,
    ruleId: '人工',
    title: `${m.item}：${m.text}`,
    basis: m.item,
    basisPending: false,
    suggestion: m.evidence ? `对照 ${m.evidence} 整改` : '按评查意见整改',
  }));
  return [...machine, ...manual];
}

export function computeTaskResults(outcomes: readonly TaskCaseOutcome[], ticks: ReadonlyMap<string, RectificationTick> = new Map()): TaskResults {
  const scoredOutcomes = outcomes.filter((o) => o.adjudicated && (o.state === 'signed' || o.state === 'approved'));
  const sorted = [...scoredOutcomes].sort(
    (a, b) => b.adjudicated!.score.total - a.adjudicated!.score.total || cmp(a.caseNumber, b.caseNumber),
  );
  const ranking: RankedCase[] = [];
  sorted.forEach((o, i) => {
    const total = o.adjudicated!.score.total;
    const rank = i > 0 && ranking[i - 1].total === total ? ranking[i - 1].rank : i + 1;
    const row: RankedCase = {
      rank,
      caseId: o.caseId,
      caseNumber: o.caseNumber,
      agency: o.agency,
      total,
      grade: o.adjudicated!.score.grade,
      vetoed: o.adjudicated!.score.vetoHits.length > 0,
      state: o.state,
    };
    if (o.evaluator) row.evaluator = o.evaluator.name;
    ranking.push(row);
  });

  const stats = (xs: number[]) =>
    xs.length === 0
      ? { average: null, min: null, max: null }
      : { average: r2(xs.reduce((s, x) => s + x, 0) / xs.length), min: Math.min(...xs), max: Math.max(...xs) };

  const agencyNames = [...new Set(outcomes.map((o) => o.agency))].sort(cmp);
  const agencies: AgencyRow[] = agencyNames
    .map((agency) => {
      const all = outcomes.filter((o) => o.agency === agency);
      const scored = scoredOutcomes.filter((o) => o.agency === agency);
      const grades: Record<string, number> = {};
      for (const o of scored) grades[o.adjudicated!.score.grade] = (grades[o.adjudicated!.score.grade] ?? 0) + 1;
      return {
        agency,
        cases: all.length,
        scored: scored.length,
        approved: scored.filter((o) => o.state === 'approved').length,
        ...stats(scored.map((o) => o.adjudicated!.score.total)),
        vetoed: scored.filter((o) => o.adjudicated!.score.vetoHits.length > 0).length,
        grades,
        defects: scored.reduce((s, o) => s + defectsOf(o).length, 0),
      };
    })
    .sort((a, b) => (b.average ?? -1) - (a.average ?? -1) || cmp(a.agency, b.agency));

  const officerMap = new Map<string, { officer: string; agency: string; totals: number[]; cases: number; defects: number }>();
  for (const o of outcomes) {
    for (const name of new Set(o.officers)) {
      const k = `${o.agency}\u0000${name}`;
      const row = officerMap.get(k) ?? { officer: name, agency: o.agency, totals: [], cases: 0, defects: 0 };
      row.cases += 1;
      if (scoredOutcomes.includes(o)) {
        row.totals.push(o.adjudicated!.score.total);
        row.defects += defectsOf(o).length;
      }
      officerMap.set(k, row);
    }
  }
  const officers: OfficerRow[] = [...officerMap.values()]
    .map((r) => ({ officer: r.officer, agency: r.agency, cases: r.cases, average: stats(r.totals).average, defects: r.defects }))
    .sort((a, b) => (b.average ?? -1) - (a.average ?? -1) || cmp(a.agency, b.agency) || cmp(a.officer, b.officer));

  const defectMap = new Map<string, DefectRow & { caseIds: Set<string> }>();
  for (const o of scoredOutcomes) {
    for (const d of defectsOf(o)) {
      const k = d.ruleId === '人工' ? `人工\u0000${d.basis}` : d.ruleId;
      const row = defectMap.get(k) ?? {
        ruleId: d.ruleId,
        title: d.ruleId === '人工' ? d.basis : d.title,
        basis: d.basis,
        basisPending: d.basisPending,
        count: 0,
        cases: 0,
        agencies: [],
        caseIds: new Set<string>(),
      };
      row.count += 1;
      row.caseIds.add(o.caseId);
      row.cases = row.caseIds.size;
      if (!row.agencies.includes(o.agency)) row.agencies.push(o.agency);
      defectMap.set(k, row);
    }
  }
  const topDefects: DefectRow[] = [...defectMap.values()]
    .map(({ caseIds: _c, ...r }) => ({ ...r, agencies: [...r.agencies].sort(cmp) }))
    .sort((a, b) => b.count - a.count || cmp(a.ruleId, b.ruleId) || cmp(a.title, b.title));

  const rectifications = agencyNames.map((agency) => {
    const items: RectificationItem[] = [];
    for (const o of scoredOutcomes.filter((x) => x.agency === agency).sort((a, b) => cmp(a.caseNumber, b.caseNumber))) {
      for (const d of defectsOf(o)) {
        const t = ticks.get(d.key);
        const item: RectificationItem = {
          key: d.key,
          caseId: o.caseId,
          caseNumber: o.caseNumber,
          ruleId: d.ruleId,
          title: d.title,
          basis: d.basisPending ? `${d.basis}（依据待核）` : d.basis,
          suggestion: d.suggestion,
          done: t?.done ?? false,
        };
        if (t?.done) {
          item.doneBy = t.by;
          item.doneAt = t.at;
        }
        if (t?.note) item.note = t.note;
        items.push(item);
      }
    }
    return { agency, items, done: items.filter((i) => i.done).length };
  });

  return {
    cases: outcomes.length,
    scored: scoredOutcomes.length,
    approved: scoredOutcomes.filter((o) => o.state === 'approved').length,
    ranking,
    agencies,
    officers,
    topDefects,
    rectifications,
  };
}
