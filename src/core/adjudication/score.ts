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
import type { CaseFile } from '../case-file/types';
import type { ReviewResult } from '../engine/types';
import { scoreReview } from '../scoring/score';
import type { ManualScore as SheetManualScore, ScoreResult, ScoringSheet } from '../scoring/types';
import { validateManualScores } from '../scoring/xize-score';
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

/** A reviewer's item score as a sheet that scores items itself takes it (细则 model: G11.5, F1.3 …). */
export type SheetItemScore = SheetManualScore;

export type Scorer = (review: ReviewResult, sheet: ScoringSheet, caseFile?: CaseFile, manualScores?: SheetItemScore[]) => ScoreResult;

/** scoreReview with the case file and the reviewer's item scores (sheets of the deduction model ignore both). */
const defaultScorer: Scorer = (review, sheet, caseFile, manualScores) => scoreReview(review, sheet, { caseFile, manualScores });

/**
 * A sheet that scores items itself (the 2024 细则 model): the reviewer's scores go to the scorer, which knows
 * every item and its points; on a deduction sheet a manual score sets a whole category.
 */
export function scoresItems(sheet: ScoringSheet): boolean {
  return sheet.model === 'xize-2024';
}

/** The parts of an item-scoring sheet's result read here (documents, sub-items, 卷面 elements). */
interface ItemScoreParts {
  normativity?: { documents: { id: string; name: string; points: number; status: string; subItems: { id: string; text: string; points: number; status: string }[] }[] };
  formDeductions?: { groups: { elements: { id: string; text: string; points: number; status: string }[] }[] };
}

function itemsOf(score: ScoreResult): { id: string; name: string; points: number; status: string }[] {
  const x = score as ScoreResult & ItemScoreParts;
  const out: { id: string; name: string; points: number; status: string }[] = [];
  for (const d of x.normativity?.documents ?? []) {
    out.push({ id: d.id, name: d.name, points: d.points, status: d.status });
    for (const si of d.subItems) out.push({ id: si.id, name: `${d.name} ${si.text}`, points: si.points, status: si.status });
  }
  for (const g of x.formDeductions?.groups ?? []) for (const e of g.elements) out.push({ id: e.id, name: `卷面 ${e.text}`, points: e.points, status: e.status });
  return out;
}

export interface AdjudicationInput {
  review: ReviewResult;
  sheet: ScoringSheet;
  /** the case file reviewed (sheets that score documents need it) */
  caseFile?: CaseFile;
  rulings?: readonly Ruling[];
  explanations?: readonly Explanation[];
  manualFindings?: readonly ManualFinding[];
  manualScores?: readonly ManualScore[];
  /** the sheet's scorer (defaults to scoreReview) */
  score?: Scorer;
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

/**
 * Check a manual score against the sheet. A sheet that scores items itself checks the 细则 item and its points
 * (validateManualScores; with the case file, against the case type the file is scored under); a deduction sheet
 * checks the category and its maximum.
 */
export function checkManualScore(m: Pick<ManualScore, 'itemId' | 'score'>, sheet: ScoringSheet, caseFile?: CaseFile): void {
  if (sheet.model === 'xize-2024') {
    const issue = validateManualScores([{ itemId: m.itemId, points: m.score }], sheet, caseFile).issues[0];
    if (issue) throw new AdjudicationError(issue.code === 'POINTS_OUT_OF_RANGE' ? 'SCORE_OUT_OF_RANGE' : issue.code, issue.message, issue.path.endsWith('.points') ? 'score' : 'itemId');
    return;
  }
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
  const scoreFn = input.score ?? defaultScorer;
  const applied = applyRulings(review, input.rulings ?? [], input.explanations ?? []);
  const byItems = scoresItems(sheet);
  const latest = latestScores(input.manualScores ?? []);
  if (byItems) for (const x of latest) checkManualScore(x, sheet, input.caseFile);
  const sheetScores: SheetItemScore[] | undefined = byItems ? latest.map((x) => (x.note ? { itemId: x.itemId, points: x.score, note: x.note } : { itemId: x.itemId, points: x.score })) : undefined;
  const full = scoreFn(review, sheet, input.caseFile, sheetScores);
  const base = scoreFn(applied.effective, sheet, input.caseFile, sheetScores);

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
  if (byItems) {
    const items = new Map(itemsOf(base).map((i) => [i.id, i]));
    for (const s of latest) {
      const it = items.get(s.itemId);
      if (!it) throw new AdjudicationError('UNKNOWN_SCORING_ITEM', `评分表 ${sheet.id} 中本案卷没有评查项 ${s.itemId}`, 'itemId');
      const item: ManualItemScore = { itemId: s.itemId, name: it.name, max: it.points, score: s.score, by: s.by, at: s.at };
      if (s.note) item.note = s.note;
      manualScores.push(item);
    }
  }
  for (const s of byItems ? [] : latest) {
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

  const provenance = provenanceOf(categories, manualScores, manualDeductions, dismissed, byItems ? itemsOf(base) : undefined, sheet.total);
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
  if (byItems && manualDeductions.length > 0) {
    // 细则 model: a manual finding took points from 合法性 or 规范性 — the parts say what the categories say, and a
    // manual 重大问题 zeroes the file (no pending item can move it any more)
    const part = (id: string) => catById.get(id)?.score;
    if (score.legality && part('legality') !== undefined) score.legality = { ...score.legality, score: part('legality')! };
    if (score.normativity && part('normativity') !== undefined) score.normativity = { ...score.normativity, score: part('normativity')! };
    if (score.totalRange && vetoed) score.totalRange = { min: 0, max: 0 };
  }
  return { findings: applied.findings, staleRulings: applied.staleRulings, manualFindings, score };
}

function provenanceOf(
  categories: AdjudicatedScore['categories'],
  manualScores: ManualItemScore[],
  manualDeductions: ManualDeduction[],
  dismissed: DismissedDeduction[],
  items: { id: string; points: number; status: string }[] | undefined,
  total: number,
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
  const out: ScoreProvenance = {
    machineDeducted: r2(machineCats.reduce((s, c) => s + c.deductions.reduce((x, d) => x + d.points, 0), 0)),
    machineJudgedMax: r2(machineCats.reduce((s, c) => s + c.max, 0)),
    manual: [...people.values()].sort((a, b) => (a.by.id < b.by.id ? -1 : 1)),
  };
  if (items) {
    // 细则 model: every item says who settled it; the points are 标准分 of the items, before the 50 × ratio
    const count = (st: string) => items.filter((i) => i.status === st).length;
    out.items = { machine: count('machine'), reviewer: count('reviewer'), pending: count('pending') };
    out.machineJudgedMax = r2(total - manualScores.reduce((s, m) => s + m.max, 0));
  }
  return out;
}
