/**
 * The review report on the official sheet shows 合法性 and 规范性 apart: each 重大问题 hit with its 细则 item number
 * and the rule behind it, the per-document items with points, the 卷面 deductions, and what is left to the reviewer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../../src/core/case-file/types';
import { reviewCaseFile } from '../../src/core/engine';
import { projectRoot } from '../../src/core/paths';
import { renderReviewReport } from '../../src/core/report';
import { loadScoringSheet, scoreReview } from '../../src/core/scoring';
import { pdfText, squash } from './support/text';

const sample = (name: string): CaseFile => JSON.parse(readFileSync(join(projectRoot(), 'fixtures', 'cases', name), 'utf8'));

async function reportText(name: string, manualScores: { itemId: string; points: number }[] = []): Promise<string> {
  const caseFile = sample(name);
  const review = reviewCaseFile(caseFile, { mode: 'review', asOf: '2026-06-30' });
  const score = scoreReview(review, loadScoringSheet('official-2024'), { caseFile, manualScores });
  return squash((await pdfText(await renderReviewReport({ caseFile, review, score }))).text);
}

describe('review report — official-2024', () => {
  it('a 重大问题: the 细则 item, the rule, 0 分, and the 规范性 arithmetic kept apart', async () => {
    const t = await reportText('10-hearing-period-calendar-days.json');
    expect(t).toContain(squash('案卷得分 0 分（满分 100 分）：合法性存在重大问题'));
    expect(t).toContain(squash('依细则"直接评为 0 分"（不计重大问题时为 90.91 分，其中规范性 40.91 分）'));
    expect(t).not.toContain(squash('＝ 合法性 0 ＋ 规范性'));
    expect(t).toContain(squash('细则合法性评查第14项（执法程序）'));
    expect(t).toContain(squash('——规则 DL-06-SP'));
    expect(t).toContain(squash('规范性得分 ＝ 50 × 9 / 11 − 0 = 40.91 − 0 = 40.91'));
    expect(t).toContain(squash('G8.5 行政处罚事先（听证）告知书：告知当事人陈述、申辩权利及联系方式'));
    expect(t).toContain('DL-06-SP发现问题');
    expect(t).toContain(squash('（三）卷面基本要素（扣分制，最多扣 20 分）：扣 0 分'));
    expect(t).toContain(squash('（四）留待评查人员评分的项目'));
    expect(t).toContain('【Q†】');
    expect(t).toContain(squash('本地等次参照【I】'));
  });

  it('a clean file: no 重大问题, the range the reviewer can still move, the items not applicable', async () => {
    const t = await reportText('01-general-fine-clean.json');
    expect(t).toContain(squash('规则可判定的部分未发现重大问题'));
    expect(t).toContain(squash('得分在 50.24–100 分之间'));
    expect(t).toContain(squash('G4 监测/检测/鉴定报告 5 0 0 0 无需评审'));
  });

  it('manual scores show as 评查人员评定', async () => {
    const t = await reportText('01-general-fine-clean.json', [{ itemId: 'G11.4', points: 1 }]);
    expect(t).toContain(squash('G11.4 行政处罚决定书：陈述、申辩、听证过程'));
    expect(t).toContain('评查人员评分');
  });
});
