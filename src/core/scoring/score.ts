/**
 * 案卷评查打分: ReviewResult × ScoringSheet → ScoreResult. Pure and deterministic.
 *
 * Model (catalog §e5, all values 【I】 defaults until the official 2024 细则 replaces the sheet):
 * - every finding deducts from the category its `scoringItem` names: the sheet's per-rule value, else its
 *   per-severity value;
 * - 扣完为止、不计负分: a category never goes below 0 — the deduction that hits the floor is cut, the rest of
 *   the findings in that category are listed with 0 points (note 扣完为止);
 * - repeated hits of one rule (distinct fingerprints) deduct per the sheet's duplicate policy; the very same
 *   finding reported twice (same fingerprint) counts once;
 * - a veto-severity finding is a veto hit → the veto grade (不合格), and with vetoZeroesTotal the total is 0.
 *   Its V-item: the sheet's mapping (rule id listed under an item), else the rule's own `veto:` tag (carried on
 *   the finding), else the sheet's unmappedVeto item — a veto is never dropped;
 * - bonus items (加分项) add points, the total never exceeding the sheet's total.
 */
import { gradeOf, sheetFields } from './score-head';
import type { CaseFile } from '../case-file/types';
import { SEVERITY_RANK } from '../domain/severity';
import type { Finding, ReviewResult, Severity } from '../engine/types';
import { ScoringError } from './errors';
import { loadScoringSheet } from './sheet';
import type { CategoryScore, Deduction, DeductionSheet, ManualScore, ScoreResult, ScoringSheet, VetoHit } from './types';
import { scoreXize } from './xize-score';

export { ScoringError } from './errors';

/** What a sheet of the 细则 model needs besides the review: the case file (documents, flags) and the reviewer's items. */
export interface ScoringInput {
  caseFile?: CaseFile;
  /** 人工评分: scores for items the machine leaves to the reviewer (validate first: validateManualScores) */
  manualScores?: ManualScore[];
}

/**
 * Score a review on a sheet. The deduction model needs the review only; the 细则 model (xize-2024) also needs
 * the case file (which documents are in it, the case type) and takes the reviewer's manual scores.
 */
export function scoreReview(result: ReviewResult, sheet: ScoringSheet = loadScoringSheet(), input: ScoringInput = {}): ScoreResult {
  if (sheet.model === 'xize-2024') {
    if (!input.caseFile) throw new ScoringError(`评分表 ${sheet.id} 按文书评分，需要案卷本身（caseFile）`);
    return scoreXize(result, sheet, input.caseFile, input.manualScores ?? []);
  }
  return scoreDeduction(result, sheet);
}

/** hundredths, so that 0.1 + 0.2 style drift never shows up in a total */
const r2 = (x: number): number => Math.round(x * 100) / 100;

function scoreDeduction(result: ReviewResult, sheet: DeductionSheet): ScoreResult {
  const categories = new Map<string, CategoryScore>(
    sheet.categories.map((c) => [c.id, { id: c.id, name: c.name, max: c.max, score: c.max, deducted: 0, deductions: [] }]),
  );

  // The same finding twice (same fingerprint) is one defect.
  const seen = new Set<string>();
  const findings: { f: Finding; categoryId: string; unmappedItem?: string }[] = [];
  for (const f of result.findings) {
    const key = `${f.ruleId}\u0000${f.fingerprint}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!(f.severity in SEVERITY_RANK)) throw new ScoringError(`规则 ${f.ruleId} 的严重程度 "${f.severity}" 无法识别`);
    if (categories.has(f.scoringItem)) {
      findings.push({ f, categoryId: f.scoringItem });
    } else if (sheet.unknownScoringItem.policy === 'fallback') {
      findings.push({ f, categoryId: sheet.unknownScoringItem.fallbackCategory!, unmappedItem: f.scoringItem });
    } else {
      throw new ScoringError(
        `规则 ${f.ruleId} 的评分项 "${f.scoringItem}" 不在评分表 ${sheet.id} 中（可用：${[...categories.keys()].join('、')}）`,
      );
    }
  }

  // Deterministic order: most severe first, then rule id, then fingerprint — the engine's output order
  // does not change who is charged what.
  findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
      cmp(a.f.ruleId, b.f.ruleId) ||
      cmp(a.f.fingerprint, b.f.fingerprint),
  );

  const chargedPerRule = new Map<string, number>();
  const hitsPerRule = new Map<string, number>();
  const { duplicates } = sheet.deductions;
  for (const { f, categoryId, unmappedItem } of findings) {
    const requested = sheet.deductions.byRule[f.ruleId] ?? sheet.deductions.bySeverity[f.severity];
    if (requested <= 0) continue; // not a deduction (e.g. info 0)
    const cat = categories.get(categoryId)!;
    const notes: string[] = [];
    let points = requested;

    const priorHits = hitsPerRule.get(f.ruleId) ?? 0;
    hitsPerRule.set(f.ruleId, priorHits + 1);
    if (duplicates.mode === 'once' && priorHits > 0) {
      points = 0;
      notes.push('同一规则重复命中，按评分表只扣一次');
    }
    if (duplicates.capPerRule !== undefined && points > 0) {
      const charged = chargedPerRule.get(f.ruleId) ?? 0;
      const room = r2(Math.max(0, duplicates.capPerRule - charged));
      if (points > room) {
        points = room;
        notes.push(`单条规则扣分上限 ${duplicates.capPerRule} 分`);
      }
    }
    const remaining = r2(cat.max - cat.deducted);
    if (points > remaining) {
      points = remaining;
      notes.push('本分项扣完为止');
    }
    points = r2(points);
    chargedPerRule.set(f.ruleId, r2((chargedPerRule.get(f.ruleId) ?? 0) + points));
    cat.deducted = r2(cat.deducted + points);
    cat.score = r2(cat.max - cat.deducted);
    const d: Deduction = { ruleId: f.ruleId, fingerprint: f.fingerprint, severity: f.severity, points, requested, title: f.title };
    if (unmappedItem !== undefined) d.unmappedItem = unmappedItem;
    if (notes.length > 0) d.note = notes.join('；');
    cat.deductions.push(d);
  }

  const vetoHits: VetoHit[] = [];
  for (const { f } of findings) {
    if (f.severity !== 'veto') continue;
    // the sheet's mapping first (the sheet is the scoring authority), then the rule's own `veto:` tag
    const tag = (f as { veto?: string }).veto;
    const item = sheet.veto.find((v) => v.rules.includes(f.ruleId)) ?? (tag ? sheet.veto.find((v) => v.id === tag) : undefined);
    const hit: VetoHit = item
      ? { vetoId: item.id, name: item.name, ruleId: f.ruleId, fingerprint: f.fingerprint }
      : tag
        ? { vetoId: tag, name: f.title, ruleId: f.ruleId, fingerprint: f.fingerprint }
        : { vetoId: sheet.unmappedVeto.id, name: `${sheet.unmappedVeto.name}：${f.title}`, ruleId: f.ruleId, fingerprint: f.fingerprint };
    if (item?.basis) hit.basis = item.basis;
    vetoHits.push(hit);
  }
  vetoHits.sort((a, b) => vetoOrder(sheet, a.vetoId) - vetoOrder(sheet, b.vetoId) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));

  const bonus = awardBonus(result, sheet, findings);

  const categoryList = sheet.categories.map((c) => categories.get(c.id)!);
  const base = r2(categoryList.reduce((s, c) => s + c.score, 0));
  const withBonus = r2(Math.min(sheet.total, base + bonus.reduce((s, b) => s + b.points, 0)));
  const vetoed = vetoHits.length > 0;
  const total = vetoed && sheet.vetoZeroesTotal ? 0 : withBonus;
  const grade = gradeOf(sheet, total, vetoed);

  return {
    model: 'deduction',
    ...sheetFields(sheet),
    total,
    totalBeforeVeto: withBonus,
    grade,
    vetoHits,
    categories: categoryList,
    bonus,
    // 待补录 checks deduct nothing (they yield no finding); the score says it rests on a partly entered file
    ...(result.entryCompleteness ? { pendingEntry: { rules: result.entryCompleteness.pendingRules, provisional: true as const } } : {}),
  };
}

function awardBonus(
  result: ReviewResult,
  sheet: DeductionSheet,
  findings: { f: Finding; categoryId: string }[],
): ScoreResult['bonus'] {
  const passed = new Set(result.passed.map((p) => p.ruleId));
  const applied = new Set([...passed, ...result.findings.map((f) => f.ruleId)]);
  const out: ScoreResult['bonus'] = [];
  for (const b of sheet.bonus) {
    if (b.applicableAnyOf && !b.applicableAnyOf.some((r) => applied.has(r))) continue;
    if (b.passedAllOf && !b.passedAllOf.every((r) => passed.has(r))) continue;
    if (
      b.cleanCategories &&
      findings.some(({ f, categoryId }) => b.cleanCategories!.includes(categoryId) && SEVERITY_RANK[f.severity] <= SEVERITY_RANK.warning)
    ) {
      continue;
    }
    out.push({ id: b.id, name: b.name, points: b.points });
  }
  return out;
}

function vetoOrder(sheet: ScoringSheet, id: string): number {
  const i = sheet.veto.findIndex((v) => v.id === id);
  return i < 0 ? sheet.veto.length : i;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
