/** The review report of a partly entered case lists 录入完整度 apart: 待补录 items are neither problems nor 无法判定 rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../../src/core/case-file/types';
import { reviewCaseFile } from '../../src/core/engine';
import { importWorkbook } from '../../src/core/intake';
import { renderReviewReport } from '../../src/core/report';
import { loadScoringSheet, scoreReview } from '../../src/core/scoring';
import { pdfText, squash } from '../report/support/text';
import { bureauIndexWorkbook, headerOf } from './support/bureau-index';

const clean = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'cases', '01-general-fine-clean.json'), 'utf8')) as CaseFile;

it('an index-only case: the report has a 录入完整度 section with the documents and fields still to enter', async () => {
  const r = await importWorkbook(await bureauIndexWorkbook(clean), { base: headerOf(clean) });
  const review = reviewCaseFile(r.caseFile!, { asOf: '2026-06-30' });
  const score = scoreReview(review, loadScoringSheet(), { caseFile: r.caseFile! });
  const { text } = await pdfText(await renderReviewReport({ caseFile: r.caseFile!, review, score }));
  const t = squash(text);
  expect(t).toContain('录入完整度（待补录）');
  expect(t).toContain(squash(`卷内文书 ${r.caseFile!.documents.length} 份：已录入 0 份，部分录入 0 份，未录入 ${r.caseFile!.documents.length} 份`));
  expect(t).toContain('不计为问题、不扣分、不否决');
  expect(t).toContain('未发现问题');
  // the 待补录 rules are not repeated among the 无法判定 checks
  expect(t).not.toContain('待补录：');
});

it('a fully entered case has no such section', async () => {
  const review = reviewCaseFile(clean, { asOf: '2026-06-30' });
  const { text } = await pdfText(await renderReviewReport({ caseFile: clean, review, score: scoreReview(review, loadScoringSheet(), { caseFile: clean }) }));
  expect(squash(text)).not.toContain('录入完整度');
});
