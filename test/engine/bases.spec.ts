/**
 * The clean bases of fixtures/rules/base are valid case files that the whole pack passes without a single
 * finding — so every invalid fixture isolates the one defect its edits plant.
 */
import { defaultCalendar } from '../../src/core/calendar';
import { defaultRulePack, reviewCaseFile } from '../../src/core/engine';
import { baseNames, buildCase } from './rule-harness';

describe.each(baseNames().map((b) => [b]))('base %s', (base) => {
  it('is a valid case file with no findings in review mode', () => {
    const result = reviewCaseFile(buildCase({ name: base, base }), { mode: 'review', asOf: '2026-06-30' }, { pack: defaultRulePack(), calendar: defaultCalendar() });
    expect(result.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(result.undeterminable).toEqual([]);
    expect(result.passed.length).toBeGreaterThan(2);
  });
});
