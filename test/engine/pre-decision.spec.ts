/**
 * Pre-decision mode (法制审核 before the decision, 行政处罚法第58条): everything due up to the decision is a defect
 * when missing; the 审核/讨论 stage itself and what follows the decision are listed, not reported; the result lists
 * what the 决定书 must state (第59条). Sample 08 (README §3.8) is a file at that point: 告知书 served, no decision.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCalendar } from '../../src/core/calendar';
import type { CaseFile } from '../../src/core/case-file/types';
import { validateCaseFile } from '../../src/core/case-file/validate';
import { defaultRulePack, reviewCaseFile, type ReviewOptions } from '../../src/core/engine';

const deps = { pack: defaultRulePack(), calendar: defaultCalendar() };
const raw = () => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'cases', '08-draft-in-progress.json'), 'utf8')) as CaseFile;
const asOf = '2026-02-10';
const PRE: ReviewOptions = { mode: 'pre-decision', asOf };
const DRAFT: ReviewOptions = { mode: 'draft', asOf };

function review(file: CaseFile, options: ReviewOptions) {
  const v = validateCaseFile(file);
  if (!v.ok) throw new Error(v.errors.map((e) => `${e.path} ${e.message}`).join('; '));
  return reviewCaseFile(v.value, options, deps);
}
const without = (file: CaseFile, ...ids: string[]): CaseFile => ({
  ...file,
  documents: file.documents.filter((d) => !ids.includes(d.id)),
  ...(file.fileIndex ? { fileIndex: file.fileIndex.filter((e) => !e.refId || !ids.includes(e.refId)) } : {}),
});
const ruleIds = (r: ReturnType<typeof review>) => r.findings.map((f) => f.ruleId);

describe('pre-decision mode (法制审核, 行政处罚法第58条)', () => {
  it('sample 08 in order so far: no finding, the earliest lawful decision date and the 办案期限 as deadlines, the 决定书 items', () => {
    const r = review(raw(), PRE);
    expect(r.mode).toBe('pre-decision');
    expect(r.findings).toEqual([]);
    expect(r.upcoming.map((u) => [u.ruleId, u.dueOn])).toEqual(expect.arrayContaining([['SEQ-07', '2026-02-14'], ['DL-01', '2026-04-16']]));
    // 结案审批表 is not the reviewer's business before the decision
    expect(r.nextDocuments.map((d) => d.type)).not.toContain('closing_approval');
    const items = r.decisionMustState!;
    expect(items.filter((i) => i.ruleId === 'FLD-01').map((i) => i.item)).toEqual([
      '（一）当事人的姓名或者名称、地址',
      '（二）违反法律、法规、规章的事实和证据',
      '（三）行政处罚的种类和依据',
      '（四）行政处罚的履行方式和期限',
      '（五）申请行政复议、提起行政诉讼的途径和期限',
      '（六）作出决定的行政机关名称和作出决定的日期',
    ]);
    expect(items.find((i) => i.ruleId === 'SEQ-15')).toEqual({ item: '行政处罚决定书应当加盖行政机关印章', ruleId: 'SEQ-15', basis: '中华人民共和国行政处罚法第59条第2款' });
    expect(items.filter((i) => /^FLD-01|^SEQ-15/.test(i.ruleId)).every((i) => i.basis.startsWith('中华人民共和国行政处罚法第59条'))).toBe(true);
    // beyond 第59条: the 细则's 说理 items, the 复议机关, and a 责令改正 written into the decision (办法第9条)
    expect(items.filter((i) => !/^FLD-01|^SEQ-15/.test(i.ruleId)).map((i) => [i.ruleId, i.item, i.basis])).toEqual(
      expect.arrayContaining([
        ['FLD-31', '陈述、申辩、听证过程及采纳当事人意见的情况和理由', '生态环境行政执法案卷评查细则（2024年版）行政处罚决定书第4目'],
        ['FLD-34', '县级以上地方人民政府作为行政复议机关', '中华人民共和国行政复议法第24条'],
        ['FLD-30', '决定书责令改正的：逾期不改正的法律后果', expect.any(String)],
      ]),
    );
  });

  it('the other modes carry no 决定书应载明 list', () => {
    expect(review(raw(), DRAFT).decisionMustState).toBeUndefined();
    expect(review(raw(), { mode: 'review', asOf }).decisionMustState).toBeUndefined();
  });

  it('a missing 告知书 bars the decision: a veto before the decision (worded as a bar), none in the officer’s draft', () => {
    const file = without(raw(), 'd-notice', 'd-notice-receipt');
    const pre = review(file, PRE);
    const c109 = pre.findings.find((f) => f.ruleId === 'C1-09');
    expect(c109?.severity).toBe('veto');
    expect(c109?.message).toMatch(/^卷内无行政处罚事先告知书：.*不得作出处罚决定/);
    const draft = review(file, DRAFT);
    expect(ruleIds(draft)).not.toContain('C1-09');
  });

  it('a missing 调查报告 is a defect before the decision', () => {
    const file = without(raw(), 'd-report');
    expect(ruleIds(review(file, PRE))).toContain('C1-07');
  });

  it('a 不予处罚 file is not asked for a 告知书 before its decision', () => {
    const file = without(raw(), 'd-notice', 'd-notice-receipt');
    file.case.flags = { ...file.case.flags, noPenalty: true };
    expect(ruleIds(review(file, PRE))).not.toContain('C1-09');
  });

  it('a hearing applied for and not held: the decision may not be made (SEQ-09)', () => {
    const file = raw();
    file.documents.push({ id: 'd-hearing-app', type: 'hearing_application', madeOn: '2026-02-10' } as CaseFile['documents'][number]);
    expect(ruleIds(review(file, PRE))).toContain('SEQ-09');
    expect(ruleIds(review(file, DRAFT))).not.toContain('SEQ-09');
  });

  it('the 法制审核意见 is what this review produces: not a defect, listed as the next document (SEQ-10)', () => {
    const file = raw();
    file.case.flags = { ...file.case.flags, legalReviewRequired: true };
    const pre = review(file, PRE);
    expect(ruleIds(pre)).not.toContain('SEQ-10');
    expect(pre.nextDocuments.find((d) => d.type === 'legal_review_opinion')?.ruleId).toBe('SEQ-10');
  });
});
