/**
 * 案卷评查打分 on a sheet of the 细则 model (xize-2024). Pure and deterministic.
 *
 *   案卷得分 = 合法性评查得分（50）+ 规范性评查得分（50 × 对应评查项目得分之和 / 参与评查项目标准分之和 − 基本要素扣分值之和）
 *   案卷评查存在任一项重大问题的，直接评为 0 分。            —— 细则（2024年版）第3页【Q†】
 *
 * How each item is settled:
 * - an item with rules: a finding of one of them (severity in the sheet's takingSeverities) takes the points
 *   (合法性: the 重大问题 is hit); the rules applying and passing keep them; neither → 待人工评分. A 重大问题 is hit
 *   only by what the rule holds to be one: a finding of a veto rule that its check reports below veto (回避决定的决定人
 *   不当, 一人执法证过期而仍有两人具备资格, 期限仅在顺延口径下满足请核实 …) is shown as a hint and leaves the item to the reviewer;
 * - an item without rules → 待人工评分, unless the reviewer's manual score settles it;
 * - 根据案情无需评审 (the document is absent and the 细则 says so, or a condition says so) → leaves the denominator.
 *
 * The machine score (`total`) is the formula over the settled items only: pending items are in neither Σ得分 nor
 * Σ标准分. `totalRange` is where the reviewer's pending items can still take it: all pending at 0 (and every
 * pending 卷面 deduction taken) … all pending at full points. A 重大问题 the reviewer finds (合法性 items left to
 * the reviewer) would make it 0 whatever the range says; the score lists those items.
 */
import { gradeOf, sheetFields } from './score-head';
import { defaultCalendar } from '../calendar';
import type { CaseFile } from '../case-file/types';
import { defaultRulePack } from '../engine';
import { evaluateCondition } from '../engine/conditions';
import { ReviewContext } from '../engine/context';
import type { Finding, ReviewResult } from '../engine/types';
import { ScoringError } from './errors';
import type {
  Deduction,
  DocumentItemResult,
  FormDeductionScore,
  FormElementResult,
  ItemEvidence,
  LegalityItemResult,
  ManualItem,
  ManualScore,
  NormativityScore,
  ScoreResult,
  SheetCondition,
  SubItemResult,
  VetoHit,
  XizeCaseType,
  XizeSheet,
} from './types';

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** The case type a file is scored under (first whose condition holds), or undefined. */
export function xizeCaseTypeOf(sheet: XizeSheet, caseFile: CaseFile, review?: Pick<ReviewResult, 'mode' | 'asOf'>): XizeCaseType | undefined {
  const ctx = contextOf(caseFile, review);
  return sheet.caseTypes.find((t) => evaluateCondition(t.when, ctx));
}

function contextOf(caseFile: CaseFile, review?: Pick<ReviewResult, 'mode' | 'asOf'>): ReviewContext {
  return new ReviewContext(caseFile, review?.mode ?? 'review', review?.asOf ?? '2000-01-01', defaultRulePack(), defaultCalendar());
}

class Evidence {
  private readonly findingsByRule = new Map<string, Finding[]>();
  private readonly passed = new Map<string, string>();

  constructor(
    result: ReviewResult,
    private readonly taking: Set<string>,
  ) {
    const seen = new Set<string>();
    for (const f of result.findings) {
      const key = `${f.ruleId}\u0000${f.fingerprint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let list = this.findingsByRule.get(f.ruleId);
      if (!list) this.findingsByRule.set(f.ruleId, (list = []));
      list.push(f);
    }
    for (const p of result.passed) if (!this.passed.has(p.ruleId)) this.passed.set(p.ruleId, p.title);
  }

  private anyFinding(rules: string[]): boolean {
    for (const r of rules) if (this.findingsByRule.has(r)) return true;
    return false;
  }

  /** the findings of these rules that take points */
  takers(rules: string[]): Finding[] {
    if (!this.anyFinding(rules)) return NO_FINDINGS;
    return rules.flatMap((r) => (this.findingsByRule.get(r) ?? []).filter((f) => this.taking.has(f.severity)));
  }

  /** the findings of these rules that hit a 重大问题: those that take points, less a veto rule's findings below veto */
  legalityTakers(rules: string[]): Finding[] {
    const takers = this.takers(rules);
    return takers.length ? takers.filter((f) => !isBelowItsVeto(f)) : takers;
  }

  passedOf(rules: string[]): ItemEvidence[] {
    if (rules.length === 0) return NO_EVIDENCE;
    const out: ItemEvidence[] = [];
    for (const r of rules) {
      const title = this.passed.get(r);
      if (title !== undefined && !(this.findingsByRule.get(r) ?? NO_FINDINGS).some((f) => this.taking.has(f.severity))) out.push({ ruleId: r, kind: 'passed', title });
    }
    return out;
  }

  /** findings shown to the reviewer: hint rules (any severity) and mapped rules' non-taking findings (合法性: and a
   *  veto rule's findings below veto) */
  hints(hintRules: string[], rules: string[], legality = false): ItemEvidence[] {
    if (!this.anyFinding(hintRules) && !this.anyFinding(rules)) return NO_EVIDENCE;
    const out: ItemEvidence[] = [];
    for (const r of hintRules) for (const f of this.findingsByRule.get(r) ?? NO_FINDINGS) out.push(asEvidence(f, 'hint'));
    for (const r of rules)
      for (const f of this.findingsByRule.get(r) ?? NO_FINDINGS) if (!this.taking.has(f.severity) || (legality && isBelowItsVeto(f))) out.push(asEvidence(f, 'hint'));
    return out;
  }
}

/** a finding of a veto rule that its check reported at a lesser severity: the rule says it is not the 重大问题 */
function isBelowItsVeto(f: Finding): boolean {
  return f.severity !== 'veto' && defaultRulePack().byId.get(f.ruleId)?.severity === 'veto';
}

/** shared empty lists (never mutated): most items have no finding */
const NO_FINDINGS: Finding[] = [];
const NO_EVIDENCE: ItemEvidence[] = [];

function asEvidence(f: Finding, kind: ItemEvidence['kind']): ItemEvidence {
  return { ruleId: f.ruleId, fingerprint: f.fingerprint, kind, title: f.title, severity: f.severity, basisPending: f.basisPending };
}

export function scoreXize(result: ReviewResult, sheet: XizeSheet, caseFile: CaseFile, manualScores: ManualScore[]): ScoreResult {
  const ctx = contextOf(caseFile, result);
  const holds = (c: SheetCondition | undefined): boolean => c !== undefined && evaluateCondition(c, ctx);
  const ev = new Evidence(result, new Set(sheet.takingSeverities));
  const manual = new Map(manualScores.map((m) => [m.itemId, m]));
  const manualItems: ManualItem[] = [];
  const deductions: Deduction[] = [];

  // —— 合法性评查 ——
  // (object literals with one fixed shape, not spreads: this runs for every file of an evaluation)
  const legalityItem = (it: XizeSheet['legality']['items'][number], status: LegalityItemResult['status'], evidence: ItemEvidence[]): LegalityItemResult => ({
    id: it.id, no: it.no, group: it.group, name: it.name, status, coverage: it.coverage, evidence, note: it.note,
  });
  const legalityItems: LegalityItemResult[] = sheet.legality.items.map((it) => {
    if (holds(it.notApplicableWhen)) return legalityItem(it, 'not_applicable', NO_EVIDENCE);
    const takers = ev.legalityTakers(it.rules);
    const hints = ev.hints(it.hints, it.rules, true);
    if (takers.length > 0) return legalityItem(it, 'hit', [...takers.map((f) => asEvidence(f, 'finding')), ...hints]);
    const passed = ev.passedOf(it.rules);
    // a veto rule's lesser finding leaves the item to the reviewer, never clear
    const status = it.coverage === 'machine' && passed.length > 0 && ev.takers(it.rules).length === 0 ? 'clear' : 'pending';
    return legalityItem(it, status, hints.length ? [...passed, ...hints] : passed);
  });
  const hits = legalityItems.filter((i) => i.status === 'hit');
  const legalityScore = hits.length > 0 ? 0 : sheet.legality.points;
  const vetoHits: VetoHit[] = hits.flatMap((h) =>
    h.evidence
      .filter((e) => e.kind === 'finding')
      .map((e) => ({ vetoId: h.id, name: h.name, ruleId: e.ruleId, fingerprint: e.fingerprint!, basis: `细则合法性评查标准第${h.no}项（${h.group}）` })),
  );

  // —— 规范性评查：各类型文书评查项 ——
  const caseType = sheet.caseTypes.find((t) => evaluateCondition(t.when, ctx));
  let earned = 0;
  let participating = 0;
  let pendingMax = 0;
  let pendingBonus = 0;
  const documents: DocumentItemResult[] = [];
  for (const { no, item } of caseType?.documents ?? []) {
    const docId = `${caseType!.code}${no}`;
    const docs = item.documentTypes.length > 0 ? ctx.docsOf(item.documentTypes) : [];
    const present = item.documentTypes.length === 0 || docs.length >= item.minCount;
    const documentIds = docs.map((d) => d.id);
    const bonus = item.bonus ? true : undefined;
    const docResult = (status: DocumentItemResult['status'], awarded: number, subItems: SubItemResult[], note = item.note): DocumentItemResult => ({
      id: docId, no, name: item.name, points: item.points, bonus, status, documentIds, awarded, subItems, note,
    });
    const subResult = (s: (typeof item.subItems)[number], awarded: number, status: SubItemResult['status'], evidence: ItemEvidence[], note?: string): SubItemResult => ({
      id: `${docId}.${s.no}`, no: s.no, text: s.text, points: s.points, awarded, status, bonus, evidence, note,
    });
    const notApplicable = (item.applicableWhen !== undefined && !holds(item.applicableWhen)) || holds(item.notApplicableWhen);
    if (notApplicable || (!present && item.whenAbsent === 'not_applicable')) {
      documents.push(docResult('not_applicable', 0, item.subItems.map((s) => subResult(s, 0, 'not_applicable', NO_EVIDENCE))));
      continue;
    }
    if (!present && item.whenAbsent === 'zero') {
      if (!item.bonus) participating += item.points;
      documents.push(docResult('absent', 0, item.subItems.map((s) => subResult(s, 0, 'machine', NO_EVIDENCE, '卷内无该文书，本项得0分'))));
      continue;
    }
    if (!present) {
      // whenAbsent: review — whether the item 无需评审 is the reviewer's call; a manual score for the document settles it
      const m = manual.get(docId);
      if (m) {
        if (!item.bonus) participating += item.points;
        earned += m.points;
        documents.push(docResult('scored', m.points, [], `评查人员评分${m.note ? `：${m.note}` : ''}`));
      } else {
        if (item.bonus) pendingBonus += item.points;
        else pendingMax += item.points;
        manualItems.push({ itemId: docId, label: `${item.name}（卷内无该文书：得分或无需评审由评查人员认定）`, points: item.points, kind: 'score' });
        documents.push(docResult('pending', 0, item.subItems.map((s) => subResult(s, 0, 'pending', NO_EVIDENCE))));
      }
      continue;
    }
    const subItems: SubItemResult[] = [];
    for (const s of item.subItems) {
      const subId = `${docId}.${s.no}`;
      if (holds(s.notApplicableWhen)) {
        subItems.push(subResult(s, 0, 'not_applicable', NO_EVIDENCE));
        continue;
      }
      const takers = ev.takers(s.rules);
      const passed = ev.passedOf(s.rules);
      const hints = ev.hints(s.hints, s.rules);
      const m = manual.get(subId);
      let sub: SubItemResult;
      if (m) {
        const machineNote = takers.length > 0 ? `（机器评定 0 分）` : passed.length > 0 ? `（机器评定 ${s.points} 分）` : '';
        sub = subResult(s, m.points, 'reviewer', [...takers.map((f) => asEvidence(f, 'finding')), ...passed, ...hints], `评查人员评分${machineNote}${m.note ? `：${m.note}` : ''}`);
      } else if (takers.length > 0) {
        sub = subResult(s, 0, 'machine', [...takers.map((f) => asEvidence(f, 'finding')), ...hints]);
        for (const f of takers) {
          deductions.push({ ruleId: f.ruleId, fingerprint: f.fingerprint, severity: f.severity, points: s.points, requested: s.points, title: f.title, note: `${subId} ${item.name}：${s.text}（${s.points}分）` });
        }
      } else if (passed.length > 0) {
        sub = subResult(s, s.points, 'machine', hints.length ? [...passed, ...hints] : passed);
      } else {
        sub = subResult(s, 0, 'pending', hints);
        manualItems.push({ itemId: subId, label: `${item.name} 第${s.no}目：${s.text}`, points: s.points, kind: 'score' });
      }
      if (sub.status === 'pending') {
        if (item.bonus) pendingBonus += s.points;
        else pendingMax += s.points;
      } else {
        earned += sub.awarded;
        if (!item.bonus) participating += s.points;
      }
      subItems.push(sub);
    }
    documents.push(docResult('scored', r2(subItems.reduce((t, x) => t + x.awarded, 0)), subItems));
  }
  earned = r2(earned);
  participating = r2(participating);
  pendingMax = r2(pendingMax);
  pendingBonus = r2(pendingBonus);
  const P = sheet.normativityPoints;
  const ratio = (e: number, d: number): number => (d > 0 ? (P * e) / d : P);
  const documentScore = r2(ratio(earned, participating));

  // —— 卷面基本要素（扣分制） ——
  let pendingForm = 0;
  const groups: FormDeductionScore['groups'] = sheet.form.groups.map((g) => {
    const elements: FormElementResult[] = g.elements.map((e) => {
      const takers = ev.takers(e.rules);
      const passed = ev.passedOf(e.rules);
      const hints = ev.hints(e.hints, e.rules);
      const m = manual.get(e.id);
      if (m) return { id: e.id, text: e.text, points: e.points, deducted: m.points, status: 'reviewer', evidence: [...takers.map((f) => asEvidence(f, 'finding')), ...passed, ...hints] };
      if (takers.length > 0) {
        for (const f of takers) {
          deductions.push({ ruleId: f.ruleId, fingerprint: f.fingerprint, severity: f.severity, points: e.points, requested: e.points, title: f.title, note: `卷面 ${e.id}：${e.text}（扣${e.points}分）` });
        }
        return { id: e.id, text: e.text, points: e.points, deducted: e.points, status: 'machine', evidence: [...takers.map((f) => asEvidence(f, 'finding')), ...hints] };
      }
      if (passed.length > 0) return { id: e.id, text: e.text, points: e.points, deducted: 0, status: 'machine', evidence: [...passed, ...hints] };
      pendingForm += e.points;
      manualItems.push({ itemId: e.id, label: `卷面 ${g.name} 第${e.id.split('.')[1]}项：${e.text}`, points: e.points, kind: 'deduction' });
      return { id: e.id, text: e.text, points: e.points, deducted: 0, status: 'pending', evidence: hints };
    });
    return { id: g.id, name: g.name, max: g.max, deducted: r2(Math.min(g.max, elements.reduce((t, e) => t + e.deducted, 0))), elements };
  });
  const formDeducted = r2(Math.min(sheet.form.max, groups.reduce((t, g) => t + g.deducted, 0)));
  const formMaxDeducted = r2(Math.min(sheet.form.max, groups.reduce((t, g) => t + Math.min(g.max, g.deducted + g.elements.filter((e) => e.status === 'pending').reduce((s, e) => s + e.points, 0)), 0)));
  const normativityScore = r2(Math.max(0, documentScore - formDeducted));

  const formula = caseType
    ? `${P} × ${fmt(earned)} / ${fmt(participating)} − ${fmt(formDeducted)} = ${fmt(documentScore)} − ${fmt(formDeducted)} = ${fmt(normativityScore)}`
    : `${P}（${sheet.uncoveredNote}）− ${fmt(formDeducted)} = ${fmt(normativityScore)}`;
  const normativity: NormativityScore = {
    max: P,
    caseType: caseType?.id ?? null,
    caseTypeName: caseType?.name ?? '（细则未设该类案卷的文书评查项）',
    caseTypeTotal: caseType?.total ?? 0,
    documents,
    earned,
    participating,
    documentScore,
    score: normativityScore,
    formula,
    ...(caseType ? {} : { note: sheet.uncoveredNote }),
  };
  const formDeductions: FormDeductionScore = { max: sheet.form.max, deducted: formDeducted, groups };

  const vetoed = hits.length > 0;
  const beforeVeto = r2(sheet.legality.points + normativityScore);
  const total = vetoed ? 0 : beforeVeto;
  const low = r2(sheet.legality.points + Math.max(0, ratio(earned, participating + pendingMax) - formMaxDeducted));
  const high = r2(sheet.legality.points + Math.max(0, ratio(earned + pendingMax + pendingBonus, participating + pendingMax) - formDeducted));
  const totalRange = vetoed ? { min: 0, max: 0 } : { min: Math.min(low, total), max: Math.max(high, total) };
  const grade = gradeOf(sheet, total, vetoed);
  if (!Number.isFinite(total)) throw new ScoringError(`评分表 ${sheet.id} 算出的分数无效`);

  return {
    model: 'xize-2024',
    ...sheetFields(sheet),
    total,
    totalBeforeVeto: beforeVeto,
    grade,
    vetoHits,
    categories: [
      { id: 'legality', name: '合法性评查', max: sheet.legality.points, score: legalityScore, deducted: r2(sheet.legality.points - legalityScore), deductions: [] },
      { id: 'normativity', name: '规范性评查', max: P, score: normativityScore, deducted: r2(P - normativityScore), deductions: sortDeductions(deductions) },
    ],
    bonus: [],
    legality: { max: sheet.legality.points, score: legalityScore, hits, items: legalityItems },
    normativity,
    formDeductions,
    manualItems,
    totalRange,
    gradeOverlay: sheet.gradeOverlay,
    // 待补录 checks neither take nor keep points (no finding, not passed): their items stay 待人工评分
    ...(result.entryCompleteness ? { pendingEntry: { rules: result.entryCompleteness.pendingRules, provisional: true as const } } : {}),
  };
}

function sortDeductions(list: Deduction[]): Deduction[] {
  return [...list].sort((a, b) => cmp(a.note ?? '', b.note ?? '') || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fmt(n: number): string {
  return String(r2(n));
}

/** One problem with a manual score: path inside the request, English code, Chinese message. */
export interface ManualScoreIssue {
  path: string;
  code: 'INVALID_MANUAL_SCORES' | 'UNKNOWN_SCORING_ITEM' | 'POINTS_OUT_OF_RANGE' | 'DUPLICATE_SCORING_ITEM' | 'NOT_A_MANUAL_SHEET';
  message: string;
}

/**
 * Check `manualScores` of a request against the sheet and the case type the file is scored under.
 * Item ids: G11.5 (文书评查项细目), G7 (a pending document as a whole), F1.3 (卷面要素, points = 扣分).
 */
export function validateManualScores(raw: unknown, sheet: XizeSheet | { model: 'deduction'; id: string }, caseFile: CaseFile | undefined, path = 'manualScores'): { scores: ManualScore[]; issues: ManualScoreIssue[] } {
  const issues: ManualScoreIssue[] = [];
  if (raw === undefined) return { scores: [], issues };
  if (!Array.isArray(raw)) return { scores: [], issues: [{ path, code: 'INVALID_MANUAL_SCORES', message: 'manualScores 应为列表：[{ itemId, points, note? }]' }] };
  if (sheet.model !== 'xize-2024') {
    return { scores: [], issues: raw.length === 0 ? [] : [{ path, code: 'NOT_A_MANUAL_SHEET', message: `评分表 ${sheet.id} 没有人工评分项；人工评分用于按细则结构的评分表（如 official-2024）` }] };
  }
  const limits = new Map<string, { max: number; label: string }>();
  const caseType = caseFile ? xizeCaseTypeOf(sheet, caseFile) : undefined;
  for (const ct of caseType ? [caseType] : caseFile ? [] : sheet.caseTypes) {
    for (const { no, item } of ct.documents) {
      limits.set(`${ct.code}${no}`, { max: item.points, label: item.name });
      for (const s of item.subItems) limits.set(`${ct.code}${no}.${s.no}`, { max: s.points, label: `${item.name} 第${s.no}目` });
    }
  }
  for (const g of sheet.form.groups) for (const e of g.elements) limits.set(e.id, { max: e.points, label: `卷面 ${e.id}（扣分）` });
  const seen = new Set<string>();
  const scores: ManualScore[] = [];
  raw.forEach((x, i) => {
    const p = `${path}[${i}]`;
    if (!x || typeof x !== 'object' || Array.isArray(x)) {
      issues.push({ path: p, code: 'INVALID_MANUAL_SCORES', message: '应为对象 { itemId, points, note? }' });
      return;
    }
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!['itemId', 'points', 'note'].includes(k)) issues.push({ path: `${p}.${k}`, code: 'INVALID_MANUAL_SCORES', message: `未知字段「${k}」（允许：itemId、points、note）` });
    const itemId = o.itemId;
    if (typeof itemId !== 'string' || itemId.trim() === '') {
      issues.push({ path: `${p}.itemId`, code: 'INVALID_MANUAL_SCORES', message: 'itemId 应为评查项编号，如 G11.5' });
      return;
    }
    const limit = limits.get(itemId);
    if (!limit) {
      const where = caseType ? `本案卷按"${caseType.name}"评查，` : '';
      issues.push({ path: `${p}.itemId`, code: 'UNKNOWN_SCORING_ITEM', message: `${where}评分表 ${sheet.id} 中没有评查项 ${itemId}` });
      return;
    }
    if (seen.has(itemId)) issues.push({ path: `${p}.itemId`, code: 'DUPLICATE_SCORING_ITEM', message: `评查项 ${itemId} 重复给分` });
    seen.add(itemId);
    const points = o.points;
    if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || points > limit.max) {
      issues.push({ path: `${p}.points`, code: 'POINTS_OUT_OF_RANGE', message: `${itemId}（${limit.label}）的分数应在 0 至 ${limit.max} 之间` });
      return;
    }
    if (o.note !== undefined && typeof o.note !== 'string') {
      issues.push({ path: `${p}.note`, code: 'INVALID_MANUAL_SCORES', message: 'note 应为文字' });
      return;
    }
    scores.push({ itemId, points: r2(points), ...(typeof o.note === 'string' && o.note.trim() ? { note: o.note.trim() } : {}) });
  });
  return { scores: issues.length > 0 ? [] : scores, issues };
}
