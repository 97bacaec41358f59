/**
 * Reports of real reviews: every case file in fixtures/cases/, reviewed by the engine, scored with the default
 * sheet, rendered — and checked on paper: the text is there, every line has ink, the renderer is silent, nothing
 * overlaps or leaves the margins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../../src/core/case-file/types';
import { reviewCaseFile } from '../../src/core/engine';
import { projectRoot } from '../../src/core/paths';
import { layoutReviewReport, reportTitle } from '../../src/core/report';
import { loadScoringSheet, scoreReview } from '../../src/core/scoring';
import { misplacedBoxes, overlappingPairs } from './support/geometry';
import { inkCheck } from './support/raster';
import { pdfText, squash } from './support/text';

const dir = join(projectRoot(), 'fixtures', 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('reports of the fixture case files (real engine reviews)', () => {
  it('there are fixtures to render', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s', async (file) => {
    const caseFile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CaseFile;
    const review = reviewCaseFile(caseFile, { asOf: '2026-11-30' });
    const score = scoreReview(review, loadScoringSheet('inferred-2024'));
    const { pdf, layout } = await layoutReviewReport({ caseFile, review, score });

    const t = squash((await pdfText(pdf)).text);
    expect(t).toContain(reportTitle(review.mode));
    expect(t).toContain(squash(caseFile.case.caseNumber));
    for (const p of caseFile.parties) expect(t).toContain(squash(p.name));
    expect(t).toContain(squash(`总分 ${score.total} 分`));
    expect(t).toContain(squash(`等次：${score.grade}`));
    for (const f of review.findings) {
      expect(t).toContain(squash(`${f.ruleId}　${f.title}`));
      if (f.basisPending) expect(t).toContain('依据待核');
      for (const step of f.calendar ?? []) expect(t).toContain(squash(step));
    }
    for (const p of review.passed) expect(t).toContain(squash(p.ruleId));
    for (const u of review.upcoming) expect(t).toContain(u.dueOn);

    expect(layout.missingGlyphs.size).toBe(0);
    expect(overlappingPairs(layout.boxes)).toEqual([]);
    expect(misplacedBoxes(layout)).toEqual([]);
    const ink = await inkCheck(pdf, layout.boxes, layout.pageHeight, 40);
    expect(ink.stderr).toBe('');
    expect(ink.pageCount).toBe(layout.pageCount);
    expect(ink.blankBoxes).toEqual([]);
  });
});
