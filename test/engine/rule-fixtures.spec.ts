/**
 * Every rule of the pack has at least one valid and one invalid case in fixtures/rules/*.yaml, and each case
 * behaves as written: invalid → a finding of that rule (with the asserted data); valid → no finding of that
 * rule, and the rule was actually checked (passed / upcoming …, not silently skipped).
 */
import { defaultCalendar } from '../../src/core/calendar';
import { defaultRulePack, reviewCaseFile } from '../../src/core/engine';
import { buildCase, loadRuleFixtures, type RuleCase } from './rule-harness';

const pack = defaultRulePack();
const calendar = defaultCalendar();
const fixtures = loadRuleFixtures();
const DEFAULT_AS_OF = '2026-06-30';

function run(c: RuleCase) {
  return reviewCaseFile(buildCase(c), { mode: c.mode ?? 'review', asOf: c.asOf ?? DEFAULT_AS_OF }, { pack, calendar });
}

describe('rule fixtures cover the whole pack', () => {
  it.each(pack.rules.map((r) => [r.id]))('%s has valid and invalid cases', (id) => {
    const fx = fixtures.get(id);
    expect(fx).toBeDefined();
    expect(fx!.valid.length).toBeGreaterThan(0);
    expect(fx!.invalid.length).toBeGreaterThan(0);
  });

  it('fixtures name only rules of the pack', () => {
    const unknown = [...fixtures.keys()].filter((id) => !pack.byId.has(id));
    expect(unknown).toEqual([]);
  });
});

const cases: [string, 'valid' | 'invalid', RuleCase][] = [];
for (const [id, fx] of fixtures) {
  if (!pack.byId.has(id)) continue;
  for (const c of fx.valid) cases.push([id, 'valid', c]);
  for (const c of fx.invalid) cases.push([id, 'invalid', c]);
}

describe.each(cases.map(([id, kind, c]) => [`${id} ${kind}: ${c.name}`, id, kind, c] as const))('%s', (_title, id, kind, c) => {
  it('behaves as the fixture says', () => {
    const result = run(c);
    const mine = result.findings.filter((f) => f.ruleId === id);
    const e = c.expect ?? {};
    if (kind === 'invalid') {
      expect(mine.map((f) => f.message)).not.toEqual([]);
      if (e.count !== undefined) expect(mine).toHaveLength(e.count);
      if (e.severity) expect(mine[0].severity).toBe(e.severity);
      if (e.data) expect(mine[0].data).toMatchObject(e.data);
      if (e.message) expect(mine[0].message).toContain(e.message);
      if (e.formerId !== undefined) expect(mine[0].formerId ?? '').toBe(e.formerId);
      for (const f of mine) {
        // the version of the law that applied: its 依据, its confidence
        const top = pack.byId.get(id)!;
        const rule = f.formerId ? top.versions!.find((v) => v.formerId === f.formerId)! : top;
        expect(f.basis).toEqual(rule.basis);
        expect(f.basisPending).toBe(rule.confidence !== 'Q');
        if (rule.confidence !== 'Q') expect(f.message).toContain('依据待核');
        expect(f.message).not.toMatch(/\{[A-Za-z]+\}/);
        expect(f.suggestion).not.toMatch(/\{[A-Za-z]+\}/);
      }
    } else {
      expect(mine.map((f) => f.message)).toEqual([]);
      const status = e.status ?? (e.upcoming ? 'upcoming' : e.next ? 'next' : 'passed');
      if (status === 'passed') expect(result.passed.map((p) => p.ruleId)).toContain(id);
      if (status === 'notApplicable') expect(result.notApplicable.map((p) => p.ruleId)).toContain(id);
      if (status === 'upcoming') {
        const u = result.upcoming.find((x) => x.ruleId === id);
        expect(u).toBeDefined();
        if (e.upcoming) expect(u).toMatchObject(e.upcoming);
      }
      if (status === 'next') {
        const n = result.nextDocuments.find((x) => x.type === e.next);
        expect(n).toBeDefined();
        expect(n!.ruleId === id || n!.reason.includes(`（${id}）`)).toBe(true);
      }
    }
  });
});
