import { DEFECT_RULES, generateCaseFile, generateSyntheticCases, isSyntheticWorkday, syntheticCase, type SyntheticKind } from '../../bench/synthetic';
import { reviewCaseFile } from '../../src/core/engine';
import { validateCaseFile } from '../../src/core/case-file/validate';
import { defaultCalendar } from '../../src/core/calendar';

describe('bench/synthetic', () => {
  it('every one of 500 generated files passes validateCaseFile', () => {
    const failures: string[] = [];
    for (const c of generateSyntheticCases(500, 20261129)) {
      const r = validateCaseFile(JSON.parse(JSON.stringify(c.caseFile)));
      if (!r.ok) failures.push(`#${c.index} ${c.kind}: ${r.errors.slice(0, 3).map((e) => `${e.path} ${e.code}`).join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('is a pure function of (i, seed)', () => {
    expect(generateCaseFile(123, 7)).toEqual(generateCaseFile(123, 7));
    expect(syntheticCase(123, 7).caseFile).toEqual([...generateSyntheticCases(124, 7)][123].caseFile);
    expect(generateCaseFile(123, 7)).not.toEqual(generateCaseFile(123, 8));
  });

  it('mixes case types and defects in the planned shares', () => {
    const n = 4000;
    const kinds: Record<string, number> = {};
    let defective = 0;
    const docCounts: number[] = [];
    for (const c of generateSyntheticCases(n, 3)) {
      kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
      if (c.defect !== 'none') defective++;
      if (c.kind !== 'simple') docCounts.push(c.caseFile.documents.length);
    }
    const share = (k: SyntheticKind) => (kinds[k] ?? 0) / n;
    expect(share('general')).toBeCloseTo(0.55, 1);
    expect(share('hearing')).toBeCloseTo(0.1, 1);
    expect(share('simple')).toBeCloseTo(0.12, 1);
    for (const k of ['major', 'daily', 'seizure', 'no_penalty'] as const) expect(share(k)).toBeGreaterThan(0.02);
    expect(defective / n).toBeGreaterThan(0.26);
    expect(defective / n).toBeLessThan(0.34);
    expect(Math.min(...docCounts)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...docCounts)).toBeLessThanOrEqual(66);
    expect(new Set([...generateSyntheticCases(200, 3)].map((c) => c.caseFile.case.agency)).size).toBeGreaterThanOrEqual(5);
  });

  it('its embedded working-day table agrees with the legal calendar for 2024–2026', () => {
    const cal = defaultCalendar();
    const disagreements: string[] = [];
    for (let d = Date.UTC(2024, 0, 1); d <= Date.UTC(2026, 11, 31); d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      if (cal.isWorkday(date) !== isSyntheticWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it('clean files review clean; each planted defect is reported by its rule and nothing else above info', () => {
    const problems: string[] = [];
    for (const c of generateSyntheticCases(400, 99)) {
      const r = reviewCaseFile(c.caseFile, { mode: 'review', asOf: '2026-11-30' });
      const serious = r.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId);
      if (c.defect === 'none') {
        if (r.findings.length) problems.push(`#${c.index} ${c.kind} clean but: ${r.findings.map((f) => f.ruleId).join(',')}`);
      } else {
        const expected = DEFECT_RULES[c.defect];
        if (!serious.some((id) => expected.includes(id))) problems.push(`#${c.index} ${c.kind} ${c.defect}: not reported (${serious.join(',')})`);
        const others = serious.filter((id) => !expected.includes(id));
        if (others.length) problems.push(`#${c.index} ${c.kind} ${c.defect}: also ${others.join(',')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
