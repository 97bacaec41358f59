import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdjudicationError,
  adjudicate,
  applySignOffEvent,
  assignReviewers,
  computeTaskResults,
  drawSample,
  factsDigest,
  newSignOff,
  peopleOnCase,
  replaySignOff,
  type Actor,
  type AssignableCase,
  type Evaluator,
  type Ruling,
} from '../../src/core/adjudication';
import type { CaseFile } from '../../src/core/case-file/types';
import { reviewCaseFile } from '../../src/core/engine';
import type { ReviewResult } from '../../src/core/engine/types';
import { factRefs } from '../../src/core/adjudication/digest';
import { loadScoringSheet, parseScoringSheet, scoreReview } from '../../src/core/scoring';
import { buildCase } from '../engine/rule-harness';

const fixture = (name: string): CaseFile => JSON.parse(readFileSync(join(__dirname, '../../fixtures/cases', name), 'utf8')) as CaseFile;
const sheet = loadScoringSheet('inferred-2024');
const reviewer: Actor = { id: 'u-rev', name: '李评查' };
const leader: Actor = { id: 'u-lead', name: '王组长' };

function ruling(review: ReviewResult, i: number, decision: Ruling['decision'], at = '2026-12-01T01:00:00.000Z'): Ruling {
  const f = review.findings[i];
  return {
    id: `r${i}-${at}`,
    ruleId: f.ruleId,
    fingerprint: f.fingerprint,
    factsDigest: factsDigest(f),
    refs: factRefs(f),
    decision,
    reason: decision === 'dismissed' ? '卷内第12页已有送达回证，引擎未识别' : undefined,
    title: f.title,
    by: reviewer,
    at,
  };
}

describe('rulings', () => {
  const file = fixture('11-decision-before-statement-period-no-education.json');
  const review = reviewCaseFile(file, { mode: 'review', asOf: '2026-06-30' });

  it('the sample has findings that deduct', () => {
    expect(review.findings.length).toBeGreaterThanOrEqual(2);
  });

  it('a dismissed finding does not deduct, stays visible with reason, reviewer and date', () => {
    const machine = scoreReview(review, sheet);
    const i = review.findings.findIndex((f) => f.severity !== 'info' && f.severity !== 'veto');
    const a = adjudicate({ review, sheet, rulings: [ruling(review, i, 'dismissed')] });
    const f = a.findings[i];
    expect(f.status).toBe('dismissed');
    expect(f.ruling?.reason).toContain('送达回证');
    expect(a.findings).toHaveLength(review.findings.length);
    const d = a.score.dismissed[0];
    expect(d).toMatchObject({ ruleId: review.findings[i].ruleId, by: reviewer, at: '2026-12-01T01:00:00.000Z' });
    expect(d.points).toBeGreaterThan(0);
    expect(a.score.totalBeforeVeto).toBeCloseTo((machine.totalBeforeVeto ?? machine.total) + d.points, 5);
    const charged = a.score.categories.flatMap((c) => c.deductions).map((x) => x.fingerprint);
    expect(charged).not.toContain(review.findings[i].fingerprint);
    expect(a.score.provenance.manual[0]).toMatchObject({ by: reviewer, dismissed: 1 });
  });

  it('a ruling survives a re-review of the same file', () => {
    const again = reviewCaseFile(structuredClone(file), { mode: 'review', asOf: '2026-06-30' });
    const a = adjudicate({ review: again, sheet, rulings: [ruling(review, 0, 'accepted')] });
    expect(a.findings[0].status).toBe('accepted');
    expect(a.staleRulings).toEqual([]);
  });

  it('a ruling whose finding is gone is stale, never applied', () => {
    const clean = reviewCaseFile(fixture('01-general-fine-clean.json'), { mode: 'review', asOf: '2026-06-30' });
    const a = adjudicate({ review: clean, sheet, rulings: [ruling(review, 0, 'dismissed')] });
    expect(a.staleRulings).toHaveLength(1);
    expect(a.staleRulings[0].state).toBe('stale');
    expect(a.score.dismissed).toEqual([]);
  });

  it('a changed fact invalidates the ruling (same rule, same documents, other value)', () => {
    const f = review.findings.find((x) => x.facts.some((y) => y.refId && typeof y.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(y.value)))!;
    const i = review.findings.indexOf(f);
    const changed: ReviewResult = {
      ...review,
      findings: review.findings.map((x, k) =>
        k === i ? { ...x, fingerprint: x.fingerprint + 'x', facts: x.facts.map((y, n) => (n === 0 ? { ...y, value: String(y.value) + ' ' } : y)) } : x,
      ),
    };
    const a = adjudicate({ review: changed, sheet, rulings: [ruling(review, i, 'dismissed')] });
    expect(a.findings[i].status).toBe('open');
    expect(a.staleRulings[0]).toMatchObject({ state: 'invalidated' });
    // same fingerprint, other data (e.g. a due date computed on other holiday data) → invalidated as well
    const sameFp: ReviewResult = { ...review, findings: review.findings.map((x, k) => (k === i ? { ...x, data: { ...(x.data ?? {}), dueOn: '2099-01-01' } } : x)) };
    const b = adjudicate({ review: sameFp, sheet, rulings: [ruling(review, i, 'dismissed')] });
    expect(b.findings[i].status).toBe('open');
    expect(b.staleRulings[0].state).toBe('invalidated');
  });

  it('the newest ruling on a finding wins', () => {
    const a = adjudicate({
      review,
      sheet,
      rulings: [ruling(review, 0, 'dismissed', '2026-12-01T01:00:00.000Z'), ruling(review, 0, 'accepted', '2026-12-01T02:00:00.000Z')],
    });
    expect(a.findings[0].status).toBe('accepted');
  });
});

describe('a rule merged from twins (DL-33 → DL-01 under the 2010 办法)', () => {
  // a file filed before 2023-07-01 and decided late: DL-01 applies in its 2010 version (formerly rule DL-33)
  const file = buildCase({
    name: '2010年办法 办案期限超期',
    base: 'general-fine',
    patch: [{ op: 'set', path: '/documents/#filing/approvedOn', value: '2023-03-01' }],
  });
  const review = reviewCaseFile(file, { mode: 'review', asOf: '2026-06-30' });
  const i = review.findings.findIndex((f) => f.ruleId === 'DL-01');
  const finding = review.findings[i];
  /** a ruling as it was stored before the merge: on rule DL-33, its fingerprint, and the digest under DL-33 */
  const storedOnDl33 = (): Ruling => ({
    ...ruling(review, i, 'dismissed'),
    ruleId: 'DL-33',
    factsDigest: factsDigest({ ruleId: 'DL-33', facts: finding.facts, data: finding.data }),
  });

  it('the finding names the version: formerId DL-33, the fingerprint it had as DL-33, the 2010 办法 as 依据', () => {
    expect(finding.formerId).toBe('DL-33');
    expect(finding.fingerprint).toMatch(/^DL-33:/);
    expect(finding.basis[0].law).toBe('环境行政处罚办法（2010，已废止）');
    expect(finding.message).toContain('起三个月');
  });

  it('a ruling stored on DL-33 still attaches (not stale, not invalidated)', () => {
    const a = adjudicate({ review, sheet, rulings: [storedOnDl33()] });
    expect(a.findings[i].status).toBe('dismissed');
    expect(a.staleRulings).toEqual([]);
  });

  it('a ruling stored on DL-33 whose facts changed is invalidated, not applied', () => {
    const later = reviewCaseFile(
      buildCase({ name: '决定日改变', base: 'general-fine', patch: [{ op: 'set', path: '/documents/#filing/approvedOn', value: '2023-03-01' }, { op: 'set', path: '/documents/#decision/madeOn', value: '2025-04-02' }] }),
      { mode: 'review', asOf: '2026-06-30' },
    );
    const a = adjudicate({ review: later, sheet, rulings: [storedOnDl33()] });
    expect(a.findings.find((f) => f.finding.ruleId === 'DL-01')!.status).toBe('open');
    expect(a.staleRulings.map((s) => s.state)).toEqual(['invalidated']);
  });

  it('a scoring sheet that names only DL-33 scores the finding as the shipped sheet does', () => {
    const official = loadScoringSheet('official-2024');
    const text = readFileSync(join(__dirname, '../../rules/scoring/official-2024.yaml'), 'utf8').replace(/\bDL-01, DL-33\b/g, 'DL-33');
    expect(text).not.toMatch(/rules: \[DL-01,/);
    const old = parseScoringSheet(text, 'official-2024.yaml');
    const shipped = scoreReview(review, official, { caseFile: file });
    expect(scoreReview(review, old, { caseFile: file })).toEqual(shipped);
    // the late decision takes the sub-item 在法定期限内作出行政处罚决定
    expect(JSON.stringify(shipped)).toContain(finding.fingerprint);
  });
});

describe('manual findings and scores', () => {
  const review = reviewCaseFile(fixture('01-general-fine-clean.json'), { mode: 'review', asOf: '2026-06-30' });

  it('a manual finding deducts in its category, floor 0, and says who set it', () => {
    const a = adjudicate({
      review,
      sheet,
      manualFindings: [
        { id: 'm1', item: '合法性评查 裁量', categoryId: 'decision', severity: 'error', points: 3, text: '裁量理由未说明', evidence: '决定书第2页', by: reviewer, at: '2026-12-01T01:00:00.000Z' },
        { id: 'm2', item: '合法性评查 裁量', categoryId: 'decision', severity: 'error', points: 100, text: '另一处', by: leader, at: '2026-12-01T02:00:00.000Z' },
      ],
    });
    const decision = a.score.categories.find((c) => c.id === 'decision')!;
    expect(decision.score).toBe(0);
    expect(a.score.manualDeductions.map((d) => d.points)).toEqual([3, decision.max - 3]);
    expect(a.score.manualDeductions[1].note).toBe('本分项扣完为止');
    expect(a.score.provenance.manual.find((p) => p.by.id === reviewer.id)?.deducted).toBe(3);
    const machine = scoreReview(review, sheet);
    const machineCategories = machine.categories.reduce((s, c) => s + c.score, 0);
    const bonus = machine.bonus.reduce((s, b) => s + b.points, 0);
    expect(a.score.total).toBe(Math.min(sheet.total, machineCategories - decision.max + bonus));
  });

  it('a manual veto finding is a veto hit of the named sheet item', () => {
    const a = adjudicate({
      review,
      sheet,
      manualFindings: [{ id: 'm1', item: '合法性评查 事实证据', categoryId: 'investigation', severity: 'veto', vetoId: 'V3', points: 5, text: '违法事实认定缺少监测报告', by: reviewer, at: '2026-12-01T01:00:00.000Z' }],
    });
    expect(a.score.grade).toBe('不合格');
    expect(a.score.vetoHits.map((v) => v.vetoId)).toContain('V3');
  });

  it('a manual score sets the item; the split machine / manual is reported', () => {
    const a = adjudicate({ review, sheet, manualScores: [{ id: 's1', itemId: 'investigation', score: 24, by: reviewer, at: '2026-12-01T01:00:00.000Z' }] });
    const inv = a.score.categories.find((c) => c.id === 'investigation')!;
    expect(inv.score).toBe(24);
    expect(a.score.manualScores[0]).toMatchObject({ itemId: 'investigation', machineScore: inv.max, score: 24, by: reviewer });
    expect(a.score.provenance.manual[0]).toMatchObject({ scoredItems: ['investigation'], scoredMax: inv.max });
    expect(a.score.provenance.machineJudgedMax).toBe(sheet.total - inv.max);
  });

  it('bad manual items are refused with a code and a path', () => {
    const bad = (fn: () => unknown, code: string) => {
      try {
        fn();
        throw new Error('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(AdjudicationError);
        expect((e as AdjudicationError).code).toBe(code);
      }
    };
    bad(() => adjudicate({ review, sheet, manualScores: [{ id: 's', itemId: 'nope', score: 1, by: reviewer, at: 'x' }] }), 'UNKNOWN_SCORING_ITEM');
    bad(() => adjudicate({ review, sheet, manualScores: [{ id: 's', itemId: 'filing', score: 9, by: reviewer, at: 'x' }] }), 'SCORE_OUT_OF_RANGE');
    bad(
      () => adjudicate({ review, sheet, manualFindings: [{ id: 'm', item: 'x', categoryId: 'filing', severity: 'veto', points: 1, text: 't', by: reviewer, at: 'x' }] }),
      'UNKNOWN_VETO_ITEM',
    );
  });
});

describe('sign-off', () => {
  const at = '2026-12-01T03:00:00.000Z';
  it('sign → return (comment) → sign → approve; the leader must be another person', () => {
    let s = applySignOffEvent(newSignOff(), { type: 'sign', by: reviewer, at, opinion: '程序基本合法，文书不规范' });
    expect(s.state).toBe('signed');
    expect(() => applySignOffEvent(s, { type: 'approve', by: reviewer, at })).toThrow(expect.objectContaining({ code: 'SAME_REVIEWER' }));
    expect(() => applySignOffEvent(s, { type: 'return', by: leader, at, comment: ' ' })).toThrow(expect.objectContaining({ code: 'COMMENT_REQUIRED' }));
    s = applySignOffEvent(s, { type: 'return', by: leader, at, comment: '裁量问题请补充人工评查' });
    expect(s).toMatchObject({ state: 'returned', reviewComment: '裁量问题请补充人工评查' });
    s = applySignOffEvent(s, { type: 'sign', by: reviewer, at, opinion: '已补充' });
    s = applySignOffEvent(s, { type: 'approve', by: leader, at });
    expect(s).toMatchObject({ state: 'approved', signedBy: reviewer, reviewedBy: leader, opinion: '已补充' });
    expect(() => applySignOffEvent(s, { type: 'sign', by: reviewer, at, opinion: 'x' })).toThrow(expect.objectContaining({ code: 'SIGN_OFF_FROZEN' }));
    expect(replaySignOff(s.history)).toEqual(s);
  });
  it('cannot sign without an opinion, cannot review an open file', () => {
    expect(() => applySignOffEvent(newSignOff(), { type: 'sign', by: reviewer, at, opinion: '' })).toThrow(expect.objectContaining({ code: 'OPINION_REQUIRED' }));
    expect(() => applySignOffEvent(newSignOff(), { type: 'approve', by: leader, at })).toThrow(expect.objectContaining({ code: 'NOT_SIGNED' }));
  });
});

describe('sampling', () => {
  const pool = Array.from({ length: 30 }, (_, i) => ({
    id: `c${String(i).padStart(2, '0')}`,
    caseNumber: `某环罚〔2025〕${i + 1}号`,
    agency: ['甲局', '乙局', '丙局'][i % 3],
  }));
  it('same seed → same sample, whatever the input order; another seed → another sample', () => {
    const a = drawSample(pool, { mode: 'ratio', ratio: 0.3, seed: 'seed-1' });
    const b = drawSample([...pool].reverse(), { mode: 'ratio', ratio: 0.3, seed: 'seed-1' });
    const c = drawSample(pool, { mode: 'ratio', ratio: 0.3, seed: 'seed-2' });
    expect(a).toEqual(b);
    expect(a.selected.map((x) => x.id)).not.toEqual(c.selected.map((x) => x.id));
    expect(a.perAgency).toEqual([
      { agency: '丙局', population: 10, selected: 3 },
      { agency: '乙局', population: 10, selected: 3 },
      { agency: '甲局', population: 10, selected: 3 },
    ]);
  });
  it('the draw follows the 案号, not the record ids: the same cases stored again under new ids give the same sample', () => {
    const again = pool.map((c, i) => ({ ...c, id: `x${String(29 - i).padStart(2, '0')}` }));
    const numbersOf = (p: typeof pool, s: ReturnType<typeof drawSample>) => s.selected.map((x) => p.find((c) => c.id === x.id)!.caseNumber);
    const seed = { mode: 'ratio' as const, ratio: 0.3, seed: 'seed-1' };
    expect(numbersOf(again, drawSample(again, seed))).toEqual(numbersOf(pool, drawSample(pool, seed)));
    // listed in 案号 order (code points: 〔2025〕1号, 10号, 11号 … as a string sort puts them)
    const numbers = numbersOf(pool, drawSample(pool, seed));
    expect(numbers).toEqual([...numbers].sort());
  });
  it('必查 cases are always in and count toward the ratio; all takes everything', () => {
    const s = drawSample(pool, { mode: 'ratio', ratio: 0.1, seed: 's', mustInclude: ['c00', 'c03'] });
    expect(s.selected.filter((x) => x.reason === 'must').map((x) => x.id)).toEqual(['c00', 'c03']);
    expect(s.selected.filter((x) => x.agency === '甲局')).toHaveLength(2);
    expect(drawSample(pool, { mode: 'all', seed: 's' }).selected).toHaveLength(30);
    expect(() => drawSample(pool, { mode: 'ratio', ratio: 0, seed: 's' })).toThrow(expect.objectContaining({ code: 'INVALID_RATIO' }));
    expect(() => drawSample(pool, { mode: 'all', seed: 's', mustInclude: ['zz'] })).toThrow(expect.objectContaining({ code: 'MUST_INCLUDE_NOT_IN_SCOPE' }));
  });
});

describe('assignment with 回避', () => {
  const file = fixture('01-general-fine-clean.json');
  const officer = file.officers[0];
  const cases: AssignableCase[] = Array.from({ length: 12 }, (_, i) => ({
    id: `c${String(i).padStart(2, '0')}`,
    caseNumber: `案${i}`,
    agency: ['甲局', '乙局', '丙局'][i % 3],
    people: i === 1 ? peopleOnCase(file) : [],
  }));
  const evaluators: Evaluator[] = [
    { id: 'e1', name: '甲一', agency: '甲局' },
    { id: 'e2', name: '乙一', agency: '乙局' },
    { id: 'e3', name: officer.name, agency: '丙局' },
  ];
  it('never assigns a case to its own agency or to someone who worked on it; balanced; reproducible', () => {
    const plan = assignReviewers(cases, evaluators, 'seed');
    const byId = new Map(evaluators.map((e) => [e.id, e]));
    for (const a of plan.assignments) {
      const c = cases.find((x) => x.id === a.caseId)!;
      expect(byId.get(a.evaluatorId)!.agency).not.toBe(c.agency);
    }
    expect(plan.assignments.find((a) => a.caseId === 'c01')!.evaluatorId).toBe('e1');
    expect(plan.recusals).toContainEqual(expect.objectContaining({ caseId: 'c01', evaluatorId: 'e3', reason: 'worked_on_case' }));
    expect(plan.unassigned).toEqual([]);
    const loads = evaluators.map((e) => plan.assignments.filter((a) => a.evaluatorId === e.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(assignReviewers([...cases].reverse(), [...evaluators].reverse(), 'seed')).toEqual(plan);
  });
  it('loads end at most one apart whatever the seed (the greedy pass alone does not always get there)', () => {
    for (let i = 0; i < 60; i++) {
      const plan = assignReviewers(cases, evaluators, `seed-${i}`);
      expect(plan.assignments).toHaveLength(12);
      const loads = evaluators.map((e) => plan.assignments.filter((a) => a.evaluatorId === e.id).length);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    }
  });
  it('a case whose reviewers are all at their limit is made room for along a chain, whatever the seed', () => {
    // X and Y may go to 甲 or 乙, Z to 乙 or 丙; one case each: 乙 taking Z first leaves Y without room unless Z moves on to 丙
    const three: Evaluator[] = [
      { id: 'a', name: '甲', agency: '某局', maxCases: 1, conflicts: ['Z'] },
      { id: 'b', name: '乙', agency: '某局', maxCases: 1 },
      { id: 'c', name: '丙', agency: '某局', maxCases: 1, conflicts: ['X', 'Y'] },
    ];
    const xyz: AssignableCase[] = ['X', 'Y', 'Z'].map((id) => ({ id, caseNumber: id, agency: '他局', people: [] }));
    for (let i = 0; i < 40; i++) {
      const plan = assignReviewers(xyz, three, `s${i}`);
      expect(plan.unassigned).toEqual([]);
      expect(plan.assignments.find((x) => x.caseId === 'Z')!.evaluatorId).not.toBe('a');
      expect(new Set(plan.assignments.map((x) => x.evaluatorId)).size).toBe(3);
    }
    // with a fourth case three places are not enough: one case is left out, and the plan says why
    const plan = assignReviewers([...xyz, { id: 'W', caseNumber: 'W', agency: '他局', people: [] }], three, 's');
    expect(plan.assignments).toHaveLength(3);
    expect(plan.unassigned).toEqual([expect.objectContaining({ reason: '可评查的人员已达分配上限' })]);
  });
  it('the same 案号 and reviewers stored again under new ids are assigned alike', () => {
    const byNumber = (cs: readonly AssignableCase[], es: readonly Evaluator[], plan: ReturnType<typeof assignReviewers>) =>
      Object.fromEntries(plan.assignments.map((a) => [cs.find((c) => c.id === a.caseId)!.caseNumber, es.find((e) => e.id === a.evaluatorId)!.name]));
    const cases2 = cases.map((c, i) => ({ ...c, id: `z${String(11 - i).padStart(2, '0')}` }));
    const evaluators2 = evaluators.map((e, i) => ({ ...e, id: `u${3 - i}` }));
    expect(byNumber(cases2, evaluators2, assignReviewers(cases2, evaluators2, 'seed'))).toEqual(byNumber(cases, evaluators, assignReviewers(cases, evaluators, 'seed')));
  });
  it('a reviewer of the agency above the case\'s agency recuses too', () => {
    const c: AssignableCase = { id: 'x', caseNumber: '案X', agency: '甲局临湖分局', agencyId: 'ag-sub', people: [] };
    const plan = assignReviewers([c], [{ id: 'e1', name: '甲一', agency: '甲局', ownAgencyIds: ['ag-1', 'ag-sub'] }, evaluators[1]], 's');
    expect(plan.assignments).toEqual([{ caseId: 'x', evaluatorId: 'e2' }]);
    expect(plan.recusals).toEqual([expect.objectContaining({ evaluatorId: 'e1', reason: 'same_agency' })]);
  });
  it('a case every reviewer must recuse from is reported unassigned', () => {
    const plan = assignReviewers([{ id: 'x', caseNumber: '案X', agency: '甲局', people: [] }], [evaluators[0]], 's');
    expect(plan.unassigned).toEqual([{ caseId: 'x', caseNumber: '案X', reason: '所有评查人员均须回避' }]);
  });
});

describe('task results', () => {
  it('ranks, tabulates per agency and officer, counts defects and lists 整改 items (dismissed ones excluded)', () => {
    const r11 = reviewCaseFile(fixture('11-decision-before-statement-period-no-education.json'), { mode: 'review', asOf: '2026-06-30' });
    const r01 = reviewCaseFile(fixture('01-general-fine-clean.json'), { mode: 'review', asOf: '2026-06-30' });
    const a11 = adjudicate({ review: r11, sheet, rulings: [ruling(r11, 0, 'dismissed')] });
    const a01 = adjudicate({ review: r01, sheet });
    const res = computeTaskResults(
      [
        { caseId: 'a', caseNumber: 'A', agency: '甲局', officers: ['张三'], state: 'approved', adjudicated: a11 },
        { caseId: 'b', caseNumber: 'B', agency: '乙局', officers: ['李四'], state: 'approved', adjudicated: a01 },
        { caseId: 'c', caseNumber: 'C', agency: '乙局', officers: ['李四'], state: 'open' },
      ],
      new Map([[`a:${r11.findings[1].fingerprint}`, { done: true, by: reviewer, at: '2026-12-02T00:00:00.000Z' }]]),
    );
    expect(res.ranking.map((x) => x.caseId)).toEqual(['b', 'a']);
    expect(res.ranking[0].rank).toBe(1);
    expect(res.agencies.find((x) => x.agency === '乙局')).toMatchObject({ cases: 2, scored: 1 });
    expect(res.officers.find((x) => x.officer === '李四')).toMatchObject({ cases: 2 });
    const items = res.rectifications.find((x) => x.agency === '甲局')!.items;
    expect(items.map((i) => i.key)).not.toContain(`a:${r11.findings[0].fingerprint}`);
    expect(items.find((i) => i.key === `a:${r11.findings[1].fingerprint}`)?.done).toBe(true);
    expect(res.topDefects.length).toBeGreaterThan(0);
    expect(res.topDefects[0].basis).toMatch(/《/);
  });
});

describe('on the official 细则 sheet (official-2024)', () => {
  const official = loadScoringSheet('official-2024');
  const file = fixture('11-decision-before-statement-period-no-education.json');
  const review = reviewCaseFile(file, { mode: 'review', asOf: '2026-06-30' });
  const machine = scoreReview(review, official, { caseFile: file });

  it('scores through the sheet itself: the adjudicated score has the 细则 parts', () => {
    const a = adjudicate({ review, sheet: official, caseFile: file });
    expect(a.score.model).toBe('xize-2024');
    expect(a.score.total).toBe(machine.total);
    expect(a.score.legality?.max).toBe(50);
    expect(a.score.normativity?.documents.length).toBeGreaterThan(0);
  });

  it('a dismissed 重大问题 finding no longer zeroes the file (合法性 back to 50)', () => {
    expect(machine.legality!.hits.map((h) => h.id)).toEqual(['L14']);
    const ev = machine.legality!.hits[0].evidence.filter((e) => e.kind === 'finding');
    const rulings = ev.map((e) => ruling(review, review.findings.findIndex((f) => f.fingerprint === e.fingerprint && f.ruleId === e.ruleId), 'dismissed'));
    const a = adjudicate({ review, sheet: official, caseFile: file, rulings });
    expect(a.score.legality!.score).toBe(50);
    expect(a.score.vetoHits).toEqual([]);
    expect(a.score.total).toBeGreaterThan(50);
    expect(a.score.dismissed.map((d) => d.veto)).toContain(machine.vetoHits[0].vetoId);
  });

  it('a dismissed finding that took a 规范性 sub-item\'s points no longer takes them', () => {
    const file = fixture('10-hearing-period-calendar-days.json');
    const review = reviewCaseFile(file, { mode: 'review', asOf: '2026-06-30' });
    const machine = scoreReview(review, official, { caseFile: file });
    const taken = machine.normativity!.documents.flatMap((d) => d.subItems).find((si) => si.status === 'machine' && si.awarded === 0 && si.evidence.some((e) => e.kind === 'finding'));
    expect(taken).toBeDefined();
    const ev = taken!.evidence.filter((e) => e.kind === 'finding');
    const rulings = ev.map((e) => ruling(review, review.findings.findIndex((f) => f.fingerprint === e.fingerprint && f.ruleId === e.ruleId), 'dismissed'));
    const a = adjudicate({ review, sheet: official, caseFile: file, rulings });
    expect(a.score.dismissed.map((d) => d.ruleId)).toEqual(expect.arrayContaining(ev.map((e) => e.ruleId)));
    const after = a.score.normativity!.documents.flatMap((d) => d.subItems).find((si) => si.id === taken!.id)!;
    expect(after.awarded).toBe(taken!.points);
    expect(a.score.normativity!.earned).toBeGreaterThan(machine.normativity!.earned);
  });

  it('a manual finding on the 细则 sheet takes its points from 规范性, and the part says so', () => {
    const file = fixture('01-general-fine-clean.json');
    const review = reviewCaseFile(file, { mode: 'review', asOf: '2026-06-30' });
    const machine = scoreReview(review, official, { caseFile: file });
    const a = adjudicate({
      review,
      sheet: official,
      caseFile: file,
      manualFindings: [{ id: 'm1', item: '规范性 调查询问笔录', categoryId: 'normativity', severity: 'error', points: 3, text: '询问笔录未记录告知权利', by: reviewer, at: '2026-12-01T02:00:00.000Z' }],
    });
    expect(a.score.manualDeductions).toEqual([expect.objectContaining({ categoryId: 'normativity', points: 3 })]);
    expect(a.score.normativity!.score).toBe(Math.round((machine.normativity!.score - 3) * 100) / 100);
    expect(a.score.total).toBe(Math.round((a.score.legality!.score + a.score.normativity!.score) * 100) / 100);
  });

  it('a manual item score fills a 待人工评分 item; out of range or unknown items are refused', () => {
    const pending = machine.manualItems!.find((m) => m.kind === 'score')!;
    expect(pending).toBeDefined();
    const score = { id: 's1', itemId: pending.itemId, score: pending.points, by: reviewer, at: '2026-12-01T02:00:00.000Z' };
    const a = adjudicate({ review, sheet: official, caseFile: file, manualScores: [score] });
    expect(a.score.manualItems!.some((m) => m.itemId === pending.itemId)).toBe(false);
    expect(a.score.manualScores).toEqual([expect.objectContaining({ itemId: pending.itemId, score: pending.points, max: pending.points })]);
    expect(a.score.provenance.items!.reviewer).toBeGreaterThan(0);
    expect(() => adjudicate({ review, sheet: official, caseFile: file, manualScores: [{ ...score, score: pending.points + 1 }] })).toThrow(
      expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE', path: 'score' }),
    );
    expect(() => adjudicate({ review, sheet: official, caseFile: file, manualScores: [{ ...score, itemId: 'Z99.9' }] })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SCORING_ITEM', path: 'itemId' }),
    );
  });
});
