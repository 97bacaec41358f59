/**
 * official-2024 (《生态环境行政执法案卷评查细则（2024年版）》): the 细则's formula on real sample files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../../src/core/case-file/types';
import { reviewCaseFile, type ReviewResult } from '../../src/core/engine';
import { projectRoot } from '../../src/core/paths';
import { loadScoringSheet, scoreReview, ScoringError, validateManualScores, type ManualScore, type XizeSheet } from '../../src/core/scoring';
import { finding } from './synthetic';

const sheet = loadScoringSheet('official-2024') as XizeSheet;
const sample = (name: string): CaseFile => JSON.parse(readFileSync(join(projectRoot(), 'fixtures', 'cases', name), 'utf8'));
const reviewOf = (cf: CaseFile): ReviewResult => reviewCaseFile(cf, { mode: 'review', asOf: '2026-06-30' });
const score = (cf: CaseFile, manualScores: ManualScore[] = [], review = reviewOf(cf)) => scoreReview(review, sheet, { caseFile: cf, manualScores });

/** every pending sub-item of a score, at `fraction` of its points (and 0 for 卷面 deductions) */
function reviewerScores(s: ReturnType<typeof score>, fraction: number): ManualScore[] {
  return s.manualItems!.map((m) => ({ itemId: m.itemId, points: m.kind === 'deduction' ? 0 : Math.round(m.points * fraction * 2) / 2 }));
}

describe('official-2024 — the sheet', () => {
  it('is the 细则 structure: 25 重大问题, 规范性 50, 卷面 20, the case types with their totals', () => {
    expect(sheet.status).toBe('official');
    expect(sheet.source).toContain('环执法发〔2024〕4号');
    expect(sheet.source).toContain('Q†');
    expect(sheet.legality.items.map((i) => i.no)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(sheet.legality.points + sheet.normativityPoints).toBe(100);
    expect(sheet.form.max).toBe(20);
    expect(sheet.form.groups.map((g) => [g.name, g.max])).toEqual([
      ['各类文书基本要素', 10],
      ['现场检查（勘察）笔录/调查询问笔录基本要素', 10],
    ]);
    expect(Object.fromEntries(sheet.caseTypes.map((t) => [t.id, [t.total, t.documents.length]]))).toEqual({
      daily_penalty: [120, 16],
      seizure: [100, 9],
      crime_transfer: [100, 9],
      detention_transfer: [100, 12],
      no_penalty: [100, 12],
      general: [100, 14],
    });
    const general = sheet.caseTypes.find((t) => t.id === 'general')!;
    expect(general.documents.map((d) => `${d.item.name} ${d.item.points}`)).toEqual([
      '立案审批表 2', '现场检查（勘察）笔录 10', '调查询问笔录 10', '监测/检测/鉴定报告 5', '收集的其他证据 8', '案件调查报告 8',
      '责令改正违法行为决定书 10', '行政处罚事先（听证）告知书 10', '行政处罚听证通知书 4', '听证笔录 8', '行政处罚决定书 15',
      '督促履行义务催告书 2', '强制执行申请书 5', '结案审批表 3',
    ]);
    // the transfer types' 加分项 count in Σ得分 only
    expect(sheet.caseTypes.find((t) => t.id === 'crime_transfer')!.documents.at(-1)!.item).toMatchObject({ bonus: true, points: 15 });
  });

  it('labels its grade bands as a local overlay 【I】, not part of the 细则', () => {
    expect(sheet.gradeOverlay.name).toContain('【I】');
    expect(sheet.gradeOverlay.note).toContain('细则没有规定等次');
  });
});

describe('official-2024 — scoring', () => {
  it('a clean sample keeps 合法性 50 and no 重大问题', () => {
    const s = score(sample('01-general-fine-clean.json'));
    expect(s.legality!.score).toBe(50);
    expect(s.legality!.hits).toEqual([]);
    expect(s.vetoHits).toEqual([]);
    expect(s.categories.map((c) => [c.id, c.max, c.score])).toEqual([['legality', 50, 50], ['normativity', 50, 50]]);
    // 第20项 (追责时效) is fully machine-checkable and DL-03 passed
    expect(s.legality!.items.find((i) => i.no === 20)).toMatchObject({ status: 'clear', coverage: 'machine' });
    // items the machine cannot judge say so
    expect(s.legality!.items.find((i) => i.no === 1)).toMatchObject({ status: 'pending', coverage: 'manual' });
    expect(s.totalRange!.min).toBeLessThan(s.total);
    expect(s.totalRange!.max).toBe(100);
  });

  it('a veto sample scores 0, naming the 细则 item and the rule behind it', () => {
    const s = score(sample('12-hearing-without-legal-review.json'));
    expect(s.total).toBe(0);
    expect(s.totalRange).toEqual({ min: 0, max: 0 });
    expect(s.grade).toBe('不合格');
    expect(s.legality!.hits.map((h) => [h.id, h.evidence.filter((e) => e.kind === 'finding').map((e) => e.ruleId)])).toEqual([['L19', ['SEQ-10']]]);
    expect(s.vetoHits[0]).toMatchObject({ vetoId: 'L19', ruleId: 'SEQ-10', basis: '细则合法性评查标准第19项（执法程序）' });
    // what the file would have scored without the 重大问题 is kept
    expect(s.totalBeforeVeto).toBe(100);
  });

  it('a veto finding of a rule the 细则 does not count as 重大问题 does not zero the file (应移送未移送)', () => {
    const cf = sample('01-general-fine-clean.json');
    const r = reviewOf(cf);
    const s = score(cf, [], { ...r, findings: [...r.findings, finding('SEQ-26-3', 'veto', 'procedure')] });
    expect(s.legality!.hits).toEqual([]);
    expect(s.total).toBe(100);
  });

  it("a veto rule's finding below veto (回避决定的决定人不当: error) is a hint of its 重大问题, not a hit", () => {
    const cf = sample('01-general-fine-clean.json');
    const r = reviewOf(cf);
    const lesser = score(cf, [], { ...r, findings: [...r.findings, finding('C1-10-2', 'error', 'procedure')] });
    expect(lesser.legality!.hits).toEqual([]);
    expect(lesser.vetoHits).toEqual([]);
    const item15 = lesser.legality!.items.find((i) => i.no === 15)!;
    expect(item15.status).toBe('pending');
    expect(item15.evidence).toContainEqual(expect.objectContaining({ ruleId: 'C1-10-2', kind: 'hint', severity: 'error' }));
    // the same rule at veto is the 重大问题
    const veto = score(cf, [], { ...r, findings: [...r.findings, finding('C1-10-2', 'veto', 'procedure')] });
    expect(veto.legality!.hits.map((h) => h.no)).toEqual([15]);
    expect(veto.total).toBe(0);
    // a rule the sheet maps at its own lesser severity (DL-06-SP, error) still hits: the rule means it
    const own = score(cf, [], { ...r, findings: [...r.findings, finding('DL-06-SP', 'error', 'procedure')] });
    expect(own.legality!.hits.map((h) => h.no)).toEqual([14]);
  });

  it('an item that does not apply leaves the denominator: two files differing only in it, same 规范性 percentage', () => {
    // 01 has no 监测报告 (G4 "根据案情无需监测…的，本项无需评审"); the second file is the same with a 监测报告 added.
    const without = sample('01-general-fine-clean.json');
    const withReport: CaseFile = structuredClone(without);
    withReport.documents.push({ ...structuredClone(without.documents.find((d) => d.type === 'photo_evidence')!), id: 'd-monitoring', type: 'monitoring_report', title: '监测报告' } as never);
    const a0 = score(without);
    expect(a0.normativity!.documents.find((d) => d.id === 'G4')!.status).toBe('not_applicable');
    // the reviewer gives every pending item of both files half its points (3 of 6 … in 0.5 steps)
    const a = score(without, reviewerScores(a0, 0.5));
    const b0 = score(withReport);
    const b = score(withReport, reviewerScores(b0, 0.5));
    expect(b.normativity!.documents.find((d) => d.id === 'G4')!.status).toBe('scored');
    const pct = (x: typeof a) => x.normativity!.earned / x.normativity!.participating;
    // take the report's own points out of b: what is left is exactly a — the absent report was never in a's sums
    const g4 = b.normativity!.documents.find((d) => d.id === 'G4')!;
    expect((b.normativity!.earned - g4.awarded) / (b.normativity!.participating - g4.points)).toBeCloseTo(pct(a), 10);
    // and the file without the report is not charged for it: its Σ标准分 is b's minus the report's 5
    expect(a.normativity!.participating).toBe(b.normativity!.participating - 5);
    expect(a.normativity!.documentScore).toBeCloseTo(50 * pct(a), 2);
  });

  it('an absent document the 细则 scores "本项得0分" counts 0 of its 标准分', () => {
    const cf = sample('01-general-fine-clean.json');
    cf.documents = cf.documents.filter((d) => d.type !== 'investigation_report');
    const s = score(cf);
    expect(s.normativity!.documents.find((d) => d.id === 'G6')).toMatchObject({ status: 'absent', awarded: 0, points: 8 });
    expect(s.normativity!.participating).toBe(11 + 8);
    expect(s.normativity!.documentScore).toBe(Math.round((50 * 11) / 19 * 100) / 100);
  });

  it('卷面 deductions stop at 20 and 规范性 never goes below 0', () => {
    const cf = sample('08-draft-in-progress.json');
    const r = reviewOf(cf);
    const allFormRules = sheet.form.groups.flatMap((g) => g.elements.flatMap((e) => e.rules));
    const withDefects = { ...r, findings: [...r.findings, ...allFormRules.map((id) => finding(id, 'error', 'archiving'))] };
    const s0 = score(cf, [], withDefects);
    const pendingForm = s0.manualItems!.filter((m) => m.kind === 'deduction').map((m) => ({ itemId: m.itemId, points: m.points }));
    const s = score(cf, pendingForm, withDefects);
    expect(s.formDeductions!.groups.map((g) => g.deducted)).toEqual([10, 10]);
    expect(s.formDeductions!.deducted).toBe(20);
    // 50 × 6 / 21 = 14.29 before 卷面: minus 20 is 0, not negative
    expect(s.normativity!.documentScore).toBe(14.29);
    expect(s.normativity!.score).toBe(0);
    expect(s.total).toBe(50);
  });

  it('manual scores settle the reviewer items; the total stays inside the range given before', () => {
    const cf = sample('02-hearing-case.json');
    const before = score(cf);
    expect(before.manualItems!.length).toBeGreaterThan(10);
    const after = score(cf, reviewerScores(before, 0.5));
    expect(after.manualItems).toEqual([]);
    expect(after.totalRange).toEqual({ min: after.total, max: after.total });
    expect(after.total).toBeGreaterThanOrEqual(before.totalRange!.min);
    expect(after.total).toBeLessThanOrEqual(before.totalRange!.max);
    const g11_4 = after.normativity!.documents.find((d) => d.id === 'G11')!.subItems.find((x) => x.no === 4)!;
    expect(g11_4).toMatchObject({ status: 'reviewer', points: 2, awarded: 1 });
  });

  it('a reviewer may overrule a machine item; the machine result stays visible', () => {
    const cf = sample('10-hearing-period-calendar-days.json');
    const s = score(cf, [{ itemId: 'G8.5', points: 1, note: '告知书另页已载明工作日' }]);
    const item = s.normativity!.documents.find((d) => d.id === 'G8')!.subItems.find((x) => x.no === 5)!;
    expect(item).toMatchObject({ status: 'reviewer', awarded: 1 });
    expect(item.note).toContain('机器评定 0 分');
    expect(item.evidence.map((e) => e.ruleId)).toContain('DL-06-SP');
  });

  it('a file the 细则 has no case type for (简易程序) says so', () => {
    const s = score(sample('04-simple-procedure-on-the-spot.json'));
    expect(s.normativity!.caseType).toBeNull();
    expect(s.normativity!.note).toContain('简易程序');
  });

  it('needs the case file', () => {
    expect(() => scoreReview(reviewOf(sample('01-general-fine-clean.json')), sheet)).toThrow(ScoringError);
  });
});

describe('official-2024 — manual scores are validated against the sheet', () => {
  const cf = sample('01-general-fine-clean.json');

  it('accepts item ids of the file’s case type, 卷面 elements and pending documents', () => {
    const { scores, issues } = validateManualScores([{ itemId: 'G11.4', points: 1.5, note: ' 已说明 ' }, { itemId: 'F2.8', points: 1 }], sheet, cf);
    expect(issues).toEqual([]);
    expect(scores).toEqual([{ itemId: 'G11.4', points: 1.5, note: '已说明' }, { itemId: 'F2.8', points: 1 }]);
  });

  it('refuses an unknown item, an item of another case type, points out of range, duplicates — with the path', () => {
    const { scores, issues } = validateManualScores(
      [{ itemId: 'G99.1', points: 1 }, { itemId: 'S6.1', points: 1 }, { itemId: 'G11.4', points: 3 }, { itemId: 'G1.2', points: -1 }, { itemId: 'F1.1', points: 1 }, { itemId: 'F1.1', points: 1 }, { itemId: 'G2.1', points: 1, extra: 1 }],
      sheet,
      cf,
    );
    expect(scores).toEqual([]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['manualScores[0].itemId', 'UNKNOWN_SCORING_ITEM'],
      ['manualScores[1].itemId', 'UNKNOWN_SCORING_ITEM'],
      ['manualScores[2].points', 'POINTS_OUT_OF_RANGE'],
      ['manualScores[3].points', 'POINTS_OUT_OF_RANGE'],
      ['manualScores[5].itemId', 'DUPLICATE_SCORING_ITEM'],
      ['manualScores[6].extra', 'INVALID_MANUAL_SCORES'],
    ]);
    expect(issues[1].message).toContain('一般行政处罚');
    expect(issues[2].message).toContain('0 至 2');
  });

  it('refuses manual scores for a deduction-model sheet', () => {
    const { issues } = validateManualScores([{ itemId: 'G1.1', points: 0 }], loadScoringSheet('inferred-2024') as never, cf);
    expect(issues[0].code).toBe('NOT_A_MANUAL_SHEET');
  });
});
