import { loadScoringSheet, scoreReview, ScoringError } from '../../src/core/scoring';
import type { DeductionSheet, ScoringSheet } from '../../src/core/scoring';
import { finding, review } from './synthetic';

const def = () => loadScoringSheet('inferred-2024') as DeductionSheet;
const strict = () => loadScoringSheet('strict-veto-zero') as DeductionSheet;
const cat = (s: ReturnType<typeof scoreReview>, id: string) => s.categories.find((c) => c.id === id)!;

describe('scoreReview — inferred-2024 (hand-worked examples)', () => {
  it('a clean file scores 100 / 优秀 and carries the sheet id and version', () => {
    const s = scoreReview(review([]), def());
    expect(s).toMatchObject({ sheetId: 'inferred-2024', sheetVersion: '2024.0-I.1', sheetStatus: 'placeholder', total: 100, grade: '优秀', maxTotal: 100 });
    expect(s.vetoHits).toEqual([]);
    expect(s.categories.map((c) => [c.id, c.max])).toEqual([
      ['subject', 5], ['filing', 8], ['investigation', 30], ['procedure', 20],
      ['decision', 15], ['service_enforcement', 10], ['archiving', 7], ['education', 5],
    ]);
    // B1 (程序严谨) needs a file that went through hearing / legal review / collective discussion
    expect(s.bonus).toEqual([]);
  });

  it('deducts per severity and lists every deduction behind every point lost', () => {
    // error 2 + warning 1 + error 2 + warning 1 + info 0 = 6 → 94 优秀
    const s = scoreReview(
      review([
        finding('DL-06', 'error', 'procedure'),
        finding('DL-08', 'warning', 'service_enforcement'),
        finding('ED-02', 'error', 'education'),
        finding('ED-03', 'warning', 'education'),
        finding('ED-05', 'info', 'archiving'),
      ]),
      def(),
    );
    expect(s.total).toBe(94);
    expect(s.grade).toBe('优秀');
    expect(cat(s, 'procedure')).toMatchObject({ score: 18, deducted: 2 });
    expect(cat(s, 'service_enforcement')).toMatchObject({ score: 9, deducted: 1 });
    expect(cat(s, 'education')).toMatchObject({ score: 2, deducted: 3 });
    expect(cat(s, 'archiving')).toMatchObject({ score: 7, deducted: 0, deductions: [] }); // info costs 0: no deduction line
    const lost = s.categories.reduce((n, c) => n + c.deductions.reduce((m, d) => m + d.points, 0), 0);
    expect(lost).toBe(100 - s.total);
    expect(s.bonus).toEqual([]); // procedure has an error: no 程序严谨
  });

  it('empties a category to zero and no further (扣完为止、不计负分)', () => {
    // 普法 max 5: errors ED-01 2, ED-02 2, ED-04 2 (only 1 left) , warning ED-03 1 (nothing left)
    const s = scoreReview(
      review([
        finding('ED-03', 'warning', 'education'),
        finding('ED-04', 'error', 'education'),
        finding('ED-01', 'error', 'education'),
        finding('ED-02', 'error', 'education'),
      ]),
      def(),
    );
    const edu = cat(s, 'education');
    expect(edu.score).toBe(0);
    expect(edu.deducted).toBe(5);
    expect(edu.deductions.map((d) => [d.ruleId, d.requested, d.points, d.note ?? ''])).toEqual([
      ['ED-01', 2, 2, ''],
      ['ED-02', 2, 2, ''],
      ['ED-04', 2, 1, '本分项扣完为止'],
      ['ED-03', 1, 0, '本分项扣完为止'],
    ]);
    expect(s.total).toBe(95); // other categories untouched: the floor does not spill over
  });

  it('a veto hit makes the file 不合格 whatever the points; default keeps the total', () => {
    const s = scoreReview(review([finding('DL-03', 'veto', 'procedure', { title: '超过追责时效仍予处罚' })]), def());
    expect(s.vetoHits).toEqual([
      { vetoId: 'V9', name: '超过追责时效仍予处罚', basis: '行政处罚法第36条', ruleId: 'DL-03', fingerprint: expect.any(String) },
    ]);
    expect(s.total).toBe(95);
    expect(s.totalBeforeVeto).toBe(95);
    expect(s.grade).toBe('不合格');
  });

  it('strict-veto-zero: the same veto zeroes the total', () => {
    const s = scoreReview(review([finding('DL-03', 'veto', 'procedure')]), strict());
    expect(s.total).toBe(0);
    expect(s.totalBeforeVeto).toBe(95);
    expect(s.grade).toBe('不合格');
    expect(s.sheetId).toBe('strict-veto-zero');
  });

  it("a veto finding the sheet does not list takes the rule's own veto: tag", () => {
    const f = { ...finding('NEW-07', 'veto', 'procedure', { title: '新规则' }), veto: 'V6' };
    const s = scoreReview(review([f]), def());
    expect(s.vetoHits).toEqual([expect.objectContaining({ vetoId: 'V6', name: '应听证未告知听证权利或未组织听证', ruleId: 'NEW-07' })]);
    // the sheet's own mapping wins over a tag
    const g = { ...finding('DL-03', 'veto', 'procedure'), veto: 'V6' };
    expect(scoreReview(review([g]), def()).vetoHits[0].vetoId).toBe('V9');
  });

  it('a veto finding of a rule no V-item lists is still a veto (V?)', () => {
    const s = scoreReview(review([finding('XX-99', 'veto', 'decision', { title: '新否决规则' })]), def());
    expect(s.vetoHits).toEqual([expect.objectContaining({ vetoId: 'V?', ruleId: 'XX-99', name: '未归类否决项：新否决规则' })]);
    expect(s.grade).toBe('不合格');
  });

  it('repeated hits of one rule: each deducts up to the per-rule cap; the same fingerprint counts once', () => {
    const a = finding('DL-06', 'error', 'procedure', { fingerprint: 'DL-06:notice-1' });
    const b = finding('DL-06', 'error', 'procedure', { fingerprint: 'DL-06:notice-2' });
    const c = finding('DL-06', 'error', 'procedure', { fingerprint: 'DL-06:notice-3' });
    const s = scoreReview(review([a, b, c, { ...a }]), def());
    const p = cat(s, 'procedure');
    expect(p.deductions.map((d) => [d.fingerprint, d.points, d.note ?? ''])).toEqual([
      ['DL-06:notice-1', 2, ''],
      ['DL-06:notice-2', 2, ''],
      ['DL-06:notice-3', 1, '单条规则扣分上限 5 分'],
    ]);
    expect(s.total).toBe(95);
    // strict sheet: once per rule (3 points for an error there)
    const t = scoreReview(review([a, b, c]), strict());
    expect(cat(t, 'procedure').deductions.map((d) => [d.points, d.note ?? ''])).toEqual([
      [3, ''],
      [0, '同一规则重复命中，按评分表只扣一次'],
      [0, '同一规则重复命中，按评分表只扣一次'],
    ]);
    expect(t.total).toBe(97);
  });

  it('unknown scoringItem: default falls back to 立卷归档与卷面 and says so; strict refuses', () => {
    const f = finding('NEW-01', 'error', 'no_such_item');
    const s = scoreReview(review([f]), def());
    expect(cat(s, 'archiving').deductions).toEqual([expect.objectContaining({ ruleId: 'NEW-01', points: 2, unmappedItem: 'no_such_item' })]);
    expect(s.total).toBe(98);
    expect(() => scoreReview(review([f]), strict())).toThrow(ScoringError);
    expect(() => scoreReview(review([f]), strict())).toThrow(/no_such_item/);
  });

  it('per-rule overrides replace the severity value', () => {
    const sheet: ScoringSheet = { ...def(), deductions: { ...def().deductions, byRule: { 'DL-01': 3.5 } } };
    const s = scoreReview(review([finding('DL-01', 'error', 'decision')]), sheet);
    expect(cat(s, 'decision').deductions[0]).toMatchObject({ requested: 3.5, points: 3.5 });
    expect(s.total).toBe(96.5);
  });

  it.each([
    [10, 90, '优秀'],
    [10.5, 89.5, '良好'],
    [20, 80, '良好'],
    [21, 79, '合格'],
    [40, 60, '合格'],
    [40.5, 59.5, '不合格'],
  ])('grade bands: %p points lost → %p %s', (lost, total, grade) => {
    // one rule worth `lost` points in a sheet with a single 100-point category
    const base = def();
    const sheet: ScoringSheet = {
      ...base,
      categories: [{ id: 'all', name: '全部', max: 100 }],
      unknownScoringItem: { policy: 'error' },
      bonus: [],
      deductions: { ...base.deductions, byRule: { R: lost }, duplicates: { mode: 'each' } },
    };
    const s = scoreReview(review([finding('R', 'error', 'all')]), sheet);
    expect(s.total).toBe(total);
    expect(s.grade).toBe(grade);
  });

  it('bonus: 程序严谨 for a hearing file with a clean procedure, never above 100', () => {
    const passed = [{ ruleId: 'SEQ-09', title: '听证程序', summary: '', facts: [] }];
    const clean = scoreReview(review([], { passed }), def());
    expect(clean.bonus.map((b) => b.id)).toEqual(['B1']);
    expect(clean.total).toBe(100);
    const oneDefect = scoreReview(review([finding('DL-02', 'error', 'filing')], { passed }), def());
    expect(oneDefect.total).toBe(99); // 100 - 2 + 1
    const procDefect = scoreReview(review([finding('DL-07', 'warning', 'procedure')], { passed }), def());
    expect(procDefect.bonus).toEqual([]);
    expect(procDefect.total).toBe(99);
  });

  it('bonus: 执法手段丰富 when a coercive-measure rule applied; the total stays ≤ 100', () => {
    const s = scoreReview(
      review([finding('DL-02', 'error', 'filing'), finding('DL-11', 'warning', 'service_enforcement')], {
        passed: [{ ruleId: 'DL-28', title: '责令改正书3个工作日内送达', summary: '', facts: [] }],
      }),
      def(),
    );
    expect(s.bonus.map((b) => b.id)).toEqual(['B2']); // B1 fails: service_enforcement has a warning
    expect(s.total).toBe(100 - 3 + 1);
  });

  it('is independent of the order the engine lists findings in', () => {
    const fs = [
      finding('ED-03', 'warning', 'education'),
      finding('ED-04', 'error', 'education'),
      finding('ED-01', 'error', 'education'),
      { ...finding('SEQ-12', 'veto', 'procedure'), veto: 'V8' },
      finding('DL-06', 'error', 'procedure'),
    ];
    const a = scoreReview(review(fs), def());
    const b = scoreReview(review([...fs].reverse()), def());
    expect(b).toEqual(a);
  });
});
