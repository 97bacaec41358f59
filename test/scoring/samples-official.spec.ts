/**
 * The samples scored on official-2024 equal the hand-worked table of fixtures/cases/README.md §6.
 * A rule or sheet change that moves a score fails here and names the sample.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewCaseFile } from '../../src/core/engine';
import { projectRoot } from '../../src/core/paths';
import { loadScoringSheet, scoreReview } from '../../src/core/scoring';

const samplesDir = join(projectRoot(), 'fixtures', 'cases');

interface Row {
  file: string;
  caseType: string;
  earned: number;
  participating: number;
  form: number;
  normativity: number;
  hits: string;
  legality: number;
  total: number;
  range: [number, number];
}

function readTable(): Row[] {
  const text = readFileSync(join(samplesDir, 'README.md'), 'utf8');
  const section = text.split(/^## 6\. /m)[1];
  if (!section) throw new Error('README.md has no section "## 6." with the official scores');
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const m = /^\| `([^`]+\.json)` \|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const c = m[2].split('|').map((x) => x.trim());
    const [lo, hi] = c[9].split('–').map(Number);
    rows.push({
      file: m[1],
      caseType: c[0],
      earned: Number(c[1]),
      participating: Number(c[2]),
      form: Number(c[4]),
      normativity: Number(c[5]),
      hits: c[6],
      legality: Number(c[7]),
      total: Number(c[8].replace(/\*/g, '')),
      range: [lo, hi],
    });
  }
  return rows;
}

const rows = readTable();
const sheet = loadScoringSheet('official-2024');

describe('fixtures/cases README §6 — official-2024 scores worked by hand', () => {
  it('has a row for each sample file', () => {
    const files = readdirSync(samplesDir).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(14);
    expect(rows.map((r) => r.file)).toEqual(files);
  });

  it.each(rows.map((r) => [r.file, r] as const))('%s', (file, row) => {
    const caseFile = JSON.parse(readFileSync(join(samplesDir, file), 'utf8'));
    const review = reviewCaseFile(caseFile, { mode: 'review', asOf: '2026-06-30' });
    const s = scoreReview(review, sheet, { caseFile });
    const n = s.normativity!;
    const hitNos = s.legality!.hits.map((h) => `第${h.no}项`);
    expect({
      file,
      caseType: n.caseType ? n.caseTypeName : '（无）',
      earned: n.earned,
      participating: n.participating,
      form: s.formDeductions!.deducted,
      normativity: n.score,
      hits: hitNos,
      legality: s.legality!.score,
      total: s.total,
      range: [s.totalRange!.min, s.totalRange!.max],
    }).toEqual({
      file,
      caseType: row.caseType,
      earned: row.earned,
      participating: row.participating,
      form: row.form,
      normativity: row.normativity,
      hits: row.hits === '—' ? [] : [...row.hits.matchAll(/第\d+项/g)].map((x) => x[0]),
      legality: row.legality,
      total: row.total,
      range: row.range,
    });
  });
});
