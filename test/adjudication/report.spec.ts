import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adjudicate, applySignOffEvent, factRefs, factsDigest, newSignOff, type Actor } from '../../src/core/adjudication';
import type { CaseFile } from '../../src/core/case-file/types';
import { reviewCaseFile } from '../../src/core/engine';
import { renderReviewReport } from '../../src/core/report';
import { loadScoringSheet } from '../../src/core/scoring';
import { pdfTextSquashed } from './support/pdf-text';

const file = JSON.parse(readFileSync(join(__dirname, '../../fixtures/cases/11-decision-before-statement-period-no-education.json'), 'utf8')) as CaseFile;
const sheet = loadScoringSheet('inferred-2024');
const reviewer: Actor = { id: 'u1', name: '李评查' };
const leader: Actor = { id: 'u2', name: '王组长' };

describe('report PDF with rulings, manual findings and sign-off', () => {
  const review = reviewCaseFile(file, { mode: 'review', asOf: '2026-06-30' });
  const target = review.findings.find((f) => f.severity === 'warning' || f.severity === 'error')!;
  const adjudicated = adjudicate({
    review,
    sheet,
    rulings: [
      {
        id: 'r1',
        ruleId: target.ruleId,
        fingerprint: target.fingerprint,
        factsDigest: factsDigest(target),
        refs: factRefs(target),
        decision: 'dismissed',
        reason: '卷内另有送达回证可以证明',
        title: target.title,
        by: reviewer,
        at: '2026-12-01T17:30:00.000Z', // 2026-12-02 in Beijing
      },
    ],
    explanations: [{ id: 'x1', fingerprint: target.fingerprint, text: '送达回证附于第15页', by: { id: 'o1', name: '赵办案' }, at: '2026-11-30T02:00:00.000Z' }],
    manualFindings: [
      { id: 'm1', item: '合法性评查 裁量', categoryId: 'decision', severity: 'error', points: 2, text: '未说明裁量基准的适用理由', evidence: '决定书第2页', by: reviewer, at: '2026-12-01T03:00:00.000Z' },
    ],
    manualScores: [{ id: 's1', itemId: 'investigation', score: 27, note: '询问笔录未载明告知事项', by: reviewer, at: '2026-12-01T03:00:00.000Z' }],
  });

  it('prints the ruling, the manual finding and score, the opinion and both signatures', async () => {
    let signOff = applySignOffEvent(newSignOff(), { type: 'sign', by: reviewer, at: '2026-12-01T04:00:00.000Z', opinion: '决定书作出前未待陈述申辩期满，建议整改' });
    signOff = applySignOffEvent(signOff, { type: 'approve', by: leader, at: '2026-12-03T01:00:00.000Z', comment: '同意' });
    const pdf = await renderReviewReport({ caseFile: file, review, score: adjudicated.score, judgement: { adjudicated, signOff } });
    const t = await pdfTextSquashed(pdf);
    for (const s of [
      '裁定：已驳回',
      '卷内另有送达回证可以证明',
      '李评查，2026-12-02',
      '情况说明：送达回证附于第15页',
      '人工评查',
      '人工认定的问题（1项）',
      '未说明裁量基准的适用理由',
      '决定书第2页',
      '人工评分的项目（1项）',
      '询问笔录未载明告知事项',
      '驳回的机器提示（1项，不扣分）',
      '评查意见：决定书作出前未待陈述申辩期满，建议整改',
      '评查人：李评查日期：2026-12-01',
      '复核人：王组长日期：2026-12-03复核通过：同意',
      '状态：复核通过',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain('评查人（签名）：____');
    expect(t).toContain(`总分${adjudicated.score.total}分`);
  });

  it('before signing: blank signature lines and the state', async () => {
    const pdf = await renderReviewReport({ caseFile: file, review, score: adjudicated.score, judgement: { adjudicated, signOff: newSignOff() } });
    const t = await pdfTextSquashed(pdf);
    expect(t).toContain('评查人（签名）：____________________复核人（签名）');
    expect(t).toContain('状态：评查中');
    expect(t).toContain('人工认定的问题（1项）');
  });
});
