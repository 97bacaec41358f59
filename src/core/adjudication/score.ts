/**
 * The score after human judgement. The scoring sheet still scores (scoreReview on the review without the
 * dismissed findings); on top of it:
 * - a dismissed finding deducts nothing; what it would have cost is listed with the reason, who and when;
 * - a manual score sets a sheet item (category) the reviewer judges — the machine deductions under it stay
 *   listed for reference, the item's score is the reviewer's;
 * - a manual finding deducts its points from its category, 扣完为止 (never below 0); a manual veto finding is a
 *   veto hit of the sheet item it names;
 * - total, veto and grade are recomputed with the sheet's own rules (bonus kept, total capped at the sheet's total).
 */
import type { ReviewResult } from '../engine/types';
import { scoreReview } from '../scoring/score';
import type { ScoreResult, ScoringSheet } from '../scoring/types';
import { AdjudicationError, applyRulings } from './rulings';
import type {
  Actor,
  AdjudicatedReview,
  AdjudicatedScore,
  DismissedDeduction,
  Explanation,
  ManualDeduction,
  ManualFinding,
  ManualItemScore,
  ManualScore,
  Ruling,
  ScoreProvenance,
} from './types';

const r2 = (x: number): number => Math.round(x * 100) / 100;

export interface AdjudicationInput {
  review: ReviewResult;
  sheet: ScoringSheet;
  rulings?: readonly Ruling[];
  explanations?: readonly Explanation[];
  manualFindings?: readonly ManualFinding[];
  manualScores?: readonly ManualScore[];
  /** the sheet's scorer (defaults to scoreReview) */
  score?: (review: ReviewResult, sheet: ScoringSheet) => ScoreResult;
}

/** Check a manual finding against the sheet: its category exists, its veto item exists. */
export function checkManualFinding(m: Pick<ManualFinding, 'categoryId' | 'severity' | 'vetoId' | 'points'>, sheet: ScoringSheet): void {
  if (!sheet.categories.some((c) => c.id === m.categoryId)) {
    throw new AdjudicationError(
      'UNKNOWN_SCORING_ITEM',
      `评分项 ${m.categoryId} 不在评分表 ${sheet.id} 中（可用：${sheet.categories.map((c) => c.id).join('、')}）`,
      'categoryId',
    );
  }
  if (m.severity === 'veto') {
    if (!m.vetoId || !sheet.veto.some((v) => v.id === m.vetoId)) {
      throw new AdjudicationError('UNKNOWN_VETO_ITEM', `否决级问题须注明评分表的否决项（可用：${sheet.veto.map((v) => v.id).join('、')}）`, 'vetoId');
    }
  } else if (m.vetoId !== undefined) {
    throw new AdjudicationError('VETO_ITEM_WITHOUT_VETO', '仅否决级（veto）问题可注明否决项', 'vetoId');
  }
  if (!(Number.isFinite(m.points) && m.points >= 0)) throw new AdjudicationError('INVALID_POINTS', '扣分须为不小于 0 的数', 'points');
}

export function checkManualScore(m: Pick<ManualScore, 'itemId' | 'score'>, sheet: ScoringSheet): void {
  const cat = sheet.categories.find((c) => c.id === m.itemId);
  if (!cat) {
    throw new AdjudicationError('UNKNOWN_SCORING_ITEM', `评分项 ${m.itemId} 不在评分表 ${sheet.id} 中（可用：${sheet.categories.map((c) => c.id).join('、')}）`, 'itemId');
  }
  if (!(Number.isFinite(m.score) && m.score >= 0 && m.score <= cat.max)) {
    throw new AdjudicationError('SCORE_OUT_OF_RANGE', `${cat.name} 的得分须在 0 至 ${cat.max} 分之间：${m.score}`, 'score');
  }
}

/** The newest manual score per item. */
function latestScores(scores: readonly ManualScore[]): ManualScore[] {
  const m = new Map<string, ManualScore>();
  for (const s of scores) {
    const p = m.get(s.itemId);
    if (!p || p.at < s.at || (p.at === s.at && p.id < s.id)) m.set(s.itemId, s);
  }
  return [...m.values()];
}

export function adjudicate(input: AdjudicationInput): AdjudicatedReview {
  const { review, sheet } = input;
  const scoreFn = input.score ?? scoreReview;
  const applied = applyRulings(review, input.rulings ?? [], input.explanations ?? []);
  const full = scoreFn(review, sheet);
  const base = scoreFn(applied.effective, sheet);

  // what each dismissed finding would have cost
  const dismissed: DismissedDeduction[] = applied.findings
    .filter((f) => f.status === 'dismissed')
    .map((f) => {
      const d = full.categories.flatMap((c) => c.deductions).find((x) => x.fingerprint === f.finding.fingerprint && x.ruleId === f.finding.ruleId);
      const v = full.vetoHits.find((x) => x.fingerprint === f.finding.fingerprint && x.ruleId === f.finding.ruleId);
      const out: DismissedDeduction = {
        ruleId: f.finding.ruleId,
        fingerprint: f.finding.fingerprint,
        title: f.finding.title,
        points: d?.points ?? 0,
        reason: f.ruling!.reason ?? '',
        by: f.ruling!.by,
        at: f.ruling!.at,
      };
      if (v) out.veto = v.vetoId;
      return out;
    });

  const categories = base.categories.map((c) => ({ ...c, deductions: [...c.deductions] }));
  const catById = new Map(categories.map((c) => [c.id, c]));

  // manual scores: the reviewer's score for the item
  const manualScores: ManualItemScore[] = [];
  for (const s of latestScores(input.manualScores ?? [])) {
    checkManualScore(s, sheet);
    const c = catById.get(s.itemId)!;
    const item: ManualItemScore = { itemId: c.id, name: c.name, max: c.max, machineScore: c.score, score: s.score, by: s.by, at: s.at };
    if (s.note) item.note = s.note;
    manualScores.push(item);
    c.score = r2(s.score);
    c.deducted = r2(c.max - c.score);
  }

  // manual findings: deduct, floor at 0
  const manualDeductions: ManualDeduction[] = [];
  const vetoHits = [...base.vetoHits];
  const manualFindings = [...(input.manualFindings ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  for (const m of manualFindings) {
    checkManualFinding(m, sheet);
    const c = catById.get(m.categoryId)!;
    const points = r2(Math.min(m.points, c.score));
    const d: ManualDeduction = {
      manualFindingId: m.id,
      item: m.item,
      categoryId: c.id,
      severity: m.severity,
      points,
      requested: m.points,
      text: m.text,
      by: m.by,
      at: m.at,
    };
    if (points < m.points) d.note = '本分项扣完为止';
    manualDeductions.push(d);
    c.score = r2(c.score - points);
    c.deducted = r2(c.max - c.score);
    if (m.severity === 'veto') {
      const item = sheet.veto.find((v) => v.id === m.vetoId)!;
      const hit: ScoreResult['vetoHits'][number] = { vetoId: item.id, name: item.name, ruleId: '人工', fingerprint: `manual:${m.id}` };
      if (item.basis) hit.basis = item.basis;
      vetoHits.push(hit);
    }
  }

  const bonusPoints = base.bonus.reduce((s, b) => s + b.points, 0);
  const totalBeforeVeto = r2(Math.min(sheet.total, categories.reduce((s, c) => s + c.score, 0) + bonusPoints));
  const vetoed = vetoHits.length > 0;
  const total = vetoed && sheet.vetoZeroesTotal ? 0 : totalBeforeVeto;
  const grade = vetoed ? sheet.vetoGrade : sheet.grades.find((g) => total >= g.min)!.name;

  const provenance = provenanceOf(categories, manualScores, manualDeductions, dismissed);
  const score: AdjudicatedScore = {
    ...base,
    categories,
    vetoHits,
    total,
    totalBeforeVeto,
    grade,
    dismissed,
    manualDeductions,
    manualScores,
    provenance,
  };
  return { findings: applied.findings, staleRulings: applied.staleRulings, manualFindings, score };
}

function provenanceOf(
  categories: AdjudicatedScore['categories'],
  manualScores: ManualItemScore[],
  manualDeductions: ManualDeduction[],
  dismissed: DismissedDeduction[],
): ScoreProvenance {
  const scored = new Set(manualScores.map((s) => s.itemId));
  const machineCats = categories.filter((c) => !scored.has(c.id));
  const people = new Map<string, ScoreProvenance['manual'][number]>();
  const person = (by: Actor) => {
    let p = people.get(by.id);
    if (!p) people.set(by.id, (p = { by, scoredItems: [], scoredMax: 0, deducted: 0, dismissed: 0 }));
    return p;
  };
  for (const s of manualScores) {
    const p = person(s.by);
    p.scoredItems.push(s.itemId);
    p.scoredMax = r2(p.scoredMax + s.max);
  }
  for (const d of manualDeductions) person(d.by).deducted = r2(person(d.by).deducted + d.points);
  for (const d of dismissed) person(d.by).dismissed += 1;
  return {
    machineDeducted: r2(machineCats.reduce((s, c) => s + c.deductions.reduce((x, d) => x + d.points, 0), 0)),
    machineJudgedMax: r2(machineCats.reduce((s, c) => s + c.max, 0)),
    manual: [...people.values()].sort((a, b) => (a.by.id < b.by.id ? -1 : 1)),
  };
}
